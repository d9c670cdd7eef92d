// One CPR rule (app/utils/cpr.ts) on every free-text field that can hold resident data: each
// family of forms refuses a CPR-like number with the message next to the field, gives the typed
// text back, and saves nothing.
import { describe, expect, test } from 'vitest'
import { addStaff, createFacility, createUser, formRequest, sessionCookieFor } from '../setup/fixtures'
import { adWorld } from '../setup/fixtures-ads'
import { bookingWorld } from '../setup/fixtures-booking'
import { planWorld } from '../setup/fixtures-plans'
import { threadsWorld } from '../setup/fixtures-threads'
import { confirmPlan, proposePlan } from '~/models/visit-plan.server'
import * as matchPage from '~/routes/centre+/matches.$matchId'
import * as ethicsPage from '~/routes/facility+/$facilityId.ethics'
import * as profilePage from '~/routes/facility+/$facilityId.profile'
import * as screeningPage from '~/routes/facility+/$facilityId.screening'
import * as newAdPage from '~/routes/facility+/ads.new'
import * as checkInPage from '~/routes/follow-up.$token'
import * as threadPage from '~/routes/threads+/$threadId'
import * as visitPage from '~/routes/visits+/$visitId'
import * as planPage from '~/routes/visits+/plans.$planId'
import { CPR_REFUSED } from '~/utils/cpr'
import { prisma } from '~/utils/db.server'
import { addDays, copenhagenDate, isoWeekday } from '~/utils/time'
import { callRoute } from '../setup/routes'

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

async function run(handler: Handler, request: Request, params: Record<string, string> = {}) {
  return callRoute(handler, request, params, { clientIp: '10.0.0.1' })
}

/** Posts a form and expects the refusal: 400, the message on `field`, the text given back. */
async function expectRefused(response: Response, field: string, text: string, message = CPR_REFUSED) {
  expect(response.status).toBe(400)
  const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, unknown> }
  expect(body.fieldErrors[field], field).toEqual([message])
  expect(body.values[field], field).toBe(text)
}

const CPR = 'Beboeren i stue 4 (150875-2222) vil gerne have hjælp'

