import type { Spaces, ThreadPlace } from '~/models/space.server'
import { audit } from '~/utils/audit.server'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { prisma, type Prisma, type Tx } from '~/utils/db.server'
import { parseList } from '~/utils/domain'
import { all, first, sql } from '~/utils/sql.server'
import { plainExcerpt } from '~/utils/post-format'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { canStillEdit, POSTS_PER_PAGE, spaceKey, THREADS_PER_PAGE, type SpaceRef } from '~/utils/threads'

/**
 * Experience sharing (issue 5): threads and posts in a facility's space or a centre's network.
 * Who may read, post and moderate where is decided by app/models/space.server.ts and checked by
 * the routes before they call these functions; here live the rules of the conversation itself
 * (locked threads, the edit window, hidden posts, who follows what).
 */

export type Space = ThreadPlace & { key: string; name: string; centreName: string | null }

/** The space behind a URL key, or null when the centre or facility does not exist. */
export async function resolveSpace(ref: SpaceRef): Promise<Space | null> {
  // Every thread-list request starts here: straight from SQLite (sql.server.ts), not through Prisma's compiler.
  if (ref.kind === 'network') {
    const centre = first(sql.selectFrom('Centre').select(['id', 'name']).where('id', '=', ref.centreId))
    return centre ? { key: spaceKey({ centreId: centre.id, facilityId: null }), centreId: centre.id, facilityId: null, name: centre.name, centreName: centre.name } : null
  }
  const facility = first(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Municipality as m', 'm.id', 'f.municipalityId')
      .leftJoin('Centre as c', 'c.id', 'm.centreId')
      .select(['f.id', 'f.name', 'c.id as centreId', 'c.name as centreName'])
      .where('f.id', '=', ref.facilityId),
  )
  if (!facility) return null
  // A facility in a municipality no centre covers yet has a space nobody can moderate; '' matches no centre.
  return { key: spaceKey({ centreId: facility.centreId ?? '', facilityId: facility.id }), centreId: facility.centreId ?? '', facilityId: facility.id, name: facility.name, centreName: facility.centreName ?? null }
}

export type SpaceSummary = Space & { threadCount: number; latest: { id: string; title: string; lastPostAt: Date } | null }

// One collator for all sorting: localeCompare with a locale builds a new one on every call.
const byName = new Intl.Collator('da')

/**
 * Facility spaces listed on /threads before "show all": the liveliest first. The largest centre
 * has ~680 facilities in the national data, too many to list on every visit.
 */
export const FACILITY_SPACES_SHOWN = 30

/**
 * Every space the user is in, each with its latest activity: their centre network(s), their
 * facilities' spaces, and for coordinators every facility space of their centre.
 */
