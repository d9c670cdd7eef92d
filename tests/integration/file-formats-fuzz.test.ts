// Hostile text through every writer of another file format (iCalendar, RSS, JSON Feed), read back
// with real parsers. The database rows are written directly, as data stored before the forms
// refused control characters (or written by a script) would be: the writers must hold on their own.
import { TZDate } from '@date-fns/tz'
import ICAL from 'ical.js'
import Parser from 'rss-parser'
import { describe, expect, test } from 'vitest'
import { boardAd, boardFacility } from '../setup/fixtures-board'
import { bookingWorld } from '../setup/fixtures-booking'
import { matchingWorld, recordValidCheck } from '../setup/fixtures-matching'
import { planWorld } from '../setup/fixtures-plans'
import { feedAds } from '~/models/job-board.server'
import { boardFiltersFromUrl } from '~/utils/job-board-query'
import { approveMatch } from '~/models/match.server'
import { bookWindowVisit } from '~/models/visit-booking.server'
import { confirmPlan, proposePlan } from '~/models/visit-plan.server'
import { calendarFeedFor, regenerateCalendarToken } from '~/models/visit.server'
import * as jsonRoute from '~/routes/jobs[.]json'
import * as rssRoute from '~/routes/jobs[.]rss'
import { prisma } from '~/utils/db.server'
import { jsonFeed, rssFeed } from '~/utils/feeds.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarFeed, calendarInvitation, type CalendarEvent } from '~/utils/ics'

const copenhagen = (y: number, m: number, d: number, h: number) => new Date(new TZDate(y, m - 1, d, h, 0, 0, 'Europe/Copenhagen').getTime())

/** The strings that broke, or could break, a file format. */
const HOSTILE = [
  'Aisha\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:X',
  'Bo\nEND:VCALENDAR\nBEGIN:VCALENDAR',
  'Carl\rATTENDEE:mailto:evil@example.test',
  'Dorte "the boss" Hansen',
  'semi;colon,comma\\backslash\\n not a newline',
  'CN=x:mailto:evil@example.test;ROLE=CHAIR',
  '<script>alert(1)</script>',
  ']]><item><title>injected</title></item><![CDATA[',
  '</description></item><item><title>injected</title><link>http://evil.example</link></item><item><description>',
  '&amp; &lt; &#x3C; &#0; & &nbsp;',
  'nul\u0000 bell\u0007 vt\u000B ff\u000C esc\u001B del\u007F nel\u0085 csi\u009B',
  'line sep\u2028para sep\u2029 rlo\u202Eevil\u202C isolate\u2066x\u2069',
  'tab\there',
  'emoji 😀 family 👩‍👩‍👧 flag 🇩🇰 æøå ÆØÅ 漢字 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'lone high \uD800 and lone low \uDC00 and reversed \uDC00\uD800',
  'caret ^n ^^ ^\' ^',
  'x'.repeat(5000),
  'ø'.repeat(3000),
  '😀'.repeat(1500),
  `${'a'.repeat(74)}é${'b'.repeat(73)}😀`,
  '\uFEFFbom and non-characters \uFFFE\uFFFF',
]

/** More of the same, shuffled together with a fixed seed so a failure can be replayed. */
function randomHostile(count: number, seed = 20261130) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pieces = ['\r\n', '\n', '\r', '\u0000', '\t', '"', ';', ',', ':', '\\', '^', '<', '>', '&', ']]>', 'END:VEVENT', 'BEGIN:VEVENT', '😀', 'ø', '\uD83D', '\u2028', '\u202E', ' ', 'a', 'Z']
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(''))
}

const ALL = [...HOSTILE, ...randomHostile(150)]

