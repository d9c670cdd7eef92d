// E-mail digests for thread followers (ThreadSubscription), and the one-click unfollow link.
//
// A follower gets at most one e-mail per thread per hour, listing the visible posts by others that
// came in since the last one. `lastNotifiedAt` is when the follower was last dealt with for the
// thread (a digest sent, or found unable to read it); together with the subscription's start and
// the follower's last visit to the thread (ThreadRead) it marks where the next digest begins.
import crypto from 'node:crypto'
import { audit } from '~/utils/audit.server'
import { formatDateTime } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { localeOf, type Locale, type Role } from '~/utils/domain'
import { queueAfterClaim } from '~/utils/email.server'
import { appUrl, getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { getFixedT } from '~/utils/i18n.server'
import { shownName } from '~/utils/former-person'
import { buildActor } from '~/utils/permissions.server'
import { sqliteInstant } from '~/utils/time'
import { accessTo, spacesFor, type Spaces } from './space.server'

/** At most one digest per thread per follower in this time. */
export const DIGEST_MIN_GAP_MS = 60 * 60_000
/**
 * Posts older than this are not news: a digest never reaches further back, so a server that was
 * down for a while, or subscriptions imported with old posts, do not flood anyone.
 */
export const DIGEST_LOOKBACK_MS = 24 * 60 * 60_000
/**
 * Subscriptions handled per query, and queries per sweep. Rendering a message costs ~25 ms of CPU
 * in the background thread (outside the write transaction, which holds the claim and the insert), so a burst (e.g. the first sweep after a busy day) is spread over
 * a few sweeps — at most 500 digests a minute — instead of holding the CPU for long.
 */
const BATCH_SIZE = 100
const MAX_BATCHES = 5
/** Posts listed in one digest; the rest are counted ("and 4 more"). */
export const DIGEST_MAX_POSTS = 10
const EXCERPT_LENGTH = 280

type DueRow = { userId: string; threadId: string; since: string }

/**
 * Subscriptions with something to send, in one query: the thread had a post lately; the follower
 * is active and was not e-mailed about this thread within the hour; and a visible post by someone
 * else arrived after the later of their last digest (or following), their last visit and the
 * look-back limit. Starts from recently active threads (index on Thread.lastPostAt), so its cost
 * follows the recent activity, not the number of subscriptions.
 */
async function dueSubscriptions(now: Date, limit: number) {
  const cutoff = sqliteInstant(new Date(now.getTime() - DIGEST_LOOKBACK_MS))
  const gap = sqliteInstant(new Date(now.getTime() - DIGEST_MIN_GAP_MS))
  const until = sqliteInstant(now)
  return prisma.$queryRaw<DueRow[]>`
    SELECT "userId", "threadId", "since" FROM (
      SELECT s."userId", s."threadId", t."lastPostAt",
             max(coalesce(s."lastNotifiedAt", s."createdAt"), coalesce(r."lastReadAt", ''), ${cutoff}) AS "since"
      FROM "Thread" t
      JOIN "ThreadSubscription" s ON s."threadId" = t."id"
      JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "ThreadRead" r ON r."userId" = s."userId" AND r."threadId" = s."threadId"
      WHERE t."lastPostAt" > ${cutoff}
        AND u."deactivatedAt" IS NULL
        AND (s."lastNotifiedAt" IS NULL OR s."lastNotifiedAt" <= ${gap})
    ) c
    WHERE EXISTS (
      SELECT 1 FROM "Post" p
      WHERE p."threadId" = c."threadId" AND p."createdAt" > c."since" AND p."createdAt" <= ${until}
        AND p."hiddenAt" IS NULL AND (p."authorId" IS NULL OR p."authorId" <> c."userId"))
    ORDER BY c."lastPostAt"
    LIMIT ${limit}`
}

/** Plain text for an e-mail: formatting marks dropped, whitespace folded, cut at a word. */
export function excerpt(body: string, length = EXCERPT_LENGTH) {
  const text = body
    .replace(/\*\*/g, '')
    .replace(/(^|\n)\s*(?:[-*•]|\d+[.)])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= length) return text
  const cut = text.slice(0, length)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)).trimEnd()} …`
}

export type DigestResult = { sent: number; noAccess: number; checked: number; failed: number }

/**
 * The sweep: e-mails each due follower one digest per thread. Idempotent: the subscription's
 * `lastNotifiedAt` moves in the same transaction as the queued message (rendered before it, see
 * queueAfterClaim), and the message's dedupe
 * key names the subscription and the moment the digest starts, so a repeated or concurrent sweep
 * sends nothing twice. Access is decided at send time with the follower's current spaces.
 */
export async function sendThreadDigests(now = new Date()): Promise<DigestResult> {
  const result: DigestResult = { sent: 0, noAccess: 0, checked: 0, failed: 0 }
  const spacesByUser = new Map<string, Promise<Spaces | null>>()
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await dueSubscriptions(now, BATCH_SIZE)
    for (const row of due) {
      result.checked++
      try {
        const outcome = await digestFor(row, now, spacesByUser)
        if (outcome === 'sent') result.sent++
        else if (outcome === 'no-access') result.noAccess++
      } catch (error) {
        // One follower's problem must not hold up everyone else's digests; the row stays due.
        result.failed++
        logger.error({ err: error, userId: row.userId, threadId: row.threadId }, 'thread digest failed')
      }
    }
    // Rows that failed stay due and would come back in every batch of this sweep.
    if (result.failed > 0) break
    if (due.length < BATCH_SIZE) break
  }
  return result
}

async function followerSpaces(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, centreId: true } })
  return user ? spacesFor(await buildActor({ id: user.id, role: user.role as Role, centreId: user.centreId })) : null
}

async function digestFor(row: DueRow, now: Date, spacesByUser: Map<string, Promise<Spaces | null>>) {
  const { userId, threadId } = row
  const since = new Date(row.since)
  let spaces = spacesByUser.get(userId)
  if (!spaces) spacesByUser.set(userId, (spaces = followerSpaces(userId)))
  const [follower, thread, posts, postCount] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { name: true, email: true, locale: true } }),
    prisma.thread.findUnique({
      where: { id: threadId },
      select: { title: true, centreId: true, facilityId: true, centre: { select: { name: true } }, facility: { select: { name: true } } },
    }),
    prisma.post.findMany({
      where: newPostsWhere(threadId, userId, since, now),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: DIGEST_MAX_POSTS,
      select: { body: true, createdAt: true, author: { select: { name: true, role: true } } },
    }),
    prisma.post.count({ where: newPostsWhere(threadId, userId, since, now) }),
  ])
  // Deleted since the due query: nothing to tell.
  if (!follower || !thread) return 'nothing'
  const readable = await spaces
  // Only the follower's own state may change below, and only if nobody changed it meanwhile.
  const claim = { userId, threadId, OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: new Date(now.getTime() - DIGEST_MIN_GAP_MS) } }] }

  if (!readable || !accessTo(readable, { centreId: thread.centreId, facilityId: thread.facilityId }).read) {
    // E.g. a volunteer whose match ended: nothing from that facility's space, and not asked again within the hour.
    await prisma.threadSubscription.updateMany({ where: claim, data: { lastNotifiedAt: now } })
    return 'no-access'
  }
  if (posts.length === 0) return 'nothing'

  const locale: Locale = localeOf(follower.locale)
  const t = await getFixedT(locale, 'rights')
  // Rendered before the transaction that claims the subscription; unfollowed, or another sweep
  // got here first, and the claim fails and the digest is dropped.
  const written = await queueAfterClaim(
    [
      {
        to: follower.email,
        toName: follower.name,
        locale,
        template: 'thread-digest',
        dedupeKey: `thread-digest:${userId}:${threadId}:${since.toISOString()}`,
        props: {
          name: follower.name,
          threadTitle: thread.title,
          space: thread.facilityId ? { kind: 'facility', name: thread.facility?.name ?? '' } : { kind: 'network', name: thread.centre.name },
          count: postCount,
          more: Math.max(0, postCount - posts.length),
          posts: posts.map((post) => ({
            author: post.author ? shownName(t, post.author) : null,
            when: formatDateTime(post.createdAt, locale),
            excerpt: excerpt(post.body),
          })),
          url: appUrl(`/threads/${threadId}`),
          unfollowUrl: appUrl(`/unfollow/${unfollowToken(userId, threadId)}?lng=${locale}`),
        },
      },
    ],
    async (tx) => (await tx.threadSubscription.updateMany({ where: claim, data: { lastNotifiedAt: now } })).count > 0,
  )
  return written ? 'sent' : 'nothing'
}

function newPostsWhere(threadId: string, userId: string, since: Date, now: Date) {
  return {
    threadId,
    createdAt: { gt: since, lte: now },
    hiddenAt: null,
    OR: [{ authorId: null }, { authorId: { not: userId } }],
  }
}

// ---------------------------------------------------------------------------------------------
// The unfollow link
// ---------------------------------------------------------------------------------------------

/**
 * `<userId>.<threadId>.<signature>`: an HMAC-SHA256 of both ids under the server's SESSION_SECRET.
 * Not guessable, good for exactly one follower and one thread, needs no stored row, and keeps
 * working after use (the same page offers "follow again"). Changing SESSION_SECRET retires every
 * link sent so far; people can still unfollow on the thread page.
 */
export function unfollowToken(userId: string, threadId: string) {
  return `${userId}.${threadId}.${signature(userId, threadId)}`
}

function signature(userId: string, threadId: string) {
  return crypto.createHmac('sha256', getEnv().SESSION_SECRET).update(`thread-unfollow\n${userId}\n${threadId}`).digest('base64url')
}

/** The follower and thread a link names, or null when it was not made by this server. */
export function readUnfollowToken(token: string | undefined) {
  const parts = (token ?? '').split('.')
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]{1,64}$/.test(part))) return null
  const [userId, threadId, given] = parts
  const expected = Buffer.from(signature(userId, threadId))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return null
  return { userId, threadId }
}

/** What the unfollow page shows; null when the link is not valid or the thread or user is gone. */
export async function unfollowPage(token: string | undefined) {
  const ids = readUnfollowToken(token)
  if (!ids) return null
  const [user, thread, subscription] = await Promise.all([
    prisma.user.findUnique({ where: { id: ids.userId }, select: { id: true, deactivatedAt: true } }),
    prisma.thread.findUnique({ where: { id: ids.threadId }, select: { id: true, title: true } }),
    prisma.threadSubscription.findUnique({ where: { userId_threadId: ids }, select: { userId: true } }),
  ])
  if (!user || user.deactivatedAt || !thread) return null
  return { threadId: thread.id, threadTitle: thread.title, following: subscription !== null }
}

/** Stops the follower's digests for the thread. Idempotent; audited when it changes something. */
export async function unfollowByToken(token: string | undefined) {
  const ids = readUnfollowToken(token)
  if (!ids) return null
  return prisma.$transaction(async (tx) => {
    const removed = await tx.threadSubscription.deleteMany({ where: ids })
    if (removed.count > 0) {
      await audit(tx, { actorId: ids.userId, action: 'thread.unfollowed', entityType: 'Thread', entityId: ids.threadId, data: { via: 'email-link' } })
    }
    return { changed: removed.count > 0 }
  })
}

/**
 * "Follow again" from the same page: only while the follower can still read the thread. The
 * digest starts afresh from now (posts in between were not asked for).
 */
export async function followAgainByToken(token: string | undefined, now = new Date()) {
  const ids = readUnfollowToken(token)
  if (!ids) return null
  const [user, thread] = await Promise.all([
    prisma.user.findUnique({ where: { id: ids.userId }, select: { id: true, role: true, centreId: true, deactivatedAt: true } }),
    prisma.thread.findUnique({ where: { id: ids.threadId }, select: { centreId: true, facilityId: true } }),
  ])
  if (!user || user.deactivatedAt || !thread) return null
  const spaces = await spacesFor(await buildActor({ id: user.id, role: user.role as Role, centreId: user.centreId }))
  if (!accessTo(spaces, thread).read) return { followed: false as const }
  await prisma.$transaction(async (tx) => {
    await tx.threadSubscription.upsert({ where: { userId_threadId: ids }, create: { ...ids, createdAt: now }, update: {} })
    await audit(tx, { actorId: ids.userId, action: 'thread.followed', entityType: 'Thread', entityId: ids.threadId, data: { via: 'email-link' } })
  })
  return { followed: true as const }
}
