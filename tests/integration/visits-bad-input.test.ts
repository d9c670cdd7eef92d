import { describe, expect, test } from 'vitest'
import { formRequest, getRequest, sessionCookieFor, createUser } from '../setup/fixtures'
import { planWorld } from '../setup/fixtures-plans'
import * as calendarFeed from '~/routes/calendar.$token[.]ics'
import * as visitsPage from '~/routes/visits+/_index'
import * as newPlanPage from '~/routes/visits+/plans.new'
import * as planPage from '~/routes/visits+/plans.$planId'
import { confirmPlan, proposePlan } from '~/models/visit-plan.server'
import { prisma } from '~/utils/db.server'
import { addDays, copenhagenDate, isoWeekday } from '~/utils/time'
import { callRoute as call, type RouteHandler as Handler } from '../setup/routes'

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

const HOSTILE = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '{{constructor}}']
const today = () => copenhagenDate(new Date())

function nextWeekday(weekday: number) {
  let date = addDays(today(), 2)
  while (isoWeekday(date) !== weekday) date = addDays(date, 1)
  return date
}

describe('the plan form refuses bad input with 400 and a message next to the field, never 500', () => {
  test('end before start, bad times and dates, a start in the past, monthly without a week; nothing saved, typed values kept', async () => {
    const world = await planWorld()
    const cookie = await sessionCookieFor(world.contact.id)
    const path = `/visits/plans/new?matchId=${world.match.id}`
    const send = (fields: Record<string, string>) => call(newPlanPage.action as Handler, formRequest(path, fields, { cookie }))

    const empty = await send({})
    expect(empty.status).toBe(400)
    expect((await body(empty)).fieldErrors).toMatchObject({ weekday: ['validation.choose'], startTime: ['validation.required'], endTime: ['validation.required'], startDate: ['validation.required'] })

    const wrong = await send({ weekday: '2', startTime: '17:00', endTime: '15:00', frequency: 'weekly', startDate: '2020-01-07', endDate: '2019-12-31', location: 'Hus B' })
    expect(wrong.status).toBe(400)
    const wrongBody = await body(wrong)
    expect(wrongBody.fieldErrors.endTime).toEqual(['visits:plan.endBeforeStart'])
    expect(wrongBody.fieldErrors.startDate).toEqual(['visits:plan.startInPast'])
    expect(wrongBody.fieldErrors.endDate).toEqual(['visits:plan.endDateBeforeStart'])
    expect(wrongBody.values.location).toBe('Hus B')

    const malformed = await send({ weekday: '9', startTime: '25:61', endTime: '9', frequency: 'daily', startDate: '2031-02-30', location: 'Hus B' })
    const malformedErrors = (await body(malformed)).fieldErrors
    expect(malformedErrors).toMatchObject({ weekday: ['validation.choose'], startTime: ['visits:plan.invalidTime'], endTime: ['visits:plan.invalidTime'], frequency: ['validation.choose'], startDate: ['validation.date'] })

    const monthly = await send({ weekday: '3', startTime: '14:00', endTime: '16:00', frequency: 'monthly', nthWeekday: '', startDate: nextWeekday(3) })
    expect((await body(monthly)).fieldErrors.nthWeekday).toEqual(['visits:plan.chooseNth'])
    const badNth = await send({ weekday: '3', startTime: '14:00', endTime: '16:00', frequency: 'monthly', nthWeekday: '7', startDate: nextWeekday(3) })
    expect((await body(badNth)).fieldErrors.nthWeekday).toEqual(['validation.choose'])

    for (const value of HOSTILE) {
      const response = await send({ weekday: value, startTime: value, endTime: value, frequency: value, nthWeekday: value, startDate: value, endDate: value, location: value })
      expect(response.status).toBe(400)
    }
    expect(await prisma.visitPlan.count({ where: { matchId: world.match.id } })).toBe(0)
  })

  test('an overlapping plan is refused with a clear message naming the other plan', async () => {
    const world = await planWorld()
    const start = nextWeekday(2)
    const first = await proposePlan(world.contactActor, world.match.id, { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: start, endDate: null, location: '' })
    if (!first.ok) throw new Error(first.reason)
    await confirmPlan(world.volunteerActor, first.planId)
    const cookie = await sessionCookieFor(world.contact.id)
    const response = await call(
      newPlanPage.action as Handler,
      formRequest(`/visits/plans/new?matchId=${world.match.id}`, { weekday: '2', startTime: '16:00', endTime: '18:00', frequency: 'biweekly', startDate: start }, { cookie }),
    )
    expect(response.status).toBe(400)
    const failure = await body(response)
    expect(failure.formError).toMatch(/^visits:form\.overlap\?/)
    expect(failure.formError).toContain('from=15%3A00')
  })

  test('pause and skip: dates in the past, reversed, or not a visit day', async () => {
    const world = await planWorld()
    const start = nextWeekday(2)
    const plan = await proposePlan(world.contactActor, world.match.id, { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: start, endDate: null, location: '' })
    if (!plan.ok) throw new Error(plan.reason)
    await confirmPlan(world.volunteerActor, plan.planId)
    const cookie = await sessionCookieFor(world.volunteer.id)
    const send = (fields: Record<string, string>) => call(planPage.action as Handler, formRequest(`/visits/plans/${plan.planId}`, fields, { cookie }), { planId: plan.planId })

    const reversed = await send({ intent: 'pause', fromDate: addDays(start, 14), toDate: start })
    expect(reversed.status).toBe(400)
    expect((await body(reversed)).fieldErrors.toDate).toEqual(['visits:plan.endDateBeforeStart'])
    const past = await send({ intent: 'pause', fromDate: '2020-01-01', toDate: '2020-01-02' })
    expect((await body(past)).fieldErrors.fromDate).toEqual(['visits:plan.dateInPast'])
    const notAVisitDay = await send({ intent: 'skip', date: addDays(start, 1) })
    expect((await body(notAVisitDay)).fieldErrors.date).toEqual(['visits:plan.notAVisitDay'])
    const unknownIntent = await send({ intent: 'explode' })
    expect(unknownIntent.status).toBe(400)
    for (const value of HOSTILE) expect((await send({ intent: 'pause', fromDate: value, toDate: value, reason: value })).status).toBe(400)
    expect(await prisma.visitPlanException.count({ where: { planId: plan.planId } })).toBe(0)
  })
})

