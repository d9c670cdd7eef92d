// A job ad's schedule in plain words, e.g. "tirsdage kl. 15–17, hver anden uge" or
// "Tuesdays 15:00–17:00, every second week". Residents need to know when the volunteer comes,
// so the board, the ad page and the feeds all say it the same way. Texts: board.json "schedule".
import type { TFunction } from 'i18next'
import { formatLocalDate } from './dates'
import type { Locale } from './domain'

export type ScheduleInput = {
  weekdays: readonly (number | string)[]
  timeFrom?: string | null
  timeTo?: string | null
  frequency: string
  /** "yyyy-MM-dd" */
  startDate?: string | null
}

type T = TFunction | ((key: string, options?: Record<string, unknown>) => string)

/** "15:00" → "15" in Danish ("kl. 15–17"), "15:30" stays "15:30"; English always says "15:00". */
function clock(time: string, locale: Locale) {
  const [hours, minutes] = time.split(':')
  if (locale === 'en') return `${hours.padStart(2, '0')}:${minutes ?? '00'}`
  const h = String(Number(hours))
  return minutes && minutes !== '00' ? `${h}:${minutes}` : h
}

function list(t: T, items: string[]) {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${t('board:schedule.and')} ${items[items.length - 1]}`
}

/**
 * The schedule as one phrase, starting in lower case in Danish (it reads well after "Hvornår:"
 * and inside sentences); use `capitalize` where it stands alone. `today` ("yyyy-MM-dd") decides
 * whether the start date is still worth saying.
 */
export function describeSchedule(t: T, locale: Locale, schedule: ScheduleInput, today?: string) {
  const days = [...new Set(schedule.weekdays.map(Number))]
    .filter((day) => day >= 1 && day <= 7)
    .sort((a, b) => a - b)
    .map((day) => t(`board:schedule.days.${day}`))
  const time =
    schedule.timeFrom && schedule.timeTo
      ? t('board:schedule.time', { from: clock(schedule.timeFrom, locale), to: clock(schedule.timeTo, locale) })
      : ''
  const when = [list(t, days), time].filter(Boolean).join(' ')
  const frequency = t(`board:schedule.frequency.${schedule.frequency}`, { defaultValue: '' })
  let phrase = [when, frequency].filter(Boolean).join(', ')
  if (schedule.startDate && /^\d{4}-\d{2}-\d{2}$/.test(schedule.startDate) && (!today || schedule.startDate > today)) {
    phrase += t('board:schedule.from', { date: formatLocalDate(schedule.startDate, locale) })
  }
  return phrase
}

export function capitalize(text: string) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}
