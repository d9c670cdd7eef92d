import { sql as raw } from 'kysely'
import { closureOn, facilityCalendars, facilityCalendarsRead, type DayClosure, type FacilityCalendar } from '~/models/facility-closure.server'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { all, sql } from '~/utils/sql.server'
import { addDays, copenhagenDate, isoWeekday, wallClockInstant } from '~/utils/time'

/** Volunteers see this many weeks of window dates ahead. */
export const BOOKING_WEEKS_AHEAD = 6

export type WindowInput = {
  title: string
  weekday: number
  startTime: string
  endTime: string
  capacity: number
  validFrom: string
  validTo: string | null
  location: string
}

const windowSelect = {
  id: true,
  title: true,
  weekday: true,
  startTime: true,
  endTime: true,
  capacity: true,
  validFrom: true,
  validTo: true,
  location: true,
  active: true,
} as const

/**
 * A facility's visit windows, open ones first, each with its dates in the booking horizon that
 * are closed (a holiday not opened on purpose, a closure period), so staff see what volunteers
 * cannot book.
 */
export async function facilityWindows(facilityId: string, now = new Date()) {
  const windows = await prisma.visitWindow.findMany({ where: { facilityId }, select: windowSelect, orderBy: [{ active: 'desc' }, { weekday: 'asc' }, { startTime: 'asc' }] })
  const today = copenhagenDate(now)
  const calendar = (await facilityCalendars([facilityId], today, addDays(today, BOOKING_WEEKS_AHEAD * 7))).get(facilityId)
  return windows.map((window) => ({
    ...window,
    closedDates: upcomingWindowDates(window, now, BOOKING_WEEKS_AHEAD, calendar).flatMap((date) => (date.closed ? [{ localDate: date.localDate, closed: date.closed }] : [])),
  }))
}

export async function createWindow(actorId: string, facilityId: string, input: WindowInput) {
  return prisma.$transaction(async (tx) => {
    const window = await tx.visitWindow.create({ data: { facilityId, ...input }, select: { id: true } })
    await audit(tx, { actorId, action: 'window.created', entityType: 'VisitWindow', entityId: window.id, data: { facilityId, ...input } })
    return window
  })
}

/**
 * Changes a window's terms. Visits already booked keep their times (people planned around them);
 * only dates booked from now on follow the new terms.
 */
export async function updateWindow(actorId: string, facilityId: string, windowId: string, input: WindowInput) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.visitWindow.updateMany({ where: { id: windowId, facilityId }, data: input })
    if (updated.count === 0) return false
    await audit(tx, { actorId, action: 'window.updated', entityType: 'VisitWindow', entityId: windowId, data: { ...input } })
    return true
  })
}

/** Closing a window stops new bookings; booked visits stay (they are cancelled one by one if need be). */
export async function setWindowActive(actorId: string, facilityId: string, windowId: string, active: boolean) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.visitWindow.updateMany({ where: { id: windowId, facilityId }, data: { active } })
    if (updated.count === 0) return false
    await audit(tx, { actorId, action: active ? 'window.reopened' : 'window.closed', entityType: 'VisitWindow', entityId: windowId })
    return true
  })
}

type WindowTerms = { weekday: number; startTime: string; endTime: string; validFrom: string; validTo: string | null }

/** Whether a date is one of the window's dates (its weekday, inside its validity). */
export function isWindowDate(window: WindowTerms, date: string) {
  return isoWeekday(date) === window.weekday && date >= window.validFrom && (!window.validTo || date <= window.validTo)
}

/**
 * The instants a window's date starts and ends (app/utils/time.ts for the daylight-saving days);
 * null when nothing of the window is left that day (a night window inside the spring gap).
 */
export function windowTimes(window: WindowTerms, date: string) {
  const startsAt = wallClockInstant(date, window.startTime)
  const endsAt = wallClockInstant(date, window.endTime)
  return endsAt.getTime() > startsAt.getTime() ? { startsAt, endsAt } : null
}

/**
 * The window's dates from today for a number of weeks, that have not started yet, each with why
 * it is closed for booking (holiday, closure period) or null (app/models/facility-closure.server.ts).
 */
