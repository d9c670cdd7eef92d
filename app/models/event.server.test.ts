import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser } from '../../tests/setup/fixtures'
import { createVolunteer } from '../../tests/setup/fixtures-matching'
import { cancelPublicSignup, cancelSignup, completedCourses, confirmPublicSignup, courseCertificate, createEvent, recordAttendance, publicSignupByToken, purgePublicSignups, requestPublicSignup, eventForViewer, eventViewer, queueEventReminders, setEventStatus, signUp, upcomingEvents, updateEvent, type EventInput } from './event.server'
import { anonymizeAccount } from './account-deletion.server'
import { calendarFeedFor, regenerateCalendarToken } from './visit.server'
import { prisma } from '~/utils/db.server'
import { wallClockInstant } from '~/utils/time'

const NOW = wallClockInstant('2026-03-02', '10:00')

function intro(overrides: Partial<EventInput> = {}): EventInput {
  return {
    kind: 'intro_meeting',
    title: 'Introaften for nye IT-frivillige',
    description: 'Hvad det vil sige at være IT-frivillig på et bosted.',
    capacity: 10,
    audience: 'volunteers',
    signupDeadlineDate: null,
    // Across the change to summer time (29 March 2026): both sessions stay 17:00–19:00 on the wall clock.
    sessions: [
      { localDate: '2026-03-24', startTime: '17:00', endTime: '19:00', place: 'Frivilligcentret, Helsinge', onlineUrl: null },
      { localDate: '2026-03-31', startTime: '17:00', endTime: '19:00', place: 'Frivilligcentret, Helsinge', onlineUrl: null },
    ],
    ...overrides,
  }
}

