// A network meeting links to a thread in its centre's network space for the agenda and minutes:
// the coordinator links an existing thread or starts one from the event; the event page shows the
// link to those who may read the space, and the thread names the meeting. Only the centre's own
// network threads, only network meetings, only the centre's coordinators.
import { beforeAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { threadsWorld } from '../setup/fixtures-threads'
import { createEvent, setEventStatus, type EventInput } from '~/models/event.server'
import { startThread } from '~/models/thread.server'
import * as centreEvent from '~/routes/centre+/events.$eventId'
import * as eventPage from '~/routes/events+/$eventId'
import * as threadPage from '~/routes/threads+/$threadId'
import { prisma } from '~/utils/db.server'
import { callRoute, type RouteHandler } from '../setup/routes'

let world: Awaited<ReturnType<typeof threadsWorld>>
let meetingId: string
let introId: string
let coordinatorCookie: string
let otherCentresThread: string

function meeting(overrides: Partial<EventInput> = {}): EventInput {
  return {
    kind: 'network_meeting',
    title: 'Netværksmøde om tablets',
    description: '',
    capacity: 20,
    audience: 'network',
    signupDeadlineDate: null,
    sessions: [{ localDate: '2027-03-10', startTime: '16:00', endTime: '18:00', place: 'Frivilligcentret', onlineUrl: null }],
    ...overrides,
  }
}

beforeAll(async () => {
  world = await threadsWorld('Gribskov Kommune', 'Furesø Kommune')
  meetingId = (await createEvent(world.coordinator.id, world.centre.id, meeting())).eventId
  await setEventStatus(world.coordinator.id, meetingId, 'published')
  introId = (await createEvent(world.coordinator.id, world.centre.id, meeting({ kind: 'intro_meeting', title: 'Introaften', audience: 'volunteers' }))).eventId
  coordinatorCookie = await sessionCookieFor(world.coordinator.id)
  otherCentresThread = (
    await startThread(world.otherCoordinator.id, { centreId: world.otherCentre.id, facilityId: null }, { title: 'Andet centers tråd', body: 'Hej', tags: [], announcement: false })
  ).threadId
})

const post = (eventId: string, fields: Record<string, string>, cookie = coordinatorCookie) =>
  callRoute(centreEvent.action as RouteHandler, formRequest(`/centre/events/${eventId}`, fields, { cookie }), { eventId })
const linkedThread = async (eventId: string) => (await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { threadId: true } })).threadId

