// /events.rss and /events.json: the public events only, with the list's filters, parsed back by
// real feed readers' parsers.
import Parser from 'rss-parser'
import { describe, expect, test } from 'vitest'
import { callRoute } from '../../tests/setup/routes'
import { createCentre, createUser } from '../../tests/setup/fixtures'
import { createEvent, setEventStatus, type EventInput } from '~/models/event.server'
import { addDays, copenhagenDate } from '~/utils/time'
import { loader as jsonLoader } from './events[.]json'
import { loader as rssLoader } from './events[.]rss'

function event(title: string, overrides: Partial<EventInput> = {}): EventInput {
  const day = addDays(copenhagenDate(), 10)
  return {
    kind: 'internet_cafe',
    title,
    description: 'Kom og få hjælp til <tablet> & telefon.',
    capacity: 12,
    audience: 'public',
    signupDeadlineDate: null,
    sessions: [{ localDate: day, startTime: '10:00', endTime: '12:00', place: 'Biblioteket', onlineUrl: null }],
    ...overrides,
  }
}

async function published(coordinatorId: string, centreId: string, input: EventInput) {
  const { eventId } = await createEvent(coordinatorId, centreId, input)
  await setEventStatus(coordinatorId, eventId, 'published')
  return eventId
}

describe('the events feeds', () => {
  test('carry the public events only, filtered by kind and municipality, in Danish or English', async () => {
    const gribskov = await createCentre(['Gribskov Kommune'])
    const furesoe = await createCentre(['Furesø Kommune'])
    const a = await createUser('coordinator', { centreId: gribskov.id })
    const b = await createUser('coordinator', { centreId: furesoe.id })
    const cafe = await published(a.id, gribskov.id, event('Internetcafé i Helsinge'))
    await published(a.id, gribskov.id, event('Kun for frivillige', { audience: 'volunteers', kind: 'intro_meeting' }))
    await createEvent(a.id, gribskov.id, event('Kladde'))
    const other = await published(b.id, furesoe.id, event('Internetcafé i Farum'))

    const rss = await callRoute(rssLoader, new Request('http://localhost/events.rss?municipality=Gribskov%20Kommune'))
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const feed = await new Parser().parseString(await rss.text())
    const titles = feed.items.map((item) => item.title)
    expect(titles).toContain('Internetcafé i Helsinge')
    expect(titles).not.toContain('Internetcafé i Farum')
    expect(titles).not.toContain('Kun for frivillige')
    expect(titles).not.toContain('Kladde')
    const item = feed.items.find((i) => i.title === 'Internetcafé i Helsinge')!
    expect(item.link).toMatch(new RegExp(`/events/${cafe}$`))
    expect(item.content).toContain('&lt;tablet&gt; &amp; telefon')
    expect(item.categories).toEqual(['Åben internetcafé'])

    const json = await callRoute(jsonLoader, new Request('http://localhost/events.json?lang=en&kind=internet_cafe'))
    const body = (await json.json()) as { language: string; items: { url: string; tags: string[]; summary: string }[] }
    expect(body.language).toBe('en')
    const urls = body.items.map((i) => i.url)
    expect(urls.some((u) => u.endsWith(`/events/${cafe}`))).toBe(true)
    expect(urls.some((u) => u.endsWith(`/events/${other}`))).toBe(true)
    expect(body.items.every((i) => i.tags[0] === 'Open internet café')).toBe(true)
  })
})