async function world() {
  const centre = await createCentre(['Gribskov Kommune'])
  const other = await createCentre(['Furesø Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id })
  const created = await createEvent(coordinator.id, centre.id, intro())
  await setEventStatus(coordinator.id, created.eventId, 'published')
  return { centre, other, coordinator, eventId: created.eventId }
}

async function volunteers(count: number) {
  return Promise.all(Array.from({ length: count }, (_, i) => createVolunteer('Gribskov Kommune', { name: `Frivillig ${i + 1}`, email: `frivillig-${i + 1}-${Math.random().toString(36).slice(2)}@example.test` })))
}

describe('sign-up for an event', () => {
  test('20 people at once for 10 places: exactly 10 confirmed and 10 on the waiting list, each told once', async () => {
    const { eventId } = await world()
    const people = await volunteers(20)
    const viewers = await Promise.all(people.map((p) => eventViewer(p)))
    const results = await Promise.all(viewers.map((viewer) => signUp(viewer!, eventId, NOW)))
    expect(results.filter((r) => r.ok && r.status === 'confirmed')).toHaveLength(10)
    expect(results.filter((r) => r.ok && r.status === 'waiting')).toHaveLength(10)
    expect(await prisma.eventSignup.count({ where: { eventId, status: 'confirmed' } })).toBe(10)
    const waiting = await prisma.eventSignup.findMany({ where: { eventId, status: 'waiting' }, select: { position: true } })
    expect(new Set(waiting.map((w) => w.position)).size).toBe(10)
    const mails = await prisma.outboxMessage.findMany({ where: { template: 'event-signup', toEmail: { in: people.map((p) => p.email) } } })
    expect(mails).toHaveLength(20)
    expect(mails.filter((m) => m.subject.startsWith('Du er tilmeldt'))).toHaveLength(10)
    expect(mails.filter((m) => m.subject.startsWith('Du er på venteliste'))).toHaveLength(10)
  })

  test('the confirmation carries one .ics per session, 17:00 Copenhagen on both sides of the DST change', async () => {
    const { eventId } = await world()
    const [volunteer] = await volunteers(1)
    expect(await signUp((await eventViewer(volunteer))!, eventId, NOW)).toEqual({ ok: true, status: 'confirmed' })
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'event-signup', toEmail: volunteer.email } })
    const attachments = JSON.parse(mail.attachments!) as { filename: string; content: string }[]
    expect(attachments.map((a) => a.filename)).toEqual(['arrangement-1.ics', 'arrangement-2.ics'])
    const sessions = await prisma.eventSession.findMany({ where: { eventId }, orderBy: { startsAt: 'asc' } })
    const events = attachments.map((a) => new ICAL.Event(new ICAL.Component(ICAL.parse(a.content)).getFirstSubcomponent('vevent')!))
    expect(events.map((e) => e.uid)).toEqual(sessions.map((s) => `event-session-${s.id}@frivilligbro`))
    expect(events.map((e) => e.startDate.toString())).toEqual(['2026-03-24T17:00:00', '2026-03-31T17:00:00'])
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2026-03-24T16:00:00.000Z', '2026-03-31T15:00:00.000Z'])
  })

  test('signing up twice is refused; after cancelling one can sign up again, at the back of the line', async () => {
    const { eventId } = await world()
    await prisma.event.update({ where: { id: eventId }, data: { capacity: 1 } })
    const [a, b] = await volunteers(2)
    const [va, vb] = [(await eventViewer(a))!, (await eventViewer(b))!]
    expect(await signUp(va, eventId, NOW)).toEqual({ ok: true, status: 'confirmed' })
    expect(await signUp(va, eventId, NOW)).toEqual({ ok: false, reason: 'already' })
    expect(await signUp(vb, eventId, NOW)).toEqual({ ok: true, status: 'waiting' })
    expect(await cancelSignup(b.id, eventId, NOW)).toEqual({ ok: true, promoted: 0 })
    expect(await signUp(vb, eventId, NOW)).toEqual({ ok: true, status: 'waiting' })
  })

  test('cancelling a confirmed place promotes the first on the waiting list, who gets one e-mail', async () => {
    const { eventId } = await world()
    await prisma.event.update({ where: { id: eventId }, data: { capacity: 2 } })
    const people = await volunteers(4)
    for (const person of people) await signUp((await eventViewer(person))!, eventId, NOW)
    const before = await prisma.outboxMessage.count({ where: { template: 'event-promoted' } })
    expect(await cancelSignup(people[0].id, eventId, NOW)).toEqual({ ok: true, promoted: 1 })
    const statuses = await prisma.eventSignup.findMany({ where: { eventId }, select: { userId: true, status: true } })
    const statusOf = (id: string) => statuses.find((s) => s.userId === id)?.status
    expect(people.map((p) => statusOf(p.id))).toEqual(['cancelled', 'confirmed', 'confirmed', 'waiting'])
    const promoted = await prisma.outboxMessage.findMany({ where: { template: 'event-promoted' } })
    expect(promoted).toHaveLength(before + 1)
    expect(promoted.at(-1)).toMatchObject({ toEmail: people[2].email, subject: 'Der er blevet en plads til dig: Introaften for nye IT-frivillige' })
    expect(JSON.parse(promoted.at(-1)!.attachments!)).toHaveLength(2)
    // Giving up a place in line frees nothing.
    expect(await cancelSignup(people[3].id, eventId, NOW)).toEqual({ ok: true, promoted: 0 })
    expect(await cancelSignup(people[3].id, eventId, NOW)).toEqual({ ok: false, reason: 'not-signed-up' })
  })

  test('after the deadline, on a draft or cancelled event, sign-up is refused', async () => {
    const { eventId, coordinator, centre } = await world()
    const [volunteer] = await volunteers(1)
    const viewer = (await eventViewer(volunteer))!
    expect(await signUp(viewer, eventId, wallClockInstant('2026-03-24', '17:00'))).toEqual({ ok: false, reason: 'closed' })
    const draft = await createEvent(coordinator.id, centre.id, intro())
    expect(await signUp(viewer, draft.eventId, NOW)).toEqual({ ok: false, reason: 'not-found' })
    await setEventStatus(coordinator.id, eventId, 'cancelled')
    expect(await signUp(viewer, eventId, NOW)).toEqual({ ok: false, reason: 'closed' })
  })
})

