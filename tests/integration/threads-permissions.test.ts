import { describe, expect, test } from 'vitest'
import { formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { threadsWorld } from '../setup/fixtures-threads'
import { replyToThread } from '~/models/thread.server'
import * as reportsPage from '~/routes/centre+/reports'
import * as threadRoute from '~/routes/threads+/$threadId'
import * as spacesIndex from '~/routes/threads+/_index'
import * as newThread from '~/routes/threads+/new'
import * as spacePage from '~/routes/threads+/spaces.$spaceKey'
import { prisma } from '~/utils/db.server'
import { callRoute as run, type RouteHandler as Handler } from '../setup/routes'

/** 200, 403, 404, "login" (sent to log in) or "done" (a redirect back into the app after a change). */
async function outcome(response: Response) {
  if (response.status !== 302) return response.status
  return response.headers.get('Location')?.startsWith('/login') ? 'login' : 'done'
}

describe('every role against a network thread and a facility thread', () => {
  test('read, reply and moderate', async () => {
    const world = await threadsWorld()
    // The volunteer whose match ends wrote in the facility space while matched; the post stays.
    const endedPost = await replyToThread(world.volunteerEnded.id, world.facility.threadId, { body: 'Mit sidste tip: skriv koden på bagsiden.' })
    expect(endedPost.ok).toBe(true)
    await prisma.match.update({ where: { id: world.endedMatch.id }, data: { status: 'ended', endedAt: new Date() } })

    const people = {
      volunteerHere: world.volunteerHere.id,
      volunteerElsewhere: world.volunteerElsewhere.id,
      volunteerEnded: world.volunteerEnded.id,
      staffHere: world.staffHere.id,
      staffThere: world.staffThere.id,
      coordinator: world.coordinator.id,
      otherCoordinator: world.otherCoordinator.id,
      admin: world.admin.id,
      anonymous: null,
    }
    const expected: Record<keyof typeof people, { network: [unknown, unknown, unknown]; facility: [unknown, unknown, unknown] }> = {
      //                     read  reply   moderate
      volunteerHere: { network: [200, 'done', 403], facility: [200, 'done', 403] },
      volunteerElsewhere: { network: [200, 'done', 403], facility: [403, 403, 403] },
      volunteerEnded: { network: [200, 'done', 403], facility: [403, 403, 403] },
      staffHere: { network: [200, 'done', 403], facility: [200, 'done', 403] },
      staffThere: { network: [200, 'done', 403], facility: [403, 403, 403] },
      coordinator: { network: [200, 'done', 'done'], facility: [200, 'done', 'done'] },
      otherCoordinator: { network: [403, 403, 403], facility: [403, 403, 403] },
      admin: { network: [403, 403, 403], facility: [403, 403, 403] },
      anonymous: { network: ['login', 'login', 'login'], facility: ['login', 'login', 'login'] },
    }
    for (const [role, userId] of Object.entries(people) as [keyof typeof people, string | null][]) {
      const cookie = userId ? await sessionCookieFor(userId) : undefined
      for (const kind of ['network', 'facility'] as const) {
        const threadId = world[kind].threadId
        const path = `/threads/${threadId}`
        const params = { threadId }
        const read = await outcome(await run(threadRoute.loader as Handler, getRequest(path, cookie), params))
        const reply = await outcome(await run(threadRoute.action as Handler, formRequest(path, { intent: 'reply', body: `Svar fra ${role}` }, { cookie }), params))
        const moderate = await outcome(await run(threadRoute.action as Handler, formRequest(path, { intent: 'pin' }, { cookie }), params))
        expect([read, reply, moderate], `${role} in the ${kind} thread`).toEqual(expected[role][kind])
      }
    }

    // Replies landed only where allowed; the ended volunteer's earlier post is still there.
    const facilityPosts = await prisma.post.findMany({ where: { threadId: world.facility.threadId }, select: { body: true } })
    expect(facilityPosts.map((p) => p.body).sort()).toEqual(
      ['Husk opladning mandag.', 'Mit sidste tip: skriv koden på bagsiden.', 'Svar fra coordinator', 'Svar fra staffHere', 'Svar fra volunteerHere'].sort(),
    )
    const thread = await prisma.thread.findUniqueOrThrow({ where: { id: world.facility.threadId } })
    expect(thread.postCount).toBe(5)
    expect(thread.pinned).toBe(true)
    const coordinatorView = await run(threadRoute.loader as Handler, getRequest(`/threads/${world.facility.threadId}`, await sessionCookieFor(world.coordinator.id)), { threadId: world.facility.threadId })
    expect(await coordinatorView.text()).toContain('Mit sidste tip')
  })

  test('space pages, the overview and the new-thread form follow the same rules', async () => {
    const world = await threadsWorld('Halsnæs Kommune', 'Allerød Kommune')
    const facilityKey = `facility-${world.here.id}`
    const networkKey = `network-${world.centre.id}`
    const space = async (userId: string | null, key: string) =>
      outcome(await run(spacePage.loader as Handler, getRequest(`/threads/spaces/${key}`, userId ? await sessionCookieFor(userId) : undefined), { spaceKey: key }))
    expect(await space(world.staffHere.id, facilityKey)).toBe(200)
    expect(await space(world.staffThere.id, facilityKey)).toBe(403)
    expect(await space(world.volunteerElsewhere.id, facilityKey)).toBe(403)
    expect(await space(world.volunteerElsewhere.id, networkKey)).toBe(200)
    expect(await space(world.otherCoordinator.id, networkKey)).toBe(403)
    expect(await space(world.coordinator.id, facilityKey)).toBe(200)
    expect(await space(null, networkKey)).toBe('login')
    expect(await space(world.coordinator.id, 'facility-doesnotexist')).toBe(404)
    expect(await space(world.coordinator.id, '../etc/passwd')).toBe(404)

    const overview = await run(spacesIndex.loader as Handler, getRequest('/threads', await sessionCookieFor(world.volunteerElsewhere.id)))
    const text = await overview.text()
    expect(text).toContain(world.there.name)
    expect(text).not.toContain(world.here.name)
    expect(await outcome(await run(spacesIndex.loader as Handler, getRequest('/threads', await sessionCookieFor(world.admin.id))))).toBe(403)

    // Starting a thread in another facility's space is refused outright.
    const cookie = await sessionCookieFor(world.staffThere.id)
    const intruding = await run(newThread.action as Handler, formRequest('/threads/new', { space: facilityKey, title: 'Hej', body: 'Hej' }, { cookie }))
    expect(intruding.status).toBe(403)
    expect(await prisma.thread.count({ where: { facilityId: world.here.id } })).toBe(1)

    // Only the centre's coordinators see and work its report queue.
    expect(await outcome(await run(reportsPage.loader as Handler, getRequest('/centre/reports', await sessionCookieFor(world.coordinator.id))))).toBe(200)
    for (const userId of [world.staffHere.id, world.volunteerHere.id, world.admin.id]) {
      expect(await outcome(await run(reportsPage.loader as Handler, getRequest('/centre/reports', await sessionCookieFor(userId))))).toBe(403)
    }
  })
})