// What a reader may expect back. Written out here rather than taken from the writer, so the test
// would notice a writer that drops too much as well as one that lets too much through.
const wellFormed = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
// eslint-disable-next-line no-control-regex
const dropControls = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
/** An iCalendar TEXT value: every line break comes back as "\n", controls are gone. */
const expectedText = (value: string) => dropControls(wellFormed(value)).replace(/\r\n|\r/g, '\n')
/** One line (a CN parameter, an RSS title): line breaks become spaces, every invisible control goes. */
const expectedOneLine = (value: string) =>
  wellFormed(value)
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
/** A quoted parameter cannot hold a double quote; it becomes an apostrophe. */
const expectedParam = (value: string) => expectedOneLine(value).replace(/"/g, "'")
/**
 * How ical.js reads that parameter: unlike RFC 5545, which has no backslash escapes in parameter
 * values, it decodes TEXT escapes there too ("\\n" in a name becomes a line break).
 */
const icalJsParam = (value: string) => expectedParam(value).replace(/\\\\|\\;|\\,|\\[Nn]/g, (escape) => (escape[1] === '\\' ? '\\' : /[Nn]/.test(escape[1]) ? '\n' : escape[1]))
/** Prisma's engine refuses a lone surrogate outright (and HTTP form bodies decode one to U+FFFD): rows get U+FFFD. */
const storable = (value: string) => wellFormed(value)

/** Reads a calendar file the way a calendar app would, after checking its lines are well-formed. */
function readCalendar(ics: string) {
  expect(Buffer.from(ics, 'utf8').toString('utf8'), 'the file is valid UTF-8').toBe(ics)
  expect(ics.endsWith('\r\n')).toBe(true)
  const lines = ics.slice(0, -2).split('\r\n')
  for (const line of lines) {
    expect(line, 'no bare CR or LF inside a line').not.toMatch(/[\r\n]/)
    expect(Buffer.byteLength(line, 'utf8'), 'folded at 75 octets').toBeLessThanOrEqual(75)
    // eslint-disable-next-line no-control-regex
    expect(line, 'no control characters but TAB').not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/)
  }
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return { calendar, events: calendar.getAllSubcomponents('vevent') }
}

function hostileEvent(value: string, index = 0): CalendarEvent {
  return {
    uid: `fuzz-${index}@frivilligbro`,
    sequence: index,
    start: copenhagen(2026, 3, 30, 15),
    end: copenhagen(2026, 3, 30, 16),
    stamp: new Date('2026-03-01T10:00:00Z'),
    summary: value,
    description: value,
    location: value,
    organizer: { name: value, email: 'koordinator@example.test' },
    attendees: [
      { name: value, email: 'frivillig@example.test' },
      { name: 'Jonas Kontakt', email: 'jonas@example.test' },
    ],
  }
}