export async function spacesOverview(spaces: Spaces, options: { all?: boolean } = {}): Promise<{ spaces: SpaceSummary[]; facilitySpaceCount: number }> {
  // Each kind of space by its own index (one OR over all three would scan every thread), and no
  // relation loads for the hundreds of facilities of a large centre.
  const moderatedMunicipalities = spaces.moderatedCentreIds.length
    ? await prisma.municipality.findMany({ where: { centreId: { in: spaces.moderatedCentreIds } }, select: { id: true, centreId: true } })
    : []
  const groupBy = (where: Prisma.ThreadWhereInput) =>
    prisma.thread.groupBy({ by: ['centreId', 'facilityId'], where, _count: { _all: true }, _max: { lastPostAt: true } })
  const [centres, memberFacilities, centreFacilities, ...groupLists] = await Promise.all([
    prisma.centre.findMany({ where: { id: { in: [...spaces.networkCentreIds, ...spaces.moderatedCentreIds] } }, select: { id: true, name: true } }),
    spaces.facilityIds.length
      ? prisma.facility.findMany({ where: { id: { in: spaces.facilityIds } }, select: { id: true, name: true, municipality: { select: { centreId: true } } } })
      : [],
    // Coordinators: every facility of the centre that is or was running (pending ones have no space yet).
    moderatedMunicipalities.length
      ? prisma.facility.findMany({ where: { municipalityId: { in: moderatedMunicipalities.map((m) => m.id) }, status: { in: ['active', 'inactive'] } }, select: { id: true, name: true, municipalityId: true } })
      : [],
    spaces.networkCentreIds.length ? groupBy({ centreId: { in: spaces.networkCentreIds }, facilityId: null }) : [],
    spaces.facilityIds.length ? groupBy({ facilityId: { in: spaces.facilityIds } }) : [],
    spaces.moderatedCentreIds.length ? groupBy({ centreId: { in: spaces.moderatedCentreIds } }) : [],
  ])
  const centreName = new Map(centres.map((c) => [c.id, c.name]))
  const centreOfMunicipality = new Map(moderatedMunicipalities.map((m) => [m.id, m.centreId]))
  const facilities = new Map<string, { id: string; name: string; centreId: string }>()
  for (const f of centreFacilities) facilities.set(f.id, { id: f.id, name: f.name, centreId: centreOfMunicipality.get(f.municipalityId) ?? '' })
  for (const f of memberFacilities) facilities.set(f.id, { id: f.id, name: f.name, centreId: f.municipality.centreId ?? '' })
  // A member's facility may lie in a centre whose name was not fetched above.
  const missing = [...facilities.values()].map((f) => f.centreId).filter((id) => id && !centreName.has(id))
  if (missing.length) for (const c of await prisma.centre.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) centreName.set(c.id, c.name)

  const groups = new Map<string, { count: number; newest: Date | null }>()
  for (const g of groupLists.flat()) {
    const key = spaceKey(g)
    if (groups.has(key) && g.facilityId === null) continue // the same network counted by two of the queries
    const entry = groups.get(key) ?? { count: 0, newest: null }
    entry.count += g._count._all
    if (g._max.lastPostAt && (!entry.newest || g._max.lastPostAt > entry.newest)) entry.newest = g._max.lastPostAt
    groups.set(key, entry)
  }
  const summaries: Space[] = [
    ...spaces.networkCentreIds
      .filter((id) => centreName.has(id))
      .map((id) => ({ key: spaceKey({ centreId: id, facilityId: null }), centreId: id, facilityId: null, name: centreName.get(id)!, centreName: centreName.get(id)! }))
      .sort((a, b) => byName.compare(a.name, b.name)),
    ...[...facilities.values()].map((f) => ({
      key: spaceKey({ centreId: f.centreId, facilityId: f.id }),
      centreId: f.centreId,
      facilityId: f.id,
      name: f.name,
      centreName: centreName.get(f.centreId) ?? null,
    })),
  ]
  const counted = summaries.map((space) => ({ ...space, threadCount: groups.get(space.key)?.count ?? 0, newest: groups.get(space.key)?.newest ?? null }))
  // Networks first; then facility spaces with the latest activity first. A large centre has hundreds
  // of facilities, so only the liveliest are shown unless the coordinator asks for all of them.
  const networks = counted.filter((space) => space.facilityId === null)
  const facilitySpaces = counted
    .filter((space) => space.facilityId !== null)
    .sort((a, b) => (b.newest?.getTime() ?? 0) - (a.newest?.getTime() ?? 0) || byName.compare(a.name, b.name))
  const shown = [...networks, ...(options.all ? facilitySpaces : facilitySpaces.slice(0, FACILITY_SPACES_SHOWN))]
  // The latest thread of each shown space in one query: the threads whose lastPostAt is their space's newest.
  const newest = shown.map((space) => space.newest).filter((date): date is Date => date !== null)
  const latestThreads = newest.length
    ? await prisma.thread.findMany({
        where: {
          OR: shown
            .filter((space) => space.newest)
            .map((space) => (space.facilityId ? { facilityId: space.facilityId, lastPostAt: space.newest! } : { centreId: space.centreId, facilityId: null, lastPostAt: space.newest! })),
        },
        select: { id: true, title: true, lastPostAt: true, centreId: true, facilityId: true },
      })
    : []
  return {
    spaces: shown.map(({ newest: newestHere, ...space }) => {
      const latest = newestHere ? latestThreads.find((row) => spaceKey(row) === space.key && row.lastPostAt.getTime() === newestHere.getTime()) : undefined
      return { ...space, latest: latest ? { id: latest.id, title: latest.title, lastPostAt: latest.lastPostAt } : null }
    }),
    facilitySpaceCount: facilitySpaces.length,
  }
}

