// RSS 2.0 and JSON Feed 1.1 for the public job board (/jobs.rss, /jobs.json), so municipal sites
// and national portals can pick the ads up. Both carry the same published ads as the board.
import type { Locale } from './domain'
import { appUrl } from './env.server'
import { capitalize, describeSchedule, type ScheduleInput } from './schedule'
import { wellFormed, withoutControlCharacters } from './text-fields'
import { copenhagenDate } from './time'

/** What a feed item needs of an ad (feedAds in app/models/job-board.server.ts gives it). */
export type FeedAd = ScheduleInput & {
  id: string
  title: string
  description: string
  tasks: readonly string[]
  publishedAt: Date | null
  updatedAt: Date
  facility: { name: string; postcode: string; town: string }
  municipality: { name: string }
}
type T = (key: string, options?: Record<string, unknown>) => string

export type FeedInput = {
  ads: FeedAd[]
  locale: Locale
  t: T
  /** The board's filters as "?…" (or ""), so the feed links back to the same selection. */
  query: string
  filtered: boolean
}

/** Feeds change at most when an ad is published or closed; five minutes of caching is plenty. */
export const FEED_CACHE_CONTROL = 'public, max-age=300'

// Characters XML 1.0 does not allow at all (a pasted control character would break the feed),
// and DEL and the C1 controls, which it allows but discourages and no reader shows.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g

/** Text as XML character data or an attribute value; lone surrogates (not encodable as UTF-8) become U+FFFD. */
export function escapeXml(value: string) {
  return wellFormed(value)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/*
 * RSS readers show <description> as HTML (RSS 2.0 allows "entity-encoded HTML" there, and every
 * reader decodes it so), so plain text escaped once for XML came out as live markup: a "<script>"
 * or "<img onerror>" typed into an ad reached the reader's page as an element. The ad's text is
 * therefore turned into HTML first (escaped, line breaks as <br>) and that HTML is escaped for XML
 * — no CDATA section, so a "]]>" in the text needs no special case. Titles and categories are
 * plain text in RSS and are escaped for XML once.
 */
export function textAsHtml(value: string) {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r\n|\r|\n/g, '<br>\n')
}

function summary(ad: FeedAd, input: FeedInput, today: string) {
  const place = `${ad.facility.name}, ${ad.facility.postcode} ${ad.facility.town} (${ad.municipality.name})`
  const when = capitalize(describeSchedule(input.t, input.locale, ad, today))
  return `${place}. ${when}.`
}

function channel(input: FeedInput) {
  const title = input.t('board:feeds.title') + (input.filtered ? ` (${input.t('board:feeds.filtered')})` : '')
  return { title, description: input.t('board:feeds.description'), home: appUrl(`/jobs${input.query}`) }
}

/** An RSS 2.0 document around its items (each already rendered), pointing at itself. */
export function rssDocument(channel: { title: string; home: string; description: string; locale: Locale; self: string; now: Date; items: string[] }) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.home)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    `    <language>${channel.locale}</language>`,
    `    <atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    `    <lastBuildDate>${channel.now.toUTCString()}</lastBuildDate>`,
    `    <ttl>5</ttl>`,
    ...channel.items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}

export function rssFeed(input: FeedInput, now = new Date()) {
  const today = copenhagenDate(now)
  const { title, description, home } = channel(input)
  const items = input.ads.map((ad) => {
    const url = appUrl(`/jobs/${ad.id}`)
    const categories = ad.tasks.map((task) => `      <category>${escapeXml(input.t(`common:task.${task}`))}</category>`)
    return [
      '    <item>',
      `      <title>${escapeXml(withoutControlCharacters(ad.title))}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      ad.publishedAt ? `      <pubDate>${new Date(ad.publishedAt).toUTCString()}</pubDate>` : null,
      `      <description>${escapeXml(textAsHtml(`${summary(ad, input, today)}\n\n${ad.description}`))}</description>`,
      ...categories,
      '    </item>',
    ]
      .filter((line) => line !== null)
      .join('\n')
  })
  return rssDocument({ title, home, description, locale: input.locale, self: appUrl(`/jobs.rss${input.query}`), now, items })
}

export function jsonFeed(input: FeedInput, now = new Date()) {
  const today = copenhagenDate(now)
  const { title, description, home } = channel(input)
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: home,
    feed_url: appUrl(`/jobs.json${input.query}`),
    description,
    language: input.locale,
    // Plain text (content_text, never content_html), as UTF-8 any reader can decode: JSON.stringify
    // would write a lone surrogate as "\ud800", which strict JSON readers refuse.
    items: input.ads.map((ad) => ({
      id: appUrl(`/jobs/${ad.id}`),
      url: appUrl(`/jobs/${ad.id}`),
      title: wellFormed(ad.title),
      summary: wellFormed(summary(ad, input, today)),
      content_text: wellFormed(`${summary(ad, input, today)}\n\n${ad.description}`),
      date_published: ad.publishedAt ? new Date(ad.publishedAt).toISOString() : undefined,
      date_modified: new Date(ad.updatedAt).toISOString(),
      tags: ad.tasks.map((task) => input.t(`common:task.${task}`)),
    })),
  }
}