describe('a CPR-like number is refused next to the field, the text kept, nothing saved', () => {
  test('visits: the log note and the reason for cancelling', async () => {
    const w = await bookingWorld()
    const future = await prisma.visit.create({
      data: { matchId: w.match.id, facilityId: w.facility.id, volunteerId: w.volunteer.id, localDate: '2031-03-05', startsAt: new Date('2031-03-05T13:00:00Z'), endsAt: new Date('2031-03-05T15:00:00Z') },
    })
    const past = await prisma.visit.create({
      data: { matchId: w.match.id, facilityId: w.facility.id, volunteerId: w.volunteer.id, localDate: '2026-01-07', startsAt: new Date(Date.now() - 3 * 86_400_000), endsAt: new Date(Date.now() - 3 * 86_400_000 + 7_200_000) },
    })
    const cookie = await sessionCookieFor(w.volunteer.id)
    const send = (visitId: string, fields: Record<string, string | string[]>) => run(visitPage.action as Handler, formRequest(`/visits/${visitId}`, fields, { cookie }), { visitId })

    await expectRefused(await send(past.id, { intent: 'log', outcome: 'done', hours: '2', helpedWith: ['video_calls'], note: CPR }), 'note', CPR, 'booking:log.cpr')
    await expectRefused(await send(future.id, { intent: 'cancel', reason: CPR }), 'reason', CPR)
    expect((await prisma.visit.findMany({ where: { id: { in: [past.id, future.id] } }, select: { status: true } })).map((v) => v.status)).toEqual(['planned', 'planned'])
  })

  test('visit plans: the reason for a pause', async () => {
    const world = await planWorld()
    let start = addDays(copenhagenDate(), 2)
    while (isoWeekday(start) !== 2) start = addDays(start, 1)
    const plan = await proposePlan(world.contactActor, world.match.id, { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: start, endDate: null, location: '' })
    if (!plan.ok) throw new Error(plan.reason)
    await confirmPlan(world.volunteerActor, plan.planId)
    const cookie = await sessionCookieFor(world.volunteer.id)
    const response = await run(planPage.action as Handler, formRequest(`/visits/plans/${plan.planId}`, { intent: 'pause', fromDate: start, toDate: addDays(start, 7), reason: CPR }, { cookie }), { planId: plan.planId })
    await expectRefused(response, 'reason', CPR)
    expect(await prisma.visitPlanException.count({ where: { planId: plan.planId } })).toBe(0)
  })

  test('threads: the reason for reporting a post (titles and bodies: threads-bad-input.test.ts)', async () => {
    const world = await threadsWorld('Odsherred Kommune', 'Holbæk Kommune')
    const threadId = world.network.threadId
    const post = await prisma.post.findFirstOrThrow({ where: { threadId }, select: { id: true } })
    const cookie = await sessionCookieFor(world.volunteerHere.id)
    const response = await run(threadPage.action as Handler, formRequest(`/threads/${threadId}`, { intent: 'report', postId: post.id, reason: CPR }, { cookie }), { threadId })
    await expectRefused(response, 'reason', CPR)
    expect(await prisma.postReport.count({ where: { postId: post.id } })).toBe(0)
  })

  test("follow-up: the check-in's wishes and the coordinator's reason for pausing a match", async () => {
    const w = await bookingWorld()
    await expectRefused(await run(checkInPage.action as Handler, formRequest('/follow-up/some-token', { satisfaction: '4', expectationsAligned: 'yes', wishes: CPR }), { token: 'some-token' }), 'wishes', CPR)
    const cookie = await sessionCookieFor(w.coordinator.id)
    const response = await run(matchPage.action as Handler, formRequest(`/centre/matches/${w.match.id}`, { intent: 'pause', reason: CPR }, { cookie }), { matchId: w.match.id })
    await expectRefused(response, 'reason', CPR)
    expect((await prisma.match.findUniqueOrThrow({ where: { id: w.match.id } })).status).toBe('active')
  })

  test("facilities: the IT screening, the ethics policy and the profile's description", async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    await addStaff(facility.id, leader.id, 'leader')
    const cookie = await sessionCookieFor(leader.id)
    const params = { facilityId: facility.id }
    const send = (page: { action: unknown }, path: string, fields: Record<string, string | string[]>) => run(page.action as Handler, formRequest(`/facility/${facility.id}/${path}`, fields, { cookie }), params)

    for (const field of ['residentWishes', 'technology', 'network', 'staffReadiness']) {
      await expectRefused(await send(screeningPage, 'screening', { wishedTasks: ['video_calls'], [field]: CPR }), field, CPR)
    }
    await expectRefused(await send(ethicsPage, 'ethics', { intent: 'add', technology: 'Facebook', dilemma: CPR, agreedValues: 'Vi spørger først' }), 'dilemma', CPR)
    await expectRefused(await send(profilePage, 'profile', { name: 'Huset', kind: 'bosted', address: 'Vej 1', postcode: '3200', targetGroups: ['autisme'], description: CPR }), 'description', CPR)
    expect(await prisma.facilityItScreening.count({ where: { facilityId: facility.id } })).toBe(0)
    expect(await prisma.ethicsPolicyEntry.count({ where: { facilityId: facility.id } })).toBe(0)
  })

  test("job ads: the description, the boundaries and the target group", async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    for (const field of ['description', 'boundaries', 'targetGroup']) {
      const text = field === 'targetGroup' ? 'Beboer 0101901234' : CPR
      const response = await run(newAdPage.action as Handler, formRequest('/facility/ads/new', { facilityId: w.facility.id, intent: 'save', title: 'Kladde', frequency: 'weekly', volunteersWanted: '1', [field]: text }, { cookie }))
      await expectRefused(response, field, text)
    }
    expect(await prisma.jobAd.count({ where: { facilityId: w.facility.id } })).toBe(0)
  })
})