describe('cancelling an event', () => {
  test('everyone signed up or waiting gets one e-mail; those with a place a METHOD:CANCEL .ics with a raised SEQUENCE', async () => {
    const { eventId, coordinator } = await world()
    await prisma.event.update({ where: { id: eventId }, data: { capacity: 1 } })
    const [placed, waiting, gone] = await volunteers(3)
    for (const person of [placed, waiting, gone]) await signUp((await eventViewer(person))!, eventId, NOW)
    await cancelSignup(gone.id, eventId, NOW)
    expect(await setEventStatus(coordinator.id, eventId, 'cancelled', NOW)).toEqual({ ok: true })
    expect(await setEventStatus(coordinator.id, eventId, 'cancelled', NOW)).toEqual({ ok: false, reason: 'not-published' })

    const mails = await prisma.outboxMessage.findMany({ where: { template: 'event-cancelled', toEmail: { in: [placed.email, waiting.email, gone.email] } } })
    expect(mails.map((m) => m.toEmail).sort()).toEqual([placed.email, waiting.email].sort())
    const toPlaced = mails.find((m) => m.toEmail === placed.email)!
    expect(toPlaced.subject).toBe('Aflyst: Introaften for nye IT-frivillige')
    const files = JSON.parse(toPlaced.attachments!) as { content: string }[]
    expect(files).toHaveLength(2)
    const calendar = new ICAL.Component(ICAL.parse(files[0].content))
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    const vevent = calendar.getFirstSubcomponent('vevent')!
    expect([vevent.getFirstPropertyValue('sequence'), vevent.getFirstPropertyValue('status')]).toEqual([1, 'CANCELLED'])
    expect(JSON.parse(mails.find((m) => m.toEmail === waiting.email)!.attachments ?? '[]')).toEqual([])
  })
})

describe('who may see and join an event', () => {
  test('volunteers of the centre see volunteer events; staff of its facilities see staff events; nobody else does', async () => {
    const { centre, coordinator, eventId } = await world()
    const staffEvent = await createEvent(coordinator.id, centre.id, intro({ kind: 'course_staff', title: 'Kursus for IT-ambassadører', audience: 'staff' }))
    await setEventStatus(coordinator.id, staffEvent.eventId, 'published')
    const publicEvent = await createEvent(coordinator.id, centre.id, intro({ kind: 'internet_cafe', title: 'Åben internetcafé', audience: 'public' }))
    await setEventStatus(coordinator.id, publicEvent.eventId, 'published')

    const [local] = await volunteers(1)
    const elsewhere = await createVolunteer('Furesø Kommune', { email: 'langt-vaek@example.test' })
    const traveller = await createVolunteer('Furesø Kommune', { email: 'rejser@example.test', areas: ['Furesø Kommune', 'Gribskov Kommune'] })
    const staff = await createUser('facility_staff')
    await addStaff((await createFacility('Gribskov Kommune')).id, staff.id)

    const titles = async (user: { id: string; role: string; centreId: string | null } | null) => upcomingEvents(await eventViewer(user), {}, NOW).map((e) => e.title).sort()
    expect(await titles(local)).toEqual(['Introaften for nye IT-frivillige', 'Åben internetcafé'])
    expect(await titles(traveller)).toEqual(['Introaften for nye IT-frivillige', 'Åben internetcafé'])
    expect(await titles(elsewhere)).toEqual(['Åben internetcafé'])
    expect(await titles(staff)).toEqual(['Kursus for IT-ambassadører', 'Åben internetcafé'])
    expect(await titles(null)).toEqual(['Åben internetcafé'])

    const localViewer = await eventViewer(local)
    expect(await eventForViewer(staffEvent.eventId, localViewer)).toBeNull()
    expect(await signUp(localViewer!, staffEvent.eventId, NOW)).toEqual({ ok: false, reason: 'not-in-audience' })
    expect((await eventForViewer(eventId, localViewer))?.mayJoin).toBe(true)
    expect(upcomingEvents(localViewer, { kind: 'internet_cafe' }, NOW).map((e) => e.title)).toEqual(['Åben internetcafé'])
  })
})

