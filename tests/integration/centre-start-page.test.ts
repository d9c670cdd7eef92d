// The coordinator's start page through its loader (issue 15): it lists the oldest facilities
// waiting for approval and says how many there are, rather than every one of them.
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../../prisma/seed'
import { createFacility, getRequest, sessionCookieFor } from '../setup/fixtures'
import { callRoute, type RouteHandler } from '../setup/routes'
import * as startPage from '~/routes/centre+/_index'
import * as matchesPage from '~/routes/centre+/matches._index'
import { createAd, createVolunteer } from '../setup/fixtures-matching'
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

describe('agreements missing and flagged matches on the start page', () => {
  type Attention = { missing: { matchId: string }[]; moreMissing: boolean; flagged: { matchId: string }[]; moreFlagged: boolean }
  type MatchesPage = { list: { total: number; rows: { id: string }[] } }

  async function attention() {
    const response = await callRoute(startPage.loader as RouteHandler, getRequest('/centre', cookie))
    return ((await response.json()) as { agreements: Attention }).agreements
  }
  async function matchesWith(filter: string) {
    const ids: string[] = []
    for (let page = 1; ; page++) {
      const response = await callRoute(matchesPage.loader as RouteHandler, getRequest(`/centre/matches?attention=${filter}&page=${page}`, cookie))
      expect(response.status).toBe(200)
      const { list } = (await response.json()) as MatchesPage
      ids.push(...list.rows.map((row) => row.id))
      if (ids.length >= list.total) return ids
    }
  }

  /** A live match at a new Gribskov facility, approved, with no agreement accepted. */
  async function liveMatch(status = 'active') {
    const facility = await createFacility('Gribskov Kommune')
    const ad = await createAd(facility, null)
    const volunteer = await createVolunteer('Gribskov Kommune', { name: `Frivillig ${Math.random().toString(36).slice(2, 8)}` })
    return prisma.match.create({ data: { jobAdId: ad.id, facilityId: facility.id, volunteerId: volunteer.id, status, approvedAt: new Date('2026-01-05T10:00:00Z') } })
  }

  /** A check-in answer on the match saying expectations are not aligned. */
  async function flag(match: { id: string; volunteerId: string }, answeredAt = new Date('2026-02-01T10:00:00Z')) {
    const followUp = await prisma.followUp.create({ data: { matchId: match.id, dueAt: answeredAt, status: 'answered' } })
    await prisma.followUpResponse.create({ data: { followUpId: followUp.id, respondentId: match.volunteerId, respondentRole: 'volunteer', satisfaction: 4, expectationsAligned: false, answeredAt } })
  }

  test('ten of each are shown, and "see all" leads to the matches list with every one of them', async () => {
    const missingBefore = await matchesWith('agreement')
    const flaggedBefore = await matchesWith('flagged')
    const missing = []
    const flagged = []
    for (let i = 0; i < 12; i++) missing.push(await liveMatch())
    for (let i = 0; i < 12; i++) {
      const match = await liveMatch()
      await flag(match)
      flagged.push(match)
    }
    // Not on the lists: an ended match with a flagged answer, and a flag cleared by a meeting held after it.
    const ended = await liveMatch('ended')
    await flag(ended)
    const metAfter = await liveMatch()
    await flag(metAfter)
    await prisma.followUpMeeting.create({
      data: { matchId: metAfter.id, heldOn: '2026-02-03', participants: 'Alle tre', note: 'Talt sammen.', createdAt: new Date('2026-02-03T10:00:00Z'), recordedById: metAfter.volunteerId },
    })

    const shown = await attention()
    expect(shown.missing).toHaveLength(10)
    expect(shown.moreMissing).toBe(true)
    expect(shown.flagged).toHaveLength(10)
    expect(shown.moreFlagged).toBe(true)

    // Every live match without an accepted agreement (the flagged ones have none either), no ended one.
    const allMissing = await matchesWith('agreement')
    expect(allMissing.sort()).toEqual([...missingBefore, ...missing.map((m) => m.id), ...flagged.map((m) => m.id), metAfter.id].sort())
    expect(allMissing).toEqual(expect.arrayContaining(shown.missing.map((m) => m.matchId)))

    // Every live match with a flagged answer since its last meeting.
    const allFlagged = await matchesWith('flagged')
    expect(allFlagged.sort()).toEqual([...flaggedBefore, ...flagged.map((m) => m.id)].sort())
    expect(allFlagged).toEqual(expect.arrayContaining(shown.flagged.map((m) => m.matchId)))
  })
})
