import { describe, expect, test } from 'vitest'
import { threadsWorld } from '../../tests/setup/fixtures-threads'
import {
  dismissReport,
  editPost,
  hidePost,
  markRead,
  openReportCount,
  openReports,
  replyToThread,
  reportPost,
  setFollowing,
  setThreadLocked,
  spacesOverview,
  startThread,
  threadList,
  threadPage,
  threadPlace,
  unhidePost,
} from './thread.server'
import { prisma } from '~/utils/db.server'
import { threadListBefore, threadPageBefore } from '../../tests/setup/reads-before'
import { spacesFor } from './space.server'
import { loadActor } from '~/utils/permissions.server'

const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000)

describe('threads and posts', () => {
  test('replies keep the count and last activity right, and make the author follow the thread', async () => {
    const world = await threadsWorld()
    const start = new Date('2026-03-10T09:00:00Z')
    const { threadId } = await startThread(world.volunteerHere.id, { centreId: world.centre.id, facilityId: null }, { title: 'Spotify', body: 'Første', tags: ['spotify'], announcement: false }, start)
    const reply = await replyToThread(world.staffThere.id, threadId, { body: 'Andet' }, minutes(5, start))
    expect(reply.ok).toBe(true)
    const again = await replyToThread(world.staffThere.id, threadId, { body: 'Tredje' }, minutes(9, start))
    expect(again.ok).toBe(true)
    const thread = await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })
    expect(thread.postCount).toBe(3)
    expect(thread.lastPostAt.toISOString()).toBe(minutes(9, start).toISOString())
    const followers = await prisma.threadSubscription.findMany({ where: { threadId }, select: { userId: true } })
    expect(followers.map((f) => f.userId).sort()).toEqual([world.volunteerHere.id, world.staffThere.id].sort())

    // Following by hand, and stopping.
    await setFollowing(world.volunteerHere.id, threadId, false)
    await setFollowing(world.coordinator.id, threadId, true)
    await setFollowing(world.coordinator.id, threadId, true)
    const after = await prisma.threadSubscription.findMany({ where: { threadId }, select: { userId: true } })
    expect(after.map((f) => f.userId).sort()).toEqual([world.coordinator.id, world.staffThere.id].sort())

    // The posts come in order; a quote shows the quoted text.
    const posts = await prisma.post.findMany({ where: { threadId }, orderBy: { createdAt: 'asc' } })
    const quoting = await replyToThread(world.volunteerHere.id, threadId, { body: 'Enig', quotedPostId: posts[1].id }, minutes(12, start))
    expect(quoting.ok).toBe(true)
    const page = await threadPage(threadId, { userId: world.volunteerHere.id, moderator: false })
    expect(page?.posts.map((p) => p.body)).toEqual(['Første', 'Andet', 'Tredje', 'Enig'])
    expect(page?.posts[3].quoted).toMatchObject({ id: posts[1].id, excerpt: 'Andet' })
    // A post from another thread cannot be quoted.
    expect(await replyToThread(world.volunteerHere.id, threadId, { body: 'x', quotedPostId: (await prisma.post.findFirstOrThrow({ where: { threadId: world.network.threadId } })).id })).toEqual({ ok: false, reason: 'bad-quote' })
  })

  test('unread markers follow what the user has read; pinned threads come first', async () => {
    const world = await threadsWorld()
    const place = { centreId: world.centre.id, facilityId: null }
    const t0 = new Date('2026-04-01T10:00:00Z')
    const older = await startThread(world.staffHere.id, place, { title: 'Ældre', body: 'a', tags: [], announcement: false }, t0)
    const newer = await startThread(world.staffHere.id, place, { title: 'Nyere', body: 'b', tags: ['ipad'], announcement: false }, minutes(10, t0))
    await prisma.thread.update({ where: { id: older.threadId }, data: { pinned: true } })

    const list = await threadList(place, { userId: world.volunteerElsewhere.id })
    // The world's own thread was written just now, so it comes before the newer of these two.
    expect(list.threads.map((t) => t.title)).toEqual(['Ældre', 'Musik på tablets', 'Nyere'])
    expect(list.threads.every((t) => t.unread)).toBe(true)

    await markRead(world.volunteerElsewhere.id, newer.threadId, minutes(10, t0))
    const read = await threadList(place, { userId: world.volunteerElsewhere.id })
    expect(read.threads.find((t) => t.title === 'Nyere')?.unread).toBe(false)
    await replyToThread(world.staffHere.id, newer.threadId, { body: 'nyt' }, minutes(20, t0))
    expect((await threadList(place, { userId: world.volunteerElsewhere.id })).threads.find((t) => t.title === 'Nyere')?.unread).toBe(true)
    // Reading never moves backwards.
    await markRead(world.volunteerElsewhere.id, newer.threadId, minutes(20, t0))
    await markRead(world.volunteerElsewhere.id, newer.threadId, t0)
    expect((await threadList(place, { userId: world.volunteerElsewhere.id })).threads.find((t) => t.title === 'Nyere')?.unread).toBe(false)

    // The tag filter.
    const tagged = await threadList(place, { userId: world.volunteerElsewhere.id, tag: 'ipad' })
    expect(tagged.threads.map((t) => t.title)).toEqual(['Nyere'])
  })

  test('authors edit their own post for 30 minutes; a locked thread takes no replies', async () => {
    const world = await threadsWorld()
    const t0 = new Date('2026-05-01T10:00:00Z')
    const { threadId, postId } = await startThread(world.volunteerHere.id, { centreId: world.centre.id, facilityId: null }, { title: 'Ret', body: 'Førts', tags: [], announcement: false }, t0)
    expect(await editPost(world.staffHere.id, postId, 'Hacket', minutes(1, t0))).toEqual({ ok: false, reason: 'not-yours' })
    expect(await editPost(world.volunteerHere.id, postId, 'Først', minutes(29, t0))).toEqual({ ok: true })
    expect(await editPost(world.volunteerHere.id, postId, 'For sent', minutes(31, t0))).toEqual({ ok: false, reason: 'too-late' })
    const post = await prisma.post.findUniqueOrThrow({ where: { id: postId } })
    expect(post.body).toBe('Først')
    expect(post.editedAt?.toISOString()).toBe(minutes(29, t0).toISOString())

    expect((await setThreadLocked(world.coordinator.id, threadId, true)).ok).toBe(true)
    expect(await replyToThread(world.staffHere.id, threadId, { body: 'Må jeg?' })).toEqual({ ok: false, reason: 'locked' })
    expect(await editPost(world.volunteerHere.id, postId, 'Låst', minutes(2, t0))).toEqual({ ok: false, reason: 'locked' })
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).postCount).toBe(1)
    await setThreadLocked(world.coordinator.id, threadId, false)
    expect((await replyToThread(world.staffHere.id, threadId, { body: 'Nu kan jeg' })).ok).toBe(true)
    const actions = await prisma.auditLog.findMany({ where: { entityId: threadId }, select: { action: true }, orderBy: { createdAt: 'asc' } })
    expect(actions.map((a) => a.action)).toEqual(['thread.created', 'thread.locked', 'thread.unlocked'])
  })
})

