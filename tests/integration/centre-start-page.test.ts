// The coordinator's start page through its loader (issue 15): it lists the oldest facilities
// waiting for approval and says how many there are, rather than every one of them.
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../../prisma/seed'
import { createFacility, getRequest, sessionCookieFor } from '../setup/fixtures'
import { callRoute, type RouteHandler } from '../setup/routes'
import * as startPage from '~/routes/centre+/_index'
import { prisma } from '~/utils/db.server'

let cookie: string

beforeAll(async () => {
  await seedDemo(prisma)
  const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: 'koordinator@frivilligbro.test' }, select: { id: true } })
  cookie = await sessionCookieFor(coordinator.id)
}, 120_000)

type StartPage = { pending: { name: string }[]; pendingTotal: number }

async function startPageData() {
  const response = await callRoute(startPage.loader as RouteHandler, getRequest('/centre', cookie))
  expect(response.status).toBe(200)
  return (await response.json()) as StartPage
}

describe('facilities waiting for approval on the start page', () => {
  test('the 10 oldest are listed, with how many wait in all', async () => {
    const before = await startPageData()
    expect(before.pending.length).toBe(before.pendingTotal)
    const added: string[] = []
    for (let i = 0; i < 12; i++) {
      const facility = await createFacility('Gribskov Kommune', 'pending')
      // Newer than the demo's pending facility, one minute apart: the order is known.
      await prisma.facility.update({ where: { id: facility.id }, data: { createdAt: new Date(Date.now() + i * 60_000) } })
      added.push(facility.name)
    }
    const after = await startPageData()
    expect(after.pendingTotal).toBe(before.pendingTotal + 12)
    expect(after.pending.map((facility) => facility.name)).toEqual([...before.pending.map((facility) => facility.name), ...added].slice(0, 10))
  })
})