export function upcomingWindowDates(window: WindowTerms, now: Date, weeks = BOOKING_WEEKS_AHEAD, calendar?: FacilityCalendar) {
  const today = copenhagenDate(now)
  const dates: { localDate: string; startsAt: Date; endsAt: Date; closed: DayClosure | null }[] = []
  for (let offset = 0; offset < weeks * 7; offset++) {
    const date = addDays(today, offset)
    if (!isWindowDate(window, date)) continue
    const times = windowTimes(window, date)
    if (times && times.startsAt.getTime() > now.getTime()) dates.push({ localDate: date, ...times, closed: closureOn(calendar, date) })
  }
  return dates
}

/**
 * What a volunteer can book: the open windows of each facility where they have an active match,
 * each upcoming date with the room left and whether they are already booked on it.
 *
 * Straight from SQLite (app/utils/sql.server.ts), four statements: Prisma made seven (match →
 * facility → windows with IN lists, the counts, the volunteer's own visits, closures, open days),
 * each through its query compiler, which cost more than the page's SQL and its date arithmetic.
 * Facilities come in the order of the volunteer's first match with each (Prisma's order: the
 * matches as the (volunteerId, status) index returns them, i.e. as they were made).
 */
export async function bookableWindows(volunteerId: string, now = new Date()) {
  const rows = all(
    sql
      .selectFrom('Match as m')
      .innerJoin('Facility as f', 'f.id', 'm.facilityId')
      .innerJoin('VisitWindow as w', 'w.facilityId', 'm.facilityId')
      .where('m.volunteerId', '=', volunteerId)
      .where('m.status', '=', 'active')
      .where('w.active', '=', 1)
      .select(['w.id', 'w.title', 'w.weekday', 'w.startTime', 'w.endTime', 'w.capacity', 'w.validFrom', 'w.validTo', 'w.location', 'w.active', 'f.id as facilityId', 'f.name as facilityName'])
      .select(raw<number>`min("m"."rowid")`.as('firstMatch'))
      .groupBy('w.id')
      .orderBy('firstMatch')
      .orderBy('w.weekday')
      .orderBy('w.startTime')
      .orderBy(raw`"w"."rowid"`),
  )
  if (rows.length === 0) return []
  const windows = rows.map((row) => ({
    id: row.id,
    title: row.title,
    weekday: row.weekday,
    startTime: row.startTime,
    endTime: row.endTime,
    capacity: row.capacity,
    validFrom: row.validFrom,
    validTo: row.validTo,
    location: row.location,
    active: Boolean(row.active),
    facility: { id: row.facilityId, name: row.facilityName },
  }))
  const today = copenhagenDate(now)
  const booked = all(bookedDatesQuery(volunteerId, windows.map((window) => window.id), today))
  const taken = new Map(booked.map((row) => [`${row.windowId}|${row.localDate}`, row]))
  const calendars = facilityCalendarsRead([...new Set(windows.map((window) => window.facility.id))], today, addDays(today, BOOKING_WEEKS_AHEAD * 7))
  return windows.map((window) => ({
    ...window,
    dates: upcomingWindowDates(window, now, BOOKING_WEEKS_AHEAD, calendars.get(window.facility.id)).map((date) => {
      const row = taken.get(`${window.id}|${date.localDate}`)
      return { ...date, roomLeft: Math.max(0, window.capacity - (row?.taken ?? 0)), bookedVisitId: row?.mine ?? null }
    }),
  }))
}

/**
 * The places taken per window date from `today` on, and the volunteer's own visit on it, in one
 * grouped read of the (windowId, localDate, status) index; the window ids go in as one JSON
 * parameter. The unary + keeps SQLite off the (status, startsAt) index, which it otherwise picked
 * on the national data and then walked every planned visit in the country (0.8 s instead of 0.03 ms).
 */
export function bookedDatesQuery(volunteerId: string, windowIds: string[], today: string) {
  return sql
    .selectFrom('Visit as v')
    .where('v.windowId', 'in', raw<string>`(SELECT value FROM json_each(${JSON.stringify(windowIds)}))`)
    .where(raw`+"v"."status"`, '=', 'planned')
    .where('v.localDate', '>=', today)
    .select(['v.windowId', 'v.localDate'])
    .select(raw<number>`count(*)`.as('taken'))
    .select(raw<string | null>`min(CASE WHEN "v"."volunteerId" = ${volunteerId} THEN "v"."id" END)`.as('mine'))
    .groupBy(['v.windowId', 'v.localDate'])
}
