import { json } from '@remix-run/node'
import { requireUser, type SessionUser } from './auth.server'
import { prisma } from './db.server'
import { all, sql } from './sql.server'
import type { Role } from './domain'
import { can, type Actor, type FacilityScope, type Membership, type Permission, type ScopeOf, type VolunteerScope } from './permissions'

export { can } from './permissions'

const actors = new WeakMap<SessionUser, Promise<Actor>>()

/** The signed-in user with what their permissions depend on (centre scope, memberships). */
export function loadActor(user: SessionUser): Promise<Actor> {
  let actor = actors.get(user)
  if (!actor) {
    actor = buildActor(user)
    actors.set(user, actor)
  }
  return actor
}

/** Also for work done on a user's behalf without a request, e.g. checking a follower's access before a digest. */
export async function buildActor(user: Pick<SessionUser, 'id' | 'role' | 'centreId'>): Promise<Actor> {
  // Every signed-in request builds one: read straight from SQLite (./sql.server.ts), no query compiler.
  const municipalities =
    user.role === 'coordinator' && user.centreId ? all(sql.selectFrom('Municipality').select('id').where('centreId', '=', user.centreId)) : []
  const memberships =
    user.role === 'facility_staff'
      ? all(sql.selectFrom('FacilityMembership').select(['facilityId', 'role', 'isContactPerson']).where('userId', '=', user.id).where('status', '=', 'active'))
      : []
  const municipalityIds =
    user.role === 'municipality' ? all(sql.selectFrom('MunicipalityAccess').select('municipalityId').where('userId', '=', user.id)).map((row) => row.municipalityId) : undefined
  return {
    id: user.id,
    role: user.role,
    centreId: user.centreId,
    centreMunicipalityIds: municipalities.map((m) => m.id),
    memberships: memberships.map((m) => ({ facilityId: m.facilityId, role: m.role as Membership['role'], isContactPerson: Boolean(m.isContactPerson) })),
    ...(municipalityIds ? { municipalityIds } : {}),
  }
}

export function forbidden(): never {
  throw json({ message: 'forbidden' }, { status: 403 })
}

export function notFound(): never {
  throw json({ message: 'not-found' }, { status: 404 })
}

/** Signed in, with one of these roles; returns the user and their actor. */
export async function requireRole(request: Request, roles: readonly Role[]) {
  const user = await requireUser(request)
  if (!roles.includes(user.role)) forbidden()
  return { user, actor: await loadActor(user) }
}

/** Signed in and allowed; otherwise 403 (or the log-in page when signed out). */
export async function requirePermission<P extends Permission>(request: Request, permission: P, scope?: ScopeOf[P]) {
  const user = await requireUser(request)
  const actor = await loadActor(user)
  if (!can(actor, permission, scope)) forbidden()
  return { user, actor }
}

export async function facilityScope(facilityId: string): Promise<FacilityScope | null> {
  const facility = await prisma.facility.findUnique({ where: { id: facilityId }, select: { id: true, municipalityId: true } })
  return facility ? { facilityId: facility.id, municipalityId: facility.municipalityId } : null
}

/** Everything the privacy rule needs to know about a volunteer, in one round of queries. */
export async function volunteerScope(volunteerId: string): Promise<VolunteerScope> {
  const [profile, applications, matches] = await Promise.all([
    prisma.volunteerProfile.findUnique({ where: { userId: volunteerId }, select: { municipalityId: true } }),
    prisma.application.findMany({ where: { volunteerId }, select: { jobAd: { select: { municipalityId: true } } } }),
    prisma.match.findMany({
      where: { volunteerId },
      select: { status: true, facilityId: true, facility: { select: { municipalityId: true } } },
    }),
  ])
  const municipalityIds = new Set<string>()
  if (profile?.municipalityId) municipalityIds.add(profile.municipalityId)
  for (const application of applications) municipalityIds.add(application.jobAd.municipalityId)
  for (const match of matches) municipalityIds.add(match.facility.municipalityId)
  return {
    volunteerId,
    municipalityIds: [...municipalityIds],
    matchedFacilityIds: matches.filter((m) => m.status === 'active' || m.status === 'paused').map((m) => m.facilityId),
  }
}

/**
 * For routes about one facility (its ads, staff, matches): 404 when it does not exist, 403 when
 * the signed-in user may not do this there. Returns the user, actor and the facility's scope.
 */
export async function requireFacilityPermission(
  request: Request,
  permission: 'facility:view' | 'facility:edit' | 'facility:manage-staff' | 'facility:approve' | 'jobAd:manage' | 'jobAd:review' | 'match:decide' | 'wish:manage' | 'whoComes:manage',
  facilityId: string | undefined,
) {
  const user = await requireUser(request)
  const scope = facilityId ? await facilityScope(facilityId) : null
  if (!scope) notFound()
  const actor = await loadActor(user)
  if (!can(actor, permission, scope)) forbidden()
  return { user, actor, scope }
}
