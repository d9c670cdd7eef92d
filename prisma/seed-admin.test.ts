import { expect, test } from 'vitest'
import { prisma } from '~/utils/db.server'
import { seedIfEmpty } from './seed'

test('the first admin (DEMO_DATA=off) needs an ADMIN_PASSWORD as strong as any other password', async () => {
  await expect(seedIfEmpty(prisma, { demo: false, adminEmail: 'it@kommune.dk', adminPassword: 'kommune2026' })).rejects.toThrow(
    /ADMIN_PASSWORD is too easy to guess \(weak\.\w+, tip\.\w+\)/,
  )
  expect(await prisma.user.count()).toBe(0)
  expect(await seedIfEmpty(prisma, { demo: false, adminEmail: 'it@kommune.dk', adminPassword: 'rolig elg plukker tomater' })).toBe('seeded-reference')
  expect(await prisma.user.findUniqueOrThrow({ where: { email: 'it@kommune.dk' }, select: { role: true } })).toEqual({ role: 'admin' })
})
