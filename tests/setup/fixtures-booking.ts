import { prisma } from '~/utils/db.server'
import { addStaff, createFacility, createUser } from './fixtures'
import { createVolunteer, matchingWorld } from './fixtures-matching'

/** An active match approved at `approvedAt` between a (new or given) volunteer and the world's facility. */
export async function activeMatch(world: Awaited<ReturnType<typeof matchingWorld>>, volunteerId?: string, approvedAt = new Date('2026-01-05T10:00:00Z')) {
  const volunteer = volunteerId ?? (await createVolunteer('Gribskov Kommune')).id
  return prisma.match.create({
    data: { jobAdId: world.ad.id, facilityId: world.facility.id, volunteerId: volunteer, status: 'active', approvedAt, approvedById: world.coordinator.id, introAt: approvedAt },
  })
}

/**
 * The matching world with the applicant matched (active), a Wednesday café window 14–16 with room
 * for `capacity`, and a second facility where the same volunteer is matched too.
 */
export async function bookingWorld(options: { capacity?: number; approvedAt?: Date } = {}) {
  const world = await matchingWorld()
  const match = await activeMatch(world, world.volunteer.id, options.approvedAt)
  const window = await prisma.visitWindow.create({
    data: { facilityId: world.facility.id, title: 'Internetcafé onsdag', weekday: 3, startTime: '14:00', endTime: '16:00', capacity: options.capacity ?? 2, validFrom: '2026-01-01', location: 'Caféen' },
  })
  const otherFacility = await createFacility('Gribskov Kommune')
  const otherLeader = await createUser('facility_staff', { name: 'Other Leader' })
  await addStaff(otherFacility.id, otherLeader.id, 'leader')
  const otherAd = await prisma.jobAd.create({
    data: { facilityId: otherFacility.id, municipalityId: otherFacility.municipalityId, title: 'Spilcafé', contactPersonId: otherLeader.id, status: 'published' },
  })
  const otherMatch = await prisma.match.create({
    data: { jobAdId: otherAd.id, facilityId: otherFacility.id, volunteerId: world.volunteer.id, status: 'active', approvedAt: options.approvedAt ?? new Date('2026-01-05T10:00:00Z') },
  })
  return { ...world, match, window, otherFacility, otherLeader, otherMatch }
}
