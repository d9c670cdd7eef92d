import { addStaff, createCentre, createFacility, createUser } from './fixtures'
import { createAd, createVolunteer } from './fixtures-matching'
import { startThread } from '~/models/thread.server'
import { prisma } from '~/utils/db.server'

/**
 * A centre with two facilities and one person in every role that matters for experience spaces,
 * a thread in the centre's network and one in the first facility's space.
 */
export async function threadsWorld(place = 'Gribskov Kommune', otherPlace = 'Furesø Kommune') {
  const centre = await createCentre([place])
  const otherCentre = await createCentre([otherPlace])
  const here = await createFacility(place)
  const there = await createFacility(place)
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Karin Koordinator' })
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id, name: 'Ole Andencenter' })
  const staffHere = await createUser('facility_staff', { name: 'Tina Her' })
  await addStaff(here.id, staffHere.id, 'leader')
  const staffThere = await createUser('facility_staff', { name: 'Lars Der' })
  await addStaff(there.id, staffThere.id, 'leader')
  const matchAt = async (facility: { id: string; municipalityId: string }, volunteerId: string, status: string) => {
    const ad = await createAd(facility, null)
    return prisma.match.create({ data: { jobAdId: ad.id, facilityId: facility.id, volunteerId, status } })
  }
  const volunteerHere = await createVolunteer(place, { name: 'Frederik Her' })
  await matchAt(here, volunteerHere.id, 'active')
  const volunteerElsewhere = await createVolunteer(place, { name: 'Sofie Der' })
  await matchAt(there, volunteerElsewhere.id, 'active')
  const volunteerEnded = await createVolunteer(place, { name: 'Jens Sluttet' })
  const endedMatch = await matchAt(here, volunteerEnded.id, 'active')
  const admin = await createUser('admin')

  const network = await startThread(volunteerHere.id, { centreId: centre.id, facilityId: null }, { title: 'Musik på tablets', body: 'Hvad bruger I?', tags: ['spotify'], announcement: false })
  const facility = await startThread(staffHere.id, { centreId: centre.id, facilityId: here.id }, { title: 'Fælles-iPad i hus B', body: 'Husk opladning mandag.', tags: ['ipad'], announcement: false })
  return { centre, otherCentre, here, there, coordinator, otherCoordinator, staffHere, staffThere, volunteerHere, volunteerElsewhere, volunteerEnded, endedMatch, admin, network, facility }
}
