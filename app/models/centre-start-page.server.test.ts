// The coordinator's start page (issue 15): its reads return what they returned before they moved
// to partial indexes — on the demo data, for the small-centre and the large-centre way of reading —
// and their plans walk indexes without sorting or scanning the centre's history.
import { beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../../prisma/seed'
import {
  agreementsMissingBefore,
  flaggedMatchesBefore,
  openReportCountBefore,
  overdueFollowUpsBefore,
  pendingFacilitiesBefore,
  upcomingCentreEventsBefore,
  visitAttentionCountsBefore,
} from '../../tests/setup/start-page-before'
import { agreementsMissing, agreementsMissingByApproval } from './agreement.server'
import { flaggedByTimeQuery, flaggedMatches } from './check-in-sharing.server'
import { pendingFacilities } from './facility.server'
import { openReportCount } from './thread.server'
import { upcomingCentreEvents } from './event.server'
import { overdueFollowUps, overdueFollowUpsQuery } from './follow-up.server'
import { visitAttentionCounts, visitAttentionQueries } from './visit-attention.server'
import { prisma } from '~/utils/db.server'
import { queryPlan } from '~/utils/sql.server'

let centreId: string
let municipalityIds: string[]
const now = new Date()

beforeAll(async () => {
  await seedDemo(prisma)
  const coordinator = await prisma.user.findUniqueOrThrow({ where: { email: 'koordinator@frivilligbro.test' }, select: { centreId: true } })
  centreId = coordinator.centreId!
  municipalityIds = (await prisma.municipality.findMany({ where: { centreId }, select: { id: true } })).map((m) => m.id)
  await addAttentionRows()
}, 120_000)

/**
 * The demo holds one or two of each item; a few more make the comparisons tell orders apart: more
 * late cancellations and unlogged visits, overdue check-ins with one answer of two, flagged answers
 * on several matches, and matches without an agreement.
 */
async function addAttentionRows() {
  const matches = await prisma.match.findMany({
    where: { status: 'active', facility: { municipalityId: { in: municipalityIds } } },
    select: { id: true, facilityId: true, volunteerId: true, facility: { select: { memberships: { select: { userId: true }, take: 1 } } } },
    orderBy: { id: 'asc' },
  })
  expect(matches.length).toBeGreaterThan(1)
  const day = 86_400_000
  for (const [i, match] of matches.entries()) {
    const start = new Date(now.getTime() - (i + 2) * day)
    await prisma.visit.create({
      data: { matchId: match.id, facilityId: match.facilityId, volunteerId: match.volunteerId, localDate: `2000-01-${String(i + 1).padStart(2, '0')}`, startsAt: start, endsAt: new Date(start.getTime() + 7_200_000) },
    })
    const late = new Date(now.getTime() - (i + 3) * day)
    await prisma.visit.create({
      data: {
        matchId: match.id,
        facilityId: match.facilityId,
        volunteerId: match.volunteerId,
        localDate: `2000-02-${String(i + 1).padStart(2, '0')}`,
        startsAt: late,
        endsAt: new Date(late.getTime() + 7_200_000),
        status: 'cancelled',
        lateCancellation: true,
        cancelledAt: new Date(late.getTime() - 3_600_000),
      },
    })
    const followUp = await prisma.followUp.create({ data: { matchId: match.id, dueAt: new Date(now.getTime() - (20 + i) * day), status: 'sent' } })
    await prisma.followUpResponse.create({
      data: {
        followUpId: followUp.id,
        respondentId: match.volunteerId,
        respondentRole: 'volunteer',
        // Every one flagged: by satisfaction or by expectations.
        satisfaction: i % 2 === 0 ? 2 : 4,
        expectationsAligned: i % 2 === 0,
        answeredAt: new Date(now.getTime() - (10 + i) * day),
      },
    })
  }
}

describe('the start page reads the same as before', () => {
  test('unlogged visits and late cancellations', async () => {
    const before = await visitAttentionCountsBefore(municipalityIds, now)
    expect(before.unlogged).toBeGreaterThan(1)
    expect(before.late).toBeGreaterThan(1)
    expect(await visitAttentionCounts(municipalityIds, now)).toEqual(before)
  })

  test('overdue check-ins, read either way', async () => {
    const before = await overdueFollowUpsBefore(municipalityIds, now)
    expect(before.length).toBeGreaterThan(1)
    const sorted = (rows: typeof before) => rows.map((row) => ({ ...row, responses: [...row.responses].sort((a, b) => a.respondent.name.localeCompare(b.respondent.name)) }))
    expect(sorted(overdueFollowUps(municipalityIds, now, { large: false }))).toEqual(sorted(before))
    expect(sorted(overdueFollowUps(municipalityIds, now, { large: true }))).toEqual(sorted(before))
  })

  test('matches flagged by a check-in answer, read either way', () => {
    const before = flaggedMatchesBefore(municipalityIds)
    expect(before.length).toBeGreaterThan(1)
    expect(flaggedMatches(municipalityIds, 50, { large: false })).toEqual(before)
    expect(flaggedMatches(municipalityIds, 50, { large: true })).toEqual(before)
    expect(flaggedMatches(municipalityIds, 2, { large: true })).toEqual(before.slice(0, 2))
  })

  test('agreements missing, read either way, also after a party accepts and after both do', async () => {
    const compare = () => {
      const before = agreementsMissingBefore(municipalityIds)
      expect(agreementsMissing(municipalityIds, 50, { large: false })).toEqual(before)
      expect(agreementsMissing(municipalityIds, 50, { large: true })).toEqual(before)
      return before
    }
    const missing = compare()
    expect(missing.length).toBeGreaterThan(0)
    const withVersion = missing.find((row) => row.version !== null)
    expect(withVersion).toBeDefined()
    const version = { matchId: withVersion!.matchId, number: withVersion!.version! }
    // The volunteer accepts: still missing (the facility has not). Then the facility: gone, in both reads.
    await prisma.agreementVersion.updateMany({ where: version, data: { volunteerAcceptedAt: now, facilityAcceptedAt: null } })
    expect(compare().map((row) => row.matchId)).toContain(withVersion!.matchId)
    await prisma.agreementVersion.updateMany({ where: version, data: { facilityAcceptedAt: now } })
    expect(compare().map((row) => row.matchId)).not.toContain(withVersion!.matchId)
    // The triggers keep the flag the large centre's walk reads.
    const complete = async () => (await prisma.match.findUniqueOrThrow({ where: { id: withVersion!.matchId }, select: { agreementComplete: true } })).agreementComplete
    expect(await complete()).toBe(true)
    // A new version (the facts changed) is missing again until both accept it.
    await prisma.agreementVersion.create({ data: { matchId: withVersion!.matchId, number: withVersion!.version! + 1, changes: '["schedule"]', content: '{}' } })
    expect(compare().map((row) => row.matchId)).toContain(withVersion!.matchId)
    expect(await complete()).toBe(false)
  })

  test('facilities waiting for approval, with their municipality and leaders', async () => {
    // Three more, one with two leaders and one with none, so order and grouping can differ.
    const [gribskov] = await prisma.municipality.findMany({ where: { id: { in: municipalityIds } }, select: { id: true }, take: 1 })
    const leaders = await prisma.user.findMany({ where: { role: 'facility_staff' }, select: { id: true }, take: 2 })
    for (const [i, count] of [2, 0, 1].entries()) {
      const facility = await prisma.facility.create({
        data: { name: `Venter ${i}`, kind: 'bosted', address: 'Vej 1', postcode: '3200', town: 'Helsinge', municipalityId: gribskov.id, status: 'pending', createdAt: new Date(now.getTime() + i * 60_000) },
      })
      for (const leader of leaders.slice(0, count)) await prisma.facilityMembership.create({ data: { facilityId: facility.id, userId: leader.id, role: 'leader' } })
    }
    const before = await pendingFacilitiesBefore(municipalityIds)
    expect(before.length).toBeGreaterThan(3)
    expect(before.some((facility) => facility.memberships.length === 2)).toBe(true)
    expect(pendingFacilities(municipalityIds)).toEqual(before)
    expect(pendingFacilities(municipalityIds, 2)).toEqual(await pendingFacilitiesBefore(municipalityIds, 2))
  })

  test('open reports in the centre’s spaces', async () => {
    // Two open reports and a handled one on the centre's posts.
    const posts = await prisma.post.findMany({ where: { thread: { centreId } }, select: { id: true }, take: 2 })
    for (const [i, post] of posts.entries()) await prisma.postReport.create({ data: { postId: post.id, reason: 'Tonen', status: i === 0 ? 'open' : 'handled' } })
    await prisma.postReport.create({ data: { postId: posts[1].id, reason: 'Personoplysninger' } })
    const before = await openReportCountBefore(centreId)
    expect(before).toBeGreaterThan(1)
    expect(openReportCount(centreId)).toBe(before)
    const other = await prisma.centre.findFirstOrThrow({ where: { id: { not: centreId } }, select: { id: true } })
    expect(openReportCount(other.id)).toBe(await openReportCountBefore(other.id))
  })

  test('the centre’s coming events, filtered and sorted in SQL', () => {
    const before = upcomingCentreEventsBefore(centreId, now)
    expect(before.length).toBeGreaterThan(0)
    expect(upcomingCentreEvents(centreId, now)).toEqual(before)
    // Later on, fewer events lie ahead: the filter is the instant given, not the clock.
    const later = new Date(now.getTime() + 21 * 86_400_000)
    expect(upcomingCentreEvents(centreId, later)).toEqual(upcomingCentreEventsBefore(centreId, later))
  })
})

/** Plan lines that would grow with the data: a scan of a table or a sort in a temporary B-tree. */
function growingSteps(plan: string[]) {
  return plan.filter((line) => /TEMP B-TREE/.test(line) || (/^SCAN /.test(line) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(line)))
}

describe('the large centre’s start-page reads walk partial indexes, with no sort', () => {
  test.each([
    ['unlogged visits', () => visitAttentionQueries(municipalityIds, now).unlogged, 'Visit_unlogged_idx'],
    ['late cancellations', () => visitAttentionQueries(municipalityIds, now).late, 'Visit_late_cancellation_idx'],
    ['overdue check-ins', () => overdueFollowUpsQuery(municipalityIds, now, true), 'FollowUp_open_dueAt_idx'],
    ['flagged answers', () => flaggedByTimeQuery(municipalityIds), 'FollowUpResponse_flagged_idx'],
    ['agreements missing', () => agreementsMissingByApproval(municipalityIds), 'Match_agreement_open_idx'],
  ])('%s', (_name, query, index) => {
    const plan = queryPlan(query())
    expect(plan.join('\n')).toContain(index)
    expect(growingSteps(plan)).toEqual([])
  })
})