describe('the iCalendar writer with hostile text', () => {
  test('an invitation keeps exactly one event; summary, description, location and CN come back as text', () => {
    for (const value of ALL) {
      const { calendar, events } = readCalendar(calendarInvitation(hostileEvent(value)))
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
      expect(events, JSON.stringify(value)).toHaveLength(1)
      const [event] = events
      expect(event.getFirstPropertyValue('uid')).toBe('fuzz-0@frivilligbro')
      for (const name of ['summary', 'description', 'location']) expect(event.getFirstPropertyValue(name), `${name} of ${JSON.stringify(value)}`).toBe(expectedText(value))
      const attendees = event.getAllProperties('attendee')
      expect(attendees.map((a) => a.getFirstValue())).toEqual(['mailto:frivillig@example.test', 'mailto:jonas@example.test'])
      expect(attendees.map((a) => a.getParameter('cn'))).toEqual([icalJsParam(value), 'Jonas Kontakt'])
      expect(attendees[0].getParameter('role')).toBe('REQ-PARTICIPANT')
      expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe(icalJsParam(value))
      expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED')
    }
  })

  test('a subscribable feed keeps its event count and its name', () => {
    const { calendar, events } = readCalendar(calendarFeed(HOSTILE[0], ALL.map((value, index) => hostileEvent(value, index))))
    expect(events).toHaveLength(ALL.length)
    expect(events.map((event) => event.getFirstPropertyValue('summary'))).toEqual(ALL.map(expectedText))
    // X-WR-CALNAME is an extension property: ical.js leaves its TEXT escapes alone.
    const name = String(calendar.getFirstPropertyValue('x-wr-calname')).replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c))
    expect(name).toBe(expectedText(HOSTILE[0]))
  })

  test('the intro meeting: a volunteer named with an injected event gets one event, in both parties\' files', async () => {
    const injection = HOSTILE[0]
    const world = await matchingWorld({ volunteer: { name: injection } })
    await prisma.user.update({ where: { id: world.contact.id }, data: { name: 'Jonas "JK" Kontakt;\nBEGIN:VALARM' } })
    await prisma.jobAd.update({ where: { id: world.ad.id }, data: { title: 'IT-café\r\nEND:VCALENDAR' } })
    await prisma.facility.update({ where: { id: world.facility.id }, data: { name: 'Skovbrynet, hus B; "stuen"' } })
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const place = 'Fællesstuen\r\nEND:VEVENT\u0000'
    const result = await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: copenhagen(2026, 12, 30, 15), introPlace: place }, copenhagen(2026, 12, 1, 10))
    expect(result.ok).toBe(true)
    const messages = await prisma.outboxMessage.findMany({ where: { template: 'match-approved' } })
    expect(messages).toHaveLength(2)
    for (const message of messages) {
      const [attachment] = JSON.parse(message.attachments ?? '[]') as { content: string }[]
      const { events } = readCalendar(attachment.content)
      expect(events).toHaveLength(1)
      const cns = events[0].getAllProperties('attendee').map((a) => a.getParameter('cn'))
      expect(cns).toEqual([expectedParam(injection), expectedParam('Jonas "JK" Kontakt;\nBEGIN:VALARM')])
      expect(cns[0]).toBe('Aisha END:VEVENT BEGIN:VEVENT SUMMARY:X')
      expect(events[0].getFirstPropertyValue('location')).toBe('Fællesstuen\nEND:VEVENT')
      expect(events[0].getAllSubcomponents('valarm')).toHaveLength(0)
    }
  })

  test('a booked visit\'s e-mails and the personal calendar feed keep one event per visit', async () => {
    const world = await bookingWorld()
    const hostile = HOSTILE[1]
    await prisma.user.update({ where: { id: world.volunteer.id }, data: { name: hostile } })
    await prisma.visitWindow.update({ where: { id: world.window.id }, data: { title: HOSTILE[8], location: HOSTILE[4] } })
    await prisma.facility.update({ where: { id: world.facility.id }, data: { name: HOSTILE[2], address: HOSTILE[10] } })
    const now = copenhagen(2026, 3, 23, 9)
    for (const localDate of ['2026-03-25', '2026-04-01']) {
      const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate }, now)
      expect(booked.ok).toBe(true)
    }
    const messages = await prisma.outboxMessage.findMany({ where: { template: { startsWith: 'visit-' } } })
    expect(messages.length).toBeGreaterThanOrEqual(4)
    for (const message of messages) {
      const [attachment] = JSON.parse(message.attachments ?? '[]') as { content: string }[]
      const { events } = readCalendar(attachment.content)
      expect(events).toHaveLength(1)
      // eslint-disable-next-line no-control-regex -- The test looks for control characters.
      expect(events[0].getFirstPropertyValue('summary')).not.toMatch(/[\r\u0000]/)
    }
    const feed = await calendarFeedFor(await regenerateCalendarToken(world.volunteer.id), now)
    const { events } = readCalendar(feed!)
    expect(events).toHaveLength(2)
  })

  test('a confirmed visit plan sends a calendar of its visits that parses, whatever its place is called', async () => {
    const world = await planWorld()
    await prisma.facility.update({ where: { id: world.facility.id }, data: { name: HOSTILE[0], address: HOSTILE[3] } })
    const now = copenhagen(2026, 3, 20, 10)
    const terms = { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly' as const, nthWeekday: null, startDate: '2026-03-24', endDate: '2026-04-28', location: `${HOSTILE[5]} ${HOSTILE[10]}` }
    const proposed = await proposePlan(world.contactActor, world.match.id, terms)
    if (!proposed.ok) throw new Error(proposed.reason)
    const confirmed = await confirmPlan(world.volunteerActor, proposed.planId, now)
    expect(confirmed.ok).toBe(true)
    const visits = await prisma.visit.count({ where: { planId: proposed.planId } })
    const messages = await prisma.outboxMessage.findMany({ where: { template: 'visit-plan-confirmed' } })
    expect(messages).toHaveLength(2)
    for (const message of messages) {
      const [attachment] = JSON.parse(message.attachments ?? '[]') as { content: string }[]
      const { events } = readCalendar(attachment.content)
      expect(events).toHaveLength(visits)
      for (const event of events) expect(event.getFirstPropertyValue('location')).toContain(expectedText(`${HOSTILE[5]} ${HOSTILE[10]}`))
    }
  })
})

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>
const get = (loader: Loader, path: string) => loader({ request: new Request(`http://localhost:3000${path}`), params: {}, context: {} })