describe('the overview of spaces', () => {
  test('each person sees their spaces with counts and the latest thread; coordinators every facility of the centre, liveliest first', async () => {
    // Municipalities no other test in this file uses, so the centre has exactly these two facilities.
    const world = await threadsWorld('Lejre Kommune', 'Roskilde Kommune')
    const overviewOf = async (user: { id: string; role: string; centreId: string | null }) =>
      spacesOverview(await spacesFor(await loadActor({ ...user, role: user.role as 'volunteer' } as Parameters<typeof loadActor>[0])))

    const volunteer = await overviewOf(world.volunteerHere)
    expect(volunteer.spaces.map((s) => [s.key, s.threadCount, s.latest?.title ?? null])).toEqual([
      [`network-${world.centre.id}`, 1, 'Musik på tablets'],
      [`facility-${world.here.id}`, 1, 'Fælles-iPad i hus B'],
    ])
    const elsewhere = await overviewOf(world.volunteerElsewhere)
    expect(elsewhere.spaces.map((s) => s.key)).toEqual([`network-${world.centre.id}`, `facility-${world.there.id}`])

    await startThread(world.staffThere.id, { centreId: world.centre.id, facilityId: world.there.id }, { title: 'Nyest', body: 'x', tags: [], announcement: false }, new Date(Date.now() + 60_000))
    const coordinator = await overviewOf(world.coordinator)
    expect(coordinator.spaces.map((s) => s.key)).toEqual([`network-${world.centre.id}`, `facility-${world.there.id}`, `facility-${world.here.id}`])
    expect(coordinator.spaces[1].latest?.title).toBe('Nyest')
    expect(coordinator.facilitySpaceCount).toBe(2)
    expect((await overviewOf(world.admin)).spaces).toEqual([])
  })
})

