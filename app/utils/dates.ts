import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { da, enGB } from 'date-fns/locale'
import { TIME_ZONE, type Locale } from './domain'

const dateLocales = { da, en: enGB }

/** Formats an instant as Danish wall-clock time, whatever the server's own time zone is. */
export function formatInZone(date: Date | string | number, pattern: string, locale: Locale) {
  return format(new TZDate(new Date(date).getTime(), TIME_ZONE), pattern, { locale: dateLocales[locale] })
}

export function formatDate(date: Date | string | number, locale: Locale) {
  return formatInZone(date, locale === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy', locale)
}

export function formatDateTime(date: Date | string | number, locale: Locale) {
  return formatInZone(date, locale === 'da' ? "d. MMMM yyyy 'kl.' HH:mm" : "d MMMM yyyy 'at' HH:mm", locale)
}

export function formatShortDateTime(date: Date | string | number, locale: Locale) {
  return formatInZone(date, 'dd.MM.yyyy HH:mm', locale)
}
