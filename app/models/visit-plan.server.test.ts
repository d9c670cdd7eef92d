import { describe, expect, test } from 'vitest'
import { actorOf, planWorld, secondMatch } from '../../tests/setup/fixtures-plans'
import { createUser, addStaff, createFacility } from '../../tests/setup/fixtures'
import { changePlan, confirmPlan, declinePlan, endPlan, extendPlanHorizons, pausePlan, proposePlan, skipPlanDate } from './visit-plan.server'
import { prisma } from '~/utils/db.server'
import type { PlanTerms } from '~/utils/visit-plan'
import { copenhagenTime, wallClockInstant } from '~/utils/time'

// Friday 20 March 2026, 10:00 in Copenhagen: the spring change is nine days ahead.
const NOW = wallClockInstant('2026-03-20', '10:00')
const TUESDAYS: PlanTerms = { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: '2026-03-24', endDate: null, location: 'Fællesstuen i hus B' }

type Attachment = { filename: string; contentType: string; content: string }
const attachmentOf = (message: { attachments: string | null }) => (JSON.parse(message.attachments ?? '[]') as Attachment[])[0]

async function confirmedPlan(world: Awaited<ReturnType<typeof planWorld>>, terms = TUESDAYS) {
  const proposed = await proposePlan(world.contactActor, world.match.id, terms)
  if (!proposed.ok) throw new Error(proposed.reason)
  const confirmed = await confirmPlan(world.volunteerActor, proposed.planId, NOW)
  if (!confirmed.ok) throw new Error(confirmed.reason)
  return proposed.planId
}

const visitsOf = (planId: string) => prisma.visit.findMany({ where: { planId }, orderBy: { startsAt: 'asc' } })