/**
 * One page of a space's threads: pinned first, then latest activity; with unread markers for the
 * user. A thread the user never opened counts as unread.
 */
export async function threadList(place: ThreadPlace, options: { userId: string; tag?: string | null; page?: number }) {
  // Read straight from SQLite (app/utils/sql.server.ts): the list is opened on every visit to a space.
  const inPlace = sql
    .selectFrom('Thread as t')
    .where((eb) =>
      eb.and([
        place.facilityId ? eb('t.facilityId', '=', place.facilityId) : eb.and([eb('t.centreId', '=', place.centreId), eb('t.facilityId', 'is', null)]),
        // As Prisma's `contains`: LIKE, and the tag codes hold no wildcards.
        ...(options.tag ? [eb('t.tags', 'like', `%"${options.tag}"%`)] : []),
      ]),
    )
  const total = Number(first(inPlace.select((eb) => eb.fn.countAll<number>().as('count')))?.count ?? 0)
  const pageCount = Math.max(1, Math.ceil(total / THREADS_PER_PAGE))
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount)
  const rows = all(
    inPlace
      .leftJoin('User as a', 'a.id', 't.authorId')
      .leftJoin('ThreadRead as r', (join) => join.onRef('r.threadId', '=', 't.id').on('r.userId', '=', options.userId))
      .select(['t.id', 't.title', 't.tags', 't.status', 't.pinned', 't.isAnnouncement', 't.postCount', 't.lastPostAt', 'a.name as authorName', 'a.role as authorRole', 'r.lastReadAt'])
      .orderBy('t.pinned', 'desc')
      .orderBy('t.lastPostAt', 'desc')
      .limit(THREADS_PER_PAGE)
      .offset((page - 1) * THREADS_PER_PAGE),
  )
  const threads = rows.map((row) => {
    const lastPostAt = new Date(row.lastPostAt)
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      pinned: Boolean(row.pinned),
      isAnnouncement: Boolean(row.isAnnouncement),
      postCount: row.postCount,
      lastPostAt,
      author: row.authorName !== null && row.authorRole !== null ? { name: row.authorName, role: row.authorRole } : null,
      tags: parseList(row.tags),
      unread: row.lastReadAt === null || new Date(row.lastReadAt).getTime() < lastPostAt.getTime(),
    }
  })
  return { threads, page, pageCount, total }
}

/** A thread's place and state, for the permission check before anything else is loaded. */
export async function threadPlace(threadId: string) {
  return first(sql.selectFrom('Thread').select(['id', 'centreId', 'facilityId', 'status']).where('id', '=', threadId)) ?? null
}


/**
 * The thread page: the thread, one page of posts in order, and whether the user follows it.
 * Hidden posts keep their text only for moderators; everyone else gets the notice (and the author
 * the reason), so the text never leaves the server for them — not in quotes either.
 */