describe('changes, reminders and the personal calendar', () => {
  const icsEvents = (content: string) =>
    new ICAL.Component(ICAL.parse(content)).getAllSubcomponents('vevent').map((v) => ({ event: new ICAL.Event(v), status: v.getFirstPropertyValue('status'), sequence: v.getFirstPropertyValue('sequence') }))

  test('moving a session raises SEQUENCE and tells each person once: a place gets the updated .ics, the waiting list a line', async () => {
    const { eventId, coordinator } = await world()
    await prisma.event.update({ where: { id: eventId }, data: { capacity: 1 } })
    const [a, b] = await volunteers(2)
    await signUp((await eventViewer(a))!, eventId, NOW)
    await signUp((await eventViewer(b))!, eventId, NOW)
    const moved = intro({ capacity: 1, sessions: [intro().sessions[0], { ...intro().sessions[1], localDate: '2026-04-07', startTime: '16:30', endTime: '18:30' }] })
    expect(await updateEvent(coordinator.id, eventId, moved, NOW)).toEqual({ ok: true })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).sequence).toBe(1)
    const changed = await prisma.outboxMessage.findMany({ where: { template: 'event-changed' }, orderBy: { toEmail: 'asc' } })
    expect(changed.map((m) => m.toEmail).sort()).toEqual([a.email, b.email].sort())
    const forA = changed.find((m) => m.toEmail === a.email)!
    expect(forA.subject).toBe('Ændret: Introaften for nye IT-frivillige')
    const files = (JSON.parse(forA.attachments!) as { content: string }[]).flatMap((f) => icsEvents(f.content))
    expect(files.map((f) => [f.event.startDate.toString(), f.sequence])).toEqual([
      ['2026-03-24T17:00:00', 1],
      ['2026-04-07T16:30:00', 1],
    ])
    expect(JSON.parse(changed.find((m) => m.toEmail === b.email)!.attachments ?? '[]')).toEqual([])
    // Saving the same again, or changing only the description, tells nobody.
    expect(await updateEvent(coordinator.id, eventId, { ...moved, description: 'Ny beskrivelse' }, NOW)).toEqual({ ok: true })
    expect(await prisma.outboxMessage.count({ where: { template: 'event-changed' } })).toBe(2)
    // Taking a session away sends a METHOD:CANCEL file for it.
    await updateEvent(coordinator.id, eventId, { ...moved, sessions: [moved.sessions[0]] }, NOW)
    const last = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'event-changed', toEmail: a.email }, orderBy: { createdAt: 'desc' } })
    const lastFiles = (JSON.parse(last.attachments!) as { content: string }[]).flatMap((f) => icsEvents(f.content))
    expect(lastFiles.map((f) => [f.event.startDate.toString(), f.status, f.sequence])).toEqual([
      ['2026-03-24T17:00:00', 'CONFIRMED', 2],
      ['2026-04-07T16:30:00', 'CANCELLED', 2],
    ])
  })

  test('the reminder the day before goes to those with a place, once, even when the job runs again after a restart', async () => {
    const { eventId } = await world()
    await prisma.event.update({ where: { id: eventId }, data: { capacity: 1 } })
    const [a, b] = await volunteers(2)
    await signUp((await eventViewer(a))!, eventId, NOW)
    await signUp((await eventViewer(b))!, eventId, NOW)
    // (Other tests in this file have events on the same days: count only this one's people.)
    const remindersTo = () => prisma.outboxMessage.findMany({ where: { template: 'event-reminder', toEmail: { in: [a.email, b.email] } } })
    await queueEventReminders(wallClockInstant('2026-03-23', '07:30'))
    expect(await remindersTo()).toEqual([])
    await queueEventReminders(wallClockInstant('2026-03-23', '08:05'))
    expect(await queueEventReminders(wallClockInstant('2026-03-23', '18:00'))).toEqual({ queued: 0 })
    const reminders = await remindersTo()
    expect(reminders.map((m) => [m.toEmail, m.subject])).toEqual([[a.email, 'I morgen: Introaften for nye IT-frivillige']])
    expect(reminders[0].text).toContain('tirsdag 24. marts 2026 kl. 17:00–19:00')
  })

  test('runs at once queue each reminder once; one rendered for a session moved meanwhile is dropped and sent afresh with the new time', async () => {
    const { eventId, coordinator } = await world()
    const people = await volunteers(3)
    for (const person of people) await signUp((await eventViewer(person))!, eventId, NOW)
    const emails = people.map((person) => person.email)
    const remindersTo = () => prisma.outboxMessage.findMany({ where: { template: 'event-reminder', toEmail: { in: emails } } })
    const at = wallClockInstant('2026-03-23', '08:05')
    const allReminders = () => prisma.outboxMessage.count({ where: { template: 'event-reminder' } })
    const before = await allReminders()
    // Both runs read the same due reminders and render them; the dedupe key lets one write each.
    const runs = await Promise.all([queueEventReminders(at), queueEventReminders(at)])
    expect(runs[0].queued + runs[1].queued).toBe((await allReminders()) - before)
    expect((await remindersTo()).map((m) => m.toEmail).sort()).toEqual([...emails].sort())
    expect(await queueEventReminders(wallClockInstant('2026-03-23', '18:00'))).toEqual({ queued: 0 })

    // The second session's reminders: a run starts rendering them, and the coordinator moves the
    // session before they are written: they are dropped, and the next run sends the new time.
    const moved = intro({ sessions: [intro().sessions[0], { ...intro().sessions[1], startTime: '18:00', endTime: '20:00' }] })
    const dayBefore = wallClockInstant('2026-03-30', '09:00')
    await Promise.all([queueEventReminders(dayBefore), updateEvent(coordinator.id, eventId, moved, NOW)])
    await queueEventReminders(wallClockInstant('2026-03-30', '09:10'))
    const secondSession = (await remindersTo()).filter((m) => m.text.includes('31. marts'))
    expect(secondSession.map((m) => m.toEmail).sort()).toEqual([...emails].sort())
    for (const mail of secondSession) expect(mail.text).toContain('tirsdag 31. marts 2026 kl. 18:00–20:00')
  })

  test("the sessions are in the person's calendar feed with the e-mail's UIDs, cancelled ones marked so calendars drop them", async () => {
    const { eventId, coordinator } = await world()
    const [a] = await volunteers(1)
    await signUp((await eventViewer(a))!, eventId, NOW)
    const token = await regenerateCalendarToken(a.id)
    const feed = await calendarFeedFor(token, NOW)
    const sessions = await prisma.eventSession.findMany({ where: { eventId }, orderBy: { startsAt: 'asc' } })
    const inFeed = icsEvents(feed!).filter((e) => e.event.uid.startsWith('event-session-'))
    expect(inFeed.map((e) => [e.event.uid, e.event.startDate.toJSDate().toISOString(), e.status])).toEqual([
      [`event-session-${sessions[0].id}@frivilligbro`, '2026-03-24T16:00:00.000Z', 'CONFIRMED'],
      [`event-session-${sessions[1].id}@frivilligbro`, '2026-03-31T15:00:00.000Z', 'CONFIRMED'],
    ])
    await setEventStatus(coordinator.id, eventId, 'cancelled', NOW)
    const after = icsEvents((await calendarFeedFor(token, NOW))!).filter((e) => e.event.uid.startsWith('event-session-'))
    expect(after.map((e) => [e.status, e.sequence])).toEqual([
      ['CANCELLED', 1],
      ['CANCELLED', 1],
    ])
  })
})