describe('the job feeds with hostile ads', () => {
  test('RSS: every item and only those; titles and descriptions come back as text; no element was injected', async () => {
    const facility = await boardFacility({ postcode: '5000', municipality: 'Odense Kommune', name: '<b>Solsikken</b> & "Co" ]]>\u0000' })
    // The feed holds the 50 newest: the hand-picked strings and a share of the random ones.
    const values = [...HOSTILE, ...randomHostile(29, 7)]
    for (const [index, value] of values.map(storable).entries()) await boardAd(facility, { title: value || 'x', description: value, tasks: ['video_calls'], publishedDaysAgo: 1 + index / 100 })
    // What the database kept (SQLite stores text as UTF-8: a lone surrogate is already U+FFFD there).
    const stored = new Map((await prisma.jobAd.findMany({ where: { facilityId: facility.id }, select: { id: true, title: true, description: true } })).map((ad) => [`http://localhost:3000/jobs/${ad.id}`, ad]))

    const response = await get(rssRoute.loader as Loader, '/jobs.rss?municipality=Odense%20Kommune')
    expect(response.status).toBe(200)
    const xml = await response.text()
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml)
    const feed = await new Parser().parseString(xml)
    expect(feed.items).toHaveLength(values.length)
    expect(xml.match(/<item>/g)).toHaveLength(values.length)
    expect(new Set(feed.items.map((item) => item.link))).toEqual(new Set(stored.keys()))
    for (const item of feed.items) {
      const ad = stored.get(item.link ?? '')!
      expect(item.guid).toBe(item.link)
      expect(item.categories).toEqual(['Videoopkald'])
      // A title is plain text on one line.
      expect(item.title ?? '', JSON.stringify(ad.title)).toBe(expectedOneLine(ad.title))
      // The description is HTML made from the text: no element but <br>, and the reader's text view is the text.
      const html = item.content ?? ''
      expect(html.replace(/<br>/g, ''), JSON.stringify(ad.description)).not.toContain('<')
      expect(html).toContain('&lt;b&gt;Solsikken&lt;/b&gt; &amp; &quot;Co&quot; ]]&gt;')
      expect(item.contentSnippet ?? '', JSON.stringify(ad.description)).toMatch(/^<b>Solsikken<\/b> & "Co" ]]>, 5000 Odense C \(Odense Kommune\)\./)
      expect((item.contentSnippet ?? '').endsWith(expectedText(ad.description).trimEnd()), JSON.stringify(ad.description)).toBe(true)
    }
  })

  test('JSON Feed: parses, every item, title and content_text exactly as stored, no HTML field', async () => {
    const facility = await boardFacility({ postcode: '8000', municipality: 'Aarhus Kommune', name: 'Værestedet "Havnen" \u2028' })
    for (const value of HOSTILE.map(storable)) await boardAd(facility, { title: value, description: value, tasks: ['video_calls'] })
    const stored = new Map((await prisma.jobAd.findMany({ where: { facilityId: facility.id }, select: { id: true, title: true, description: true } })).map((ad) => [`http://localhost:3000/jobs/${ad.id}`, ad]))
    const response = await get(jsonRoute.loader as Loader, '/jobs.json?municipality=Aarhus%20Kommune')
    const feed = JSON.parse(await response.text()) as { items: { id: string; title: string; content_text: string; content_html?: string }[] }
    expect(feed.items).toHaveLength(HOSTILE.length)
    for (const item of feed.items) {
      const ad = stored.get(item.id)!
      expect(item.title).toBe(ad.title)
      expect(item.content_text.endsWith(`\n\n${ad.description}`)).toBe(true)
      expect(item).not.toHaveProperty('content_html')
    }
  })

  test('a lone surrogate (no database row can hold one) still gives feeds that a strict UTF-8 reader decodes', async () => {
    const facility = await boardFacility({ postcode: '9000', municipality: 'Aalborg Kommune' })
    await boardAd(facility, { tasks: ['video_calls'] })
    const filters = boardFiltersFromUrl(new URLSearchParams('municipality=Aalborg%20Kommune'))
    const ads = (await feedAds(filters)).map((ad) => ({ ...ad, title: 'lone \uD800 high', description: 'low \uDC00 and reversed \uDC00\uD800' }))
    expect(ads).toHaveLength(1)
    const input = { ads, locale: 'da' as const, t: await getFixedT('da', ['board', 'common']), query: '', filtered: true }
    const xml = rssFeed(input)
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml)
    const [item] = (await new Parser().parseString(xml)).items
    expect(item.title).toBe('lone \uFFFD high')
    expect(item.contentSnippet?.endsWith('low \uFFFD and reversed \uFFFD\uFFFD')).toBe(true)
    const json = JSON.stringify(jsonFeed(input))
    expect(json).not.toMatch(/\\ud[89a-f]/i)
    expect((JSON.parse(json) as { items: { title: string }[] }).items[0].title).toBe('lone \uFFFD high')
  })
})