export async function threadPage(threadId: string, options: { userId: string; moderator: boolean; page?: number | 'last' }, now = new Date()) {
  // Straight from SQLite, two joins: Prisma loaded the same in seven queries, three of them with a
  // NULL key (the facility of a network thread, the quoted post and its author when nothing is quoted).
  const row = first(
    sql
      .selectFrom('Thread as t')
      .innerJoin('Centre as c', 'c.id', 't.centreId')
      .leftJoin('Facility as f', 'f.id', 't.facilityId')
      .leftJoin('ThreadSubscription as s', (join) => join.onRef('s.threadId', '=', 't.id').on('s.userId', '=', options.userId))
      .select(['t.id', 't.centreId', 't.facilityId', 't.title', 't.tags', 't.status', 't.pinned', 't.isAnnouncement', 't.postCount', 't.lastPostAt', 't.createdAt'])
      .select(['c.name as centreName', 'f.name as facilityName', 's.userId as follower'])
      .where('t.id', '=', threadId),
  )
  if (!row) return null
  const thread = {
    id: row.id,
    centreId: row.centreId,
    facilityId: row.facilityId,
    title: row.title,
    status: row.status,
    pinned: Boolean(row.pinned),
    isAnnouncement: Boolean(row.isAnnouncement),
    postCount: row.postCount,
    lastPostAt: new Date(row.lastPostAt),
    createdAt: new Date(row.createdAt),
    centre: { name: row.centreName },
    facility: row.facilityName !== null ? { name: row.facilityName } : null,
    tags: parseList(row.tags),
    following: row.follower !== null,
  }
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE))
  const wanted = options.page === 'last' ? pageCount : (options.page ?? 1)
  const page = Math.min(Math.max(1, wanted), pageCount)
  const rows = all(
    sql
      .selectFrom('Post as p')
      .leftJoin('User as a', 'a.id', 'p.authorId')
      .leftJoin('Post as q', 'q.id', 'p.quotedPostId')
      .leftJoin('User as qa', 'qa.id', 'q.authorId')
      .select(['p.id', 'p.body', 'p.createdAt', 'p.editedAt', 'p.hiddenAt', 'p.hiddenReason'])
      .select(['a.id as authorId', 'a.name as authorName', 'a.role as authorRole'])
      .select(['q.id as quotedId', 'q.body as quotedBody', 'q.hiddenAt as quotedHiddenAt', 'qa.name as quotedAuthorName', 'qa.role as quotedAuthorRole'])
      .where('p.threadId', '=', threadId)
      .orderBy('p.createdAt', 'asc')
      .orderBy('p.id', 'asc')
      .limit(POSTS_PER_PAGE)
      .offset((page - 1) * POSTS_PER_PAGE),
  )
  const posts = rows.map((post) => {
    const author = post.authorId !== null && post.authorName !== null && post.authorRole !== null ? { id: post.authorId, name: post.authorName, role: post.authorRole } : null
    const createdAt = new Date(post.createdAt)
    const mine = author?.id === options.userId
    const hidden = post.hiddenAt !== null
    const showText = !hidden || options.moderator
    return {
      id: post.id,
      body: showText ? post.body : null,
      hidden,
      hiddenReason: hidden && (options.moderator || mine) ? post.hiddenReason : null,
      createdAt,
      editedAt: post.editedAt === null ? null : new Date(post.editedAt),
      author,
      mine,
      canEdit: mine && !hidden && thread.status === 'open' && canStillEdit(createdAt, now),
      quoted:
        post.quotedId !== null && post.quotedBody !== null
          ? {
              id: post.quotedId,
              author: post.quotedAuthorName !== null && post.quotedAuthorRole !== null ? { name: post.quotedAuthorName, role: post.quotedAuthorRole } : null,
              hidden: post.quotedHiddenAt !== null,
              excerpt: post.quotedHiddenAt === null || options.moderator ? plainExcerpt(post.quotedBody) : null,
            }
          : null,
    }
  })
  return { thread, posts, page, pageCount }
}

/** Remembers how far the user has read, for the unread markers; only ever moves forward. */
export async function markRead(userId: string, threadId: string, upTo: Date) {
  const current = first(sql.selectFrom('ThreadRead').select('lastReadAt').where('userId', '=', userId).where('threadId', '=', threadId))
  if (current && new Date(current.lastReadAt).getTime() >= upTo.getTime()) return
  await prisma.threadRead.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId, lastReadAt: upTo },
    update: { lastReadAt: upTo },
  })
}

/** A post the user may quote in a reply (same thread, not hidden), as shown above the editor. */
export async function quotablePost(threadId: string, postId: string) {
  const post = await prisma.post.findFirst({
    where: { id: postId, threadId, hiddenAt: null },
    select: { id: true, body: true, author: { select: { name: true, role: true } } },
  })
  return post ? { id: post.id, author: post.author, excerpt: plainExcerpt(post.body) } : null
}