describe('proposing and confirming a plan', () => {
  test('the contact person proposes, the volunteer confirms: 12 weeks of visits at 15:00 on both sides of the spring change, and both get a calendar file', async () => {
    const world = await planWorld({ volunteer: { locale: 'en', name: 'Mette Frivillig' } })
    const proposed = await proposePlan(world.contactActor, world.match.id, TUESDAYS)
    expect(proposed.ok).toBe(true)
    if (!proposed.ok) return
    expect(await prisma.visit.count({ where: { planId: proposed.planId } })).toBe(0)

    const ask = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.volunteer.email, template: 'visit-plan-proposed' } })
    expect(ask.subject).toMatch(/^Please confirm the regular visits at /)
    expect(ask.text).toContain('Jonas Kontakt proposes regular visits')
    expect(ask.text).toContain('Tuesdays 15:00–17:00, every week, from 24 March 2026')
    expect(ask.text).toContain(`/visits/plans/${proposed.planId}`)

    // Nobody on the proposing side can confirm it for the volunteer, nor can strangers.
    expect(await confirmPlan(world.contactActor, proposed.planId, NOW)).toEqual({ ok: false, reason: 'own-proposal' })
    expect(await confirmPlan(world.colleagueActor, proposed.planId, NOW)).toEqual({ ok: false, reason: 'own-proposal' })
    const stranger = await createUser('facility_staff')
    await addStaff((await createFacility('Gribskov Kommune')).id, stranger.id, 'leader')
    expect(await confirmPlan(await actorOf(stranger.id), proposed.planId, NOW)).toEqual({ ok: false, reason: 'forbidden' })

    expect(await confirmPlan(world.volunteerActor, proposed.planId, NOW)).toEqual({ ok: true, planId: proposed.planId })
    const plan = await prisma.visitPlan.findUniqueOrThrow({ where: { id: proposed.planId } })
    expect(plan).toMatchObject({ status: 'confirmed', generatedUntil: '2026-06-12' })
    const visits = await visitsOf(plan.id)
    expect(visits.map((v) => v.localDate)).toEqual(['2026-03-24', '2026-03-31', '2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28', '2026-05-05', '2026-05-12', '2026-05-19', '2026-05-26', '2026-06-02', '2026-06-09'])
    expect(visits.every((v) => copenhagenTime(v.startsAt) === '15:00' && copenhagenTime(v.endsAt) === '17:00')).toBe(true)
    expect(visits[0].startsAt.toISOString()).toBe('2026-03-24T14:00:00.000Z')
    expect(visits[1].startsAt.toISOString()).toBe('2026-03-31T13:00:00.000Z')
    expect(visits[0]).toMatchObject({ status: 'planned', facilityId: world.facility.id, volunteerId: world.volunteer.id, matchId: world.match.id, location: 'Fællesstuen i hus B' })

    for (const [email, subject] of [
      [world.volunteer.email, /^The regular visits at .* are agreed$/],
      [world.contact.email, /^De faste besøg hos .* er aftalt$/],
    ] as const) {
      const message = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: email, template: 'visit-plan-confirmed' } })
      expect(message.subject).toMatch(subject)
      const ics = attachmentOf(message)
      expect(ics.contentType).toContain('text/calendar')
      expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(12)
      expect(ics.content).toContain(`UID:visit-${visits[0].id}@frivilligbro`)
      expect(ics.content).toContain('DTSTART;TZID=Europe/Copenhagen:20260331T150000')
    }
    const actions = (await prisma.auditLog.findMany({ where: { entityId: plan.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)
    expect(actions).toEqual(['visitPlan.proposed', 'visitPlan.confirmed'])
  })

  test('the volunteer proposes and any active staff member of the facility confirms; the contact person is asked', async () => {
    const world = await planWorld()
    const proposed = await proposePlan(world.volunteerActor, world.match.id, { ...TUESDAYS, weekday: 4, frequency: 'biweekly' })
    if (!proposed.ok) throw new Error(proposed.reason)
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.contact.email, template: 'visit-plan-proposed' } })).toBe(1)
    expect(await confirmPlan(world.volunteerActor, proposed.planId, NOW)).toMatchObject({ ok: false, reason: 'own-proposal' })
    expect(await confirmPlan(world.colleagueActor, proposed.planId, NOW)).toMatchObject({ ok: true })
    expect((await visitsOf(proposed.planId)).map((v) => v.localDate).slice(0, 3)).toEqual(['2026-03-26', '2026-04-09', '2026-04-23'])
  })

  test('a plan that would overlap another confirmed plan of the same volunteer is refused, naming it', async () => {
    const world = await planWorld()
    await confirmedPlan(world)
    const other = await secondMatch(world)
    const clash = await proposePlan(other.leaderActor, other.match.id, { ...TUESDAYS, startTime: '16:30', endTime: '18:00' })
    expect(clash).toMatchObject({ ok: false, reason: 'overlap', overlap: { weekday: 2, startTime: '15:00', endTime: '17:00', facilityName: world.facility.name } })
    expect(await proposePlan(other.leaderActor, other.match.id, { ...TUESDAYS, startTime: '17:00', endTime: '18:00' })).toMatchObject({ ok: true })
  })

  test('no plans on a match that is not active', async () => {
    const world = await planWorld()
    await prisma.match.update({ where: { id: world.match.id }, data: { status: 'paused' } })
    expect(await proposePlan(world.contactActor, world.match.id, TUESDAYS)).toEqual({ ok: false, reason: 'match-not-active' })
  })

  test('declining a proposal ends it and tells the proposer', async () => {
    const world = await planWorld()
    const proposed = await proposePlan(world.contactActor, world.match.id, TUESDAYS)
    if (!proposed.ok) throw new Error(proposed.reason)
    expect(await declinePlan(world.volunteerActor, proposed.planId, 'Tirsdag passer ikke med mit arbejde.', NOW)).toEqual({ ok: true, cancelled: 0 })
    expect((await prisma.visitPlan.findUniqueOrThrow({ where: { id: proposed.planId } })).status).toBe('ended')
    const told = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.contact.email, template: 'visit-plan-update' } })
    expect(told.text).toContain('har afvist forslaget')
    expect(told.text).toContain('Tirsdag passer ikke med mit arbejde.')
    expect(await confirmPlan(world.volunteerActor, proposed.planId, NOW)).toEqual({ ok: false, reason: 'wrong-state' })
  })
})

