import crypto from 'node:crypto'
import { facilityClosureOn, openForVisitsSql } from '~/models/facility-closure.server'
import { isWindowDate, windowTimes } from '~/models/visit-window.server'
import { audit } from '~/utils/audit.server'
import { formatInZone } from '~/utils/dates'
import { prisma, Prisma, type Tx } from '~/utils/db.server'
import { parseList, localeOf, type Locale } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarInvitation } from '~/utils/ics'
import { isClockTime, isLocalDate, sqliteInstant, wallClockInstant } from '~/utils/time'

/** Cancelling closer to the start than this is flagged to the coordinator. */
export const LATE_CANCELLATION_HOURS = 24

const personSelect = { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } as const

/** What is needed to name the match's contact person: the ad's contact, else the facility's leader. */
const matchContactSelect = {
  id: true,
  status: true,
  jobAd: { select: { title: true, contactPerson: { select: personSelect } } },
  facility: { select: { memberships: { where: { status: 'active', role: 'leader' }, select: { user: { select: personSelect } } } } },
} satisfies Prisma.MatchSelect

type MatchWithContact = Prisma.MatchGetPayload<{ select: typeof matchContactSelect }>
type Person = { id: string; name: string; email: string; phone: string | null; locale: string; deactivatedAt?: Date | null }

export function contactOfMatch(match: MatchWithContact | null): Person | null {
  if (!match) return null
  return [match.jobAd.contactPerson, ...match.facility.memberships.map((m) => m.user)].find((person): person is NonNullable<typeof person> => Boolean(person && !person.deactivatedAt)) ?? null
}

const visitSelect = {
  id: true,
  localDate: true,
  startsAt: true,
  endsAt: true,
  location: true,
  status: true,
  sequence: true,
  windowId: true,
  planId: true,
  cancelReason: true,
  cancelledAt: true,
  lateCancellation: true,
  hours: true,
  helpedWith: true,
  note: true,
  loggedAt: true,
  cancelledBy: { select: { name: true } },
  loggedBy: { select: { name: true } },
  window: { select: { id: true, title: true, capacity: true, weekday: true, startTime: true, endTime: true, validFrom: true, validTo: true, active: true } },
  facility: { select: { id: true, name: true, address: true, postcode: true, town: true, municipalityId: true } },
  volunteer: { select: personSelect },
  match: { select: matchContactSelect },
} satisfies Prisma.VisitSelect

export type VisitDetails = Prisma.VisitGetPayload<{ select: typeof visitSelect }>

/** One visit with its place, people and log; null when there is none. */
export function visitDetails(visitId: string, db: Tx = prisma) {
  return db.visit.findUnique({ where: { id: visitId }, select: visitSelect })
}

/** The visit as seen on its page: contact person resolved, nothing else of the match. */
export async function visitForPage(visitId: string) {
  const visit = await visitDetails(visitId)
  if (!visit) return null
  const contact = contactOfMatch(visit.match)
  const { match, ...rest } = visit
  return {
    ...rest,
    helpedWith: parseList(visit.helpedWith),
    adTitle: match?.jobAd.title ?? null,
    contact: contact ? { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email } : null,
  }
}

/** "onsdag 2. december 2026 kl. 14:00–16:00", in the reader's language and Copenhagen time. */
export function formatVisitTime(startsAt: Date, endsAt: Date, locale: Locale) {
  const day = formatInZone(startsAt, locale === 'da' ? "EEEE d. MMMM yyyy 'kl.' HH:mm" : "EEEE d MMMM yyyy', 'HH:mm", locale)
  return `${day}–${formatInZone(endsAt, 'HH:mm', locale)}`
}

function placeOf(visit: Pick<VisitDetails, 'location' | 'facility'>) {
  const address = `${visit.facility.address}, ${visit.facility.postcode} ${visit.facility.town}`
  return visit.location ? `${visit.location}, ${address}` : address
}

type Change = 'booked' | 'cancelled' | 'moved'

/**
 * Tells people about a change of a visit, each in their own language, with a calendar file that
 * replaces (same UID, higher SEQUENCE) or removes (METHOD:CANCEL) the event in their calendar.
 */