describe('moderation and reports', () => {
  test('a hidden post shows only as hidden, to everyone but the centre; quotes of it too', async () => {
    const world = await threadsWorld()
    const thread = world.network.threadId
    const bad = await replyToThread(world.staffThere.id, thread, { body: 'Mads i hus 2 kan kun YouTube' })
    if (!bad.ok) throw new Error('reply failed')
    await replyToThread(world.volunteerHere.id, thread, { body: 'Godt tip', quotedPostId: bad.postId })
    expect((await hidePost(world.coordinator.id, bad.postId, 'Nævner en beboer')).ok).toBe(true)
    expect((await hidePost(world.coordinator.id, bad.postId, 'Igen')).ok).toBe(false)

    const asOther = await threadPage(thread, { userId: world.volunteerElsewhere.id, moderator: false })
    const asAuthor = await threadPage(thread, { userId: world.staffThere.id, moderator: false })
    const asCentre = await threadPage(thread, { userId: world.coordinator.id, moderator: true })
    expect(JSON.stringify(asOther)).not.toContain('Mads')
    expect(asOther?.posts[1]).toMatchObject({ hidden: true, body: null, hiddenReason: null })
    expect(asOther?.posts[2].quoted).toMatchObject({ hidden: true, excerpt: null })
    expect(asAuthor?.posts[1]).toMatchObject({ hidden: true, body: null, hiddenReason: 'Nævner en beboer' })
    expect(asCentre?.posts[1]).toMatchObject({ hidden: true, body: 'Mads i hus 2 kan kun YouTube', hiddenReason: 'Nævner en beboer' })

    expect((await unhidePost(world.coordinator.id, bad.postId)).ok).toBe(true)
    const log = await prisma.auditLog.findMany({ where: { entityId: bad.postId }, select: { action: true, data: true }, orderBy: { createdAt: 'asc' } })
    expect(log.map((l) => l.action)).toEqual(['post.created', 'post.hidden', 'post.unhidden'])
    expect(log[1].data).toContain('Nævner en beboer')
  })

  test('reports reach the queue of the space\'s centre, oldest first; hiding or dismissing handles them', async () => {
    const world = await threadsWorld()
    const t0 = new Date('2026-06-01T10:00:00Z')
    const first = await replyToThread(world.staffThere.id, world.network.threadId, { body: 'Første anmeldte' })
    const second = await replyToThread(world.staffHere.id, world.facility.threadId, { body: 'Anden anmeldte' })
    if (!first.ok || !second.ok) throw new Error('reply failed')
    const r2 = await reportPost(world.volunteerHere.id, second.postId, 'Navn på beboer', minutes(5, t0))
    const r1 = await reportPost(world.volunteerHere.id, first.postId, 'Helbredsoplysninger', t0)
    const again = await reportPost(world.volunteerHere.id, first.postId, 'Igen', minutes(6, t0))
    expect(again).toMatchObject({ ok: true, duplicate: true })
    await reportPost(world.staffHere.id, first.postId, 'Også mig', minutes(7, t0))

    const queue = await openReports(world.centre.id)
    expect(queue.map((r) => r.reason)).toEqual(['Helbredsoplysninger', 'Navn på beboer', 'Også mig'])
    expect(queue[0].post).toMatchObject({ body: 'Første anmeldte', thread: { id: world.network.threadId } })
    expect(await openReportCount(world.otherCentre.id)).toBe(0)

    // Hiding the post handles both reports about it; dismissing leaves the post as it is.
    await hidePost(world.coordinator.id, first.postId, 'Helbredsoplysninger om en beboer')
    expect(await openReportCount(world.centre.id)).toBe(1)
    if (!r2.ok || !r1.ok) throw new Error('report failed')
    expect((await dismissReport(world.coordinator.id, r2.reportId)).ok).toBe(true)
    expect((await dismissReport(world.coordinator.id, r2.reportId)).ok).toBe(false)
    expect(await openReportCount(world.centre.id)).toBe(0)
    expect((await prisma.post.findUniqueOrThrow({ where: { id: second.postId } })).hiddenAt).toBeNull()
    expect(await prisma.auditLog.count({ where: { action: 'report.handled' } })).toBe(3)
    // A hidden post cannot be reported again.
    expect(await reportPost(world.volunteerElsewhere.id, first.postId, 'Hm')).toEqual({ ok: false, reason: 'hidden' })
  })
})

