import { prisma } from '~/utils/db.server'
import type { Actor } from '~/utils/permissions'
import { addStaff, createUser } from './fixtures'
import { matchingWorld, createAd, createApplication } from './fixtures-matching'

/** The actor a signed-in user would have (what permissions and plan sides look at). */
export async function actorOf(userId: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true, centreId: true } })
  const memberships = await prisma.facilityMembership.findMany({ where: { userId, status: 'active' }, select: { facilityId: true, role: true, isContactPerson: true } })
  return { id: user.id, role: user.role as Actor['role'], centreId: user.centreId, centreMunicipalityIds: [], memberships: memberships.map((m) => ({ ...m, role: m.role as 'leader' | 'staff' })) }
}

/**
 * An active match: the facility's leader is the ad's contact person; a second staff member and
 * staff of another facility exist too, so tests can check who may act on the plan.
 */
export async function planWorld(options: Parameters<typeof matchingWorld>[0] = {}) {
  const world = await matchingWorld(options)
  const match = await prisma.match.create({
    data: {
      jobAdId: world.ad.id,
      facilityId: world.facility.id,
      volunteerId: world.volunteer.id,
      applicationId: world.application.id,
      status: 'active',
      approvedAt: new Date(),
      approvedById: world.coordinator.id,
    },
  })
  const colleague = await createUser('facility_staff', { name: 'Ali Kollega' })
  await addStaff(world.facility.id, colleague.id, 'staff')
  return {
    ...world,
    match,
    colleague,
    volunteerActor: await actorOf(world.volunteer.id),
    contactActor: await actorOf(world.contact.id),
    colleagueActor: await actorOf(colleague.id),
  }
}

/** A second active match for the same volunteer at another facility of the same centre. */
export async function secondMatch(world: Awaited<ReturnType<typeof planWorld>>) {
  const facility = await prisma.facility.create({
    data: { name: 'Dagtilbuddet Lyngen', kind: 'aktivitetstilbud', address: 'Lyngvej 2', postcode: world.facility.postcode, town: world.facility.town, municipalityId: world.facility.municipalityId, status: 'active' },
  })
  const leader = await createUser('facility_staff', { name: 'Lise Leder' })
  await addStaff(facility.id, leader.id, 'leader')
  const ad = await createAd(facility, leader.id, { title: 'Spilleklub' })
  const application = await createApplication(ad.id, world.volunteer.id, { status: 'matched' })
  const match = await prisma.match.create({
    data: { jobAdId: ad.id, facilityId: facility.id, volunteerId: world.volunteer.id, applicationId: application.id, status: 'active', approvedAt: new Date() },
  })
  return { facility, leader, match, leaderActor: await actorOf(leader.id) }
}