describe('who may see and act on plans, visits and feeds', () => {
  test('staff of another facility, another volunteer and a coordinator get 403; an unknown plan 404', async () => {
    const world = await planWorld()
    const other = await planWorld()
    const plan = await proposePlan(world.contactActor, world.match.id, { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: nextWeekday(2), endDate: null, location: '' })
    if (!plan.ok) throw new Error(plan.reason)
    const coordinator = await createUser('coordinator', { centreId: world.centre.id })
    for (const userId of [other.contact.id, other.volunteer.id]) {
      const cookie = await sessionCookieFor(userId)
      expect((await call(planPage.loader as Handler, getRequest(`/visits/plans/${plan.planId}`, cookie), { planId: plan.planId })).status).toBe(403)
      expect((await call(planPage.action as Handler, formRequest(`/visits/plans/${plan.planId}`, { intent: 'confirm' }, { cookie }), { planId: plan.planId })).status).toBe(403)
      expect((await call(newPlanPage.loader as Handler, getRequest(`/visits/plans/new?matchId=${world.match.id}`, cookie))).status).toBe(403)
    }
    const coordinatorCookie = await sessionCookieFor(coordinator.id)
    expect((await call(visitsPage.loader as Handler, getRequest('/visits', coordinatorCookie))).status).toBe(403)
    expect((await call(planPage.loader as Handler, getRequest('/visits/plans/nope', await sessionCookieFor(world.volunteer.id)), { planId: 'nope' })).status).toBe(404)
    expect((await prisma.visitPlan.findUniqueOrThrow({ where: { id: plan.planId } })).status).toBe('proposed')
  })

  test('the visits page survives malformed view parameters, and a bad feed token is a 404', async () => {
    const world = await planWorld()
    const cookie = await sessionCookieFor(world.volunteer.id)
    for (const query of ['?view=week&date=2026-13-45', '?view=month&month=abc', '?view=%00', '?view=week&date=' + 'x'.repeat(5000)]) {
      expect((await call(visitsPage.loader as Handler, getRequest(`/visits${query}`, cookie))).status).toBe(200)
    }
    expect((await call(visitsPage.action as Handler, formRequest('/visits', { intent: 'reminders', visitReminders: 'on' }, { cookie }))).status).toBe(400)
    for (const token of ['', 'x', "' OR 1=1 --", 'a'.repeat(500)]) {
      expect((await call(calendarFeed.loader as Handler, getRequest(`/calendar/${encodeURIComponent(token)}.ics`), { token })).status).toBe(404)
    }
  })
})