describe('members of the public', () => {
  const linkIn = (text: string) => /\/events\/[^/\s]+\/signup\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? ''

  async function publicCafe(capacity: number) {
    const centre = await createCentre(['Halsnæs Kommune'])
    const coordinator = await createUser('coordinator', { centreId: centre.id })
    const { eventId } = await createEvent(coordinator.id, centre.id, intro({ kind: 'internet_cafe', title: 'Internetcafé på biblioteket', audience: 'public', capacity }))
    await setEventStatus(coordinator.id, eventId, 'published')
    return eventId
  }

  async function ask(eventId: string, name: string, email: string) {
    expect(await requestPublicSignup(eventId, { name, email }, 'da', NOW)).toBe(true)
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'event-confirm', toEmail: email.toLowerCase() }, orderBy: { createdAt: 'desc' } })
    return { mail, token: linkIn(mail.text) }
  }

  test('a place is taken only by the link in the e-mail; full means the waiting list; cancelling by the link promotes the next', async () => {
    const eventId = await publicCafe(1)
    const first = await ask(eventId, 'Grethe Hansen', 'Grethe@Example.test')
    expect(first.mail.subject).toBe('Bekræft din tilmelding: Internetcafé på biblioteket')
    expect(first.token).not.toBe('')
    // Asking holds no place.
    expect(await prisma.eventSignup.count({ where: { eventId, status: 'confirmed' } })).toBe(0)
    const second = await ask(eventId, 'Poul Madsen', 'poul@example.test')
    expect(await confirmPublicSignup(second.token, NOW)).toEqual({ ok: true, status: 'confirmed' })
    expect(await confirmPublicSignup(first.token, NOW)).toEqual({ ok: true, status: 'waiting' })
    expect(await confirmPublicSignup(first.token, NOW)).toEqual({ ok: false, reason: 'already' })
    const placed = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'event-signup', toEmail: 'poul@example.test' } })
    expect(JSON.parse(placed.attachments!)).toHaveLength(2)
    // Poul cannot come after all: Grethe gets the place and is told.
    expect(await cancelPublicSignup(second.token, NOW)).toEqual({ ok: true, promoted: 1 })
    expect((await prisma.eventSignup.findUniqueOrThrow({ where: { eventId_email: { eventId, email: 'grethe@example.test' } } })).status).toBe('confirmed')
    expect(await prisma.outboxMessage.count({ where: { template: 'event-promoted', toEmail: 'grethe@example.test' } })).toBe(1)
    // Asking again with the same address gives a new link to the same sign-up, not a second one.
    const again = await ask(eventId, 'Grethe Hansen', 'grethe@example.test')
    expect(again.mail.text).toContain('allerede tilmeldt')
    expect(await prisma.eventSignup.count({ where: { eventId, email: 'grethe@example.test' } })).toBe(1)
    expect(await publicSignupByToken(first.token, NOW)).toBeNull()
    expect((await publicSignupByToken(again.token, NOW))?.status).toBe('confirmed')
  })

  test('a deleted account gives up its coming places (the next in line is told) and its sign-ups made without logging in lose name and address', async () => {
    const { eventId } = await world()
    await prisma.event.update({ where: { id: eventId }, data: { capacity: 1 } })
    const [leaving, next] = await volunteers(2)
    for (const person of [leaving, next]) await signUp((await eventViewer(person))!, eventId, NOW)
    const cafe = await publicCafe(5)
    const asked = await ask(cafe, 'Frivillig 1', leaving.email)
    expect(await confirmPublicSignup(asked.token, NOW)).toEqual({ ok: true, status: 'confirmed' })

    expect(await anonymizeAccount(leaving.id, { reason: 'self', now: NOW })).toMatchObject({ ok: true })

    const statuses = await prisma.eventSignup.findMany({ where: { eventId }, select: { userId: true, status: true } })
    expect(statuses.find((s) => s.userId === leaving.id)?.status).toBe('cancelled')
    expect(statuses.find((s) => s.userId === next.id)?.status).toBe('confirmed')
    expect(await prisma.outboxMessage.count({ where: { template: 'event-promoted', toEmail: next.email } })).toBe(1)
    const cafeSignups = await prisma.eventSignup.findMany({ where: { eventId: cafe }, select: { name: true, email: true, status: true } })
    expect(cafeSignups).toEqual([{ name: '', email: null, status: 'cancelled' }])
  })

  test('only public events take them; an unopened link lapses after 48 hours; names and e-mails go 30 days after the event', async () => {
    const { eventId: volunteersOnly } = await world()
    expect(await requestPublicSignup(volunteersOnly, { name: 'X', email: 'x@example.test' }, 'da', NOW)).toBe(false)
    const eventId = await publicCafe(5)
    const lapsed = await ask(eventId, 'Inge Berg', 'inge@example.test')
    const kept = await ask(eventId, 'Bent Holm', 'bent@example.test')
    expect(await confirmPublicSignup(kept.token, NOW)).toEqual({ ok: true, status: 'confirmed' })
    const later = new Date(NOW.getTime() + 49 * 3_600_000)
    expect(await confirmPublicSignup(lapsed.token, later)).toEqual({ ok: false, reason: 'not-found' })
    expect(await purgePublicSignups(later)).toMatchObject({ unconfirmed: 1, anonymised: 0 })
    // The last session is 31 March; on 1 May the name and e-mail are gone, the place still counted.
    expect((await purgePublicSignups(wallClockInstant('2026-05-01', '12:00'))).anonymised).toBeGreaterThanOrEqual(1)
    const rows = await prisma.eventSignup.findMany({ where: { eventId } })
    expect(rows.map((r) => [r.status, r.name, r.email, r.tokenHash])).toEqual([['confirmed', null, null, null]])
  })
})

