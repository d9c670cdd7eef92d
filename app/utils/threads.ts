import { TASKS, TECH_TAGS } from './domain'

/** Thread tags: the technology list, then the task list (codes shared by both appear once). */
export const THREAD_TAGS = [...new Set<string>([...TECH_TAGS, ...TASKS])]

/**
 * Authors may edit their post this long after writing it: long enough to fix a typo or a forgotten
 * detail, short enough that a reply does not end up answering something else. After that, what
 * was read stays what was written.
 */
export const EDIT_WINDOW_MINUTES = 30
export const THREADS_PER_PAGE = 25
export const POSTS_PER_PAGE = 50

/**
 * A space in a URL: `network-<centreId>` (a centre's network) or `facility-<facilityId>`.
 * Ids are cuids (letters and digits), so the dash is unambiguous.
 */
export type SpaceRef = { kind: 'network'; centreId: string } | { kind: 'facility'; facilityId: string }

export function spaceKey(place: { centreId: string; facilityId: string | null }) {
  return place.facilityId ? `facility-${place.facilityId}` : `network-${place.centreId}`
}

export function parseSpaceKey(key: string | undefined | null): SpaceRef | null {
  const match = /^(network|facility)-([A-Za-z0-9_]{1,64})$/.exec(key ?? '')
  if (!match) return null
  return match[1] === 'network' ? { kind: 'network', centreId: match[2] } : { kind: 'facility', facilityId: match[2] }
}

export function canStillEdit(createdAt: Date | string, now = new Date()) {
  return now.getTime() - new Date(createdAt).getTime() < EDIT_WINDOW_MINUTES * 60_000
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The same text as formatDateTime in app/utils/dates.ts ("24. november 2026 kl. 13:05" /
 * "24 November 2026 at 13:05"), from one cached Intl formatter per language: a thread page shows
 * 50 of these, and date-fns with a TZDate costs about half a millisecond each.
 */
export function formatPostTime(date: Date | string, locale: 'da' | 'en') {
  let format = dateTimeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      timeZone: 'Europe/Copenhagen',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    dateTimeFormats.set(locale, format)
  }
  // The same posts are shown again and again: their texts are kept (bounded, like formatInZone's).
  const instant = new Date(date).getTime()
  const key = `${locale}${instant}`
  let text = postTimes.get(key)
  if (text === undefined) {
    const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]))
    text =
      locale === 'da'
        ? `${parts.day}. ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`
        : `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`
    if (postTimes.size >= 20_000) postTimes.clear()
    postTimes.set(key, text)
  }
  return text
}
const postTimes = new Map<string, string>()
