import { closureOn, facilityCalendars, type DayClosure, type FacilityCalendar } from '~/models/facility-closure.server'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
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
 */
export async function bookableWindows(volunteerId: string, now = new Date()) {
  const matches = await prisma.match.findMany({
    where: { volunteerId, status: 'active' },
    select: { facility: { select: { id: true, name: true, visitWindows: { where: { active: true }, select: windowSelect, orderBy: [{ weekday: 'asc' }, { startTime: 'asc' }] } } } },
  })
  const facilities = new Map(matches.map((m) => [m.facility.id, m.facility]))
  const windows = [...facilities.values()].flatMap((facility) => facility.visitWindows.map((window) => ({ ...window, facility: { id: facility.id, name: facility.name } })))
  if (windows.length === 0) return []
  const today = copenhagenDate(now)
  const booked = await prisma.visit.groupBy({
    by: ['windowId', 'localDate'],
    where: { windowId: { in: windows.map((w) => w.id) }, status: 'planned', localDate: { gte: today } },
    _count: { _all: true },
  })
  const mine = await prisma.visit.findMany({
    where: { volunteerId, windowId: { in: windows.map((w) => w.id) }, status: 'planned', localDate: { gte: today } },
    select: { id: true, windowId: true, localDate: true },
  })
  const taken = new Map(booked.map((row) => [`${row.windowId}|${row.localDate}`, row._count._all]))
  const calendars = await facilityCalendars([...facilities.keys()], today, addDays(today, BOOKING_WEEKS_AHEAD * 7))
  return windows.map((window) => ({
    ...window,
    dates: upcomingWindowDates(window, now, BOOKING_WEEKS_AHEAD, calendars.get(window.facility.id)).map((date) => {
      const count = taken.get(`${window.id}|${date.localDate}`) ?? 0
      const own = mine.find((visit) => visit.windowId === window.id && visit.localDate === date.localDate)
      return { ...date, roomLeft: Math.max(0, window.capacity - count), bookedVisitId: own?.id ?? null }
    }),
  }))
}
