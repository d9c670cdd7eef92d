import { describe, expect, test } from 'vitest'
import { createCentre, createUser, formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { createVolunteer } from '../setup/fixtures-matching'
import { callRoute as call, type RouteHandler as Handler } from '../setup/routes'
import * as centreEvents from '~/routes/centre+/events._index'
import * as editEvent from '~/routes/centre+/events.$eventId'
import * as newEvent from '~/routes/centre+/events.new'
import * as eventPage from '~/routes/events+/$eventId'
import * as eventsList from '~/routes/events+/_index'
import { prisma } from '~/utils/db.server'
import { addDays, copenhagenDate } from '~/utils/time'

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

const HOSTILE = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '{{constructor}}']
const inDays = (days: number) => addDays(copenhagenDate(), days)

function eventFields(overrides: Record<string, string> = {}) {
  return {
    kind: 'course_volunteers',
    title: 'Kursus: hjælp med MitID',
    description: 'To aftener om MitID og Digital Post.',
    capacity: '10',
    audience: 'volunteers',
    signupDeadlineDate: '',
    'sessions.0.localDate': inDays(10),
    'sessions.0.startTime': '17:00',
    'sessions.0.endTime': '19:00',
    'sessions.0.place': 'Frivilligcentret',
    'sessions.1.localDate': inDays(17),
    'sessions.1.startTime': '17:00',
    'sessions.1.endTime': '19:00',
    'sessions.1.place': '',
    'sessions.1.onlineUrl': 'https://meet.example.dk/mitid',
    ...overrides,
  }
}

async function world() {
  const centre = await createCentre(['Gribskov Kommune'])
  const otherCentre = await createCentre(['Furesø Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id })
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })
  return { centre, coordinator, otherCoordinator, cookie: await sessionCookieFor(coordinator.id), otherCookie: await sessionCookieFor(otherCoordinator.id) }
}

async function createdEvent(cookie: string, overrides: Record<string, string> = {}) {
  const response = await call(newEvent.action as Handler, formRequest('/centre/events/new', eventFields(overrides), { cookie }))
  expect(response.status).toBe(302)
  return response.headers.get('Location')!.split('/').pop()!
}

