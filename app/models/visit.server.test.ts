import { describe, expect, test } from 'vitest'
import { addStaff } from '../../tests/setup/fixtures'
import { actorOf, planWorld, secondMatch } from '../../tests/setup/fixtures-plans'
import { confirmPlan, proposePlan } from './visit-plan.server'
import { calendarFeedFor, calendarTokenOf, nextVisit, plansOf, queueVisitReminders, regenerateCalendarToken, revokeCalendarToken, setVisitReminders, upcomingVisits, visitsBetween, visitsToLog } from './visit.server'
import { prisma, Prisma } from '~/utils/db.server'
import type { PlanTerms } from '~/utils/visit-plan'
import { addDays, copenhagenDate, sqliteInstant, wallClockInstant } from '~/utils/time'
import { plansOfBefore, visitListBefore } from '../../tests/setup/reads-before'

const TUESDAYS: PlanTerms = { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: '2026-03-24', endDate: null, location: 'Fællesstuen i hus B' }

async function worldWithPlan(now: Date, terms = TUESDAYS, options: Parameters<typeof planWorld>[0] = {}) {
  const world = await planWorld(options)
  const proposed = await proposePlan(world.contactActor, world.match.id, terms)
  if (!proposed.ok) throw new Error(proposed.reason)
  await confirmPlan(world.volunteerActor, proposed.planId, now)
  return { ...world, planId: proposed.planId }
}

const remindersFor = (visitId: string) => prisma.outboxMessage.findMany({ where: { template: 'visit-reminder', dedupeKey: { startsWith: `visit-reminder:${visitId}:` } } })

describe('the day-before reminder', () => {
  test('queued from 08:00 the day before, once per recipient even when the job runs again (as after a restart)', async () => {
    const world = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'), TUESDAYS, { volunteer: { locale: 'en' } })
    const visit = await prisma.visit.findFirstOrThrow({ where: { planId: world.planId, localDate: '2026-03-24' } })

    await queueVisitReminders(wallClockInstant('2026-03-23', '07:50'))
    expect(await remindersFor(visit.id)).toHaveLength(0)

    await queueVisitReminders(wallClockInstant('2026-03-23', '08:00'))
    await queueVisitReminders(wallClockInstant('2026-03-23', '08:10'))
    await queueVisitReminders(wallClockInstant('2026-03-24', '09:00'))
    const sent = await remindersFor(visit.id)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ toEmail: world.volunteer.email, dedupeKey: `visit-reminder:${visit.id}:${world.volunteer.id}` })
    expect(sent[0].subject).toBe(`Reminder: visit at ${world.facility.name} Tuesday 24 March at 15:00–17:00`)
    expect(sent[0].text).toContain('Fællesstuen i hus B, Skovvej 1')
    expect(sent[0].text).toContain('Your contact person: Jonas Kontakt, phone 48 79 40 02')
    expect((await prisma.visit.findUniqueOrThrow({ where: { id: visit.id } })).reminderQueuedAt?.toISOString()).toBe(wallClockInstant('2026-03-23', '08:00').toISOString())
    // The next Tuesday is not due yet.
    const nextWeek = await prisma.visit.findFirstOrThrow({ where: { planId: world.planId, localDate: '2026-03-31' } })
    expect(await remindersFor(nextWeek.id)).toHaveLength(0)
  })

  test('two runs at once render the same reminders; the one that claims the visit writes them, the other drops its own', async () => {
    const world = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'))
    const visit = await prisma.visit.findFirstOrThrow({ where: { planId: world.planId, localDate: '2026-03-24' } })
    const at = wallClockInstant('2026-03-23', '08:30')
    const allReminders = () => prisma.outboxMessage.count({ where: { template: 'visit-reminder' } })
    const before = await allReminders()
    const runs = await Promise.all([queueVisitReminders(at), queueVisitReminders(at)])
    // What the runs say they queued is what is in the outbox: nothing counted twice.
    expect(runs[0].queued + runs[1].queued).toBe((await allReminders()) - before)
    expect((await remindersFor(visit.id)).map((m) => m.toEmail)).toEqual([world.volunteer.email])
  })

  test('a visit whose reminder was never queued (the server was down the day before) still gets it on the day, before it starts', async () => {
    const world = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'))
    const visit = await prisma.visit.findFirstOrThrow({ where: { planId: world.planId, localDate: '2026-03-24' } })
    await queueVisitReminders(wallClockInstant('2026-03-24', '07:00'))
    expect(await remindersFor(visit.id)).toHaveLength(1)
  })

  test('the contact person gets one too when they asked for it, in their own language, with the volunteer’s name and phone', async () => {
    const world = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'), TUESDAYS, { volunteer: { name: 'Mette Frivillig', phone: '20 30 40 50' } })
    await setVisitReminders(world.contact.id, true)
    const visit = await prisma.visit.findFirstOrThrow({ where: { planId: world.planId, localDate: '2026-03-24' } })
    await queueVisitReminders(wallClockInstant('2026-03-23', '09:00'))
    await queueVisitReminders(wallClockInstant('2026-03-23', '09:10'))
    const sent = await remindersFor(visit.id)
    expect(sent.map((m) => m.toEmail).sort()).toEqual([world.contact.email, world.volunteer.email].sort())
    const toContact = sent.find((m) => m.toEmail === world.contact.email)
    expect(toContact?.subject).toBe(`Påmindelse: besøg hos ${world.facility.name} tirsdag den 24. marts kl. 15:00–17:00`)
    expect(toContact?.text).toContain('Den frivillige: Mette Frivillig, telefon 20 30 40 50')
  })

  test('never for a cancelled visit', async () => {
    const world = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'))
    const visit = await prisma.visit.findFirstOrThrow({ where: { planId: world.planId, localDate: '2026-03-24' } })
    await prisma.visit.update({ where: { id: visit.id }, data: { status: 'cancelled', cancelledAt: new Date() } })
    await queueVisitReminders(wallClockInstant('2026-03-23', '12:00'))
    expect(await remindersFor(visit.id)).toHaveLength(0)
    expect((await prisma.visit.findUniqueOrThrow({ where: { id: visit.id } })).reminderQueuedAt).toBeNull()
  })
})

