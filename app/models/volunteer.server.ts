import { prisma } from '~/utils/db.server'

/** What a volunteer's start page shows: the next visit, matches and applications. */
export async function volunteerOverview(userId: string) {
  const [applications, matches, nextVisit] = await Promise.all([
    prisma.application.findMany({
      where: { volunteerId: userId },
      select: { id: true, status: true, createdAt: true, jobAd: { select: { id: true, title: true, facility: { select: { name: true } } } } },
      orderBy: { createdAt: 'desc' },
      take: 20,
    }),
    prisma.match.findMany({
      where: { volunteerId: userId, status: { in: ['proposed', 'active', 'paused'] } },
      select: { id: true, status: true, facility: { select: { name: true } }, jobAd: { select: { title: true } } },
      orderBy: { createdAt: 'desc' },
    }),
    prisma.visit.findFirst({
      where: { volunteerId: userId, status: 'planned', startsAt: { gte: new Date() } },
      select: { id: true, startsAt: true, endsAt: true, facility: { select: { name: true } } },
      orderBy: { startsAt: 'asc' },
    }),
  ])
  return { applications, matches, nextVisit }
}