describe('the coordinator creates, edits, publishes and cancels an event', () => {
  test('two sessions saved at the Copenhagen wall-clock time; publish; listed with sign-ups against capacity', async () => {
    const { cookie } = await world()
    const eventId = await createdEvent(cookie)
    const sessions = await prisma.eventSession.findMany({ where: { eventId }, orderBy: { startsAt: 'asc' } })
    expect(sessions.map((s) => [s.localDate, s.place, s.onlineUrl])).toEqual([
      [inDays(10), 'Frivilligcentret', null],
      [inDays(17), '', 'https://meet.example.dk/mitid'],
    ])
    expect((await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('draft')
    const publish = await call(editEvent.action as Handler, formRequest(`/centre/events/${eventId}`, { intent: 'publish' }, { cookie }), { eventId })
    expect(publish.status).toBe(302)
    const { list } = await (await call(centreEvents.loader as Handler, getRequest('/centre/events', cookie))).json()
    expect(list.rows).toEqual([expect.objectContaining({ id: eventId, status: 'published', capacity: 10, confirmed: 0, waiting: 0 })])
    expect([list.view, list.counts, list.total]).toEqual(['coming', { coming: 1, past: 0 }, 1])
    const past = (await (await call(centreEvents.loader as Handler, getRequest('/centre/events?view=past', cookie))).json()).list
    expect([past.view, past.rows, past.total]).toEqual(['past', [], 0])

    // Editing keeps the sessions (and so their calendar UIDs) and moves the time.
    const save = await call(editEvent.action as Handler, formRequest(`/centre/events/${eventId}`, { intent: 'save', ...eventFields({ 'sessions.1.startTime': '18:00', 'sessions.1.endTime': '20:00' }) }, { cookie }), { eventId })
    expect(save.status).toBe(302)
    const after = await prisma.eventSession.findMany({ where: { eventId }, orderBy: { startsAt: 'asc' } })
    expect(after.map((s) => s.id)).toEqual(sessions.map((s) => s.id))
    const page = await (await call(editEvent.loader as Handler, getRequest(`/centre/events/${eventId}`, cookie), { eventId })).json()
    expect(page.event.sessions.map((s: { startTime: string }) => s.startTime)).toEqual(['17:00', '18:00'])

    const cancel = await call(editEvent.action as Handler, formRequest(`/centre/events/${eventId}`, { intent: 'cancel' }, { cookie }), { eventId })
    expect(cancel.status).toBe(302)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('cancelled')
  })

  test("another centre's coordinator, a volunteer and a signed-out visitor cannot see or change it", async () => {
    const { cookie, otherCookie } = await world()
    const eventId = await createdEvent(cookie)
    expect((await call(editEvent.loader as Handler, getRequest(`/centre/events/${eventId}`, otherCookie), { eventId })).status).toBe(403)
    const save = await call(editEvent.action as Handler, formRequest(`/centre/events/${eventId}`, { intent: 'save', ...eventFields({ title: 'Kapret' }) }, { cookie: otherCookie }), { eventId })
    expect(save.status).toBe(403)
    expect((await call(editEvent.action as Handler, formRequest(`/centre/events/${eventId}`, { intent: 'publish' }, { cookie: otherCookie }), { eventId })).status).toBe(403)
    const volunteer = await createVolunteer('Gribskov Kommune', { email: 'ikke-koordinator@example.test' })
    const volunteerCookie = await sessionCookieFor(volunteer.id)
    expect((await call(editEvent.loader as Handler, getRequest(`/centre/events/${eventId}`, volunteerCookie), { eventId })).status).toBe(403)
    expect((await call(newEvent.action as Handler, formRequest('/centre/events/new', eventFields(), { cookie: volunteerCookie }))).status).toBe(403)
    expect((await call(editEvent.loader as Handler, getRequest(`/centre/events/${eventId}`), { eventId })).status).toBe(302)
    // The list is always the signed-in coordinator's own centre's; others are turned away.
    const othersList = (await (await call(centreEvents.loader as Handler, getRequest('/centre/events', otherCookie))).json()).list
    expect([othersList.rows, othersList.counts]).toEqual([[], { coming: 0, past: 0 }])
    expect((await call(centreEvents.loader as Handler, getRequest('/centre/events?view=past', volunteerCookie))).status).toBe(403)
    expect((await call(centreEvents.loader as Handler, getRequest('/centre/events'))).status).toBe(302)
    expect((await call(editEvent.loader as Handler, getRequest('/centre/events/nope', cookie), { eventId: 'nope' })).status).toBe(404)
    const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId } })
    expect([event.title, event.status]).toEqual(['Kursus: hjælp med MitID', 'draft'])
  })

  test('bad input: 400 with the message next to the field, typed values kept, nothing saved, never 500', async () => {
    const { cookie } = await world()
    const send = (fields: Record<string, string>) => call(newEvent.action as Handler, formRequest('/centre/events/new', fields, { cookie }))
    const before = await prisma.event.count()

    const empty = await send({})
    expect(empty.status).toBe(400)
    expect((await body(empty)).fieldErrors).toMatchObject({
      kind: ['validation.choose'],
      title: ['validation.required'],
      audience: ['validation.choose'],
      'sessions.0.localDate': ['events:form.oneSession'],
    })

    const wrong = await send(
      eventFields({
        capacity: '0',
        'sessions.0.endTime': '16:00',
        'sessions.1.localDate': inDays(-1),
        'sessions.1.onlineUrl': 'javascript:alert(1)',
      }),
    )
    expect(wrong.status).toBe(400)
    const errors = await body(wrong)
    expect(errors.fieldErrors).toMatchObject({
      capacity: ['validation.tooSmall?minimum=1'],
      'sessions.0.endTime': ['events:form.endBeforeStart'],
      'sessions.1.localDate': ['events:form.past'],
      'sessions.1.onlineUrl': ['validation.url'],
    })
    expect(errors.values).toMatchObject({ title: 'Kursus: hjælp med MitID', 'sessions.0.place': 'Frivilligcentret' })

    const late = await send(eventFields({ signupDeadlineDate: inDays(30) }))
    expect((await body(late)).fieldErrors).toEqual({ signupDeadlineDate: ['events:form.deadlineAfterStart'] })

    const noPlace = await send(eventFields({ 'sessions.0.place': '', 'sessions.0.startTime': '25:00' }))
    expect((await body(noPlace)).fieldErrors).toMatchObject({ 'sessions.0.place': ['events:form.placeOrLink'], 'sessions.0.startTime': ['events:form.invalidTime'] })

    for (const value of HOSTILE) {
      const response = await send(Object.fromEntries(Object.keys(eventFields()).map((key) => [key, value])))
      expect(response.status).toBe(400)
    }
    const eventId = await createdEvent(cookie)
    for (const value of HOSTILE) {
      const edit = await call(editEvent.action as Handler, formRequest(`/centre/events/${eventId}`, { intent: value, title: value }, { cookie }), { eventId })
      expect(edit.status).toBe(400)
      const join = await call(eventPage.action as Handler, formRequest(`/events/${eventId}`, { intent: value }, { cookie }), { eventId })
      expect([400, 404]).toContain(join.status)
    }
    // A made-up view or page in the list's address is the first page of the coming events, never an error.
    for (const value of [...HOSTILE, '-1', '0', '1e9', '9999999']) {
      const response = await call(centreEvents.loader as Handler, getRequest(`/centre/events?view=${encodeURIComponent(value)}&page=${encodeURIComponent(value)}`, cookie))
      expect(response.status).toBe(200)
      const { list } = await response.json()
      expect([list.view, list.page, list.rows.map((row: { id: string }) => row.id)]).toEqual(['coming', 1, [eventId]])
    }
    const garbage = await call(newEvent.action as Handler, formRequest('/centre/events/new', '%%%&&&=', { cookie, contentType: 'multipart/form-data; boundary=x' }))
    expect(garbage.status).toBe(400)
    expect(await prisma.event.count()).toBe(before + 1)
  })
})