describe('the personal calendar feed', () => {
  async function parseFeed(ics: string) {
    const { default: ICAL } = await import('ical.js')
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!)
    ICAL.TimezoneService.register(zone, 'Europe/Copenhagen')
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
    return { calendar, events, done: () => ICAL.TimezoneService.reset() }
  }

  test('serves every visit with Copenhagen times around both daylight-saving changes, stable UIDs, SEQUENCE and STATUS:CANCELLED', async () => {
    const spring = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'))
    // A second plan of the same volunteer, on Wednesdays around the autumn change.
    const autumnTerms: PlanTerms = { ...TUESDAYS, weekday: 3, startDate: '2026-10-14', location: '' }
    const autumn = await proposePlan(spring.contactActor, spring.match.id, autumnTerms)
    if (!autumn.ok) throw new Error(autumn.reason)
    await confirmPlan(spring.volunteerActor, autumn.planId, wallClockInstant('2026-10-01', '10:00'))
    const cancelled = await prisma.visit.findFirstOrThrow({ where: { planId: spring.planId, localDate: '2026-03-31' } })
    await prisma.visit.update({ where: { id: cancelled.id }, data: { status: 'cancelled', sequence: 1, cancelledAt: new Date() } })

    const token = await regenerateCalendarToken(spring.volunteer.id)
    const now = wallClockInstant('2026-10-20', '12:00')
    const ics = await calendarFeedFor(token, wallClockInstant('2026-04-01', '12:00'))
    expect(ics).not.toBeNull()
    const { calendar, events, done } = await parseFeed(ics!)
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    const byDate = new Map(events.map((e) => [e.startDate.toString().slice(0, 10), e]))
    for (const date of ['2026-03-24', '2026-03-31', '2026-04-07', '2026-10-21', '2026-10-28']) {
      const event = byDate.get(date)
      expect(event, date).toBeDefined()
      expect(event!.startDate.toString()).toBe(`${date}T15:00:00`)
      expect(event!.endDate.toString()).toBe(`${date}T17:00:00`)
      expect(event!.startDate.toJSDate().toISOString()).toBe(wallClockInstant(date, '15:00').toISOString())
    }
    expect(byDate.get('2026-03-24')!.startDate.toJSDate().toISOString()).toBe('2026-03-24T14:00:00.000Z')
    expect(byDate.get('2026-03-31')!.startDate.toJSDate().toISOString()).toBe('2026-03-31T13:00:00.000Z')
    expect(byDate.get('2026-10-21')!.startDate.toJSDate().toISOString()).toBe('2026-10-21T13:00:00.000Z')
    expect(byDate.get('2026-10-28')!.startDate.toJSDate().toISOString()).toBe('2026-10-28T14:00:00.000Z')
    const cancelledEvent = byDate.get('2026-03-31')!
    expect(cancelledEvent.uid).toBe(`visit-${cancelled.id}@frivilligbro`)
    expect(cancelledEvent.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancelledEvent.component.getFirstPropertyValue('sequence')).toBe(1)
    expect(byDate.get('2026-03-24')!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(ics).not.toContain('20 30 40 50')
    done()

    // The same visits keep their UIDs in a later download, and a moved visit raises its SEQUENCE.
    const moved = await prisma.visit.findFirstOrThrow({ where: { planId: autumn.planId, localDate: '2026-10-28' } })
    await prisma.visit.update({ where: { id: moved.id }, data: { startsAt: wallClockInstant('2026-10-28', '16:00'), endsAt: wallClockInstant('2026-10-28', '18:00'), sequence: 1 } })
    const again = await parseFeed((await calendarFeedFor(token, now))!)
    const movedEvent = again.events.find((e) => e.uid === `visit-${moved.id}@frivilligbro`)
    expect(movedEvent?.startDate.toString()).toBe('2026-10-28T16:00:00')
    expect(movedEvent?.component.getFirstPropertyValue('sequence')).toBe(1)
    expect(again.events.map((e) => e.uid)).toEqual(expect.arrayContaining(events.filter((e) => e.startDate.toJSDate().getTime() >= now.getTime() - 92 * 86_400_000).map((e) => e.uid)))
    again.done()

    // Facility staff see the same visits in their own feed.
    const staffFeed = await calendarFeedFor(await regenerateCalendarToken(spring.contact.id), now)
    expect(staffFeed).toContain(`UID:visit-${moved.id}@frivilligbro`)
  })

  test('a revoked or replaced token gives nothing', async () => {
    const world = await worldWithPlan(wallClockInstant('2026-03-20', '10:00'))
    const first = await regenerateCalendarToken(world.volunteer.id)
    const second = await regenerateCalendarToken(world.volunteer.id)
    expect(await calendarFeedFor(first)).toBeNull()
    expect(await calendarFeedFor(second)).toContain('BEGIN:VCALENDAR')
    await revokeCalendarToken(world.volunteer.id)
    expect(await calendarFeedFor(second)).toBeNull()
    expect(await calendarFeedFor('not a token')).toBeNull()
  })
})

