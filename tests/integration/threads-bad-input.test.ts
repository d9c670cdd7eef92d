import { describe, expect, test } from 'vitest'
import { formRequest, sessionCookieFor } from '../setup/fixtures'
import { threadsWorld } from '../setup/fixtures-threads'
import { reportPost } from '~/models/thread.server'
import * as reportsPage from '~/routes/centre+/reports'
import * as threadRoute from '~/routes/threads+/$threadId'
import * as newThread from '~/routes/threads+/new'
import { prisma } from '~/utils/db.server'
import { callRoute as post, type RouteHandler as Action } from '../setup/routes'

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

const HOSTILE = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '{{constructor}}', '../../etc/passwd']
const CPR_TEXT = 'Beboeren (cpr 010190-1234) vil gerne have hjælp.'

describe('thread forms refuse bad input with 400 and a message next to the field, never 500', () => {
  test('a new thread: missing fields, unknown tags, too many tags, a CPR number, an announcement from a volunteer', async () => {
    const world = await threadsWorld()
    const cookie = await sessionCookieFor(world.volunteerHere.id)
    const send = (fields: Record<string, string | string[]>) => post(newThread.action as Action, formRequest('/threads/new', fields, { cookie }))
    const network = `network-${world.centre.id}`

    const empty = await send({})
    expect(empty.status).toBe(400)
    expect((await body(empty)).fieldErrors).toMatchObject({ space: ['validation.choose'], title: ['validation.required'], body: ['validation.required'] })

    const badTags = await body(await send({ space: network, title: 'Hej', body: 'Hej', tags: ['ipad', 'nonsense'] }))
    expect(badTags.fieldErrors['tags.1']).toEqual(['validation.choose'])
    const manyTags = await body(await send({ space: network, title: 'Hej', body: 'Hej', tags: ['ipad', 'android', 'facebook', 'messenger', 'youtube', 'spotify', 'email'] }))
    expect(manyTags.fieldErrors.tags).toEqual(['threads:form.tooManyTags'])

    const cpr = await send({ space: network, title: 'Hjælp til en beboer', body: CPR_TEXT, tags: ['ipad'] })
    expect(cpr.status).toBe(400)
    const cprBody = await body(cpr)
    expect(cprBody.fieldErrors.body).toEqual(['threads:form.cprRefused'])
    expect(cprBody.values).toMatchObject({ body: CPR_TEXT, title: 'Hjælp til en beboer', tags: 'ipad' })
    expect((await body(await send({ space: network, title: 'Om 0101901234', body: 'Hej' }))).fieldErrors.title).toEqual(['threads:form.cprRefused'])

    const announcement = await send({ space: network, title: 'Vigtigt', body: 'Hej', announcement: 'on' })
    expect((await body(announcement)).fieldErrors.announcement).toEqual(['threads:form.announceNotAllowed'])

    for (const value of HOSTILE) {
      const response = await send({ space: value, title: value, body: value, tags: value })
      expect(response.status, value.slice(0, 20)).toBe(400)
    }
    const notAForm = await post(newThread.action as Action, formRequest('/threads/new', '{"title":1}', { cookie, contentType: 'multipart/form-data; boundary=nope' }))
    expect(notAForm.status).toBe(400)
    expect(await prisma.thread.count({ where: { centreId: world.centre.id } })).toBe(2)

    // Phone numbers and dates are fine, and formatting marks are kept as typed.
    const ok = await send({ space: network, title: 'Mødet 24-11-2026', body: 'Ring på 20 45 67 89 før **kl. 15**.', tags: ['ipad', 'video_calls'] })
    expect(ok.status).toBe(302)
    const created = await prisma.thread.findFirstOrThrow({ where: { title: 'Mødet 24-11-2026' }, include: { posts: true } })
    expect(created.tags).toBe('["ipad","video_calls"]')
    expect(created.posts[0].body).toBe('Ring på 20 45 67 89 før **kl. 15**.')
  })

  test('the thread page: replies, quotes, edits, reports and moderation with bad or foreign input', async () => {
    const world = await threadsWorld('Halsnæs Kommune', 'Allerød Kommune')
    const threadId = world.network.threadId
    const path = `/threads/${threadId}`
    const params = { threadId }
    const as = async (userId: string) => {
      const cookie = await sessionCookieFor(userId)
      return (fields: Record<string, string>) => post(threadRoute.action as Action, formRequest(path, fields, { cookie }), params)
    }
    const volunteer = await as(world.volunteerHere.id)

    expect((await body(await volunteer({}))).fieldErrors.intent).toEqual(['validation.required'])
    expect((await body(await volunteer({ intent: 'delete-everything' }))).fieldErrors.intent).toEqual(['validation.choose'])
    expect((await body(await volunteer({ intent: 'reply', body: '   ' }))).fieldErrors.body).toEqual(['validation.required'])
    expect((await body(await volunteer({ intent: 'reply', body: 'x'.repeat(10_001) }))).fieldErrors.body).toEqual(['validation.tooLong?maximum=10000'])
    const cpr = await volunteer({ intent: 'reply', body: CPR_TEXT })
    expect(cpr.status).toBe(400)
    expect(await body(cpr)).toMatchObject({ fieldErrors: { body: ['threads:form.cprRefused'] }, values: { body: CPR_TEXT } })

    const foreignPost = await prisma.post.findFirstOrThrow({ where: { threadId: world.facility.threadId } })
    const foreignQuote = await volunteer({ intent: 'reply', body: 'Enig', quotedPostId: foreignPost.id })
    expect(foreignQuote.status).toBe(400)
    expect((await body(foreignQuote)).formError).toBe('threads:form.quoteGone')
    // Posts of other threads cannot be edited, reported or hidden through this thread.
    expect((await volunteer({ intent: 'report', postId: foreignPost.id, reason: 'Hm' })).status).toBe(404)
    expect((await volunteer({ intent: 'report', postId: 'nope', reason: 'Hm' })).status).toBe(404)
    const ownPost = await prisma.post.findFirstOrThrow({ where: { threadId } })
    expect((await body(await volunteer({ intent: 'report', postId: ownPost.id, reason: '' }))).fieldErrors.reason).toEqual(['validation.required'])
    expect((await volunteer({ intent: 'hide', postId: ownPost.id, reason: 'Skjul' })).status).toBe(403)
    expect((await volunteer({ intent: 'lock' })).status).toBe(403)

    // Someone else's post cannot be edited; one's own only within the window.
    const staff = await as(world.staffThere.id)
    expect((await staff({ intent: 'edit', postId: ownPost.id, body: 'Overtaget' })).status).toBe(403)
    await prisma.post.update({ where: { id: ownPost.id }, data: { createdAt: new Date(Date.now() - 31 * 60_000) } })
    const late = await volunteer({ intent: 'edit', postId: ownPost.id, body: 'Rettet' })
    expect(late.status).toBe(400)
    expect((await body(late)).formError).toBe('threads:edit.too-late?minutes=30')
    expect((await prisma.post.findUniqueOrThrow({ where: { id: ownPost.id } })).body).toBe('Hvad bruger I?')

    const coordinator = await as(world.coordinator.id)
    expect((await body(await coordinator({ intent: 'hide', postId: ownPost.id, reason: '' }))).fieldErrors.reason).toEqual(['validation.required'])
    for (const value of HOSTILE) {
      expect((await coordinator({ intent: 'hide', postId: value, reason: value })).status).toBeGreaterThanOrEqual(400)
      expect((await volunteer({ intent: 'reply', body: value, quotedPostId: value })).status).toBeLessThan(500)
    }
    expect((await prisma.post.findUniqueOrThrow({ where: { id: ownPost.id } })).hiddenAt).toBeNull()
  })

  test('the report queue acts only on open reports of the coordinator\'s own centre', async () => {
    const world = await threadsWorld('Fredensborg Kommune', 'Hørsholm Kommune')
    const reported = await prisma.post.findFirstOrThrow({ where: { threadId: world.network.threadId } })
    const report = await reportPost(world.staffHere.id, reported.id, 'Nævner en beboer')
    if (!report.ok) throw new Error('report failed')
    const send = async (userId: string, fields: Record<string, string>) =>
      post(reportsPage.action as Action, formRequest('/centre/reports', fields, { cookie: await sessionCookieFor(userId) }))

    expect((await send(world.otherCoordinator.id, { intent: 'dismiss', reportId: report.reportId })).status).toBe(403)
    expect((await send(world.coordinator.id, { intent: 'dismiss', reportId: 'nope' })).status).toBe(404)
    expect((await body(await send(world.coordinator.id, { intent: 'hide', reportId: report.reportId, reason: '' }))).fieldErrors.reason).toEqual(['validation.required'])
    expect((await body(await send(world.coordinator.id, { intent: 'ban' }))).fieldErrors.intent).toEqual(['validation.choose'])
    for (const value of HOSTILE) expect((await send(world.coordinator.id, { intent: 'dismiss', reportId: value })).status).toBeGreaterThanOrEqual(400)

    const hidden = await send(world.coordinator.id, { intent: 'hide', reportId: report.reportId, reason: 'Nævner en beboer ved navn' })
    expect(hidden.status).toBe(302)
    expect((await prisma.post.findUniqueOrThrow({ where: { id: reported.id } })).hiddenReason).toBe('Nævner en beboer ved navn')
    const twice = await send(world.coordinator.id, { intent: 'dismiss', reportId: report.reportId })
    expect(twice.status).toBe(400)
    expect((await body(twice)).formError).toBe('moderation:queue.alreadyHandled')
  })
})
