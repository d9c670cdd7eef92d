import { beforeAll, describe, expect, test } from 'vitest'
import { boardAd, boardFacility } from '../setup/fixtures-board'
import * as jsonRoute from '~/routes/jobs[.]json'
import * as rssRoute from '~/routes/jobs[.]rss'
import { prisma } from '~/utils/db.server'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

const get = (loader: Loader, path: string) => loader({ request: new Request(`http://localhost:3000${path}`), params: {}, context: {} })

type RssItem = { title: string; link: string; guid: string; description: string; categories: string[]; pubDate: string }

const unescapeXml = (value: string) =>
  value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** A minimal RSS reader: checks the document is well-formed (balanced tags, known entities) and reads the items. */
function parseRss(xml: string) {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
  const stack: string[] = []
  for (const [, closing, name, selfClosing] of xml.replace(/^<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue
    if (closing) expect(stack.pop()).toBe(name)
    else stack.push(name)
  }
  expect(stack).toEqual([])
  expect(xml.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/&/)
  const text = (block: string, tag: string) => unescapeXml(block.match(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`))?.[1] ?? '')
  const channel = xml.match(/<channel>([\s\S]*?)<item>/)?.[1] ?? xml
  return {
    title: text(channel, 'title'),
    link: text(channel, 'link'),
    items: [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(
      ([, block]): RssItem => ({
        title: text(block, 'title'),
        link: text(block, 'link'),
        guid: text(block, 'guid'),
        description: text(block, 'description'),
        pubDate: text(block, 'pubDate'),
        categories: [...block.matchAll(/<category>([\s\S]*?)<\/category>/g)].map(([, value]) => unescapeXml(value)),
      }),
    ),
  }
}

type JsonFeed = { version: string; title: string; feed_url: string; home_page_url: string; items: { id: string; url: string; title: string; content_text: string; date_published: string; tags: string[] }[] }

async function readJson(path: string) {
  const response = await get(jsonRoute.loader as Loader, path)
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8')
  expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
  return (await response.json()) as JsonFeed
}

async function readRss(path: string) {
  const response = await get(rssRoute.loader as Loader, path)
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8')
  expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
  return parseRss(await response.text())
}

let tricky: { id: string }
let closing: { id: string }

beforeAll(async () => {
  const graested = await boardFacility({ postcode: '3230', municipality: 'Gribskov Kommune', name: 'Plejehjemmet Solsikken' })
  const aarhus = await boardFacility({ postcode: '8000', municipality: 'Aarhus Kommune', name: 'Værestedet Havnen' })
  tricky = await boardAd(graested, {
    title: 'Musik & <b>Spotify</b> – "fredagsbar" \u0007',
    description: 'Tag din telefon med </description><script>alert(1)</script> & vi hygger.',
    tasks: ['music_streaming'],
    weekdays: [5],
    frequency: 'weekly',
    publishedDaysAgo: 1,
  })
  closing = await boardAd(aarhus, { title: 'Videoopkald i Aarhus', tasks: ['video_calls'], weekdays: [2], frequency: 'biweekly', publishedDaysAgo: 2 })
  await boardAd(aarhus, { title: 'Udkast, der aldrig må ses', status: 'draft' })
  await boardAd(aarhus, { title: 'Sat på pause', status: 'paused' })
})

describe('the RSS 2.0 and JSON Feed 1.1 feeds', () => {
  test('carry the published ads with absolute links, escaped text and the schedule in words', async () => {
    const rss = await readRss('/jobs.rss')
    expect(rss.link).toBe('http://localhost:3000/jobs')
    expect(rss.items.map((item) => item.title)).toEqual(['Musik & <b>Spotify</b> – "fredagsbar" ', 'Videoopkald i Aarhus'])
    const [first] = rss.items
    expect(first.link).toBe(`http://localhost:3000/jobs/${tricky.id}`)
    expect(first.guid).toBe(first.link)
    // The description is HTML for the reader: the typed markup arrives as text, never as elements.
    expect(first.description).toContain('&lt;/description&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; vi hygger.')
    expect(first.description).not.toMatch(/<(?!br>)/)
    expect(first.description).toContain('Plejehjemmet Solsikken, 3230 Græsted (Gribskov Kommune). Fredage kl. 15–17, hver uge.')
    expect(first.categories).toEqual(['Musik og streaming'])
    expect(new Date(first.pubDate).getTime()).toBeGreaterThan(Date.now() - 2 * 24 * 3600 * 1000)

    const feed = await readJson('/jobs.json')
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toBe('http://localhost:3000/jobs.json')
    expect(feed.items.map((item) => item.title)).toEqual(['Musik & <b>Spotify</b> – "fredagsbar" \u0007', 'Videoopkald i Aarhus'])
    expect(feed.items[1]).toMatchObject({ id: `http://localhost:3000/jobs/${closing.id}`, url: `http://localhost:3000/jobs/${closing.id}`, tags: ['Videoopkald'] })
    expect(feed.items[1].content_text).toContain('Tirsdage kl. 15–17, hver anden uge')
  })

  test('accept the board’s filters as query parameters, and say so in their links', async () => {
    const rss = await readRss('/jobs.rss?municipality=Aarhus%20Kommune')
    expect(rss.items.map((item) => item.title)).toEqual(['Videoopkald i Aarhus'])
    expect(rss.link).toBe('http://localhost:3000/jobs?municipality=Aarhus+Kommune')
    expect((await readJson('/jobs.json?task=music_streaming')).items.map((item) => item.title)).toHaveLength(1)
    expect((await readJson('/jobs.json?q=videoopkald&weekday=2&frequency=biweekly')).items.map((item) => item.title)).toEqual(['Videoopkald i Aarhus'])
    expect((await readJson('/jobs.json?region=Region%20Midtjylland')).items).toHaveLength(1)
    expect((await readJson('/jobs.json?q=%22%20OR%20NEAR(')).items).toEqual([])
    expect((await readRss('/jobs.rss?q=*')).items).toHaveLength(2)
  })

  test('English on request, never from a cookie', async () => {
    const feed = await readJson('/jobs.json?lang=en')
    expect(feed.items[1].content_text).toContain('Tuesdays 15:00–17:00, every second week')
    expect(feed.items[1].tags).toEqual(['Video calls'])
    expect(feed.feed_url).toBe('http://localhost:3000/jobs.json?lang=en')
  })

  test('a closed ad leaves both feeds; drafts and paused ads never appear', async () => {
    await prisma.jobAd.update({ where: { id: closing.id }, data: { status: 'closed', closedAt: new Date() } })
    const rss = await readRss('/jobs.rss')
    const feed = await readJson('/jobs.json')
    expect(rss.items.map((item) => item.title)).toEqual(['Musik & <b>Spotify</b> – "fredagsbar" '])
    expect(feed.items.map((item) => item.url)).toEqual([`http://localhost:3000/jobs/${tricky.id}`])
    for (const text of [JSON.stringify(rss), JSON.stringify(feed)]) {
      expect(text).not.toContain('Udkast')
      expect(text).not.toContain('pause')
      expect(text).not.toContain('11223344')
      expect(text).not.toContain('stedet-privat@example.test')
    }
    expect((await readRss('/jobs.rss?municipality=Aarhus%20Kommune')).items).toEqual([])
  })
})
