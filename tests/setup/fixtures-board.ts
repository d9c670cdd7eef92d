import crypto from 'node:crypto'
import { prisma } from '~/utils/db.server'

const DAY = 24 * 60 * 60 * 1000

/** A facility at a given postcode (the town and municipality come from the reference data). */
export async function boardFacility(data: { postcode: string; name?: string; targetGroups?: string[]; status?: 'pending' | 'active' | 'inactive'; municipality?: string }) {
  const place = await prisma.postcode.findFirstOrThrow({
    where: { code: data.postcode, ...(data.municipality ? { municipality: { name: data.municipality } } : {}) },
    select: { town: true, municipalityId: true },
  })
  return prisma.facility.create({
    data: {
      name: data.name ?? `Bostedet ${crypto.randomBytes(3).toString('hex')}`,
      kind: 'bosted',
      targetGroups: JSON.stringify(data.targetGroups ?? []),
      address: 'Skovvej 1',
      postcode: data.postcode,
      town: place.town,
      municipalityId: place.municipalityId,
      phone: '11223344',
      email: 'stedet-privat@example.test',
      description: 'Et hyggeligt sted.',
      status: data.status ?? 'active',
    },
  })
}

type AdData = {
  title?: string
  description?: string
  tasks?: string[]
  weekdays?: number[]
  timeFrom?: string | null
  timeTo?: string | null
  frequency?: string
  targetGroup?: string
  status?: string
  publishedDaysAgo?: number
  expiresInDays?: number | null
  contactPersonId?: string | null
}

/** A job ad of a facility; published a given number of days ago unless another status is given. */
export async function boardAd(facility: { id: string; municipalityId: string }, data: AdData = {}) {
  const status = data.status ?? 'published'
  const publishedAt = status === 'draft' || status === 'submitted' ? null : new Date(Date.now() - (data.publishedDaysAgo ?? 1) * DAY)
  return prisma.jobAd.create({
    data: {
      facilityId: facility.id,
      municipalityId: facility.municipalityId,
      title: data.title ?? 'IT-hjælp til beboerne',
      description: data.description ?? 'Hjælp beboerne med deres tablets.',
      tasks: JSON.stringify(data.tasks ?? ['tablets_phones']),
      weekdays: JSON.stringify(data.weekdays ?? [2]),
      timeFrom: data.timeFrom === undefined ? '15:00' : data.timeFrom,
      timeTo: data.timeTo === undefined ? '17:00' : data.timeTo,
      frequency: data.frequency ?? 'weekly',
      targetGroup: data.targetGroup ?? '',
      status,
      publishedAt,
      expiresAt:
        data.expiresInDays === null ? null : new Date(Date.now() + (data.expiresInDays ?? 180) * DAY),
      contactPersonId: data.contactPersonId ?? null,
    },
  })
}
