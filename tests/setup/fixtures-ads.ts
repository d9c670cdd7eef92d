import type { JobAdInput } from '~/utils/job-ad-form.server'
import { prisma } from '~/utils/db.server'
import { formatInZone } from '~/utils/dates'
import { addStaff, createCentre, createFacility, createUser } from './fixtures'

/** A complete ad, as the builder would save it; starts in a week. */
export function adInput(contactPersonId: string | null, overrides: Partial<JobAdInput> = {}): JobAdInput {
  return {
    title: 'IT-ven til videoopkald',
    tasks: ['video_calls', 'tablets_phones'],
    description: 'Vi søger en frivillig, der vil hjælpe beboerne med at ringe til familien med video hver tirsdag.',
    boundaries: 'Ingen personlig pleje, ingen penge, adgangskoder eller MitID.',
    targetGroup: 'Voksne med udviklingshæmning',
    weekdays: [2],
    timeFrom: '15:00',
    timeTo: '17:00',
    frequency: 'weekly',
    startDate: formatInZone(Date.now() + 7 * 86_400_000, 'yyyy-MM-dd', 'da'),
    volunteersWanted: 2,
    requiresConfidentiality: true,
    requiresCriminalRecord: false,
    requiresChildCertificate: false,
    requiresIntroCourse: false,
    minimumAge: 18,
    languages: ['da'],
    offers: 'Kaffe og en fast kontaktperson.',
    contactPersonId,
    ...overrides,
  }
}

/**
 * A Gribskov facility with a leader (Danish) and a staff member (English) as contact person, a
 * centre covering Gribskov with two coordinators (one Danish, one English), and a coordinator of
 * another centre who must hear nothing.
 */
export async function adWorld(facilityStatus: 'pending' | 'active' = 'active') {
  const centre = await createCentre(['Gribskov Kommune'])
  const otherCentre = await createCentre(['Hillerød Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Karin Koordinator' })
  const coordinatorEn = await createUser('coordinator', { centreId: centre.id, name: 'Kate Coordinator', locale: 'en' })
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })
  const facility = await createFacility('Gribskov Kommune', facilityStatus)
  const leader = await createUser('facility_staff', { name: 'Tina Leder' })
  const contact = await createUser('facility_staff', { name: 'Jonas Contact', locale: 'en' })
  await addStaff(facility.id, leader.id, 'leader')
  await addStaff(facility.id, contact.id, 'staff')
  const otherFacility = await createFacility('Hillerød Kommune')
  const outsider = await createUser('facility_staff', { name: 'Oskar Udefra' })
  await addStaff(otherFacility.id, outsider.id, 'leader')
  return { centre, coordinator, coordinatorEn, otherCoordinator, facility, leader, contact, otherFacility, outsider }
}

export function outboxTo(email: string) {
  return prisma.outboxMessage.findMany({ where: { toEmail: email }, orderBy: { createdAt: 'asc' } })
}