describe('my visits', () => {
  test('the volunteer and the facility’s staff see the same visits; others see none', async () => {
    const now = wallClockInstant('2026-03-20', '10:00')
    const world = await worldWithPlan(now)
    const stranger = await planWorld()
    for (const actor of [world.volunteerActor, world.contactActor, world.colleagueActor]) {
      const upcoming = await upcomingVisits(actor, now)
      expect(upcoming.map((v) => v.localDate).slice(0, 2)).toEqual(['2026-03-24', '2026-03-31'])
      expect(upcoming[0]).toMatchObject({ startTime: '15:00', endTime: '17:00', contact: { name: 'Jonas Kontakt', phone: '48 79 40 02' }, location: 'Fællesstuen i hus B' })
      expect((await nextVisit(actor, now))?.localDate).toBe('2026-03-24')
    }
    expect(await upcomingVisits(stranger.volunteerActor, now)).toEqual([])
    expect(await upcomingVisits(stranger.contactActor, now)).toEqual([])
    const week = await visitsBetween(world.volunteerActor, '2026-03-30', '2026-04-05')
    expect(week.map((v) => [v.localDate, v.startTime])).toEqual([['2026-03-31', '15:00']])
  })

  test('visits that have ended and that nobody has logged wait on both sides, newest first, until logged or too old', async () => {
    const planned = wallClockInstant('2026-03-20', '10:00')
    const world = await worldWithPlan(planned)
    const stranger = await planWorld()
    // Six weeks on, during the sixth Tuesday's visit: five have ended.
    const now = wallClockInstant('2026-04-28', '16:00')
    const visits = await prisma.visit.findMany({ where: { planId: world.planId }, orderBy: { startsAt: 'asc' }, select: { id: true, localDate: true } })
    await prisma.visit.update({ where: { id: visits[1].id }, data: { status: 'done', hours: 2, loggedAt: now } })
    await prisma.visit.update({ where: { id: visits[2].id }, data: { status: 'cancelled', cancelledAt: planned } })
    for (const actor of [world.volunteerActor, world.contactActor]) {
      expect((await visitsToLog(actor, now)).map((v) => v.localDate)).toEqual(['2026-04-21', '2026-04-14', '2026-03-24'])
    }
    expect(await visitsToLog(stranger.volunteerActor, now)).toEqual([])
    expect(await visitsToLog(stranger.contactActor, now)).toEqual([])
    // Two months after the first visit, it is no longer asked for.
    expect((await visitsToLog(world.volunteerActor, wallClockInstant('2026-05-24', '12:00'))).map((v) => v.localDate)).not.toContain('2026-03-24')
  })
})

