// Turning a visit plan ("Tuesdays 15:00–17:00, every second week, from 6 January") into dated
// visits. Pure and fast: the housekeeping job expands every confirmed plan with it.
//
// Times are Copenhagen wall-clock times, turned into instants by app/utils/time.ts (which says
// what happens on the two daylight-saving days).

import { dateOfDay, dayNumber, isoWeekday, isoWeekdayOfDay, minutesOf, wallClockInstantOfDay } from './time'

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
        day = monthEnd - ((isoWeekdayOfDay(monthEnd) - rule.weekday + 7) % 7)
      } else {
        day = monthStart + ((rule.weekday - isoWeekdayOfDay(monthStart) + 7) % 7) + (nth - 1) * 7
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
  const anchor = dayNumber(rule.startDate) + ((rule.weekday - isoWeekday(rule.startDate) + 7) % 7)
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
  const startMinutes = minutesOf(rule.startTime)
  const endMinutes = minutesOf(rule.endTime)
  for (const day of ruleDays(rule, from, to)) {
    const localDate = dateOfDay(day)
    if (exceptions.length > 0 && excluded(localDate, exceptions)) continue
    occurrences.push({ localDate, startsAt: wallClockInstantOfDay(day, startMinutes), endsAt: wallClockInstantOfDay(day, endMinutes) })
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
