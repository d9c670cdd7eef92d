import { beforeAll, describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser, formRequest, getRequest, sessionCookieFor } from '../../tests/setup/fixtures'
import { createAd, createVolunteer } from '../../tests/setup/fixtures-matching'
import { callRoute, type RouteHandler } from '../../tests/setup/routes'
import * as statementRoute from '~/routes/centre+/volunteers.$volunteerId_.statement'
import * as ownStatement from '~/routes/volunteer+/statement'
import { prisma } from '~/utils/db.server'
import { wallClockInstant } from '~/utils/time'
import { facilityFigures } from './facility-figures.server'
import { volunteerRecord, volunteerStatement } from './volunteer-record.server'

/**
 * A hand-made record: Vera volunteered at Skovly (two matches' worth: 2025 and 2026) and at
 * Fjorden (2026 only); her cancelled visit, her no-show, her planned visit and someone else's
 * visit do not count. Today is 30 November 2026.
 */
const TODAY = '2026-11-30'
let world: Awaited<ReturnType<typeof recordWorld>>

async function recordWorld() {
  const centre = await createCentre(['Gribskov Kommune'])
  const otherCentre = await createCentre(['Hillerød Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Karin Koordinator' })
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })
  const skovly = await prisma.facility.update({ where: { id: (await createFacility('Gribskov Kommune')).id }, data: { name: 'Skovly' } })
  const fjorden = await prisma.facility.update({ where: { id: (await createFacility('Gribskov Kommune')).id }, data: { name: 'Fjorden' } })
  const leader = await createUser('facility_staff')
  await addStaff(skovly.id, leader.id, 'leader')
  const vera = await createVolunteer('Gribskov Kommune', { name: 'Vera Frivillig' })
  const other = await createVolunteer('Gribskov Kommune', { name: 'Anden Frivillig' })
  const skovlyAd = await createAd(skovly, null)
  const fjordenAd = await createAd(fjorden, null)
  const match = async (facilityId: string, jobAdId: string, volunteerId: string, approved: string) =>
    prisma.match.create({ data: { facilityId, jobAdId, volunteerId, status: 'active', approvedAt: new Date(`${approved}T10:00:00Z`) } })
  const mSkovly = await match(skovly.id, skovlyAd.id, vera.id, '2025-09-01')
  const mFjorden = await match(fjorden.id, fjordenAd.id, vera.id, '2026-02-01')
  const mOther = await match(skovly.id, skovlyAd.id, other.id, '2026-01-01')
  const visit = async (m: { id: string; facilityId: string; volunteerId: string }, localDate: string, status: string, hours: number | null, helpedWith: string[] = []) =>
    prisma.visit.create({
      data: {
        matchId: m.id,
        facilityId: m.facilityId,
        volunteerId: m.volunteerId,
        localDate,
        startsAt: wallClockInstant(localDate, '15:00'),
        endsAt: wallClockInstant(localDate, '17:00'),
        status,
        hours,
        helpedWith: JSON.stringify(helpedWith),
      },
    })
  await visit(mSkovly, '2025-09-09', 'done', 2, ['video_calls'])
  await visit(mSkovly, '2025-12-31', 'done', 1.5, ['video_calls', 'photos']) // last year, by its Copenhagen date
  await visit(mSkovly, '2026-01-01', 'done', 2.25, ['photos'])
  await visit(mSkovly, '2026-03-03', 'cancelled', null)
  await visit(mSkovly, '2026-03-10', 'no_show', null)
  await visit(mFjorden, '2026-02-10', 'done', 1, ['email'])
  await visit(mFjorden, '2026-11-24', 'done', 2, ['email', 'video_calls'])
  await visit(mFjorden, '2026-12-01', 'planned', null)
  await visit(mOther, '2026-05-05', 'done', 3, ['games'])
  // Check-in answers about Skovly's matches: Vera's (4, aligned) and the contact person's (2, not aligned); one from last year does not count.
  const followUp = await prisma.followUp.create({ data: { matchId: mSkovly.id, dueAt: new Date('2026-06-01T10:00:00Z'), status: 'answered' } })
  await prisma.followUpResponse.create({ data: { followUpId: followUp.id, respondentId: vera.id, respondentRole: 'volunteer', satisfaction: 4, expectationsAligned: true, answeredAt: new Date('2026-06-02T10:00:00Z') } })
  await prisma.followUpResponse.create({ data: { followUpId: followUp.id, respondentId: leader.id, respondentRole: 'contact_person', satisfaction: 2, expectationsAligned: false, answeredAt: new Date('2026-06-03T10:00:00Z') } })
  const old = await prisma.followUp.create({ data: { matchId: mSkovly.id, dueAt: new Date('2025-10-01T10:00:00Z'), status: 'answered' } })
  await prisma.followUpResponse.create({ data: { followUpId: old.id, respondentId: vera.id, respondentRole: 'volunteer', satisfaction: 1, expectationsAligned: false, answeredAt: new Date('2025-10-02T10:00:00Z') } })
  return { centre, coordinator, otherCoordinator, leader, vera, other, skovly, fjorden }
}

beforeAll(async () => {
  world = await recordWorld()
})