async function follow(tx: Tx, userId: string, threadId: string, now: Date) {
  await tx.threadSubscription.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId, createdAt: now },
    update: {},
  })
}

async function readUpTo(tx: Tx, userId: string, threadId: string, at: Date) {
  await tx.threadRead.upsert({ where: { userId_threadId: { userId, threadId } }, create: { userId, threadId, lastReadAt: at }, update: { lastReadAt: at } })
}

export type NewThreadInput = { title: string; body: string; tags: string[]; announcement: boolean }

/** Starts a thread with its first post; the author follows it from then on. */
export async function startThread(authorId: string, place: ThreadPlace, input: NewThreadInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const thread = await tx.thread.create({
      data: {
        centreId: place.centreId,
        facilityId: place.facilityId,
        title: input.title,
        tags: JSON.stringify(input.tags),
        isAnnouncement: input.announcement,
        // An announcement from the centre stays on top until a coordinator unpins it.
        pinned: input.announcement,
        authorId,
        postCount: 1,
        lastPostAt: now,
        createdAt: now,
      },
      select: { id: true },
    })
    const post = await tx.post.create({ data: { threadId: thread.id, authorId, body: input.body, createdAt: now }, select: { id: true } })
    await follow(tx, authorId, thread.id, now)
    await readUpTo(tx, authorId, thread.id, now)
    await audit(tx, { actorId: authorId, action: 'thread.created', entityType: 'Thread', entityId: thread.id, data: { postId: post.id, facilityId: place.facilityId, announcement: input.announcement } })
    return { threadId: thread.id, postId: post.id }
  })
}

export type ReplyResult = { ok: true; postId: string } | { ok: false; reason: 'not-found' | 'locked' | 'bad-quote' }

/** A reply at the end of the thread, optionally quoting an earlier post; the author follows the thread. */
export async function replyToThread(authorId: string, threadId: string, input: { body: string; quotedPostId?: string | null }, now = new Date()): Promise<ReplyResult> {
  return prisma.$transaction(async (tx) => {
    if (input.quotedPostId) {
      const quoted = await tx.post.count({ where: { id: input.quotedPostId, threadId, hiddenAt: null } })
      if (quoted === 0) return { ok: false, reason: 'bad-quote' }
    }
    // Guarded update: a thread locked a moment ago takes no more replies.
    const updated = await tx.thread.updateMany({ where: { id: threadId, status: 'open' }, data: { postCount: { increment: 1 }, lastPostAt: now } })
    if (updated.count === 0) return { ok: false, reason: (await tx.thread.count({ where: { id: threadId } })) ? 'locked' : 'not-found' }
    const post = await tx.post.create({ data: { threadId, authorId, body: input.body, quotedPostId: input.quotedPostId || null, createdAt: now }, select: { id: true } })
    await follow(tx, authorId, threadId, now)
    await readUpTo(tx, authorId, threadId, now)
    await audit(tx, { actorId: authorId, action: 'post.created', entityType: 'Post', entityId: post.id, data: { threadId, quotedPostId: input.quotedPostId || null } })
    return { ok: true, postId: post.id }
  })
}

export type EditResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-yours' | 'too-late' | 'hidden' | 'locked' }

/**
 * Authors correct their own post within the edit window (EDIT_WINDOW_MINUTES), while it is visible
 * and the thread open: hidden posts and posts in locked threads cannot be edited. Edits are
 * audited (`post.edited`) and the post shows "(redigeret)".
 */
