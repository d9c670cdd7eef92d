// What the centre follows up on: visits nobody logged and late cancellations.
import { sql as raw } from 'kysely'
import { prisma } from '~/utils/db.server'
import { first, rawQuery } from '~/utils/sql.server'
import { sqliteInstant } from '~/utils/time'

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
  const queries = visitAttentionQueries(municipalityIds, now)
  return { unlogged: Number(first(queries.unlogged)?.n ?? 0), late: Number(first(queries.late)?.n ?? 0) }
}

/**
 * The start page's two counts, from the centre's facilities down partial indexes that hold only
 * planned visits (by end) and late cancellations (by when): each facility's entry is one index
 * step, and what is counted is what needs attention, never the centre's history of visits. The
 * literal conditions are those of the indexes (a bound parameter would not match them).
 */
export function visitAttentionQueries(municipalityIds: string[], now = new Date()) {
  const stamp = sqliteInstant(now)
  const since = sqliteInstant(new Date(now.getTime() - 60 * 86_400_000))
  const scope = JSON.stringify(municipalityIds)
  return {
    unlogged: rawQuery<{ n: number }>(raw`select count(*) as "n"
      from json_each(${scope}) "mu"
      cross join "Facility" "f" on "f"."municipalityId" = "mu"."value"
      cross join "Visit" "v" indexed by "Visit_unlogged_idx" on "v"."facilityId" = "f"."id"
      where "v"."status" = 'planned' and "v"."endsAt" < ${stamp} and "v"."startsAt" < ${stamp}`),
    late: rawQuery<{ n: number }>(raw`select count(*) as "n"
      from json_each(${scope}) "mu"
      cross join "Facility" "f" on "f"."municipalityId" = "mu"."value"
      cross join "Visit" "v" indexed by "Visit_late_cancellation_idx" on "v"."facilityId" = "f"."id"
      where "v"."status" = 'cancelled' and "v"."lateCancellation" = 1 and "v"."cancelledAt" >= ${since} and "v"."startsAt" >= ${since}`),
  }
}
