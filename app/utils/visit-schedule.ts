// Turning a visit plan ("Tuesdays 15:00–17:00, every second week, from 6 January") into dated
// visits. Pure and fast: the housekeeping job expands every confirmed plan with it.
//
// Residents need to know when the volunteer comes (PRODUCT.md), so times are Europe/Copenhagen
// wall-clock times: 15:00–17:00 stays 15:00–17:00 on both sides of a daylight-saving change. The
// instants are computed from the EU rule (summer time from the last Sunday of March 01:00 UTC to
// the last Sunday of October 01:00 UTC, unchanged since 1996), which is also the rule the
// VTIMEZONE in app/utils/ics.ts states; a test checks it against the time-zone database.

export const PLAN_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number]

export type PlanRule = {
  /** ISO weekday 1 (Monday) – 7 (Sunday). */
  weekday: number
  /** "HH:mm", Copenhagen wall-clock. */
  startTime: string
  endTime: string
  frequency: string
  /** Monthly plans: 1–4, or -1 for the last such weekday of the month. */
  nthWeekday?: number | null
  /** "yyyy-MM-dd" */
  startDate: string
  endDate?: string | null
}

/** A holiday pause (fromDate–toDate, both included) or one skipped date (fromDate = toDate). */
export type PlanException = { kind: string; fromDate: string; toDate: string }

export type Occurrence = { localDate: string; startsAt: Date; endsAt: Date }

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

export function isLocalDate(value: string) {
  const match = DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export function isClockTime(value: string) {
  return TIME.test(value)
}

/** Days since 1970-01-01 (a Thursday). */
export function dayNumber(localDate: string) {
  const [y, m, d] = localDate.split('-').map(Number)
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS)
}

export function dateOfDay(day: number) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(localDate: string, days: number) {
  return dateOfDay(dayNumber(localDate) + days)
}

