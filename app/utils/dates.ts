import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { da, enGB } from 'date-fns/locale'
import { TIME_ZONE, type Locale } from './domain'

const dateLocales = { da, en: enGB }

// Pages show the same few dates over and over (a visit list, a thread's posts), and formatting
// with a time zone is one of the costlier steps of a render; the answers are kept, up to a bound.
const formatted = new Map<string, string>()
const FORMATTED_MAX = 20_000

/** Formats an instant as Danish wall-clock time, whatever the server's own time zone is. */
export function formatInZone(date: Date | string | number, pattern: string, locale: Locale) {
  const instant = new Date(date).getTime()
  const key = `${instant}|${locale}|${pattern}`
  let text = formatted.get(key)
  if (text === undefined) {
    text = format(new TZDate(instant, TIME_ZONE), pattern, { locale: dateLocales[locale] })
    if (formatted.size >= FORMATTED_MAX) formatted.clear()
    formatted.set(key, text)
  }
  return text
}

export function formatDate(date: Date | string | number, locale: Locale) {
  return formatInZone(date, locale === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy', locale)
}

/**
 * A calendar date ("yyyy-MM-dd", no time of day; see app/utils/time.ts) as text, by default as
 * formatDate writes it. Noon UTC lies inside that date in Copenhagen, summer time or not.
 */
export function formatLocalDate(localDate: string, locale: Locale, pattern = locale === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy') {
  return formatInZone(`${localDate}T12:00:00Z`, pattern, locale)
}

export function formatDateTime(date: Date | string | number, locale: Locale) {
  return formatInZone(date, locale === 'da' ? "d. MMMM yyyy 'kl.' HH:mm" : "d MMMM yyyy 'at' HH:mm", locale)
}

export function formatShortDateTime(date: Date | string | number, locale: Locale) {
  return formatInZone(date, 'dd.MM.yyyy HH:mm', locale)
}
