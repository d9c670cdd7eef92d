// The days a facility's visit windows cannot be booked: public holidays and customary closing
// days (app/utils/holidays.ts) unless the facility opens that date on purpose, and the closure
// periods the facility adds (summer holiday, a move).
import { sql as raw, type SqlBool } from 'kysely'
import { audit } from '~/utils/audit.server'
import { prisma, Prisma, type Tx } from '~/utils/db.server'
import { all, inJsonList, sql } from '~/utils/sql.server'
import { holidayOn, holidaysBetween, type HolidayCode, type HolidayKind } from '~/utils/holidays'
import { addDays, copenhagenDate } from '~/utils/time'

/** Why a date is closed for booking at a facility. */
export type DayClosure = { kind: HolidayKind; code: HolidayCode } | { kind: 'closure'; reason: string }

export type ClosureInput = { fromDate: string; toDate: string; reason: string }

type ClosurePeriod = { id: string; fromDate: string; toDate: string; reason: string }
/** What decides a facility's closed dates in a range. */
export type FacilityCalendar = { closures: ClosurePeriod[]; openDays: Set<string> }

/**
 * Why a date is closed, or null when it is open. A closure period wins over an open day: opening
 * on purpose lifts a holiday, not a closure the facility set itself.
 */
export function closureOn(calendar: FacilityCalendar | undefined, date: string): DayClosure | null {
  const period = calendar?.closures.find((closure) => closure.fromDate <= date && closure.toDate >= date)
  if (period) return { kind: 'closure', reason: period.reason }
  const holiday = holidayOn(date)
  if (holiday && !calendar?.openDays.has(date)) return { kind: holiday.kind, code: holiday.code }
  return null
}

/** The closure periods and open days of some facilities that touch the dates [from, to]. */
export async function facilityCalendars(facilityIds: string[], from: string, to: string, db: Tx = prisma) {
  const calendars = new Map<string, FacilityCalendar>(facilityIds.map((id) => [id, { closures: [], openDays: new Set() }]))
  if (facilityIds.length === 0) return calendars
  const [closures, openDays] = await Promise.all([
    db.facilityClosure.findMany({
      where: { facilityId: { in: facilityIds }, toDate: { gte: from }, fromDate: { lte: to } },
      select: { id: true, facilityId: true, fromDate: true, toDate: true, reason: true },
      orderBy: { fromDate: 'asc' },
    }),
    db.facilityOpenDay.findMany({ where: { facilityId: { in: facilityIds }, localDate: { gte: from, lte: to } }, select: { facilityId: true, localDate: true } }),
  ])
  for (const { facilityId, ...closure } of closures) calendars.get(facilityId)?.closures.push(closure)
  for (const day of openDays) calendars.get(day.facilityId)?.openDays.add(day.localDate)
  return calendars
}

/**
 * facilityCalendars for the hot pages (booking), straight from SQLite (app/utils/sql.server.ts):
 * the same closures and open days, without Prisma's query compiler. Outside transactions only.
 */
export function facilityCalendarsRead(facilityIds: string[], from: string, to: string) {
  const calendars = new Map<string, FacilityCalendar>(facilityIds.map((id) => [id, { closures: [], openDays: new Set() }]))
  if (facilityIds.length === 0) return calendars
  const ids = raw<string>`(SELECT value FROM json_each(${JSON.stringify(facilityIds)}))`
  const closures = all(
    sql
      .selectFrom('FacilityClosure')
      .select(['id', 'facilityId', 'fromDate', 'toDate', 'reason'])
      .where('facilityId', 'in', ids)
      .where('toDate', '>=', from)
      .where('fromDate', '<=', to)
      .orderBy('fromDate'),
  )
  const openDays = all(sql.selectFrom('FacilityOpenDay').select(['facilityId', 'localDate']).where('facilityId', 'in', ids).where('localDate', '>=', from).where('localDate', '<=', to))
  for (const { facilityId, ...closure } of closures) calendars.get(facilityId)?.closures.push(closure)
  for (const day of openDays) calendars.get(day.facilityId)?.openDays.add(day.localDate)
  return calendars
}

/** Why one facility is closed on one date, or null. */
export async function facilityClosureOn(facilityId: string, date: string, db: Tx = prisma) {
  return closureOn((await facilityCalendars([facilityId], date, date, db)).get(facilityId), date)
}

/**
 * The same rule as closureOn as a condition in SQL, so booking and moving check it in the very
 * statement that writes the visit (a closure added a moment earlier still counts).
 */
export function openForVisitsSql(facilityId: string, date: string): Prisma.Sql {
  const noClosure = Prisma.sql`NOT EXISTS (SELECT 1 FROM "FacilityClosure" WHERE "facilityId" = ${facilityId} AND "fromDate" <= ${date} AND "toDate" >= ${date})`
  if (!holidayOn(date)) return noClosure
  return Prisma.sql`${noClosure} AND EXISTS (SELECT 1 FROM "FacilityOpenDay" WHERE "facilityId" = ${facilityId} AND "localDate" = ${date})`
}

/** How far ahead the windows page lists holidays to open on purpose. */
export const HOLIDAYS_LISTED_DAYS = 366

/**
 * The windows page: current and future closure periods, each with the planned visits inside it
 * (kept, see addClosure), and the holidays of the coming year with whether the facility opens.
 */