/** ISO weekday 1–7 of a day number. */
export function weekdayOfDay(day: number) {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

export function weekdayOf(localDate: string) {
  return weekdayOfDay(dayNumber(localDate))
}

/** The Monday of the week a date is in. */
export function mondayOf(localDate: string) {
  return addDays(localDate, 1 - weekdayOf(localDate))
}

/** The date in Copenhagen at an instant. */
export function copenhagenDate(instant: Date) {
  return new Date(instant.getTime() + utcOffsetMs(instant.getTime())).toISOString().slice(0, 10)
}

/** The wall-clock "HH:mm" in Copenhagen at an instant. */
export function copenhagenTime(instant: Date) {
  return new Date(instant.getTime() + utcOffsetMs(instant.getTime())).toISOString().slice(11, 16)
}

function lastSundayUtc(year: number, month: number) {
  const lastDay = Math.floor(Date.UTC(year, month + 1, 0) / DAY_MS)
  return lastDay - (weekdayOfDay(lastDay) % 7)
}

const summerTimes = new Map<number, { start: number; end: number }>()

/** Summer time in Copenhagen runs [start, end) in UTC milliseconds. */
function summerTime(year: number) {
  let range = summerTimes.get(year)
  if (!range) {
    range = { start: lastSundayUtc(year, 2) * DAY_MS + HOUR_MS, end: lastSundayUtc(year, 9) * DAY_MS + HOUR_MS }
    summerTimes.set(year, range)
  }
  return range
}

function utcOffsetMs(instant: number) {
  const { start, end } = summerTime(new Date(instant).getUTCFullYear())
  return instant >= start && instant < end ? 2 * HOUR_MS : HOUR_MS
}

/**
 * A Copenhagen wall-clock date and time as an instant. In the spring gap (02:00–03:00 on the last
 * Sunday of March does not exist) the time moves an hour on, as a clock put forward would show it;
 * in the autumn's repeated hour the first (summer-time) one is meant.
 */
export function wallClockInstant(localDate: string, time: string) {
  return instantOfWall(dayNumber(localDate) * DAY_MS + minutesOf(time) * 60_000)
}

function minutesOf(time: string) {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** `wall` is the Copenhagen wall-clock time written as if it were UTC milliseconds. */
function instantOfWall(wall: number) {
  const { start, end } = summerTime(new Date(wall).getUTCFullYear())
  // `wall` read as if it were UTC: summer time holds from 03:00 local on the spring day to 03:00
  // (summer time) on the autumn day, i.e. 2 hours after each switch instant.
  const summer = wall >= start + 2 * HOUR_MS && wall < end + 2 * HOUR_MS
  return new Date(wall - (summer ? 2 : 1) * HOUR_MS)
}

function excluded(localDate: string, exceptions: readonly PlanException[]) {
  return exceptions.some((exception) => localDate >= exception.fromDate && localDate <= exception.toDate)
}

/** The day numbers a rule falls on inside [from, to], before exceptions. */
function ruleDays(rule: PlanRule, from: number, to: number): number[] {
  const days: number[] = []
  if (rule.frequency === 'monthly') {
    const nth = rule.nthWeekday ?? 1
    const first = new Date(from * DAY_MS)
    let year = first.getUTCFullYear()
    let month = first.getUTCMonth()
    for (;;) {
      const monthStart = Math.floor(Date.UTC(year, month, 1) / DAY_MS)
      if (monthStart > to) break
      let day: number
      if (nth === -1) {
        const monthEnd = Math.floor(Date.UTC(year, month + 1, 0) / DAY_MS)
        day = monthEnd - ((weekdayOfDay(monthEnd) - rule.weekday + 7) % 7)
      } else {
        day = monthStart + ((rule.weekday - weekdayOfDay(monthStart) + 7) % 7) + (nth - 1) * 7
      }
      if (day >= from && day <= to) days.push(day)
      month++
      if (month === 12) {
        month = 0
        year++
      }
    }
    return days
  }
  const step = rule.frequency === 'biweekly' ? 14 : 7
  // The rhythm is counted from the first visit on or after the start date, never from week
  // numbers: "every second week" stays so across a new year, also after a year with ISO week 53.
  const anchor = dayNumber(rule.startDate) + ((rule.weekday - weekdayOf(rule.startDate) + 7) % 7)
  const firstIndex = Math.max(0, Math.ceil((from - anchor) / step))
  for (let day = anchor + firstIndex * step; day <= to; day += step) days.push(day)
  return days
}

/**
 * The visits a plan gives between two dates (both included), skipped dates and pauses left out,
 * never before the plan's start or after its end.
 */
export function expandPlan(rule: PlanRule, exceptions: readonly PlanException[], range: { from: string; to: string }): Occurrence[] {
  const from = Math.max(dayNumber(range.from), dayNumber(rule.startDate))
  const to = Math.min(dayNumber(range.to), rule.endDate ? dayNumber(rule.endDate) : Number.POSITIVE_INFINITY)
  if (to < from) return []
  const occurrences: Occurrence[] = []
  const startMs = minutesOf(rule.startTime) * 60_000
  const endMs = minutesOf(rule.endTime) * 60_000
  for (const day of ruleDays(rule, from, to)) {
    const localDate = dateOfDay(day)
    if (exceptions.length > 0 && excluded(localDate, exceptions)) continue
    occurrences.push({ localDate, startsAt: instantOfWall(day * DAY_MS + startMs), endsAt: instantOfWall(day * DAY_MS + endMs) })
  }
  return occurrences
}

/** Two plans of one volunteer clash when they share a weekday, their windows overlap and their date ranges do. */
export function plansOverlap(a: PlanRule, b: PlanRule) {
  if (a.weekday !== b.weekday) return false
  if (!(a.startTime < b.endTime && b.startTime < a.endTime)) return false
  const aEnd = a.endDate ?? '9999-12-31'
  const bEnd = b.endDate ?? '9999-12-31'
  return a.startDate <= bEnd && b.startDate <= aEnd
}
