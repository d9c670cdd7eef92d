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

export async function installationCounts() {
  const [facilities, volunteers, publishedAds, activeMatches] = await Promise.all([
    prisma.facility.count({ where: { status: 'active' } }),
    prisma.user.count({ where: { role: 'volunteer' } }),
    prisma.jobAd.count({ where: { status: 'published' } }),
    prisma.match.count({ where: { status: 'active' } }),
  ])
  return { facilities, volunteers, publishedAds, activeMatches }
}

/** A centre with its contact details and municipalities, for the admin's edit page. */
export function centreForAdmin(centreId: string) {
  return prisma.centre.findUnique({
    where: { id: centreId },
    select: { id: true, name: true, email: true, phone: true, address: true, municipalities: { select: { id: true, name: true, region: true }, orderBy: { name: 'asc' } } },
  })
}

/** Matches that still bind a facility to its centre's follow-up; a municipality with any stays put. */
const BINDING_MATCH_STATUSES = ['proposed', 'active', 'paused']

export type UpdateCentreResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'name-taken' | 'municipality-unknown' }
  | { ok: false; reason: 'municipality-taken' | 'municipality-busy'; names: string[] }

/**
 * The admin edits a centre: name, contact details and the municipalities it covers. A municipality
 * belongs to one centre, so one covered by another centre is refused (that centre gives it up
 * first), never moved silently. A municipality is not taken from a centre while one of its
 * facilities has a live match: the centre's coordinators follow that match up, and it would lose
 * its coordinators in the middle.
 */
export async function updateCentre(
  actorId: string,
  centreId: string,
  data: { name: string; email: string; phone: string | null; address: string | null; municipalityIds: string[] },
): Promise<UpdateCentreResult> {
  return prisma.$transaction(async (tx): Promise<UpdateCentreResult> => {
    const centre = await tx.centre.findUnique({ where: { id: centreId }, select: { id: true, municipalities: { select: { id: true } } } })
    if (!centre) return { ok: false, reason: 'not-found' }
    const sameName = await tx.centre.findUnique({ where: { name: data.name }, select: { id: true } })
    if (sameName && sameName.id !== centreId) return { ok: false, reason: 'name-taken' }
    const chosen = [...new Set(data.municipalityIds)]
    const found = await tx.municipality.findMany({ where: { id: { in: chosen } }, select: { id: true, name: true, centreId: true } })
    if (found.length !== chosen.length) return { ok: false, reason: 'municipality-unknown' }
    const taken = found.filter((m) => m.centreId !== null && m.centreId !== centreId)
    if (taken.length) return { ok: false, reason: 'municipality-taken', names: taken.map((m) => m.name) }
    const current = centre.municipalities.map((m) => m.id)
    const removed = current.filter((id) => !chosen.includes(id))
    const added = chosen.filter((id) => !current.includes(id))
    if (removed.length) {
      const busy = await tx.municipality.findMany({
        where: { id: { in: removed }, facilities: { some: { matches: { some: { status: { in: BINDING_MATCH_STATUSES } } } } } },
        select: { name: true },
        orderBy: { name: 'asc' },
      })
      if (busy.length) return { ok: false, reason: 'municipality-busy', names: busy.map((m) => m.name) }
      await tx.municipality.updateMany({ where: { id: { in: removed }, centreId }, data: { centreId: null } })
    }
    if (added.length) await tx.municipality.updateMany({ where: { id: { in: added }, centreId: null }, data: { centreId } })
    await tx.centre.update({ where: { id: centreId }, data: { name: data.name, email: data.email, phone: data.phone, address: data.address } })
    await audit(tx, { actorId, action: 'centre.updated', entityType: 'Centre', entityId: centreId, data: { name: data.name, added, removed } })
    return { ok: true }
  })
}
