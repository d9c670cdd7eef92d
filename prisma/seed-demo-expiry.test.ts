import { expect, test } from 'vitest'
import { closeExpiredJobAds } from '~/models/job.server'
import { prisma } from '~/utils/db.server'
import { seedIfEmpty } from './seed'

test('a fresh demo has no running ad past its expiry: the first housekeeping closes nothing and mails no "your ad has expired"', async () => {
  expect(await seedIfEmpty(prisma, { demo: true })).toBe('seeded-demo')
  const running = await prisma.jobAd.findMany({ where: { status: { in: ['published', 'paused'] } }, select: { title: true, expiresAt: true } })
  expect(running.length).toBeGreaterThan(0)
  expect(running.filter((ad) => !ad.expiresAt || ad.expiresAt.getTime() <= Date.now() + 7 * 86_400_000)).toEqual([])

  expect(await closeExpiredJobAds()).toBe(0)
  expect(await prisma.outboxMessage.count({ where: { template: 'ad-expired' } })).toBe(0)
}, 120_000)