describe('changing a confirmed plan', () => {
  test('goes back to proposed; visits stay until the other party confirms, then dates that went are cancelled and new ones made', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    const changed = await changePlan(world.volunteerActor, planId, { ...TUESDAYS, weekday: 4, startDate: '2026-04-01' })
    expect(changed).toEqual({ ok: true, planId })
    expect((await prisma.visitPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('proposed')
    expect(await prisma.visit.count({ where: { planId, status: 'planned' } })).toBe(12)
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.contact.email, template: 'visit-plan-proposed' } })).toBe(1)

    expect(await confirmPlan(world.contactActor, planId, NOW)).toMatchObject({ ok: true })
    const visits = await visitsOf(planId)
    const planned = visits.filter((v) => v.status === 'planned').map((v) => v.localDate)
    expect(planned[0]).toBe('2026-04-02')
    expect(planned.every((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 4)).toBe(true)
    const cancelled = visits.filter((v) => v.status === 'cancelled')
    expect(cancelled).toHaveLength(12)
    expect(cancelled.every((v) => v.sequence === 1)).toBe(true)
    // The calendar file both get carries the cancelled Tuesdays too, so calendars drop them.
    const ics = attachmentOf(await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.volunteer.email, template: 'visit-plan-confirmed' }, orderBy: { createdAt: 'desc' } }))
    expect(ics.content.match(/STATUS:CANCELLED/g)).toHaveLength(12)
  })

  test('a new time on the same weekday moves the visits, keeping their ids and raising SEQUENCE', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    const before = await visitsOf(planId)
    await changePlan(world.contactActor, planId, { ...TUESDAYS, startTime: '16:00', endTime: '18:00' })
    await confirmPlan(world.volunteerActor, planId, NOW)
    const after = await visitsOf(planId)
    expect(after.map((v) => v.id)).toEqual(before.map((v) => v.id))
    expect(after.every((v) => v.status === 'planned' && v.sequence === 1 && copenhagenTime(v.startsAt) === '16:00')).toBe(true)
  })
})

describe('pauses, skips and the end of a plan', () => {
  test('a holiday pause cancels the visits in it, tells the other party, and the worker does not make them again', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    const result = await pausePlan(world.volunteerActor, planId, { fromDate: '2026-04-06', toDate: '2026-04-19', reason: 'Påskeferie' }, NOW)
    expect(result).toEqual({ ok: true, cancelled: 2 })
    const cancelled = (await visitsOf(planId)).filter((v) => v.status === 'cancelled')
    expect(cancelled.map((v) => v.localDate)).toEqual(['2026-04-07', '2026-04-14'])
    expect(cancelled[0]).toMatchObject({ cancelledById: world.volunteer.id, cancelReason: 'Påskeferie', sequence: 1 })
    const told = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.contact.email, template: 'visit-plan-update' } })
    expect(told.text).toContain('på pause fra 6. april 2026 til og med 19. april 2026')

    const skipped = await skipPlanDate(world.contactActor, planId, { date: '2026-05-05', reason: null }, NOW)
    expect(skipped).toEqual({ ok: true, cancelled: 1 })
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.volunteer.email, template: 'visit-plan-update' } })).toBe(1)

    // Four weeks on, the worker extends the plan: new Tuesdays, but not the paused or skipped ones.
    const later = wallClockInstant('2026-04-17', '10:00')
    const before = await prisma.visit.count({ where: { planId } })
    await extendPlanHorizons(later)
    // (Other tests' plans share this database, so counts are per plan.)
    expect(await prisma.visit.count({ where: { planId } })).toBe(before + 4)
    const visits = await visitsOf(planId)
    expect(visits.filter((v) => ['2026-04-07', '2026-04-14', '2026-05-05'].includes(v.localDate)).every((v) => v.status === 'cancelled')).toBe(true)
    expect(visits.at(-1)?.localDate).toBe('2026-07-07')
  })

  test('ending a plan cancels its future visits and leaves the past ones alone', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    const later = wallClockInstant('2026-04-08', '09:00')
    expect(await endPlan(world.contactActor, planId, 'Forløbet er slut.', later)).toEqual({ ok: true, cancelled: 9 })
    const plan = await prisma.visitPlan.findUniqueOrThrow({ where: { id: planId } })
    expect(plan).toMatchObject({ status: 'ended', endDate: '2026-04-08' })
    const visits = await visitsOf(planId)
    expect(visits.filter((v) => v.status === 'planned').map((v) => v.localDate)).toEqual(['2026-03-24', '2026-03-31', '2026-04-07'])
    await extendPlanHorizons(wallClockInstant('2026-05-01', '09:00'))
    expect(await prisma.visit.count({ where: { planId } })).toBe(visits.length)
  })
})

