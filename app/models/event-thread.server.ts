import { startThread } from '~/models/thread.server'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { first, all, sql } from '~/utils/sql.server'

/**
 * A network meeting's agenda and minutes live in a thread of the centre's network space, so the
 * experience sharing stays in one place (issue 10). Only the event's own centre's network threads
 * qualify: a facility's space is closed to the other facilities' staff, and another centre's
 * network to this centre's members.
 */

/** Events of these kinds can have an agenda thread. */
export const THREADED_EVENT_KINDS = ['network_meeting'] as const

export function mayHaveThread(kind: string) {
  return (THREADED_EVENT_KINDS as readonly string[]).includes(kind)
}

/** The network threads of a centre a meeting can link to, the most recently active first. */
export function networkThreadsOf(centreId: string, take = 100) {
  return all(
    sql
      .selectFrom('Thread')
      .select(['id', 'title'])
      .where('centreId', '=', centreId)
      .where('facilityId', 'is', null)
      .orderBy('lastPostAt', 'desc')
      .orderBy('id')
      .limit(take),
  )
}

export type LinkThreadResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-network-meeting' | 'not-centres-network' }

/** Links (threadId) or unlinks (null) a meeting's agenda thread; the thread must be in the event's centre's network space. */
export async function linkEventThread(actorId: string, eventId: string, threadId: string | null): Promise<LinkThreadResult> {
  return prisma.$transaction(async (tx): Promise<LinkThreadResult> => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { centreId: true, kind: true } })
    if (!event) return { ok: false, reason: 'not-found' }
    if (!mayHaveThread(event.kind)) return { ok: false, reason: 'not-network-meeting' }
    if (threadId) {
      const thread = await tx.thread.findUnique({ where: { id: threadId }, select: { centreId: true, facilityId: true } })
      if (!thread || thread.centreId !== event.centreId || thread.facilityId !== null) return { ok: false, reason: 'not-centres-network' }
    }
    await tx.event.update({ where: { id: eventId }, data: { threadId } })
    await audit(tx, { actorId, action: threadId ? 'event.thread_linked' : 'event.thread_unlinked', entityType: 'Event', entityId: eventId, data: { threadId } })
    return { ok: true }
  })
}

export type CreateThreadResult = { ok: true; threadId: string } | { ok: false; reason: 'not-found' | 'not-network-meeting' }

/** Starts the agenda thread in the centre's network space, written by the coordinator, and links it. */
export async function createEventThread(actorId: string, eventId: string, input: { title: string; body: string }): Promise<CreateThreadResult> {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { centreId: true, kind: true } })
  if (!event) return { ok: false, reason: 'not-found' }
  if (!mayHaveThread(event.kind)) return { ok: false, reason: 'not-network-meeting' }
  const { threadId } = await startThread(actorId, { centreId: event.centreId, facilityId: null }, { title: input.title, body: input.body, tags: [], announcement: false })
  const linked = await linkEventThread(actorId, eventId, threadId)
  if (!linked.ok) return { ok: false, reason: 'not-found' }
  return { ok: true, threadId }
}

/** The meeting a thread is the agenda of, for the thread page; a draft only for its centre's coordinators. */
export function eventOfThread(threadId: string, coordinatorOf: string | null) {
  const row = first(
    sql
      .selectFrom('Event as e')
      .select(['e.id', 'e.title', 'e.status', 'e.centreId'])
      .where('e.threadId', '=', threadId)
      .orderBy('e.createdAt', 'desc')
      .limit(1),
  )
  if (!row) return null
  const coordinator = coordinatorOf === row.centreId
  if (row.status === 'draft' && !coordinator) return null
  return { id: row.id, title: row.title, status: row.status, href: coordinator ? `/centre/events/${row.id}` : `/events/${row.id}` }
}

/** The agenda thread of an event, if the viewer may read the centre's network space (see space.server.ts). */
export function eventThreadFor(eventId: string, networkCentreIds: string[]) {
  const row = first(
    sql
      .selectFrom('Event as e')
      .innerJoin('Thread as t', 't.id', 'e.threadId')
      .select(['t.id', 't.title', 't.centreId'])
      .where('e.id', '=', eventId),
  )
  if (!row || !networkCentreIds.includes(row.centreId)) return null
  return { id: row.id, title: row.title }
}
