import { expect, test } from 'vitest'
import { getRequest, sessionCookieFor } from '../setup/fixtures'
import { createVolunteer, matchingWorld } from '../setup/fixtures-matching'
import { callRoute, type RouteHandler } from '../setup/routes'
import * as adPage from '~/routes/jobs+/$jobId'
import { prisma } from '~/utils/db.server'

async function standingOf(adId: string, userId?: string) {
  const cookie = userId ? await sessionCookieFor(userId) : undefined
  const response = await callRoute(adPage.loader as RouteHandler, getRequest(`/jobs/${adId}`, cookie), { jobId: adId })
  expect(response.status).toBe(200)
  return ((await response.json()) as { standing: string }).standing
}

test('the ad page knows whether the volunteer has applied, is matched, or may apply', async () => {
  const { ad, volunteer, application, facility, coordinator } = await matchingWorld()
  const other = await createVolunteer('Gribskov Kommune', { name: 'Anden Frivillig' })

  expect(await standingOf(ad.id, volunteer.id)).toBe('applied')
  expect(await standingOf(ad.id, other.id)).toBe('none')
  expect(await standingOf(ad.id)).toBe('none')
  // Staff and coordinators read the ad; it is not theirs to apply for.
  expect(await standingOf(ad.id, coordinator.id)).toBe('none')

  await prisma.application.update({ where: { id: application.id }, data: { status: 'matched' } })
  await prisma.match.create({ data: { jobAdId: ad.id, facilityId: facility.id, volunteerId: volunteer.id, applicationId: application.id, status: 'active' } })
  expect(await standingOf(ad.id, volunteer.id)).toBe('matched')

  // A withdrawn application and an ended match leave the volunteer free to apply again.
  await prisma.match.updateMany({ where: { volunteerId: volunteer.id }, data: { status: 'ended' } })
  expect(await standingOf(ad.id, volunteer.id)).toBe('none')
})