async function loaderData<T>(handler: unknown, path: string, params: Record<string, string>, userId: string) {
  const response = await callRoute(handler as RouteHandler, getRequest(path, await sessionCookieFor(userId)), params)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

describe('linking a thread', () => {
  test('the coordinator sees the centre’s network threads to choose from (no facility thread, no other centre’s)', async () => {
    const data = await loaderData<{ agenda: { threads: { id: string }[]; suggestedTitle: string } }>(centreEvent.loader, `/centre/events/${meetingId}`, { eventId: meetingId }, world.coordinator.id)
    const ids = data.agenda.threads.map((thread) => thread.id)
    expect(ids).toContain(world.network.threadId)
    expect(ids).not.toContain(world.facility.threadId)
    expect(ids).not.toContain(otherCentresThread)
    expect(data.agenda.suggestedTitle).toBe('Dagsorden og referat: Netværksmøde om tablets')
  })

  test('another centre’s thread or a facility’s thread is refused with the reason next to the field', async () => {
    for (const threadId of [otherCentresThread, world.facility.threadId, 'no-such-thread']) {
      const response = await post(meetingId, { intent: 'link-thread', threadId })
      expect(response.status).toBe(400)
      expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ threadId: ['events:agenda.not-centres-network'] })
    }
    expect(await linkedThread(meetingId)).toBeNull()
  })

  test('an intro meeting cannot have one; another centre’s coordinator gets 403', async () => {
    const intro = await post(introId, { intent: 'link-thread', threadId: world.network.threadId })
    expect(intro.status).toBe(400)
    expect(await linkedThread(introId)).toBeNull()
    const outsider = await post(meetingId, { intent: 'link-thread', threadId: world.network.threadId }, await sessionCookieFor(world.otherCoordinator.id))
    expect(outsider.status).toBe(403)
    const volunteer = await post(meetingId, { intent: 'link-thread', threadId: world.network.threadId }, await sessionCookieFor(world.volunteerHere.id))
    expect(volunteer.status).toBe(403)
    expect(await linkedThread(meetingId)).toBeNull()
  })

  test('an existing network thread is linked; the event page and the thread show each other; unlinking removes both', async () => {
    const response = await post(meetingId, { intent: 'link-thread', threadId: world.network.threadId })
    expect(response.status).toBe(302)
    expect(await linkedThread(meetingId)).toBe(world.network.threadId)

    const page = await loaderData<{ agendaThread: { id: string; title: string } | null }>(eventPage.loader, `/events/${meetingId}`, { eventId: meetingId }, world.staffHere.id)
    expect(page.agendaThread).toEqual({ id: world.network.threadId, title: 'Musik på tablets' })
    const thread = await loaderData<{ meeting: { title: string; href: string } | null }>(threadPage.loader, `/threads/${world.network.threadId}`, { threadId: world.network.threadId }, world.volunteerHere.id)
    expect(thread.meeting).toEqual(expect.objectContaining({ title: 'Netværksmøde om tablets', href: `/events/${meetingId}` }))
    const asCoordinator = await loaderData<{ meeting: { href: string } | null }>(threadPage.loader, `/threads/${world.network.threadId}`, { threadId: world.network.threadId }, world.coordinator.id)
    expect(asCoordinator.meeting?.href).toBe(`/centre/events/${meetingId}`)

    expect((await post(meetingId, { intent: 'unlink-thread' })).status).toBe(302)
    expect(await linkedThread(meetingId)).toBeNull()
    const after = await loaderData<{ meeting: unknown }>(threadPage.loader, `/threads/${world.network.threadId}`, { threadId: world.network.threadId }, world.volunteerHere.id)
    expect(after.meeting).toBeNull()
  })
})

describe('starting the thread from the event', () => {
  test('bad input keeps what was typed and says what is wrong', async () => {
    const response = await post(meetingId, { intent: 'create-thread', title: '', body: '' })
    expect(response.status).toBe(400)
    expect(Object.keys(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(['body', 'title'])
  })

  test('the thread starts in the centre’s network space with the agenda as its first post, linked to the meeting', async () => {
    const response = await post(meetingId, { intent: 'create-thread', title: 'Dagsorden og referat: Netværksmøde om tablets', body: '1. Velkomst\n2. Erfaringer med tablets' })
    expect(response.status).toBe(302)
    const threadId = await linkedThread(meetingId)
    const thread = await prisma.thread.findUniqueOrThrow({
      where: { id: threadId! },
      select: { title: true, centreId: true, facilityId: true, authorId: true, posts: { select: { body: true } } },
    })
    expect(thread).toEqual({
      title: 'Dagsorden og referat: Netværksmøde om tablets',
      centreId: world.centre.id,
      facilityId: null,
      authorId: world.coordinator.id,
      posts: [{ body: '1. Velkomst\n2. Erfaringer med tablets' }],
    })
    // A volunteer of the centre (a member of its network space) finds the link on the event page.
    const page = await loaderData<{ agendaThread: { id: string } | null }>(eventPage.loader, `/events/${meetingId}`, { eventId: meetingId }, world.volunteerHere.id)
    expect(page.agendaThread?.id).toBe(threadId)
  })

  test('a draft meeting’s thread names it to the coordinator only', async () => {
    const draftId = (await createEvent(world.coordinator.id, world.centre.id, meeting({ title: 'Kladdemøde' }))).eventId
    expect((await post(draftId, { intent: 'create-thread', title: 'Kladdens dagsorden', body: 'Punkter følger.' })).status).toBe(302)
    const threadId = (await linkedThread(draftId))!
    const member = await loaderData<{ meeting: unknown }>(threadPage.loader, `/threads/${threadId}`, { threadId }, world.volunteerHere.id)
    expect(member.meeting).toBeNull()
    const coordinator = await loaderData<{ meeting: { title: string } | null }>(threadPage.loader, `/threads/${threadId}`, { threadId }, world.coordinator.id)
    expect(coordinator.meeting?.title).toBe('Kladdemøde')
  })
})
