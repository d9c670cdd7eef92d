// RSS 2.0 and JSON Feed 1.1 of the public events (/events.rss, /events.json), like the job board's
// feeds (./feeds.server.ts, whose escaping they share): municipal sites and libraries can list the
// intro evenings and internet cafés open to everyone.
import type { Locale } from './domain'
import { appUrl } from './env.server'
import { escapeXml, rssDocument, textAsHtml } from './feeds.server'
import { wellFormed, withoutControlCharacters } from './text-fields'

export type FeedEvent = {
  id: string
  title: string
  description: string
  kind: string
  centreName: string
  /** When the first and the last session start and end (SQLite text or a Date). */
  startsAt: string | Date | null
  sessionCount: number
  placesLeft: number
}
type T = (key: string, options?: Record<string, unknown>) => string
export type EventFeedInput = { events: FeedEvent[]; locale: Locale; t: T; query: string; formatWhen: (instant: Date) => string }

function summary(event: FeedEvent, input: EventFeedInput) {
  const when = event.startsAt ? input.formatWhen(new Date(event.startsAt)) : ''
  const sessions = event.sessionCount > 1 ? ` (${input.t('events:list.sessions', { count: event.sessionCount })})` : ''
  const places = event.placesLeft > 0 ? input.t('events:list.placesLeft', { count: event.placesLeft }) : input.t('events:list.full')
  return `${input.t(`events:kind.${event.kind}`)} · ${event.centreName}. ${when}${sessions}. ${places}.`
}

export function eventsRssFeed(input: EventFeedInput, now = new Date()) {
  const home = appUrl(`/events${input.query}`)
  const items = input.events.map((event) => {
    const url = appUrl(`/events/${event.id}`)
    return [
      '    <item>',
      `      <title>${escapeXml(withoutControlCharacters(event.title))}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <description>${escapeXml(textAsHtml(`${summary(event, input)}\n\n${event.description}`))}</description>`,
      `      <category>${escapeXml(input.t(`events:kind.${event.kind}`))}</category>`,
      '    </item>',
    ].join('\n')
  })
  return rssDocument({
    title: input.t('events:feeds.title'),
    home,
    description: input.t('events:feeds.description'),
    locale: input.locale,
    self: appUrl(`/events.rss${input.query}`),
    now,
    items,
  })
}

export function eventsJsonFeed(input: EventFeedInput) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: input.t('events:feeds.title'),
    home_page_url: appUrl(`/events${input.query}`),
    feed_url: appUrl(`/events.json${input.query}`),
    description: input.t('events:feeds.description'),
    language: input.locale,
    items: input.events.map((event) => ({
      id: appUrl(`/events/${event.id}`),
      url: appUrl(`/events/${event.id}`),
      title: wellFormed(event.title),
      summary: wellFormed(summary(event, input)),
      content_text: wellFormed(`${summary(event, input)}\n\n${event.description}`),
      tags: [input.t(`events:kind.${event.kind}`)],
      _event: { starts_at: event.startsAt ? new Date(event.startsAt).toISOString() : null, sessions: event.sessionCount, places_left: event.placesLeft, organiser: event.centreName },
    })),
  }
}