async function tellAboutVisit(
  tx: Tx,
  change: Change,
  visit: VisitDetails,
  recipients: Person[],
  extra: { actorName: string; reason?: string; previous?: { startsAt: Date; endsAt: Date }; late?: boolean; now: Date },
) {
  const contact = contactOfMatch(visit.match)
  const attendees = [visit.volunteer, contact].filter((p): p is Person => Boolean(p)).map((p) => ({ name: p.name, email: p.email }))
  for (const person of recipients) {
    const locale = localeOf(person.locale)
    const t = await getFixedT(locale, 'emails')
    const recipient = person.id === visit.volunteer.id ? ('volunteer' as const) : ('contact' as const)
    const ics = calendarInvitation({
      uid: `visit-${visit.id}@frivilligbro`,
      sequence: visit.sequence,
      start: visit.startsAt,
      end: visit.endsAt,
      stamp: extra.now,
      summary: t('visitCalendar.summary', { facilityName: visit.facility.name, volunteer: visit.volunteer.name }),
      description: t('visitCalendar.description', { volunteer: visit.volunteer.name, contact: contact?.name ?? '', url: appUrl(`/visits/${visit.id}`) }),
      location: placeOf(visit),
      attendees,
      status: change === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    })
    const common = {
      name: person.name,
      recipient,
      facilityName: visit.facility.name,
      volunteerName: visit.volunteer.name,
      when: formatVisitTime(visit.startsAt, visit.endsAt, locale),
      place: placeOf(visit),
      url: appUrl(`/visits/${visit.id}`),
    }
    const attachments = [{ filename: 'besoeg.ics', contentType: `text/calendar; charset=utf-8; method=${change === 'cancelled' ? 'CANCEL' : 'REQUEST'}`, content: ics }]
    const dedupeKey = `visit-${change}:${visit.id}:${visit.sequence}:${person.id}`
    if (change === 'booked') {
      await queueEmail(tx, { to: person.email, toName: person.name, locale, template: 'visit-booked', dedupeKey, props: { ...common, title: visit.window?.title ?? '' }, attachments })
    } else if (change === 'cancelled') {
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale,
        template: 'visit-cancelled',
        dedupeKey,
        props: { ...common, by: extra.actorName, reason: extra.reason ?? '', late: Boolean(extra.late) },
        attachments,
      })
    } else {
      const previous = extra.previous ?? visit
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale,
        template: 'visit-moved',
        dedupeKey,
        props: { ...common, by: extra.actorName, reason: extra.reason ?? '', previous: formatVisitTime(previous.startsAt, previous.endsAt, locale) },
        attachments,
      })
    }
  }
}

/** Everyone concerned by a visit except the one who changed it. */
function otherParties(visit: VisitDetails, actorId: string) {
  const contact = contactOfMatch(visit.match)
  const people: Person[] = [visit.volunteer]
  if (contact && contact.id !== visit.volunteer.id) people.push(contact)
  return people.filter((person) => person.id !== actorId)
}

