import { prisma } from '~/utils/db.server'
import { createFacility, createUser } from './fixtures'

/** A verified volunteer with a profile; with data consent unless told otherwise. */
export async function createVolunteer(data: { locale?: 'da' | 'en'; consent?: boolean; name?: string } = {}) {
  const user = await createUser('volunteer', { locale: data.locale, name: data.name ?? 'Mette Frivillig' })
  await prisma.volunteerProfile.create({ data: { userId: user.id, consentDataAt: data.consent === false ? null : new Date() } })
  return user
}

/** An ad of a facility in the municipality, by default published at an active facility. */
export async function createAd(
  municipalityName: string,
  options: { status?: string; facilityStatus?: 'pending' | 'active' | 'inactive'; title?: string } = {},
) {
  const facility = await createFacility(municipalityName, options.facilityStatus ?? 'active')
  const ad = await prisma.jobAd.create({
    data: {
      facilityId: facility.id,
      municipalityId: facility.municipalityId,
      title: options.title ?? 'Hjælp til videoopkald',
      tasks: '["video_calls"]',
      status: options.status ?? 'published',
      publishedAt: new Date(),
    },
  })
  return { ad, facility }
}