describe('the visit lists read straight from SQLite', () => {
  test('return what the $queryRaw join they replaced returned, for a volunteer and for staff of one or two facilities', async () => {
    const planned = wallClockInstant('2026-03-20', '10:00')
    const world = await worldWithPlan(planned)
    const second = await secondMatch(world)
    const other = await proposePlan(second.leaderActor, second.match.id, { ...TUESDAYS, weekday: 4, startTime: '10:00', endTime: '11:30', startDate: '2026-03-26', location: 'Værkstedet' })
    if (!other.ok) throw new Error(other.reason)
    await confirmPlan(world.volunteerActor, other.planId, planned)
    // The contact of both facilities sees both; a one-off visit without a match; logged, cancelled (late) and noted visits.
    await addStaff(second.facility.id, world.contact.id, 'staff')
    const visits = await prisma.visit.findMany({ where: { planId: world.planId }, orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true } })
    await prisma.visit.update({ where: { id: visits[1].id }, data: { status: 'done', hours: 2, loggedAt: planned } })
    await prisma.visit.update({ where: { id: visits[2].id }, data: { status: 'cancelled', cancelledAt: planned, cancelReason: 'Syg', lateCancellation: true } })
    await prisma.visit.update({ where: { id: visits[3].id }, data: { note: 'Tag kortspil med' } })
    await prisma.visit.create({
      data: { facilityId: second.facility.id, volunteerId: world.volunteer.id, localDate: '2026-04-02', startsAt: wallClockInstant('2026-04-02', '13:00'), endsAt: wallClockInstant('2026-04-02', '14:00') },
    })
    const actors = [world.volunteerActor, await actorOf(world.contact.id), world.colleagueActor, second.leaderActor, { ...world.colleagueActor, memberships: [] }]
    const now = wallClockInstant('2026-04-28', '16:00')
    const since = new Date(now.getTime() - 60 * 86_400_000)
    let compared = 0
    for (const actor of actors) {
      for (const at of [planned, now]) {
        const upcoming = await upcomingVisits(actor, at)
        expect(upcoming).toEqual(await visitListBefore(actor, Prisma.sql`v."startsAt" >= ${sqliteInstant(wallClockInstant(copenhagenDate(at), '00:00'))}`, 'asc', 40))
        const [next] = await visitListBefore(actor, Prisma.sql`v."startsAt" >= ${sqliteInstant(at)} AND +v."status" = 'planned'`, 'asc', 1)
        expect(await nextVisit(actor, at)).toEqual(next ?? null)
        compared += upcoming.length
      }
      expect(await visitsBetween(actor, '2026-03-30', '2026-04-26')).toEqual(
        await visitListBefore(actor, Prisma.sql`v."startsAt" >= ${sqliteInstant(wallClockInstant('2026-03-30', '00:00'))} AND v."startsAt" < ${sqliteInstant(wallClockInstant(addDays('2026-04-26', 1), '00:00'))}`, 'asc', 1000),
      )
      expect(await visitsToLog(actor, now)).toEqual(
        await visitListBefore(actor, Prisma.sql`v."startsAt" >= ${sqliteInstant(since)} AND v."startsAt" < ${sqliteInstant(now)} AND v."endsAt" < ${sqliteInstant(now)} AND +v."status" = 'planned'`, 'desc', 20),
      )
    }
    // The comparison covered the interesting rows, not only empty lists.
    expect(compared).toBeGreaterThan(100)
    // The plans beside the list: the same matches, plans and exceptions as the Prisma read.
    await prisma.visitPlanException.create({ data: { planId: world.planId, kind: 'pause', fromDate: '2026-04-06', toDate: '2026-04-12', reason: 'Påske' } })
    let plans = 0
    for (const actor of actors) {
      const read = await plansOf(actor)
      expect(read).toEqual(await plansOfBefore(actor))
      plans += read.flatMap((m) => m.plans).length
    }
    expect(plans).toBeGreaterThanOrEqual(5)
    const token = await regenerateCalendarToken(world.volunteer.id)
    expect(calendarTokenOf(world.volunteer.id)).toBe(token)
    expect(calendarTokenOf(world.contact.id)).toBeNull()
    const mixed = await upcomingVisits(await actorOf(world.contact.id), planned)
    expect(mixed.some((v) => v.lateCancellation && v.note === 'Syg')).toBe(true)
    expect(mixed.some((v) => v.contact === null && v.facility.id === second.facility.id)).toBe(true)
    expect(new Set(mixed.map((v) => v.facility.id)).size).toBe(2)
  })
})