describe('the volunteer’s own record', () => {
  test('visits and hours per facility and in total, this year and all time; only done visits, only hers', () => {
    const record = volunteerRecord(world.vera.id, TODAY)
    expect(record.year).toBe(2026)
    expect(record.facilities).toEqual([
      { facilityId: world.skovly.id, facility: 'Skovly', visitsThisYear: 1, hoursThisYear: 2.25, visitsAllTime: 3, hoursAllTime: 5.75, firstVisit: '2025-09-09', lastVisit: '2026-01-01' },
      { facilityId: world.fjorden.id, facility: 'Fjorden', visitsThisYear: 2, hoursThisYear: 3, visitsAllTime: 2, hoursAllTime: 3, firstVisit: '2026-02-10', lastVisit: '2026-11-24' },
    ])
    expect(record.totals).toEqual({ visitsThisYear: 3, hoursThisYear: 5.25, visitsAllTime: 5, hoursAllTime: 8.75 })
  })

  test('a new year starts again at nought for "this year"', () => {
    expect(volunteerRecord(world.vera.id, '2027-01-01').totals).toEqual({ visitsThisYear: 0, hoursThisYear: 0, visitsAllTime: 5, hoursAllTime: 8.75 })
  })

  test('the statement: period, hours and tasks (most frequent first) per facility', async () => {
    const statement = await volunteerStatement(world.vera.id, TODAY)
    expect(statement?.facilities.map((f) => [f.facility, f.firstVisit, f.lastVisit, f.hoursAllTime, f.tasks])).toEqual([
      ['Skovly', '2025-09-09', '2026-01-01', 5.75, ['photos', 'video_calls']],
      ['Fjorden', '2026-02-10', '2026-11-24', 3, ['email', 'video_calls']],
    ])
    expect(statement?.signoff).toBeNull()
    expect(await volunteerStatement(world.coordinator.id)).toBeNull()
  })
})

describe('the facility’s own figures, the last 12 months', () => {
  test('visits, hours and check-in answers', () => {
    const [skovly, fjorden] = facilityFigures([world.skovly.id, world.fjorden.id], TODAY)
    // Skovly from 30 November 2025: 31 December and 1 January (Vera), 5 May (the other volunteer); 9 September 2025 is older.
    expect(skovly).toMatchObject({ visitsDone: 3, hours: 6.75, visitsCancelled: 1, visitsNoShow: 1, volunteers: 2, checkInAnswers: 2, satisfactionAverage: 3, alignedShare: 0.5 })
    expect(fjorden).toMatchObject({ visitsDone: 2, hours: 3, visitsCancelled: 0, checkInAnswers: 0, satisfactionAverage: null, alignedShare: null })
  })

  test('the residents helped and their faces: done visits in the period only', async () => {
    const done = await prisma.visit.findMany({ where: { facilityId: world.skovly.id, status: 'done' }, orderBy: { startsAt: 'asc' }, select: { id: true, localDate: true } })
    expect(done.map((v) => v.localDate)).toEqual(['2025-09-09', '2025-12-31', '2026-01-01', '2026-05-05'])
    const set = [
      { residentsHelped: 5, residentFeedback: 'happy' }, // before the period
      { residentsHelped: 2, residentFeedback: 'happy' },
      { residentsHelped: 3, residentFeedback: 'neutral' },
      { residentsHelped: 1, residentFeedback: null },
    ]
    for (const [index, visit] of done.entries()) await prisma.visit.update({ where: { id: visit.id }, data: set[index] })
    const [skovly, fjorden] = facilityFigures([world.skovly.id, world.fjorden.id], TODAY)
    expect(skovly).toMatchObject({ residentsHelped: 6, visitsWithFeedback: 2, visitsWithSmile: 1 })
    expect(fjorden).toMatchObject({ residentsHelped: 0, visitsWithFeedback: 0, visitsWithSmile: 0 })
  })
})

describe('the centre signs the statement off', () => {
  const sign = async (userId: string, text = 'Vera har været en stor hjælp for beboerne.') =>
    callRoute(
      statementRoute.action as RouteHandler,
      formRequest(`/centre/volunteers/${world.vera.id}/statement`, { text }, { cookie: await sessionCookieFor(userId) }),
      { volunteerId: world.vera.id },
    )

  test('not the volunteer herself, not the facility’s staff, not another centre’s coordinator', async () => {
    for (const userId of [world.vera.id, world.leader.id, world.otherCoordinator.id]) expect((await sign(userId)).status).toBe(403)
    expect(await prisma.volunteerStatementSignoff.count({ where: { volunteerId: world.vera.id } })).toBe(0)
  })

  test('an empty line is an error next to the field', async () => {
    const response = await sign(world.coordinator.id, '   ')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.text).toEqual(['validation.required'])
  })

  test('the volunteer’s centre’s coordinator signs; who and when are kept and printed on the statement', async () => {
    expect((await sign(world.coordinator.id)).status).toBe(302)
    const saved = await prisma.volunteerStatementSignoff.findFirstOrThrow({ where: { volunteerId: world.vera.id } })
    expect(saved).toMatchObject({ text: 'Vera har været en stor hjælp for beboerne.', signedById: world.coordinator.id, signerName: 'Karin Koordinator', centreName: world.centre.name })
    const page = await callRoute(ownStatement.loader as RouteHandler, getRequest('/volunteer/statement', await sessionCookieFor(world.vera.id)))
    const data = (await page.json()) as { statement: { signoff: { text: string; signerName: string } } }
    expect(data.statement.signoff).toMatchObject({ text: 'Vera har været en stor hjælp for beboerne.', signerName: 'Karin Koordinator' })
  })
})