describe('attendance and what it qualifies for', () => {
  test('attended at every session, a course is completed (and a certificate exists); a staff course makes an IT ambassador; unticking takes it back', async () => {
    const { centre, coordinator } = await world()
    const facility = await createFacility('Gribskov Kommune')
    const staff = await createUser('facility_staff')
    await addStaff(facility.id, staff.id, 'staff')
    const { eventId } = await createEvent(coordinator.id, centre.id, intro({ kind: 'course_staff', title: 'IT-ambassadørkursus', audience: 'staff' }))
    await setEventStatus(coordinator.id, eventId, 'published')
    expect(await signUp((await eventViewer(staff))!, eventId, NOW)).toEqual({ ok: true, status: 'confirmed' })
    const signup = await prisma.eventSignup.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId: staff.id } } })
    const [first, second] = await prisma.eventSession.findMany({ where: { eventId }, orderBy: { startsAt: 'asc' } })

    expect(await recordAttendance(coordinator.id, eventId, first.id, [signup.id], NOW)).toEqual({ ok: false, reason: 'not-started' })
    const afterFirst = wallClockInstant('2026-03-24', '20:00')
    expect(await recordAttendance(coordinator.id, eventId, first.id, [signup.id, 'someone-else'], afterFirst)).toEqual({ ok: true, completed: 0 })
    expect(completedCourses(staff.id)).toEqual([])
    const afterSecond = wallClockInstant('2026-03-31', '20:00')
    expect(await recordAttendance(coordinator.id, eventId, second.id, [signup.id], afterSecond)).toEqual({ ok: true, completed: 1 })
    expect(completedCourses(staff.id).map((c) => c.title)).toEqual(['IT-ambassadørkursus'])
    expect((await courseCertificate(staff.id, eventId))?.sessions).toHaveLength(2)
    expect(await courseCertificate(coordinator.id, eventId)).toBeNull()
    const membership = await prisma.facilityMembership.findFirstOrThrow({ where: { userId: staff.id, facilityId: facility.id } })
    expect(membership.itAmbassadorSince?.toISOString()).toBe(afterSecond.toISOString())

    expect(await recordAttendance(coordinator.id, eventId, first.id, [], afterSecond)).toEqual({ ok: true, completed: 0 })
    expect(completedCourses(staff.id)).toEqual([])
    expect(await courseCertificate(staff.id, eventId)).toBeNull()
  })
})