describe('the housekeeping job', () => {
  test('extends every confirmed plan of an active match to 12 weeks ahead, and a second run adds nothing', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    const proposedOnly = await proposePlan(world.contactActor, world.match.id, { ...TUESDAYS, weekday: 5 })
    if (!proposedOnly.ok) throw new Error(proposedOnly.reason)
    const later = wallClockInstant('2026-04-10', '10:00')
    await extendPlanHorizons(later)
    expect(await prisma.visit.count({ where: { planId } })).toBe(15)
    const second = await extendPlanHorizons(later)
    expect(second).toMatchObject({ created: 0 })
    const visits = await visitsOf(planId)
    expect(visits).toHaveLength(15)
    expect(new Set(visits.map((v) => v.localDate)).size).toBe(15)
    expect(visits.at(-1)).toMatchObject({ localDate: '2026-06-30', status: 'planned', location: 'Fællesstuen i hus B' })
    expect(copenhagenTime(visits.at(-1)!.startsAt)).toBe('15:00')
    expect((await prisma.visitPlan.findUniqueOrThrow({ where: { id: planId } })).generatedUntil).toBe('2026-07-03')
    expect(await prisma.visit.count({ where: { planId: proposedOnly.planId } })).toBe(0)

    // A paused match gets no new visits.
    await prisma.match.update({ where: { id: world.match.id }, data: { status: 'paused' } })
    await extendPlanHorizons(wallClockInstant('2026-05-10', '10:00'))
    expect(await prisma.visit.count({ where: { planId } })).toBe(15)
  })

  test('a plan without generatedUntil (data from elsewhere) continues after its last visit, without doubles', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    await prisma.visitPlan.update({ where: { id: planId }, data: { generatedUntil: null } })
    await extendPlanHorizons(wallClockInstant('2026-04-01', '10:00'))
    const visits = await visitsOf(planId)
    expect(new Set(visits.map((v) => v.localDate)).size).toBe(visits.length)
    expect(visits.at(-1)?.localDate).toBe('2026-06-23')
    expect((await prisma.visitPlan.findUniqueOrThrow({ where: { id: planId } })).generatedUntil).toBe('2026-06-24')
  })

  test('visits made by the worker are read back by Prisma like any other', async () => {
    const world = await planWorld()
    const planId = await confirmedPlan(world)
    await extendPlanHorizons(wallClockInstant('2026-04-01', '10:00'))
    const last = await prisma.visit.findFirstOrThrow({ where: { planId }, orderBy: { startsAt: 'desc' } })
    expect(last.createdAt).toBeInstanceOf(Date)
    expect(last.startsAt.toISOString()).toBe(wallClockInstant(last.localDate, '15:00').toISOString())
    expect(last).toMatchObject({ helpedWith: '[]', lateCancellation: false, sequence: 0, reminderQueuedAt: null })
  })
})
