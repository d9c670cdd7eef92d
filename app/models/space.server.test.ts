import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser } from '../../tests/setup/fixtures'
import { createVolunteer } from '../../tests/setup/fixtures-matching'
import { accessTo, spacesFor } from './space.server'
import { prisma } from '~/utils/db.server'
import type { Actor } from '~/utils/permissions'
import { spacesForBefore } from '../../tests/setup/reads-before'

function actor(user: { id: string; role: string; centreId: string | null }, memberships: Actor['memberships'] = []): Actor {
  return { id: user.id, role: user.role as Actor['role'], centreId: user.centreId, centreMunicipalityIds: [], memberships }
}

describe('who is in which space', () => {
  test('each role against the network and two facility spaces; an ended match keeps the network only', async () => {
    const centre = await createCentre(['Halsnæs Kommune'])
    const other = await createCentre(['Furesø Kommune'])
    const here = await createFacility('Halsnæs Kommune')
    const there = await createFacility('Halsnæs Kommune')
    const elsewhere = await createFacility('Furesø Kommune')
    const coordinator = await createUser('coordinator', { centreId: centre.id })
    const otherCoordinator = await createUser('coordinator', { centreId: other.id })
    const staff = await createUser('facility_staff')
    await addStaff(here.id, staff.id)
    const volunteer = await createVolunteer('Furesø Kommune', { areas: ['Furesø Kommune'] })
    const match = await prisma.match.create({ data: { jobAdId: (await adFor(here.id)).id, facilityId: here.id, volunteerId: volunteer.id, status: 'active' } })
    const admin = await createUser('admin')

    const network = { centreId: centre.id, facilityId: null }
    const hereSpace = { centreId: centre.id, facilityId: here.id }
    const thereSpace = { centreId: centre.id, facilityId: there.id }
    const elsewhereNetwork = { centreId: other.id, facilityId: null }

    const c = await spacesFor(actor(coordinator))
    expect([network, hereSpace, thereSpace, elsewhereNetwork].map((p) => accessTo(c, p).read)).toEqual([true, true, true, false])
    expect(accessTo(c, network)).toMatchObject({ moderate: true, announce: true })
    expect(accessTo(c, hereSpace)).toMatchObject({ moderate: true, announce: false })
    expect(accessTo(await spacesFor(actor(otherCoordinator)), hereSpace).read).toBe(false)

    const s = await spacesFor(actor(staff, [{ facilityId: here.id, role: 'staff', isContactPerson: false }]))
    expect([network, hereSpace, thereSpace, elsewhereNetwork].map((p) => accessTo(s, p).read)).toEqual([true, true, false, false])
    expect(accessTo(s, network)).toMatchObject({ post: true, moderate: false, announce: false })

    // Lives in Furesø (the other centre), matched at a Halsnæs facility: both networks, one facility.
    const v = await spacesFor(actor(volunteer))
    expect([network, hereSpace, thereSpace, elsewhereNetwork].map((p) => accessTo(v, p).read)).toEqual([true, true, false, true])
    expect(accessTo(v, { centreId: other.id, facilityId: elsewhere.id }).read).toBe(false)

    await prisma.match.update({ where: { id: match.id }, data: { status: 'ended' } })
    const ended = await spacesFor(actor(volunteer))
    expect([network, hereSpace].map((p) => accessTo(ended, p).read)).toEqual([true, false])

    const a = await spacesFor(actor(admin))
    expect([network, hereSpace].map((p) => accessTo(a, p).read)).toEqual([false, false])
  })
})

async function adFor(facilityId: string) {
  const facility = await prisma.facility.findUniqueOrThrow({ where: { id: facilityId } })
  return prisma.jobAd.create({
    data: { facilityId, municipalityId: facility.municipalityId, title: 'IT-hjælp', description: 'Hjælp', status: 'published' },
  })
}

describe('spaces read straight from SQLite', () => {
  test('each role\'s spaces equal the Prisma reads they replaced', async () => {
    const centre = await createCentre(['Halsnæs Kommune', 'Gribskov Kommune'])
    const other = await createCentre(['Furesø Kommune'])
    const facilities = [await createFacility('Halsnæs Kommune'), await createFacility('Gribskov Kommune'), await createFacility('Furesø Kommune'), await createFacility('Roskilde Kommune')]
    const staff = await createUser('facility_staff')
    for (const facility of facilities) await addStaff(facility.id, staff.id)
    const memberships = facilities.map((f) => ({ facilityId: f.id, role: 'staff' as const, isContactPerson: false }))
    const volunteer = await createVolunteer('Furesø Kommune', { areas: ['Furesø Kommune', 'Gribskov Kommune', 'Roskilde Kommune'] })
    for (const [facility, status] of [[facilities[0], 'ended'], [facilities[1], 'paused'], [facilities[3], 'active'], [facilities[2], 'proposed']] as const) {
      await prisma.match.create({ data: { jobAdId: (await adFor(facility.id)).id, facilityId: facility.id, volunteerId: volunteer.id, status } })
    }
    const homeless = await createVolunteer('Roskilde Kommune')
    await prisma.volunteerProfile.update({ where: { userId: homeless.id }, data: { municipalityId: null } })
    const actors = [
      actor(await createUser('coordinator', { centreId: centre.id })),
      actor(await createUser('coordinator', { centreId: other.id })),
      actor(staff, memberships),
      actor(staff, memberships.slice(0, 1)),
      actor(staff, []),
      actor(volunteer),
      actor(homeless),
      actor(await createUser('volunteer')),
      actor(await createUser('admin')),
    ]
    for (const who of actors) expect(await spacesFor(who)).toEqual(await spacesForBefore(who))
    const mine = await spacesFor(actor(volunteer))
    expect([mine.networkCentreIds.length, mine.facilityIds.length]).toEqual([2, 2])
  })
})
