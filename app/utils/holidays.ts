// Danish public holidays (helligdage), computed for any year, and the customary closing days.
//
// Which days count:
// - 'holiday': the days the Danish holiday act (helligdagsloven) names: Nytårsdag, Skærtorsdag,
//   Langfredag, Påskedag, 2. påskedag, Store bededag (only until 2023; abolished from 2024 by
//   lov nr. 124 of 28 February 2023), Kristi himmelfartsdag, Pinsedag, 2. pinsedag, Juledag and
//   2. juledag. Sundays are helligdage too but are ordinary weekdays for a window.
// - 'closing-day': not holidays by law, but most workplaces and activity offers close or run on
//   a holiday roster: Grundlovsdag (5 June), Juleaften (24 December) and Nytårsaften
//   (31 December). A volunteer standing at a locked door on Christmas Eve is worse than a
//   facility having to open a date on purpose, so these close windows too.
// Both kinds close every visit window unless the facility opens that date on purpose.
// Dates are Copenhagen calendar dates "yyyy-MM-dd"; arithmetic goes through app/utils/time.ts.

import { addDays } from '~/utils/time'

export const HOLIDAY_CODES = [
  'newYearsDay',
  'maundyThursday',
  'goodFriday',
  'easterSunday',
  'easterMonday',
  'greatPrayerDay',
  'ascensionDay',
  'whitSunday',
  'whitMonday',
  'constitutionDay',
  'christmasEve',
  'christmasDay',
  'boxingDay',
  'newYearsEve',
] as const
export type HolidayCode = (typeof HOLIDAY_CODES)[number]

/** 'holiday' by law; 'closing-day' by custom (see the file's header). */
export type HolidayKind = 'holiday' | 'closing-day'

export type Holiday = { date: string; code: HolidayCode; kind: HolidayKind }

/** Store bededag was a holiday for the last time in 2023. */
const LAST_GREAT_PRAYER_DAY_YEAR = 2023

function pad(value: number) {
  return String(value).padStart(2, '0')
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number) {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${pad(month)}-${pad(day)}`
}

const cache = new Map<number, Holiday[]>()

/** The holidays and closing days of a year, in date order. */
export function holidaysOf(year: number): Holiday[] {
  const known = cache.get(year)
  if (known) return known
  const easter = easterSunday(year)
  const fixed = (monthDay: string, code: HolidayCode, kind: HolidayKind = 'holiday'): Holiday => ({ date: `${year}-${monthDay}`, code, kind })
  const moving = (offset: number, code: HolidayCode): Holiday => ({ date: addDays(easter, offset), code, kind: 'holiday' })
  const list: Holiday[] = [
    fixed('01-01', 'newYearsDay'),
    moving(-3, 'maundyThursday'),
    moving(-2, 'goodFriday'),
    moving(0, 'easterSunday'),
    moving(1, 'easterMonday'),
    // The fourth Friday after Easter.
    ...(year <= LAST_GREAT_PRAYER_DAY_YEAR ? [moving(26, 'greatPrayerDay')] : []),
    moving(39, 'ascensionDay'),
    moving(49, 'whitSunday'),
    moving(50, 'whitMonday'),
    fixed('06-05', 'constitutionDay', 'closing-day'),
    fixed('12-24', 'christmasEve', 'closing-day'),
    fixed('12-25', 'christmasDay'),
    fixed('12-26', 'boxingDay'),
    fixed('12-31', 'newYearsEve', 'closing-day'),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
  cache.set(year, list)
  return list
}

/** The holiday or closing day on a date, or null. */
export function holidayOn(date: string): Holiday | null {
  return holidaysOf(Number(date.slice(0, 4))).find((holiday) => holiday.date === date) ?? null
}

/** The holidays and closing days from one date to another, both included. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const result: Holiday[] = []
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of holidaysOf(year)) if (holiday.date >= from && holiday.date <= to) result.push(holiday)
  }
  return result
}
