import { prisma } from '~/utils/db.server'
import { audit } from '~/utils/audit.server'

/** The name of a coordinator's centre, for signatures. */
export async function centreName(centreId: string | null) {
  if (!centreId) return ''
  return (await prisma.centre.findUnique({ where: { id: centreId }, select: { name: true } }))?.name ?? ''
}

export function listCentres() {
  return prisma.centre.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      municipalities: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
      _count: { select: { coordinators: true } },
    },
    orderBy: { name: 'asc' },
  })
}

/**
 * Creates a centre covering the given municipalities. A municipality belongs to one centre; a
 * municipality already covered elsewhere is refused rather than moved silently.
 */
export async function createCentre(actorId: string, data: { name: string; email: string; municipalityIds: string[] }) {
  return prisma.$transaction(async (tx) => {
    if (await tx.centre.findUnique({ where: { name: data.name }, select: { id: true } })) return { ok: false as const, reason: 'name-taken' as const }
    const taken = await tx.municipality.findMany({
      where: { id: { in: data.municipalityIds }, centreId: { not: null } },
      select: { name: true },
    })
    if (taken.length) return { ok: false as const, reason: 'municipality-taken' as const, names: taken.map((m) => m.name) }
    const found = await tx.municipality.count({ where: { id: { in: data.municipalityIds } } })
    if (found !== data.municipalityIds.length) return { ok: false as const, reason: 'municipality-unknown' as const }
    const centre = await tx.centre.create({ data: { name: data.name, email: data.email } })
    await tx.municipality.updateMany({ where: { id: { in: data.municipalityIds } }, data: { centreId: centre.id } })
    await audit(tx, { actorId, action: 'centre.created', entityType: 'Centre', entityId: centre.id, data: { municipalityIds: data.municipalityIds } })
    return { ok: true as const, id: centre.id }
  })
}

export function staffAccounts() {
  return prisma.user.findMany({
    where: { role: { in: ['coordinator', 'admin', 'municipality'] } },
    select: { id: true, name: true, email: true, role: true, emailVerifiedAt: true, centre: { select: { name: true } } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
  })
}

export async function installationCounts() {
  const [facilities, volunteers, publishedAds, activeMatches] = await Promise.all([
    prisma.facility.count({ where: { status: 'active' } }),
    prisma.user.count({ where: { role: 'volunteer' } }),
    prisma.jobAd.count({ where: { status: 'published' } }),
    prisma.match.count({ where: { status: 'active' } }),
  ])
  return { facilities, volunteers, publishedAds, activeMatches }
}
