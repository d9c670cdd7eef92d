import { prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'

export const BOARD_PAGE_SIZE = 20

/** Published ads, newest first — what visitors see on the public board. */
export async function publishedAds(page: number) {
  const where = { status: 'published' }
  const [total, rows] = await Promise.all([
    prisma.jobAd.count({ where }),
    prisma.jobAd.findMany({
      where,
      select: {
        id: true,
        title: true,
        tasks: true,
        frequency: true,
        publishedAt: true,
        facility: { select: { name: true, town: true } },
        municipality: { select: { name: true } },
      },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * BOARD_PAGE_SIZE,
      take: BOARD_PAGE_SIZE,
    }),
  ])
  return { total, ads: rows.map((row) => ({ ...row, tasks: parseList(row.tasks) })) }
}

/** One published ad for its public page; no private contact data. */
export async function publishedAd(id: string) {
  const ad = await prisma.jobAd.findFirst({
    where: { id, status: 'published' },
    select: {
      id: true,
      title: true,
      tasks: true,
      description: true,
      boundaries: true,
      targetGroup: true,
      weekdays: true,
      timeFrom: true,
      timeTo: true,
      frequency: true,
      startDate: true,
      volunteersWanted: true,
      offers: true,
      publishedAt: true,
      facility: {
        select: {
          name: true,
          kind: true,
          town: true,
          description: true,
          ethicsEntries: { select: { id: true, technology: true, dilemma: true, agreedValues: true }, orderBy: { position: 'asc' } },
        },
      },
      municipality: { select: { name: true } },
    },
  })
  return ad ? { ...ad, tasks: parseList(ad.tasks), weekdays: parseList(ad.weekdays) } : null
}