async function actorName(tx: Tx, actorId: string) {
  return (await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name ?? ''
}

export type BookResult = { ok: true; visitId: string } | { ok: false; reason: 'not-found' | 'no-match' | 'not-a-window-date' | 'closed' | 'past' | 'full' | 'overlap' }

/**
 * A volunteer books one date of a facility's visit window. The room check, the overlap check and
 * the insert are ONE SQL statement: SQLite runs one writer at a time, so however many volunteers
 * press "book" at once, a window date never gets more visits than its capacity, and nobody gets
 * two visits at the same time at any facility. The volunteer gets a confirmation and the match's
 * contact person (the ad's, else the leader) a notice, both with a calendar file.
 */
export async function bookWindowVisit(volunteerId: string, input: { windowId: string; localDate: string }, now = new Date()): Promise<BookResult> {
  const window = await prisma.visitWindow.findUnique({
    where: { id: input.windowId },
    select: { id: true, facilityId: true, weekday: true, startTime: true, endTime: true, validFrom: true, validTo: true, location: true, active: true },
  })
  if (!window || !window.active) return { ok: false, reason: 'not-found' }
  const match = await prisma.match.findFirst({ where: { volunteerId, facilityId: window.facilityId, status: 'active' }, select: { id: true }, orderBy: { approvedAt: 'asc' } })
  if (!match) return { ok: false, reason: 'no-match' }
  if (!isWindowDate(window, input.localDate)) return { ok: false, reason: 'not-a-window-date' }
  const times = windowTimes(window, input.localDate)
  if (!times) return { ok: false, reason: 'not-a-window-date' }
  if (times.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'past' }
  if (await facilityClosureOn(window.facilityId, input.localDate)) return { ok: false, reason: 'closed' }

  const id = `v${crypto.randomBytes(12).toString('hex')}`
  const starts = sqliteInstant(times.startsAt)
  const ends = sqliteInstant(times.endsAt)
  const stamp = sqliteInstant(now)
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "Visit" ("id", "matchId", "facilityId", "volunteerId", "windowId", "localDate", "startsAt", "endsAt", "location", "status", "helpedWith", "sequence", "createdAt", "updatedAt")
      SELECT ${id}, ${match.id}, ${window.facilityId}, ${volunteerId}, ${window.id}, ${input.localDate}, ${starts}, ${ends}, ${window.location}, 'planned', '[]', 0, ${stamp}, ${stamp}
      WHERE (SELECT count(*) FROM "Visit" WHERE "windowId" = ${window.id} AND "localDate" = ${input.localDate} AND "status" = 'planned')
              < (SELECT "capacity" FROM "VisitWindow" WHERE "id" = ${window.id} AND "active" = 1)
        AND NOT EXISTS (SELECT 1 FROM "Visit" WHERE "volunteerId" = ${volunteerId} AND "status" = 'planned' AND "startsAt" < ${ends} AND "endsAt" > ${starts})
        AND EXISTS (SELECT 1 FROM "Match" WHERE "id" = ${match.id} AND "status" = 'active')
        AND ${openForVisitsSql(window.facilityId, input.localDate)}`
    if (inserted !== 1) {
      if (await facilityClosureOn(window.facilityId, input.localDate, tx)) return { ok: false, reason: 'closed' } as const
      const overlapping = await tx.visit.count({ where: { volunteerId, status: 'planned', startsAt: { lt: times.endsAt }, endsAt: { gt: times.startsAt } } })
      if (overlapping > 0) return { ok: false, reason: 'overlap' } as const
      const stillActive = await tx.match.count({ where: { id: match.id, status: 'active' } })
      return { ok: false, reason: stillActive ? 'full' : 'no-match' } as const
    }
    const visit = await visitDetails(id, tx)
    if (!visit) throw new Error('booked visit vanished')
    await audit(tx, { actorId: volunteerId, action: 'visit.booked', entityType: 'Visit', entityId: id, data: { windowId: window.id, localDate: input.localDate } })
    const contact = contactOfMatch(visit.match)
    await tellAboutVisit(tx, 'booked', visit, [visit.volunteer, ...(contact ? [contact] : [])], { actorName: visit.volunteer.name, now })
    return { ok: true, visitId: id } as const
  })
}

export type CancelResult = { ok: true; late: boolean } | { ok: false; reason: 'not-found' | 'not-planned' | 'started' }

/**
 * Cancels one planned visit with a reason. Under 24 hours before the start it is flagged as a late
 * cancellation for the coordinator. The other party is told at once, with a calendar cancellation.
 */
export async function cancelVisit(actorId: string, input: { visitId: string; reason: string }, now = new Date()): Promise<CancelResult> {
  return prisma.$transaction(async (tx) => {
    const before = await visitDetails(input.visitId, tx)
    if (!before) return { ok: false, reason: 'not-found' } as const
    if (before.status !== 'planned') return { ok: false, reason: 'not-planned' } as const
    if (before.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'started' } as const
    const late = before.startsAt.getTime() - now.getTime() < LATE_CANCELLATION_HOURS * 3_600_000
    const updated = await tx.visit.updateMany({
      where: { id: before.id, status: 'planned', sequence: before.sequence },
      data: { status: 'cancelled', cancelledById: actorId, cancelReason: input.reason, cancelledAt: now, lateCancellation: late, sequence: { increment: 1 } },
    })
    if (updated.count === 0) return { ok: false, reason: 'not-planned' } as const
    await audit(tx, { actorId, action: 'visit.cancelled', entityType: 'Visit', entityId: before.id, data: { reason: input.reason, late } })
    const visit = { ...before, status: 'cancelled', sequence: before.sequence + 1 }
    await tellAboutVisit(tx, 'cancelled', visit, otherParties(visit, actorId), { actorName: await actorName(tx, actorId), reason: input.reason, late, now })
    return { ok: true, late } as const
  })
}

export type MoveResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'not-planned' | 'started' | 'past' | 'invalid-time' | 'not-a-window-date' | 'closed' | 'full' | 'overlap' | 'plan-date-taken' | 'unchanged' }

/**
 * Moves one planned visit to a new date (and, outside a window, a new time) with a reason. Like a
 * booking, the overlap check and, for a window visit, the room check are part of the UPDATE
 * statement itself. The visit keeps its calendar UID; its SEQUENCE goes up.
 */
export async function moveVisit(
  actorId: string,
  input: { visitId: string; localDate: string; startTime: string; endTime: string; reason: string },
  now = new Date(),
): Promise<MoveResult> {
  const before = await visitDetails(input.visitId)
  if (!before) return { ok: false, reason: 'not-found' }
  if (before.status !== 'planned') return { ok: false, reason: 'not-planned' }
  if (before.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'started' }
  if (!isLocalDate(input.localDate)) return { ok: false, reason: 'invalid-time' }
  let startsAt: Date | null
  let endsAt: Date | null
  if (before.window) {
    // A window visit moves to another date of the same window, at the window's times.
    if (!isWindowDate(before.window, input.localDate)) return { ok: false, reason: 'not-a-window-date' }
    const times = windowTimes(before.window, input.localDate)
    startsAt = times?.startsAt ?? null
    endsAt = times?.endsAt ?? null
  } else {
    const valid = isClockTime(input.startTime) && isClockTime(input.endTime)
    startsAt = valid ? wallClockInstant(input.localDate, input.startTime) : null
    endsAt = valid ? wallClockInstant(input.localDate, input.endTime) : null
  }
  if (!startsAt || !endsAt || endsAt.getTime() <= startsAt.getTime()) return { ok: false, reason: 'invalid-time' }
  if (startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'past' }
  if (startsAt.getTime() === before.startsAt.getTime() && endsAt.getTime() === before.endsAt.getTime()) return { ok: false, reason: 'unchanged' }
  // A window visit follows the window's closed days like a booking; a visit agreed outside a
  // window (a plan's, arranged between the people) may fall on a holiday on purpose.
  if (before.window && input.localDate !== before.localDate && (await facilityClosureOn(before.facility.id, input.localDate))) return { ok: false, reason: 'closed' }

  const starts = sqliteInstant(startsAt)
  const ends = sqliteInstant(endsAt)
  const stamp = sqliteInstant(now)
  const windowId = before.window?.id ?? null
  try {
    return await prisma.$transaction(async (tx) => {
      const updated = await tx.$executeRaw`
        UPDATE "Visit" SET "localDate" = ${input.localDate}, "startsAt" = ${starts}, "endsAt" = ${ends}, "sequence" = "sequence" + 1, "reminderQueuedAt" = NULL, "updatedAt" = ${stamp}
        WHERE "id" = ${before.id} AND "status" = 'planned' AND "sequence" = ${before.sequence}
          AND (${windowId} IS NULL OR (SELECT count(*) FROM "Visit" WHERE "windowId" = ${windowId} AND "localDate" = ${input.localDate} AND "status" = 'planned' AND "id" <> ${before.id})
                 < (SELECT "capacity" FROM "VisitWindow" WHERE "id" = ${windowId}))
          AND NOT EXISTS (SELECT 1 FROM "Visit" WHERE "volunteerId" = ${before.volunteer.id} AND "status" = 'planned' AND "id" <> ${before.id} AND "startsAt" < ${ends} AND "endsAt" > ${starts})
          AND ${windowId && input.localDate !== before.localDate ? openForVisitsSql(before.facility.id, input.localDate) : Prisma.sql`1`}`
      if (updated !== 1) {
        const current = await tx.visit.findUnique({ where: { id: before.id }, select: { status: true, sequence: true } })
        if (!current || current.status !== 'planned' || current.sequence !== before.sequence) return { ok: false, reason: 'not-planned' } as const
        if (windowId && (await facilityClosureOn(before.facility.id, input.localDate, tx))) return { ok: false, reason: 'closed' } as const
        const overlapping = await tx.visit.count({
          where: { volunteerId: before.volunteer.id, status: 'planned', id: { not: before.id }, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
        })
        return { ok: false, reason: overlapping > 0 ? 'overlap' : 'full' } as const
      }
      await audit(tx, {
        actorId,
        action: 'visit.moved',
        entityType: 'Visit',
        entityId: before.id,
        data: { reason: input.reason, from: before.startsAt.toISOString(), to: startsAt.toISOString() },
      })
      const visit = await visitDetails(before.id, tx)
      if (!visit) throw new Error('moved visit vanished')
      await tellAboutVisit(tx, 'moved', visit, otherParties(visit, actorId), {
        actorName: await actorName(tx, actorId),
        reason: input.reason,
        previous: { startsAt: before.startsAt, endsAt: before.endsAt },
        now,
      })
      return { ok: true } as const
    })
  } catch (error) {
    // A plan has one visit per date (unique planId + localDate): that date is already in the plan.
    if (error instanceof Error && /UNIQUE constraint failed/i.test(error.message)) return { ok: false, reason: 'plan-date-taken' }
    throw error
  }
}

export type LogInput = { outcome: 'done'; hours: number; helpedWith: string[]; note: string | null } | { outcome: 'no_show'; note: string | null }
export type LogResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-started' | 'not-planned' }

/** After a visit: the volunteer or the facility's staff record that it happened (hours, what was helped with) or that nobody came. */
export async function logVisit(actorId: string, visitId: string, input: LogInput, now = new Date()): Promise<LogResult> {
  return prisma.$transaction(async (tx) => {
    const visit = await tx.visit.findUnique({ where: { id: visitId }, select: { id: true, status: true, startsAt: true } })
    if (!visit) return { ok: false, reason: 'not-found' } as const
    if (visit.status !== 'planned') return { ok: false, reason: 'not-planned' } as const
    if (visit.startsAt.getTime() > now.getTime()) return { ok: false, reason: 'not-started' } as const
    const data =
      input.outcome === 'done'
        ? { status: 'done', hours: input.hours, helpedWith: JSON.stringify(input.helpedWith), note: input.note }
        : { status: 'no_show', hours: null, helpedWith: '[]', note: input.note }
    const updated = await tx.visit.updateMany({ where: { id: visit.id, status: 'planned' }, data: { ...data, loggedById: actorId, loggedAt: now } })
    if (updated.count === 0) return { ok: false, reason: 'not-planned' } as const
    await audit(tx, {
      actorId,
      action: input.outcome === 'done' ? 'visit.logged' : 'visit.no_show',
      entityType: 'Visit',
      entityId: visit.id,
      data: input.outcome === 'done' ? { hours: input.hours, helpedWith: input.helpedWith } : {},
    })
    return { ok: true } as const
  })
}

/** Visits that have ended but that nobody has logged, at facilities in these municipalities; oldest first. */
export function unloggedVisits(municipalityIds: string[], now = new Date(), take = 100) {
  return prisma.visit.findMany({
    // startsAt narrows the [status, startsAt] index to visits already begun; endsAt decides.
    where: { status: 'planned', startsAt: { lt: now }, endsAt: { lt: now }, facility: { municipalityId: { in: municipalityIds } } },
    select: { id: true, startsAt: true, endsAt: true, facility: { select: { name: true } }, volunteer: { select: { name: true } } },
    orderBy: { startsAt: 'asc' },
    take,
  })
}

/** Late cancellations (under 24 hours before the start) of the last weeks, newest first. */
export function lateCancellations(municipalityIds: string[], now = new Date(), days = 60, take = 100) {
  return prisma.visit.findMany({
    where: {
      status: 'cancelled',
      lateCancellation: true,
      cancelledAt: { gte: new Date(now.getTime() - days * 86_400_000) },
      // A late cancellation comes under a day before the start, so the start is in the range too (an index range).
      startsAt: { gte: new Date(now.getTime() - days * 86_400_000) },
      facility: { municipalityId: { in: municipalityIds } },
    },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      cancelledAt: true,
      cancelReason: true,
      cancelledBy: { select: { name: true } },
      facility: { select: { name: true } },
      volunteer: { select: { name: true } },
    },
    orderBy: { cancelledAt: 'desc' },
    take,
  })
}

/** How many of each the coordinator's start page mentions. */
export async function visitAttentionCounts(municipalityIds: string[], now = new Date()) {
  const [unlogged, late] = await Promise.all([
    prisma.visit.count({ where: { status: 'planned', startsAt: { lt: now }, endsAt: { lt: now }, facility: { municipalityId: { in: municipalityIds } } } }),
    prisma.visit.count({
      where: {
        status: 'cancelled',
        lateCancellation: true,
        cancelledAt: { gte: new Date(now.getTime() - 60 * 86_400_000) },
        startsAt: { gte: new Date(now.getTime() - 60 * 86_400_000) },
        facility: { municipalityId: { in: municipalityIds } },
      },
    }),
  ])
  return { unlogged, late }
}
