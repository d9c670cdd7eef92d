// Changes to a planned visit: cancelling, moving, and logging it afterwards.
import { facilityClosureOn, openForVisitsSql } from '~/models/facility-closure.server'
import { visitDetails } from '~/models/visit-details.server'
import { actorName, otherParties, tellAboutVisit } from '~/models/visit-notice.server'
import { isWindowDate, windowTimes } from '~/models/visit-window.server'
import { fulfilWishes } from '~/models/wish.server'
import { audit } from '~/utils/audit.server'
import { prisma, Prisma } from '~/utils/db.server'
import { isClockTime, isLocalDate, sqliteInstant, wallClockInstant } from '~/utils/time'
import type { Feedback, FeedbackBy } from '~/utils/wishes'

/** Cancelling closer to the start than this is flagged to the coordinator. */
export const LATE_CANCELLATION_HOURS = 24

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

/** What the residents said about a done visit (issue 12): counts and a face, never who. */
export type ResidentsInput = {
  residentsHelped: number | null
  feedback: Feedback | null
  feedbackBy: FeedbackBy | null
  residentWords: string | null
  /** The facility's open wishes this visit fulfilled. */
  fulfilledWishIds: string[]
}
export type LogInput =
  | ({ outcome: 'done'; hours: number; helpedWith: string[]; note: string | null } & Partial<ResidentsInput>)
  | { outcome: 'no_show'; note: string | null }
export type LogResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-started' | 'not-planned' }

/** After a visit: the volunteer or the facility's staff record that it happened (hours, what was helped with) or that nobody came. */
export async function logVisit(actorId: string, visitId: string, input: LogInput, now = new Date()): Promise<LogResult> {
  return prisma.$transaction(async (tx) => {
    const visit = await tx.visit.findUnique({ where: { id: visitId }, select: { id: true, status: true, startsAt: true, facilityId: true } })
    if (!visit) return { ok: false, reason: 'not-found' } as const
    if (visit.status !== 'planned') return { ok: false, reason: 'not-planned' } as const
    if (visit.startsAt.getTime() > now.getTime()) return { ok: false, reason: 'not-started' } as const
    const data =
      input.outcome === 'done'
        ? {
            status: 'done',
            hours: input.hours,
            helpedWith: JSON.stringify(input.helpedWith),
            note: input.note,
            residentsHelped: input.residentsHelped ?? null,
            residentFeedback: input.feedback ?? null,
            // Who gave a face only means something when there is a face.
            feedbackBy: input.feedback ? (input.feedbackBy ?? 'resident') : null,
            residentWords: input.residentWords ?? null,
          }
        : { status: 'no_show', hours: null, helpedWith: '[]', note: input.note }
    const updated = await tx.visit.updateMany({ where: { id: visit.id, status: 'planned' }, data: { ...data, loggedById: actorId, loggedAt: now } })
    if (updated.count === 0) return { ok: false, reason: 'not-planned' } as const
    const fulfilled = input.outcome === 'done' ? await fulfilWishes(tx, { facilityId: visit.facilityId, visitId: visit.id, wishIds: input.fulfilledWishIds ?? [] }, now) : 0
    await audit(tx, {
      actorId,
      action: input.outcome === 'done' ? 'visit.logged' : 'visit.no_show',
      entityType: 'Visit',
      entityId: visit.id,
      data: input.outcome === 'done' ? { hours: input.hours, helpedWith: input.helpedWith, residentsHelped: input.residentsHelped ?? null, wishesFulfilled: fulfilled } : {},
    })
    return { ok: true } as const
  })
}