describe('the thread pages read straight from SQLite', () => {
  test('a thread page (header, posts with authors and quotes, follow mark) equals the Prisma read it replaced', async () => {
    const world = await threadsWorld()
    const start = new Date('2026-03-02T09:00:00Z')
    // 60 replies over two pages: quotes of visible and hidden posts, an edited post, a hidden one, a former member's post.
    const ids: string[] = []
    for (let i = 0; i < 60; i++) {
      const author = [world.volunteerHere, world.staffHere, world.coordinator][i % 3]
      const result = await replyToThread(author.id, world.network.threadId, { body: `Svar nummer ${i} med **fed** tekst`, quotedPostId: i % 7 === 3 ? ids[i - 2] : null }, minutes(i, start))
      if (!result.ok) throw new Error(result.reason)
      ids.push(result.postId)
    }
    await prisma.post.update({ where: { id: ids[1] }, data: { hiddenAt: minutes(70, start), hiddenById: world.coordinator.id, hiddenReason: 'Personoplysninger' } })
    await prisma.post.update({ where: { id: ids[4] }, data: { editedAt: minutes(5, start), body: 'Rettet' } })
    await prisma.post.update({ where: { id: ids[8] }, data: { authorId: null } })
    await prisma.post.update({ where: { id: ids[9] }, data: { quotedPostId: ids[8] } })
    await setFollowing(world.staffThere.id, world.network.threadId, true)
    const now = minutes(62, start)
    let posts = 0
    for (const [threadId, viewer, moderator] of [
      [world.network.threadId, world.volunteerHere.id, false],
      [world.network.threadId, world.staffHere.id, false],
      [world.network.threadId, world.coordinator.id, true],
      [world.network.threadId, world.staffThere.id, false],
      [world.facility.threadId, world.staffHere.id, false],
    ] as const) {
      for (const page of [1, 2, 'last', 99] as const) {
        const read = await threadPage(threadId, { userId: viewer, moderator, page }, now)
        expect(read).toEqual(await threadPageBefore(threadId, { userId: viewer, moderator, page }, now))
        posts += read?.posts.length ?? 0
      }
    }
    expect(posts).toBeGreaterThan(200)
    expect(await threadPage('no-such-thread', { userId: world.volunteerHere.id, moderator: false })).toBeNull()
    expect(await threadPlace(world.facility.threadId)).toEqual(
      await prisma.thread.findUnique({ where: { id: world.facility.threadId }, select: { id: true, centreId: true, facilityId: true, status: true } }),
    )
    expect(await threadPlace('no-such-thread')).toBeNull()
    // What the comparison covered: a quote of a hidden post, a post without author, following.
    const page1 = (await threadPage(world.network.threadId, { userId: world.staffThere.id, moderator: false }, now))!
    expect(page1.thread.following).toBe(true)
    expect(page1.posts.some((post) => post.quoted?.hidden && post.quoted.excerpt === null)).toBe(true)
    expect(page1.posts.some((post) => post.author === null)).toBe(true)
    expect(page1.posts.some((post) => post.quoted?.author === null)).toBe(true)
  })

  test('a space\'s thread list (pinned first, tags, unread marks, pages) equals the Prisma read it replaced', async () => {
    const world = await threadsWorld()
    const start = new Date('2026-03-02T09:00:00Z')
    const place = { centreId: world.centre.id, facilityId: null }
    for (let i = 0; i < 30; i++) {
      const author = i % 4 === 0 ? world.coordinator : world.volunteerHere
      const started = await startThread(author.id, place, { title: `Emne ${i}`, body: 'Tekst', tags: i % 2 ? ['ipad'] : ['spotify', 'tv'], announcement: i === 7 }, minutes(i, start))
      if (i % 5 === 0) await markRead(world.staffHere.id, started.threadId, minutes(i, start))
      if (i === 11) await prisma.thread.update({ where: { id: started.threadId }, data: { authorId: null, status: 'locked' } })
    }
    let compared = 0
    for (const viewer of [world.volunteerHere.id, world.staffHere.id, world.coordinator.id]) {
      for (const tag of [null, 'ipad', 'tv', 'nothing']) {
        for (const page of [1, 2, 5]) {
          const read = await threadList(place, { userId: viewer, tag, page })
          expect(read).toEqual(await threadListBefore(place, { userId: viewer, tag, page }))
          compared += read.threads.length
        }
      }
      const facilityList = await threadList({ centreId: world.centre.id, facilityId: world.here.id }, { userId: viewer })
      expect(facilityList).toEqual(await threadListBefore({ centreId: world.centre.id, facilityId: world.here.id }, { userId: viewer }))
    }
    expect(compared).toBeGreaterThan(150)
    const seen = await threadList(place, { userId: world.staffHere.id })
    expect(seen.threads.filter((thread) => !thread.unread).map((thread) => thread.title)).toEqual(['Emne 25', 'Emne 20', 'Emne 15', 'Emne 10'])
    expect(seen.threads[0]).toMatchObject({ pinned: true, isAnnouncement: true })
  })
})