export async function facilityClosurePage(facilityId: string, now = new Date()) {
  const today = copenhagenDate(now)
  const until = addDays(today, HOLIDAYS_LISTED_DAYS)
  const [closures, openDays] = await Promise.all([
    prisma.facilityClosure.findMany({
      where: { facilityId, toDate: { gte: today } },
      select: { id: true, fromDate: true, toDate: true, reason: true },
      orderBy: [{ fromDate: 'asc' }, { toDate: 'asc' }],
    }),
    prisma.facilityOpenDay.findMany({ where: { facilityId, localDate: { gte: today, lte: until } }, select: { localDate: true } }),
  ])
  const open = new Set(openDays.map((day) => day.localDate))
  const withVisits = await Promise.all(closures.map(async (closure) => ({ ...closure, plannedVisits: await plannedVisitsBetween(facilityId, closure.fromDate, closure.toDate) })))
  return {
    closures: withVisits,
    holidays: holidaysBetween(today, until).map((holiday) => ({ ...holiday, open: open.has(holiday.date) })),
  }
}

function plannedVisitsBetween(facilityId: string, from: string, to: string) {
  return prisma.visit.count({ where: { facilityId, status: 'planned', localDate: { gte: from, lte: to } } })
}

/**
 * Closes the facility for visits for a period. Visits already planned inside it are kept: they
 * were agreed with a person who may have planned around them, and cancelling is a decision with
 * a reason and an e-mail to that person (app/models/visit-change.server.ts: cancelVisit). The
 * result says how many there are, and the page keeps warning until they are dealt with.
 */
export async function addClosure(actorId: string, facilityId: string, input: ClosureInput) {
  return prisma.$transaction(async (tx) => {
    const closure = await tx.facilityClosure.create({ data: { facilityId, ...input }, select: { id: true } })
    await audit(tx, { actorId, action: 'closure.created', entityType: 'FacilityClosure', entityId: closure.id, data: { facilityId, ...input } })
    const plannedVisits = await tx.visit.count({ where: { facilityId, status: 'planned', localDate: { gte: input.fromDate, lte: input.toDate } } })
    return { id: closure.id, plannedVisits }
  })
}

export async function removeClosure(actorId: string, facilityId: string, closureId: string) {
  return prisma.$transaction(async (tx) => {
    const removed = await tx.facilityClosure.deleteMany({ where: { id: closureId, facilityId } })
    if (removed.count === 0) return false
    await audit(tx, { actorId, action: 'closure.removed', entityType: 'FacilityClosure', entityId: closureId, data: { facilityId } })
    return true
  })
}

export type OpenDayResult = { ok: true } | { ok: false; reason: 'not-a-holiday' }

/** Opens (or closes again) the facility's windows on one holiday or closing day. Doing it twice changes nothing. */
export async function setHolidayOpen(actorId: string, facilityId: string, localDate: string, open: boolean): Promise<OpenDayResult> {
  if (!holidayOn(localDate)) return { ok: false, reason: 'not-a-holiday' }
  await prisma.$transaction(async (tx) => {
    if (open) {
      await tx.facilityOpenDay.upsert({ where: { facilityId_localDate: { facilityId, localDate } }, create: { facilityId, localDate }, update: {} })
    } else {
      await tx.facilityOpenDay.deleteMany({ where: { facilityId, localDate } })
    }
    await audit(tx, { actorId, action: open ? 'holiday.opened' : 'holiday.closed', entityType: 'Facility', entityId: facilityId, data: { localDate } })
  })
  return { ok: true }
}

/**
 * What the week and month views mark on their days: the holidays and closing days of the range,
 * and the closure periods of the facilities the person works with (staff: their facilities;
 * volunteers: where they have an active match), so nobody plans a visit into a closed day.
 */
export async function calendarMarks(actor: { id: string; role: string; memberships: { facilityId: string }[] }, from: string, to: string) {
  const holidays = holidaysBetween(from, to)
  if (actor.role !== 'facility_staff' && actor.role !== 'volunteer') return { holidays, closures: [], openDays: [] }
  // Staff: their facilities; a volunteer: the facilities of their active matches.
  const facilityIds = actor.memberships.map((m) => m.facilityId)
  const ofActor = (column: string) =>
    actor.role === 'facility_staff'
      ? inJsonList(column, facilityIds)
      : raw<SqlBool>`${raw.ref(column)} in (select "facilityId" from "Match" where "volunteerId" = ${actor.id} and "status" = 'active')`
  const closures = all(
    sql
      .selectFrom('FacilityClosure as c')
      .innerJoin('Facility as f', 'f.id', 'c.facilityId')
      .select(['c.fromDate', 'c.toDate', 'c.reason', 'f.name as facilityName'])
      .where(ofActor('c.facilityId'))
      .where('c.toDate', '>=', from)
      .where('c.fromDate', '<=', to)
      .orderBy('c.fromDate'),
  )
  const openDays =
    holidays.length > 0
      ? all(
          sql
            .selectFrom('FacilityOpenDay as d')
            .innerJoin('Facility as f', 'f.id', 'd.facilityId')
            .select(['d.localDate as date', 'f.name as facilityName'])
            .where(ofActor('d.facilityId'))
            .where(inJsonList('d.localDate', holidays.map((holiday) => holiday.date))),
        )
      : []
  return { holidays, closures, openDays }
}

/** Holidays, closure periods and opened holidays, as the week and month views mark them. */
export type CalendarMarks = Awaited<ReturnType<typeof calendarMarks>>
