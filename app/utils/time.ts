// Time in Frivilligbro: Copenhagen calendar dates ("yyyy-MM-dd"), wall-clock times ("HH:mm"),
// the instants they stand for, and the text SQLite holds for an instant. The one place for
// these; display text (with month names in the user's language) is app/utils/dates.ts.
//
// Residents need to know when the volunteer comes (PRODUCT.md), so times are Europe/Copenhagen
// wall-clock times: 15:00–17:00 stays 15:00–17:00 on both sides of a daylight-saving change.
// Instants are computed from the EU rule (summer time from the last Sunday of March 01:00 UTC to
// the last Sunday of October 01:00 UTC, unchanged since 1996), which is also the rule the
// VTIMEZONE in app/utils/ics.ts states; time.test.ts checks it hour by hour against the
// time-zone database. Plain arithmetic rather than a TZDate per value: the housekeeping job turns
// every confirmed plan into dated visits with it, thousands of instants per run.
//
// The two wall-clock times that are not one instant follow RFC 5545 (3.3.5), as calendar apps
// and the .ics files we send do, so the time we store is the time a calendar shows:
// - the spring gap (02:00–02:59 on the last Sunday of March does not exist) is read with the
//   offset before the gap, i.e. it moves an hour on: 02:30 becomes 03:30 summer time;
// - the repeated autumn hour (02:00–02:59 on the last Sunday of October happens twice) is the
//   first one, still summer time.

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** A real calendar date written "yyyy-MM-dd" (not 2026-02-30). */
export function isLocalDate(value: string) {
  const match = DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** A clock time written "HH:mm", 00:00–23:59. */
export function isClockTime(value: string) {
  return TIME.test(value)
}

/** Days since 1970-01-01 (a Thursday) of a "yyyy-MM-dd" date. */
export function dayNumber(localDate: string) {
  const [y, m, d] = localDate.split('-').map(Number)
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS)
}

/** The "yyyy-MM-dd" date of a day number. */
export function dateOfDay(day: number) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** A calendar date plus a number of days (negative goes back); no time zone involved. */
export function addDays(localDate: string, days: number) {
  return dateOfDay(dayNumber(localDate) + days)
}

/** ISO weekday 1 (Monday) – 7 (Sunday) of a day number. */
export function isoWeekdayOfDay(day: number) {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/** ISO weekday 1 (Monday) – 7 (Sunday) of a "yyyy-MM-dd" date. */
export function isoWeekday(localDate: string) {
  return isoWeekdayOfDay(dayNumber(localDate))
}

/** The Monday of the week a date is in. */
export function mondayOf(localDate: string) {
  return addDays(localDate, 1 - isoWeekday(localDate))
}

/** The last date of a month given as "yyyy-MM". */
export function lastDateOfMonth(month: string) {
  const [y, m] = month.split('-').map(Number)
  return dateOfDay(Math.floor(Date.UTC(y, m, 0) / DAY_MS))
}

/** The month ("yyyy-MM") some months before or after another. */
export function addMonthsToMonth(month: string, months: number) {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7)
}

/** The day number of the last Sunday of a month (0 = January). */
function lastSunday(year: number, month: number) {
  const lastDay = Math.floor(Date.UTC(year, month + 1, 0) / DAY_MS)
  return lastDay - (isoWeekdayOfDay(lastDay) % 7)
}

const summerTimes = new Map<number, { start: number; end: number }>()

/** Summer time in Copenhagen runs [start, end) in UTC milliseconds. */
function summerTime(year: number) {
  let range = summerTimes.get(year)
  if (!range) {
    range = { start: lastSunday(year, 2) * DAY_MS + HOUR_MS, end: lastSunday(year, 9) * DAY_MS + HOUR_MS }
    summerTimes.set(year, range)
  }
  return range
}

function utcOffsetMs(instant: number) {
  const { start, end } = summerTime(new Date(instant).getUTCFullYear())
  return instant >= start && instant < end ? 2 * HOUR_MS : HOUR_MS
}

/** The date in Copenhagen at an instant, "yyyy-MM-dd"; today's date without an argument. */
export function copenhagenDate(instant: Date = new Date()) {
  return new Date(instant.getTime() + utcOffsetMs(instant.getTime())).toISOString().slice(0, 10)
}

/** The wall-clock time in Copenhagen at an instant, "HH:mm". */
export function copenhagenTime(instant: Date) {
  return new Date(instant.getTime() + utcOffsetMs(instant.getTime())).toISOString().slice(11, 16)
}

/** Minutes after midnight of an "HH:mm" time. */
export function minutesOf(time: string) {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** `wall` is a Copenhagen wall-clock time written as if it were UTC milliseconds. */
function instantOfWall(wall: number) {
  const { start, end } = summerTime(new Date(wall).getUTCFullYear())
  // Read as UTC, summer time holds from 03:00 local on the spring day (start + 2 h; 02:xx falls
  // before it and keeps winter time's +1, i.e. moves an hour on) to 03:00 summer time on the
  // autumn day (end + 2 h; the repeated 02:xx falls before it and is read as summer time, the first).
  const summer = wall >= start + 2 * HOUR_MS && wall < end + 2 * HOUR_MS
  return new Date(wall - (summer ? 2 : 1) * HOUR_MS)
}

/**
 * The instant of a Copenhagen wall-clock time given as a day number and minutes after midnight
 * (the form plan expansion works in). Gap and repeated hour as the file's header says.
 */
export function wallClockInstantOfDay(day: number, minutes: number) {
  return instantOfWall(day * DAY_MS + minutes * MINUTE_MS)
}

/**
 * A Copenhagen wall-clock date and time ("yyyy-MM-dd", "HH:mm") as an instant. The input must be
 * valid (check it with isLocalDate / isClockTime at the form); 02:30 on the spring change day
 * gives 03:30 summer time, 02:30 on the autumn change day the first, summer-time 02:30.
 */
export function wallClockInstant(localDate: string, time: string) {
  return wallClockInstantOfDay(dayNumber(localDate), minutesOf(time))
}

/**
 * An instant some calendar days and then months later in Copenhagen, at the same wall-clock time
 * (a check-in 28 days and 3 months after an approval at 11:00 is at 11:00, summer time or not).
 * A month that is too short ends on its last day (31 January + 1 month = 28 or 29 February).
 */
export function addCopenhagenCalendar(instant: Date, { days = 0, months = 0 }: { days?: number; months?: number }) {
  const wall = new Date(instant.getTime() + utcOffsetMs(instant.getTime()) + days * DAY_MS)
  if (months !== 0) {
    const target = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + months, 1))
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
    wall.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth(), Math.min(wall.getUTCDate(), lastDay))
  }
  return instantOfWall(wall.getTime())
}

/**
 * An instant as Prisma's SQLite adapter stores a DateTime ("2026-08-18T13:00:00.000+00:00").
 * Raw SQL compares DateTime columns as text, so it must compare and write exactly this form: a
 * plain toISOString() ends in "Z", which sorts after "+", so the same instant would compare as later.
 */
export function sqliteInstant(date: Date) {
  return date.toISOString().replace('Z', '+00:00')
}