describe('/events for the people in the audience', () => {
  test('a volunteer of the centre signs up with one click and cancels; a staff-only event is hidden from them', async () => {
    const { cookie, centre } = await world()
    const eventId = await createdEvent(cookie)
    const staffEventId = await createdEvent(cookie, { kind: 'course_staff', title: 'IT-ambassadørkursus', audience: 'staff' })
    for (const id of [eventId, staffEventId]) await call(editEvent.action as Handler, formRequest(`/centre/events/${id}`, { intent: 'publish' }, { cookie }), { eventId: id })

    const volunteer = await createVolunteer('Gribskov Kommune', { email: 'tilmelder@example.test' })
    const volunteerCookie = await sessionCookieFor(volunteer.id)
    const list = await (await call(eventsList.loader as Handler, getRequest('/events', volunteerCookie))).json()
    const titles = list.events.filter((e: { centreName: string }) => e.centreName === centre.name).map((e: { title: string }) => e.title)
    expect(titles).toEqual(['Kursus: hjælp med MitID'])
    expect((await call(eventPage.loader as Handler, getRequest(`/events/${staffEventId}`, volunteerCookie), { eventId: staffEventId })).status).toBe(404)
    expect((await call(eventPage.action as Handler, formRequest(`/events/${staffEventId}`, { intent: 'sign-up' }, { cookie: volunteerCookie }), { eventId: staffEventId })).status).toBe(404)
    // Signed out, a volunteers' event is not there either.
    expect((await call(eventPage.loader as Handler, getRequest(`/events/${eventId}`), { eventId })).status).toBe(404)

    const signUp = await call(eventPage.action as Handler, formRequest(`/events/${eventId}`, { intent: 'sign-up' }, { cookie: volunteerCookie }), { eventId })
    expect(signUp.status).toBe(302)
    const page = await (await call(eventPage.loader as Handler, getRequest(`/events/${eventId}`, volunteerCookie), { eventId })).json()
    expect(page.event).toMatchObject({ myStatus: 'confirmed', placesLeft: 9 })
    const again = await call(eventPage.action as Handler, formRequest(`/events/${eventId}`, { intent: 'sign-up' }, { cookie: volunteerCookie }), { eventId })
    expect(again.status).toBe(400)
    expect((await body(again)).formError).toBe('events:page.refused.already')
    const cancel = await call(eventPage.action as Handler, formRequest(`/events/${eventId}`, { intent: 'cancel' }, { cookie: volunteerCookie }), { eventId })
    expect(cancel.status).toBe(302)
    expect((await prisma.eventSignup.findFirstOrThrow({ where: { eventId, userId: volunteer.id } })).status).toBe('cancelled')
  })
})