export async function editPost(authorId: string, postId: string, body: string, now = new Date()): Promise<EditResult> {
  return prisma.$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { authorId: true, createdAt: true, hiddenAt: true, threadId: true, thread: { select: { status: true } } } })
    if (!post) return { ok: false, reason: 'not-found' }
    if (post.authorId !== authorId) return { ok: false, reason: 'not-yours' }
    if (post.hiddenAt) return { ok: false, reason: 'hidden' }
    if (post.thread.status !== 'open') return { ok: false, reason: 'locked' }
    if (!canStillEdit(post.createdAt, now)) return { ok: false, reason: 'too-late' }
    const updated = await tx.post.updateMany({ where: { id: postId, hiddenAt: null }, data: { body, editedAt: now } })
    if (updated.count === 0) return { ok: false, reason: 'hidden' }
    await audit(tx, { actorId: authorId, action: 'post.edited', entityType: 'Post', entityId: postId, data: { threadId: post.threadId } })
    return { ok: true }
  })
}

export async function setFollowing(userId: string, threadId: string, following: boolean, now = new Date()) {
  if (following) {
    await prisma.$transaction((tx) => follow(tx, userId, threadId, now))
  } else {
    await prisma.threadSubscription.deleteMany({ where: { userId, threadId } })
  }
}

// ---------------------------------------------------------------------------------------------
// Moderation (coordinators of the space's centre; checked by the route)
// ---------------------------------------------------------------------------------------------

/** A post with the thread it belongs to, for the permission check on post actions. */
export function postPlace(postId: string) {
  return prisma.post.findUnique({
    where: { id: postId },
    select: { id: true, threadId: true, hiddenAt: true, thread: { select: { centreId: true, facilityId: true, status: true } } },
  })
}

/**
 * Hides a post with a reason (kept, audited); open reports about it are handled by the same act.
 * Hiding sends no e-mail: the author sees the notice and the reason on the thread page, everyone
 * else only the notice (see threadPage). Unhiding keeps the earlier reason in the audit log.
 */
export async function hidePost(actorId: string, postId: string, reason: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.post.updateMany({ where: { id: postId, hiddenAt: null }, data: { hiddenAt: now, hiddenById: actorId, hiddenReason: reason } })
    if (updated.count === 0) return { ok: false as const }
    await audit(tx, { actorId, action: 'post.hidden', entityType: 'Post', entityId: postId, data: { reason } })
    const reports = await tx.postReport.findMany({ where: { postId, status: 'open' }, select: { id: true } })
    if (reports.length) {
      await tx.postReport.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { status: 'handled', handledById: actorId, handledAt: now } })
      for (const report of reports) await audit(tx, { actorId, action: 'report.handled', entityType: 'PostReport', entityId: report.id, data: { outcome: 'hidden' } })
    }
    return { ok: true as const }
  })
}

/** Shows a hidden post again; the earlier hiding stays in the audit log. */
export async function unhidePost(actorId: string, postId: string) {
  return prisma.$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { hiddenAt: true, hiddenReason: true } })
    if (!post?.hiddenAt) return { ok: false as const }
    await tx.post.update({ where: { id: postId }, data: { hiddenAt: null, hiddenById: null, hiddenReason: null } })
    await audit(tx, { actorId, action: 'post.unhidden', entityType: 'Post', entityId: postId, data: { previousReason: post.hiddenReason } })
    return { ok: true as const }
  })
}

/**
 * Locked means locked for everyone, coordinators included: a coordinator who wants to add a word
 * unlocks first. replyToThread's guarded update refuses a reply that races the lock (the form
 * keeps the text).
 */
export async function setThreadLocked(actorId: string, threadId: string, locked: boolean) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.thread.updateMany({ where: { id: threadId, status: locked ? 'open' : 'locked' }, data: { status: locked ? 'locked' : 'open' } })
    if (updated.count === 0) return { ok: false as const }
    await audit(tx, { actorId, action: locked ? 'thread.locked' : 'thread.unlocked', entityType: 'Thread', entityId: threadId, data: { from: locked ? 'open' : 'locked', to: locked ? 'locked' : 'open' } })
    return { ok: true as const }
  })
}

export async function setThreadPinned(actorId: string, threadId: string, pinned: boolean) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.thread.updateMany({ where: { id: threadId, pinned: !pinned }, data: { pinned } })
    if (updated.count === 0) return { ok: false as const }
    await audit(tx, { actorId, action: pinned ? 'thread.pinned' : 'thread.unpinned', entityType: 'Thread', entityId: threadId })
    return { ok: true as const }
  })
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

