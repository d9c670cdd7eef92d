// What the centre follows up on: visits nobody logged and late cancellations.
import { prisma } from '~/utils/db.server'

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
