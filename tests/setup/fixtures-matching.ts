import { prisma } from '~/utils/db.server'
import { addStaff, createCentre, createFacility, createUser, municipality } from './fixtures'

/** A published ad at a facility, with a contact person. */
export async function createAd(
  facility: { id: string; municipalityId: string },
  contactPersonId: string | null,
  data: Partial<{
    title: string
    tasks: string[]
    weekdays: number[]
    timeFrom: string
    timeTo: string
    volunteersWanted: number
    requiresConfidentiality: boolean
    requiresCriminalRecord: boolean
    requiresChildCertificate: boolean
    requiresIntroCourse: boolean
    languages: string[]
    status: string
  }> = {},
) {
  return prisma.jobAd.create({
    data: {
      facilityId: facility.id,
      municipalityId: facility.municipalityId,
      title: data.title ?? 'IT-ven til videoopkald',
      tasks: JSON.stringify(data.tasks ?? ['video_calls', 'tablets_phones']),
      weekdays: JSON.stringify(data.weekdays ?? [2]),
      timeFrom: data.timeFrom ?? '15:00',
      timeTo: data.timeTo ?? '17:00',
      volunteersWanted: data.volunteersWanted ?? 1,
      requiresConfidentiality: data.requiresConfidentiality ?? true,
      requiresCriminalRecord: data.requiresCriminalRecord ?? false,
      requiresChildCertificate: data.requiresChildCertificate ?? false,
      requiresIntroCourse: data.requiresIntroCourse ?? false,
      languages: JSON.stringify(data.languages ?? ['da']),
      contactPersonId,
      status: data.status ?? 'published',
      publishedAt: new Date(),
    },
  })
}

/** A volunteer with a profile in a municipality, with skills and availability. */
export async function createVolunteer(
  municipalityName: string,
  data: Partial<{
    name: string
    email: string
    phone: string
    locale: 'da' | 'en'
    skills: [string, number][]
    availability: [number, string][]
    areas: string[]
    languages: string[]
    paused: boolean
  }> = {},
) {
  const m = await municipality(municipalityName)
  const user = await createUser('volunteer', { name: data.name ?? 'Mette Frivillig', email: data.email, locale: data.locale })
  await prisma.user.update({ where: { id: user.id }, data: { phone: data.phone ?? '20 30 40 50' } })
  const areaIds = await Promise.all((data.areas ?? [municipalityName]).map(async (name) => (await municipality(name)).id))
  await prisma.volunteerProfile.create({
    data: {
      userId: user.id,
      municipalityId: m.id,
      postcode: '3200',
      languages: JSON.stringify(data.languages ?? ['da']),
      pausedAt: data.paused ? new Date() : null,
      consentDataAt: new Date(),
      skills: { create: (data.skills ?? [['video_calls', 3], ['tablets_phones', 2]]).map(([task, level]) => ({ task, level })) },
      availability: { create: (data.availability ?? [[2, 'afternoon']]).map(([weekday, part]) => ({ weekday, part })) },
      areas: { create: areaIds.map((municipalityId) => ({ municipalityId })) },
    },
  })
  return { ...user, phone: data.phone ?? '20 30 40 50' }
}

export async function createApplication(jobAdId: string, volunteerId: string, data: { status?: string; createdAt?: Date } = {}) {
  return prisma.application.create({
    data: { jobAdId, volunteerId, motivation: 'Jeg vil gerne hjælpe.', status: data.status ?? 'submitted', createdAt: data.createdAt },
  })
}

export async function recordValidCheck(volunteerId: string, kind: 'confidentiality' | 'criminal_record' | 'child_certificate', expiresAt: Date | null = null) {
  return prisma.volunteerCheck.create({ data: { volunteerId, kind, checkedAt: new Date(Date.now() - 86_400_000), expiresAt } })
}

/** A centre (Gribskov unless told) with a coordinator, a facility with a leader (the contact person), an ad and an applicant. */
export async function matchingWorld(
  options: { municipality?: string; adData?: Parameters<typeof createAd>[2]; volunteer?: Parameters<typeof createVolunteer>[1] } = {},
) {
  const place = options.municipality ?? 'Gribskov Kommune'
  const centre = await createCentre([place])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Karin Koordinator' })
  const facility = await createFacility(place)
  const contact = await createUser('facility_staff', { name: 'Jonas Kontakt', email: `jonas-${facility.id}@example.test` })
  await prisma.user.update({ where: { id: contact.id }, data: { phone: '48 79 40 02' } })
  await addStaff(facility.id, contact.id, 'leader')
  await prisma.ethicsPolicyEntry.create({
    data: { facilityId: facility.id, technology: 'Facebook', dilemma: 'Må beboere være venner med frivillige?', agreedValues: 'Nej, kun via tilbuddets egen side.' },
  })
  const ad = await createAd(facility, contact.id, options.adData)
  const volunteer = await createVolunteer(place, { areas: [place], ...options.volunteer })
  const application = await createApplication(ad.id, volunteer.id)
  return { centre, coordinator, facility, contact: { ...contact, phone: '48 79 40 02' }, ad, volunteer, application }
}