export type ReportResult = { ok: true; reportId: string; duplicate: boolean } | { ok: false; reason: 'hidden' }

/** Anyone who can read a post can report it; the same person reporting it again adds nothing. */
export async function reportPost(reporterId: string, postId: string, reason: string, now = new Date()): Promise<ReportResult> {
  return prisma.$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { hiddenAt: true } })
    if (!post || post.hiddenAt) return { ok: false, reason: 'hidden' }
    const existing = await tx.postReport.findFirst({ where: { postId, reporterId, status: 'open' }, select: { id: true } })
    if (existing) return { ok: true, reportId: existing.id, duplicate: true }
    const report = await tx.postReport.create({ data: { postId, reporterId, reason, createdAt: now }, select: { id: true } })
    await audit(tx, { actorId: reporterId, action: 'report.created', entityType: 'PostReport', entityId: report.id, data: { postId } })
    return { ok: true, reportId: report.id, duplicate: false }
  })
}

const openReportsIn = (centreId: string): Prisma.PostReportWhereInput => ({ status: 'open', post: { thread: { centreId } } })

/** How many open reports wait in the centre's spaces (the start page's to-do), straight from SQLite. */
export function openReportCount(centreId: string) {
  const row = first(
    sql
      .selectFrom('PostReport as r')
      .innerJoin('Post as p', 'p.id', 'r.postId')
      .innerJoin('Thread as t', 't.id', 'p.threadId')
      .where('r.status', '=', 'open')
      .where('t.centreId', '=', centreId)
      .select((eb) => eb.fn.countAll<number>().as('n')),
  )
  return Number(row?.n ?? 0)
}

/** The coordinators' queue: open reports in their centre's spaces, oldest first, with the post. */
export async function openReports(centreId: string) {
  const rows = await prisma.postReport.findMany({
    where: openReportsIn(centreId),
    select: {
      id: true,
      reason: true,
      createdAt: true,
      reporter: { select: { name: true, role: true } },
      post: {
        select: {
          id: true,
          body: true,
          createdAt: true,
          hiddenAt: true,
          author: { select: { name: true, role: true } },
          thread: { select: { id: true, title: true, facility: { select: { name: true } }, centre: { select: { name: true } } } },
        },
      },
    },
    orderBy: { createdAt: 'asc' },
    take: 100,
  })
  return rows
}

/** The report's post, for the permission check (the report must be in the coordinator's centre). */
export function reportPlace(reportId: string) {
  return prisma.postReport.findUnique({
    where: { id: reportId },
    select: { id: true, status: true, postId: true, post: { select: { thread: { select: { centreId: true, facilityId: true } } } } },
  })
}

/** A report that needs no action is closed as handled; the post stays as it is. */
export async function dismissReport(actorId: string, reportId: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.postReport.updateMany({ where: { id: reportId, status: 'open' }, data: { status: 'handled', handledById: actorId, handledAt: now } })
    if (updated.count === 0) return { ok: false as const }
    await audit(tx, { actorId, action: 'report.handled', entityType: 'PostReport', entityId: reportId, data: { outcome: 'dismissed' } })
    return { ok: true as const }
  })
}

// ---------------------------------------------------------------------------------------------
// Form fields shared by the new-thread and reply forms
// ---------------------------------------------------------------------------------------------

export const threadTitleField = oneLineText()
  .trim()
  .min(1, 'validation.required')
  .max(150, 'validation.tooLong?maximum=150')
  .refine(withoutCprNumber, 'threads:form.cprRefused')

export const postBodyField = multiLineText()
  .trim()
  .min(1, 'validation.required')
  .max(10_000, 'validation.tooLong?maximum=10000')
  .refine(withoutCprNumber, 'threads:form.cprRefused')

export const reasonField = multiLineText()
  .trim()
  .min(1, 'validation.required')
  .max(1000, 'validation.tooLong?maximum=1000')
  .refine(withoutCprNumber, CPR_REFUSED)
