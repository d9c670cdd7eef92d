import crypto from 'node:crypto'
import { sql as raw, type RawBuilder, type SqlBool } from 'kysely'
import { audit } from '~/utils/audit.server'
import { formatInZone } from '~/utils/dates'
import { prisma, type Tx } from '~/utils/db.server'
import { localeOf, type Locale } from '~/utils/domain'
import { queueAfterClaim, queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { COURSE_KINDS, eventFiltersFromUrl, type CentreEventView, eventQueryString, mayJoin, maySee, type EventAudience, type EventKind, type EventViewer, type SignupStatus } from '~/utils/events'
import { getFixedT } from '~/utils/i18n.server'
import { calendarInvitation } from '~/utils/ics'
import { all, first, sql } from '~/utils/sql.server'
import { hashToken } from '~/utils/tokens.server'
import { addDays, copenhagenDate, copenhagenTime, sqliteInstant, wallClockInstant } from '~/utils/time'
import { listPage, PAGE_SIZE } from '~/utils/workbench'
import { REMINDER_FROM_HOUR } from './visit.server'

export type SessionInput = { localDate: string; startTime: string; endTime: string; place: string; onlineUrl: string | null }
export type EventInput = {
  kind: EventKind
  title: string
  description: string
  capacity: number
  audience: EventAudience
  /** The last Copenhagen date sign-ups are taken (all of it); null: until the first session starts. */
  signupDeadlineDate: string | null
  sessions: SessionInput[]
}

function sessionTimes(session: SessionInput) {
  return { startsAt: wallClockInstant(session.localDate, session.startTime), endsAt: wallClockInstant(session.localDate, session.endTime) }
}

function deadlineOf(input: EventInput) {
  const first = [...input.sessions].sort((a, b) => (a.localDate + a.startTime).localeCompare(b.localDate + b.startTime))[0]
  const firstStart = sessionTimes(first).startsAt
  if (!input.signupDeadlineDate) return firstStart
  // "Until 3 March" means all of 3 March, but never after the first session has begun.
  const endOfDay = new Date(wallClockInstant(input.signupDeadlineDate, '23:59').getTime() + 60_000)
  return endOfDay < firstStart ? endOfDay : firstStart
}

function sessionData(session: SessionInput) {
  return { localDate: session.localDate, ...sessionTimes(session), place: session.place, onlineUrl: session.onlineUrl }
}

/** A new event of the coordinator's centre, as a draft. */
export async function createEvent(actorId: string, centreId: string, input: EventInput) {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        centreId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        capacity: input.capacity,
        audience: input.audience,
        signupDeadline: deadlineOf(input),
        createdById: actorId,
        sessions: { create: input.sessions.map(sessionData) },
      },
      select: { id: true },
    })
    await audit(tx, { actorId, action: 'event.created', entityType: 'Event', entityId: event.id })
    return { ok: true, eventId: event.id } as const
  })
}

export type UpdateResult = { ok: true } | { ok: false; reason: 'not-found' | 'cancelled' }

/**
 * Saves the form over the event. Sessions keep their ids in the order they are listed, so a
 * session's calendar UID stays the same when its time changes. When a published event's title,
 * times or places change, the calendar SEQUENCE goes up and everyone signed up or waiting is told
 * once, in the same transaction: a place comes with the updated .ics of every session (and a
 * METHOD:CANCEL one for a session taken away). Raising the capacity lets the first waiting people
 * in, and tells them.
 */
export async function updateEvent(actorId: string, eventId: string, input: EventInput, now = new Date()): Promise<UpdateResult> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { status: true, title: true, sessions: { select: { id: true, startsAt: true, endsAt: true, place: true, onlineUrl: true }, orderBy: { startsAt: 'asc' } } },
    })
    if (!event) return { ok: false, reason: 'not-found' } as const
    if (event.status === 'cancelled') return { ok: false, reason: 'cancelled' } as const
    await tx.event.update({
      where: { id: eventId },
      data: { kind: input.kind, title: input.title, description: input.description, capacity: input.capacity, audience: input.audience, signupDeadline: deadlineOf(input) },
    })
    for (const [index, session] of input.sessions.entries()) {
      const existing = event.sessions[index]
      if (existing) await tx.eventSession.update({ where: { id: existing.id }, data: sessionData(session) })
      else await tx.eventSession.create({ data: { eventId, ...sessionData(session) } })
    }
    const removed = event.sessions.slice(input.sessions.length)
    if (removed.length) await tx.eventSession.deleteMany({ where: { id: { in: removed.map((s) => s.id) } } })
    await audit(tx, { actorId, action: 'event.updated', entityType: 'Event', entityId: eventId })
    if (event.status !== 'published') return { ok: true } as const
    // What people put in their calendars: title, times and places. A changed description or capacity alone tells nobody.
    const before = event.sessions.map((s) => [s.startsAt.getTime(), s.endsAt.getTime(), s.place, s.onlineUrl ?? ''].join('|'))
    const after = input.sessions.map((s) => {
      const data = sessionData(s)
      return [data.startsAt.getTime(), data.endsAt.getTime(), data.place, data.onlineUrl ?? ''].join('|')
    })
    if (event.title !== input.title || before.join('\n') !== after.join('\n')) {
      await tx.event.update({ where: { id: eventId }, data: { sequence: { increment: 1 } } })
      const signups = await tx.eventSignup.findMany({ where: { eventId, status: { in: ['confirmed', 'waiting'] } }, select: { id: true }, orderBy: { position: 'asc' } })
      for (const signup of signups) await tellAboutPlace(tx, signup.id, 'changed', now, removed)
    }
    await promoteWaiting(tx, eventId, now)
    return { ok: true } as const
  })
}

/**
 * draft → published, or published → cancelled. Cancelling raises the calendar SEQUENCE and tells
 * everyone signed up or waiting, in the same transaction; those with a place get a METHOD:CANCEL
 * .ics per session so their calendars drop it.
 */
export async function setEventStatus(actorId: string, eventId: string, status: 'published' | 'cancelled', now = new Date()) {
  const from = status === 'published' ? 'draft' : 'published'
  return prisma.$transaction(async (tx) => {
    const updated = await tx.event.updateMany({ where: { id: eventId, status: from }, data: { status, ...(status === 'cancelled' ? { sequence: { increment: 1 } } : {}) } })
    if (updated.count === 0) return { ok: false, reason: 'not-' + from } as const
    await audit(tx, { actorId, action: `event.${status}`, entityType: 'Event', entityId: eventId })
    if (status === 'cancelled') {
      const signups = await tx.eventSignup.findMany({ where: { eventId, status: { in: ['confirmed', 'waiting'] } }, select: { id: true } })
      for (const signup of signups) await tellAboutPlace(tx, signup.id, 'cancelled', now)
    }
    return { ok: true } as const
  })
}

/** The centre an event belongs to, for the permission check; null when there is no such event. */
export async function eventCentre(eventId: string) {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { centreId: true } })
  return event?.centreId ?? null
}

/** The event as the coordinator's form shows it. */
export async function eventForEditing(eventId: string) {
  return prisma.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      centreId: true,
      kind: true,
      title: true,
      description: true,
      capacity: true,
      audience: true,
      status: true,
      signupDeadline: true,
      sessions: { select: { id: true, localDate: true, startsAt: true, endsAt: true, place: true, onlineUrl: true }, orderBy: { startsAt: 'asc' } },
      signups: {
        where: { status: { in: ['confirmed', 'waiting'] } },
        select: { id: true, status: true, position: true, name: true, email: true, completedAt: true, user: { select: { name: true, email: true } } },
        orderBy: { position: 'asc' },
      },
    },
  })
}

// ---------------------------------------------------------------------------------------------
// The centre's event lists (/centre/events and the coordinator's start page)
// ---------------------------------------------------------------------------------------------

/** The start of an event's first session: what "Første gang" shows and what the lists sort by. */
const firstSessionStart = raw<string | null>`(select min(s."startsAt") from "EventSession" s where s."eventId" = "e"."id")`

/**
 * The columns of a row in the centre's event lists, for a query that reads the event as "e":
 * sign-ups against capacity and the waiting line, counted only for the rows shown. `startsAt` is
 * the first session's start, given by the caller (a subquery, or the session the query walks).
 */
function eventListColumns(startsAt: RawBuilder<string | null>) {
  return [
    'e.id',
    'e.title',
    'e.kind',
    'e.status',
    'e.capacity',
    'e.audience',
    startsAt.as('startsAt'),
    raw<number>`(select count(*) from "EventSignup" c where c."eventId" = "e"."id" and c."status" = 'confirmed')`.as('confirmed'),
    raw<number>`(select count(*) from "EventSignup" w where w."eventId" = "e"."id" and w."status" = 'waiting')`.as('waiting'),
  ] as const
}

function eventListRow<R extends { confirmed: number | null; waiting: number | null }>(row: R) {
  return { ...row, confirmed: Number(row.confirmed ?? 0), waiting: Number(row.waiting ?? 0) }
}

/** All of a centre's events, the latest first: the whole list, which the paged read and the start page's block are tested against. */
export function centreEvents(centreId: string) {
  return all(sql.selectFrom('Event as e').where('e.centreId', '=', centreId).select(eventListColumns(firstSessionStart)).orderBy('startsAt', 'desc')).map(eventListRow)
}

/** How many of the centre's events lie ahead (their first session not begun) and behind. One walk of the centre's events on the (centreId, status) index, one index probe each. */
export function centreEventCountsQuery(centreId: string, now: Date) {
  const stamp = sqliteInstant(now)
  return sql
    .selectFrom((db) => db.selectFrom('Event as e').where('e.centreId', '=', centreId).select(firstSessionStart.as('first')).as('f'))
    .select([raw<number>`coalesce(sum("f"."first" > ${stamp}), 0)`.as('coming'), raw<number>`coalesce(sum("f"."first" <= ${stamp}), 0)`.as('past')])
}

/**
 * One page of the centre's coming events (first session ahead, soonest first) or past ones (first
 * session begun, the latest first). The query walks the sessions' startsAt index from `now`
 * outwards and keeps each event's first session of this centre, so it reads about as many
 * sessions as the page needs and never sorts: the CROSS JOIN keeps SQLite from starting at the
 * centre's events instead, which sorts the centre's whole history in a temporary B-tree. Ties
 * on the start are broken by the session's rowid, the index's own last column, so the pages
 * neither overlap nor skip.
 */
export function centreEventPageQuery(centreId: string, view: CentreEventView, now: Date, offset: number) {
  const direction = view === 'coming' ? 'asc' : 'desc'
  return sql
    .selectFrom('EventSession as s')
    .crossJoin('Event as e')
    .whereRef('e.id', '=', 's.eventId')
    .where('e.centreId', '=', centreId)
    .where('s.startsAt', view === 'coming' ? '>' : '<=', sqliteInstant(now))
    .where(
      raw<boolean>`not exists (select 1 from "EventSession" p where p."eventId" = "s"."eventId" and (p."startsAt" < "s"."startsAt" or (p."startsAt" = "s"."startsAt" and p.rowid < "s".rowid)))`,
    )
    .select(eventListColumns(raw.ref<string>('s.startsAt')))
    .orderBy('s.startsAt', direction)
    .orderBy(raw`"s".rowid`, direction)
    .limit(PAGE_SIZE)
    .offset(offset)
}

/**
 * The centre's events as /centre/events lists them: one page (PAGE_SIZE rows) of the coming or
 * the past ones, with both counts for the view links. A page past the end shows the last one.
 */
export function centreEventPage(centreId: string, query: { view: CentreEventView; page: number }, now = new Date()) {
  const counts = first(centreEventCountsQuery(centreId, now)) ?? { coming: 0, past: 0 }
  const page = listPage(Number(counts[query.view]), query.page)
  const rows = page.total === 0 ? [] : all(centreEventPageQuery(centreId, query.view, now, page.offset)).map(eventListRow)
  return { ...page, view: query.view, counts: { coming: Number(counts.coming), past: Number(counts.past) }, rows }
}

/**
 * The centres someone belongs to for events (see EventViewer): as a volunteer through their home
 * municipality or one they travel to, as staff through their active facility memberships.
 */
export async function eventViewer(user: { id: string; role: string; centreId: string | null } | null): Promise<EventViewer> {
  if (!user) return null
  let volunteerOf: string[] = []
  let staffOf: string[] = []
  if (user.role === 'volunteer') {
    // The centres of the municipality the volunteer lives in and of those they travel to.
    const home = sql
      .selectFrom('VolunteerProfile as p')
      .innerJoin('Municipality as m', 'm.id', 'p.municipalityId')
      .where('p.userId', '=', user.id)
      .where('m.centreId', 'is not', null)
      .select('m.centreId')
    const travel = sql
      .selectFrom('VolunteerProfile as p')
      .innerJoin('VolunteerArea as a', 'a.profileId', 'p.id')
      .innerJoin('Municipality as m', 'm.id', 'a.municipalityId')
      .where('p.userId', '=', user.id)
      .where('m.centreId', 'is not', null)
      .select('m.centreId')
    volunteerOf = all(home.union(travel)).map((row) => row.centreId!)
  }
  if (user.role === 'facility_staff') {
    const centres = sql
      .selectFrom('FacilityMembership as fm')
      .innerJoin('Facility as f', 'f.id', 'fm.facilityId')
      .innerJoin('Municipality as m', 'm.id', 'f.municipalityId')
      .where('fm.userId', '=', user.id)
      .where('fm.status', '=', 'active')
      .where('m.centreId', 'is not', null)
      .select('m.centreId')
      .distinct()
    staffOf = all(centres).map((row) => row.centreId!)
  }
  return { userId: user.id, volunteerOf, staffOf, coordinatorOf: user.role === 'coordinator' ? user.centreId : null }
}

/** Which audiences of which centres the viewer may join; public events of every centre. */
function audienceFilter(viewer: EventViewer) {
  const pairs: { centreId: string; audience: string }[] = []
  for (const centreId of viewer?.volunteerOf ?? []) pairs.push({ centreId, audience: 'volunteers' }, { centreId, audience: 'network' })
  for (const centreId of viewer?.staffOf ?? []) pairs.push({ centreId, audience: 'staff' }, { centreId, audience: 'network' })
  return pairs
}

/** The municipalities a volunteer centre covers, for the events filter. */
export function municipalitiesWithCentre() {
  return all(sql.selectFrom('Municipality').where('centreId', 'is not', null).select('name').orderBy('name')).map((m) => m.name)
}

/** Published events with a session still to come that the viewer may join, soonest first. */
export function upcomingEvents(viewer: EventViewer, filter: { kind?: EventKind; municipality?: string }, now = new Date()) {
  const pairs = audienceFilter(viewer)
  const stamp = sqliteInstant(now)
  let query = sql
    .selectFrom('Event as e')
    .innerJoin('Centre as c', 'c.id', 'e.centreId')
    .where('e.status', '=', 'published')
    .where((eb) => eb.or([eb('e.audience', '=', 'public'), ...pairs.map((p) => eb.and([eb('e.centreId', '=', p.centreId), eb('e.audience', '=', p.audience)]))]))
    .select((eb) => [
      'e.id',
      'e.title',
      'e.kind',
      'e.capacity',
      'e.audience',
      'e.signupDeadline',
      'e.description',
      'c.name as centreName',
      eb.selectFrom('EventSession as s').whereRef('s.eventId', '=', 'e.id').select((s) => s.fn.min('s.startsAt').as('first')).as('startsAt'),
      eb.selectFrom('EventSession as s').whereRef('s.eventId', '=', 'e.id').select((s) => s.fn.max('s.endsAt').as('last')).as('endsAt'),
      eb.selectFrom('EventSession as s').whereRef('s.eventId', '=', 'e.id').select((s) => s.fn.countAll<number>().as('n')).as('sessionCount'),
      eb.selectFrom('EventSignup as u').whereRef('u.eventId', '=', 'e.id').where('u.status', '=', 'confirmed').select((u) => u.fn.countAll<number>().as('n')).as('confirmed'),
    ])
    .where((eb) => eb.exists(eb.selectFrom('EventSession as f').whereRef('f.eventId', '=', 'e.id').where('f.endsAt', '>', stamp).select('f.id')))
  if (filter.kind) query = query.where('e.kind', '=', filter.kind)
  // A municipality's events are those of the centre that covers it.
  if (filter.municipality) {
    const name = filter.municipality
    query = query.where('e.centreId', 'in', (eb) => eb.selectFrom('Municipality as m').where('m.name', '=', name).select('m.centreId'))
  }
  const rows = all(query.orderBy('startsAt', 'asc').limit(200))
  return rows.map((row) => ({ ...row, placesLeft: Math.max(0, row.capacity - Number(row.confirmed ?? 0)), sessionCount: Number(row.sessionCount ?? 0) }))
}

export type EventPage = NonNullable<Awaited<ReturnType<typeof eventForViewer>>>

/** One event as the viewer sees it, or null when it does not exist or is not theirs to see. */
export async function eventForViewer(eventId: string, viewer: EventViewer) {
  const row = first(
    sql
      .selectFrom('Event as e')
      .innerJoin('Centre as c', 'c.id', 'e.centreId')
      .where('e.id', '=', eventId)
      .select(['e.id', 'e.centreId', 'c.name as centreName', 'e.kind', 'e.title', 'e.description', 'e.capacity', 'e.audience', 'e.status', 'e.signupDeadline']),
  )
  if (!row || !maySee(viewer, row)) return null
  if (row.status === 'draft' && viewer?.coordinatorOf !== row.centreId) return null
  const sessions = all(
    sql.selectFrom('EventSession').where('eventId', '=', eventId).select(['id', 'startsAt', 'endsAt', 'place', 'onlineUrl']).orderBy('startsAt').orderBy('id'),
  ).map((session) => ({ ...session, startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) }))
  const confirmed = Number(first(sql.selectFrom('EventSignup').where('eventId', '=', eventId).where('status', '=', 'confirmed').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const mine = viewer ? first(sql.selectFrom('EventSignup').where('eventId', '=', eventId).where('userId', '=', viewer.userId).select(['status', 'position'])) : undefined
  let waitingAhead = 0
  if (mine?.status === 'waiting') {
    waitingAhead = Number(
      first(sql.selectFrom('EventSignup').where('eventId', '=', eventId).where('status', '=', 'waiting').where('position', '<', mine.position).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0,
    )
  }
  const { centreName, ...event } = row
  return {
    ...event,
    centre: { name: centreName },
    signupDeadline: new Date(event.signupDeadline),
    sessions,
    placesLeft: Math.max(0, event.capacity - confirmed),
    mayJoin: mayJoin(viewer, event),
    myStatus: (mine && mine.status !== 'cancelled' ? mine.status : null) as SignupStatus | null,
    waitingAhead,
  }
}

export type SignUpResult = { ok: true; status: 'confirmed' | 'waiting' } | { ok: false; reason: 'not-found' | 'not-in-audience' | 'closed' | 'already' }

/**
 * Signs a person up. Whether they get a place or join the waiting line is decided by the INSERT
 * itself: it counts the confirmed places in the same statement, and SQLite runs one writer at a
 * time, so 20 people pressing the button at once for 10 places make exactly 10 confirmed. A row
 * cancelled earlier is taken again (one row per person and event) at the back of the line.
 */
export async function signUp(viewer: NonNullable<EventViewer>, eventId: string, now = new Date()): Promise<SignUpResult> {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { centreId: true, audience: true, status: true, signupDeadline: true } })
  if (!event || event.status === 'draft') return { ok: false, reason: 'not-found' }
  if (!mayJoin(viewer, event)) return { ok: false, reason: 'not-in-audience' }
  if (event.status !== 'published' || event.signupDeadline <= now) return { ok: false, reason: 'closed' }
  const id = `s${crypto.randomBytes(12).toString('hex')}`
  const stamp = sqliteInstant(now)
  return prisma.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      INSERT INTO "EventSignup" ("id", "eventId", "userId", "status", "position", "createdAt", "updatedAt")
      SELECT ${id}, e."id", ${viewer.userId},
             CASE WHEN (SELECT count(*) FROM "EventSignup" WHERE "eventId" = e."id" AND "status" = 'confirmed') < e."capacity"
                  THEN 'confirmed' ELSE 'waiting' END,
             (SELECT coalesce(max("position"), 0) + 1 FROM "EventSignup" WHERE "eventId" = e."id"),
             ${stamp}, ${stamp}
      FROM "Event" e
      WHERE e."id" = ${eventId} AND e."status" = 'published' AND e."signupDeadline" > ${stamp}
      ON CONFLICT ("eventId", "userId") DO UPDATE
        SET "status" = excluded."status", "position" = excluded."position", "updatedAt" = excluded."updatedAt"
        WHERE "EventSignup"."status" = 'cancelled'`
    if (changed !== 1) {
      const existing = await tx.eventSignup.findUnique({ where: { eventId_userId: { eventId, userId: viewer.userId } }, select: { status: true } })
      return { ok: false, reason: existing && existing.status !== 'cancelled' ? 'already' : 'closed' } as const
    }
    const signup = await tx.eventSignup.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId: viewer.userId } }, select: { id: true, status: true } })
    const status = signup.status as 'confirmed' | 'waiting'
    await audit(tx, { actorId: viewer.userId, action: 'event.signed-up', entityType: 'EventSignup', entityId: signup.id, data: { eventId, status } })
    await tellAboutPlace(tx, signup.id, status === 'confirmed' ? 'confirmed' : 'waiting', now)
    return { ok: true, status } as const
  })
}

export type CancelSignupResult = { ok: true; promoted: number } | { ok: false; reason: 'not-signed-up' | 'started' }

/** Gives up a place or a place in line; a freed place goes to the first in line, who is told. */
export async function cancelSignup(userId: string, eventId: string, now = new Date()): Promise<CancelSignupResult> {
  return prisma.$transaction(async (tx) => {
    const signup = await tx.eventSignup.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { id: true, status: true } })
    if (!signup || signup.status === 'cancelled') return { ok: false, reason: 'not-signed-up' } as const
    const first = await tx.eventSession.findFirst({ where: { eventId }, select: { startsAt: true }, orderBy: { startsAt: 'asc' } })
    if (first && first.startsAt <= now) return { ok: false, reason: 'started' } as const
    const updated = await tx.eventSignup.updateMany({ where: { id: signup.id, status: signup.status }, data: { status: 'cancelled' } })
    if (updated.count === 0) return { ok: false, reason: 'not-signed-up' } as const
    await audit(tx, { actorId: userId, action: 'event.signup-cancelled', entityType: 'EventSignup', entityId: signup.id, data: { eventId, was: signup.status } })
    const promoted = signup.status === 'confirmed' ? await promoteWaiting(tx, eventId, now) : 0
    return { ok: true, promoted } as const
  })
}

/**
 * A deleted account gives up its places in events that have not begun (the first in line is promoted
 * and told), and a sign-up made earlier without logging in, with one of its addresses, loses its name
 * and address. Sign-ups to events that have begun stay, nameless through the anonymised account, so
 * the attendance figures hold.
 */
export async function releaseEventPlacesIn(tx: Tx, userId: string, emails: string[], now: Date) {
  const signups = await tx.eventSignup.findMany({
    where: { OR: [{ userId }, { userId: null, email: { in: emails } }], status: { not: 'cancelled' } },
    select: { id: true, eventId: true, status: true, event: { select: { sessions: { select: { startsAt: true }, orderBy: { startsAt: 'asc' }, take: 1 } } } },
  })
  for (const signup of signups) {
    const first = signup.event.sessions[0]
    if (first && first.startsAt <= now) continue
    await tx.eventSignup.update({ where: { id: signup.id }, data: { status: 'cancelled' } })
    if (signup.status === 'confirmed') await promoteWaiting(tx, signup.eventId, now)
  }
  await tx.eventSignup.updateMany({ where: { userId: null, email: { in: emails } }, data: { name: '', email: null, tokenHash: null } })
}

/**
 * Moves the first in line to confirmed while there is room, one guarded UPDATE each (the count of
 * confirmed places is inside the statement), and tells each one. Only for published events.
 */
async function promoteWaiting(tx: Tx, eventId: string, now: Date) {
  let promoted = 0
  for (;;) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "EventSignup" SET "status" = 'confirmed', "updatedAt" = ${sqliteInstant(now)}
      WHERE "id" = (SELECT "id" FROM "EventSignup" WHERE "eventId" = ${eventId} AND "status" = 'waiting' ORDER BY "position" LIMIT 1)
        AND (SELECT count(*) FROM "EventSignup" WHERE "eventId" = ${eventId} AND "status" = 'confirmed')
            < (SELECT "capacity" FROM "Event" WHERE "id" = ${eventId} AND "status" = 'published')
      RETURNING "id"`
    if (rows.length === 0) return promoted
    promoted += 1
    await audit(tx, { actorId: null, action: 'event.promoted', entityType: 'EventSignup', entityId: rows[0].id, data: { eventId } })
    await tellAboutPlace(tx, rows[0].id, 'promoted', now)
  }
}

export function formatSessionTime(startsAt: Date, endsAt: Date, locale: Locale) {
  const day = formatInZone(startsAt, locale === 'da' ? "EEEE d. MMMM yyyy 'kl.' HH:mm" : "EEEE d MMMM yyyy', 'HH:mm", locale)
  return `${day}–${formatInZone(endsAt, 'HH:mm', locale)}`
}

function sessionPlace(session: { place: string; onlineUrl: string | null }) {
  return [session.place, session.onlineUrl].filter(Boolean).join(' · ')
}

/**
 * The e-mail about a place: confirmed at sign-up, waiting, or promoted from the line. A place comes
 * with one .ics per session (UID event-session-<id>@frivilligbro, so a later change replaces it).
 */
type SessionForCalendar = { id: string; startsAt: Date; endsAt: Date; place: string; onlineUrl: string | null }

async function tellAboutPlace(tx: Tx, signupId: string, what: 'confirmed' | 'waiting' | 'promoted' | 'cancelled' | 'changed', now: Date, removedSessions: SessionForCalendar[] = []) {
  const signup = await tx.eventSignup.findUniqueOrThrow({
    where: { id: signupId },
    select: {
      id: true,
      status: true,
      updatedAt: true,
      name: true,
      email: true,
      user: { select: { name: true, email: true, locale: true } },
      event: {
        select: {
          id: true,
          title: true,
          sequence: true,
          centre: { select: { name: true, email: true } },
          sessions: { select: { id: true, startsAt: true, endsAt: true, place: true, onlineUrl: true }, orderBy: { startsAt: 'asc' } },
        },
      },
    },
  })
  const name = signup.user?.name ?? signup.name ?? ''
  const email = signup.user?.email ?? signup.email
  if (!email) return
  const locale = localeOf(signup.user?.locale)
  const t = await getFixedT(locale, 'emails')
  const { event } = signup
  const url = appUrl(`/events/${event.id}`)
  const sessions = event.sessions.map((s) => ({ when: formatSessionTime(s.startsAt, s.endsAt, locale), place: sessionPlace(s) }))
  const cancelled = what === 'cancelled'
  // Only a confirmed place is in the person's calendar, so only it gets a calendar file.
  const hasPlace = signup.status === 'confirmed'
  const invitation = (session: SessionForCalendar, index: number, method: 'REQUEST' | 'CANCEL') => ({
    filename: `arrangement-${index + 1}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: calendarInvitation({
      uid: `event-session-${session.id}@frivilligbro`,
      sequence: event.sequence,
      status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
      start: session.startsAt,
      end: session.endsAt,
      stamp: now,
      summary: event.title,
      description: t('eventCalendar.description', { centreName: event.centre.name, url }),
      location: sessionPlace(session),
      organizer: { name: event.centre.name, email: event.centre.email },
      attendees: [{ name, email }],
    }),
  })
  const attachments =
    what === 'waiting' || ((cancelled || what === 'changed') && !hasPlace)
      ? []
      : [
          ...event.sessions.map((session, index) => invitation(session, index, cancelled ? 'CANCEL' : 'REQUEST')),
          ...removedSessions.map((session, index) => invitation(session, event.sessions.length + index, 'CANCEL')),
        ]
  const props = { name, title: event.title, centreName: event.centre.name, sessions, url }
  const dedupeKey =
    cancelled || what === 'changed' ? `event-${what}:${event.id}:${event.sequence}:${signup.id}` : `event-${what}:${signup.id}:${signup.updatedAt.getTime()}`
  if (what === 'changed') {
    await queueEmail(tx, { to: email, toName: name, locale, template: 'event-changed', dedupeKey, props: { ...props, hasPlace }, attachments })
  } else if (cancelled) {
    await queueEmail(tx, { to: email, toName: name, locale, template: 'event-cancelled', dedupeKey, props: { ...props, hadPlace: hasPlace }, attachments })
  } else if (what === 'promoted') {
    await queueEmail(tx, { to: email, toName: name, locale, template: 'event-promoted', dedupeKey, props, attachments })
  } else {
    await queueEmail(tx, { to: email, toName: name, locale, template: 'event-signup', dedupeKey, props: { ...props, status: what }, attachments })
  }
}

/**
 * The day-before reminder for each session of a published event, to everyone with a place: from
 * 08:00 the day before (as visit reminders, REMINDER_FROM_HOUR) and for sessions later the same day.
 * Idempotent by its dedupe key (session and sign-up), so a restart or the next run sends nothing
 * twice: the due query leaves out reminders already in the outbox (so a run renders only what it
 * may send, and a day with more than the batch still gets through it), and the write checks the key
 * again. Each reminder is rendered before its short transaction (queueAfterClaim), which drops it
 * when the place, the event or its times changed after it was read.
 */
export async function queueEventReminders(now = new Date()) {
  const today = copenhagenDate(now)
  const dates = copenhagenTime(now) >= REMINDER_FROM_HOUR ? [today, addDays(today, 1)] : [today]
  const due = all(
    sql
      .selectFrom('EventSession as s')
      .innerJoin('Event as e', 'e.id', 's.eventId')
      .innerJoin('EventSignup as u', 'u.eventId', 'e.id')
      .where('s.localDate', 'in', dates)
      .where('s.startsAt', '>', sqliteInstant(now))
      .where('e.status', '=', 'published')
      .where('u.status', '=', 'confirmed')
      .where(raw<SqlBool>`not exists (select 1 from "OutboxMessage" o where o."dedupeKey" = 'event-reminder:' || s."id" || ':' || u."id")`)
      .select(['s.id as sessionId', 'u.id as signupId'])
      .limit(5000),
  )
  let queued = 0
  for (const { sessionId, signupId } of due) {
    const [signup, session] = await Promise.all([
      prisma.eventSignup.findUnique({
        where: { id: signupId },
        select: { status: true, name: true, email: true, user: { select: { name: true, email: true, locale: true, deactivatedAt: true } }, event: { select: { id: true, title: true, status: true, sequence: true, centre: { select: { name: true } } } } },
      }),
      prisma.eventSession.findUnique({ where: { id: sessionId }, select: { startsAt: true, endsAt: true, place: true, onlineUrl: true } }),
    ])
    if (!signup || !session || signup.status !== 'confirmed' || signup.event.status !== 'published' || signup.user?.deactivatedAt) continue
    const email = signup.user?.email ?? signup.email
    if (!email) continue
    const locale = localeOf(signup.user?.locale)
    const when = formatSessionTime(session.startsAt, session.endsAt, locale)
    const request = {
      to: email,
      toName: signup.user?.name ?? signup.name,
      locale,
      template: 'event-reminder' as const,
      dedupeKey: `event-reminder:${sessionId}:${signupId}`,
      props: {
        name: signup.user?.name ?? signup.name ?? '',
        title: signup.event.title,
        centreName: signup.event.centre.name,
        when,
        session: { when, place: sessionPlace(session) },
        url: appUrl(`/events/${signup.event.id}`),
      },
    }
    // The dedupe key is the claim; the place must still be held, and the event as rendered (an
    // edit of title, times or places raises its sequence, and the next run renders it afresh).
    const stillDue = async (tx: Tx) =>
      (await tx.eventSignup.count({
        where: { id: signupId, status: 'confirmed', event: { status: 'published', sequence: signup.event.sequence, sessions: { some: { id: sessionId, startsAt: { gt: now } } } } },
      })) > 0
    queued += (await queueAfterClaim([request], stillDue)) ?? 0
  }
  return { queued }
}

/** What /events.rss and /events.json carry: the public events, with the list's filters, in Danish or (?lang=en) English. */
export async function publicEventFeed(url: URL, now = new Date()) {
  const locale: Locale = url.searchParams.get('lang') === 'en' ? 'en' : 'da'
  const filters = eventFiltersFromUrl(url.searchParams)
  const t = await getFixedT(locale, ['events', 'common'])
  const events = upcomingEvents(null, filters, now)
  return {
    events,
    locale,
    t: t as unknown as (key: string, options?: Record<string, unknown>) => string,
    query: eventQueryString(filters, locale === 'en' ? { lang: 'en' } : {}),
    formatWhen: (instant: Date) => formatInZone(instant, locale === 'da' ? "EEEE d. MMMM yyyy 'kl.' HH:mm" : "EEEE d MMMM yyyy', 'HH:mm", locale),
  }
}

// ---------------------------------------------------------------------------------------------
// Members of the public (public events): name and e-mail, a confirmation link, then a place
// ---------------------------------------------------------------------------------------------

/** How long the link in the confirmation e-mail may wait to be opened. */
export const PUBLIC_CONFIRM_WITHIN_MS = 48 * 60 * 60 * 1000

/**
 * A member of the public asks for a place: the row waits as `unconfirmed` (it holds no place) and a
 * link goes to the address given, so nobody can sign someone else up. The answer is the same
 * whether or not the address was already signed up (they get a fresh link to their sign-up);
 * false only when the event takes no public sign-ups now.
 */
export async function requestPublicSignup(eventId: string, person: { name: string; email: string }, locale: Locale, now = new Date()) {
  const email = person.email.trim().toLowerCase()
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { id: true, title: true, audience: true, status: true, signupDeadline: true, centre: { select: { name: true } }, sessions: { select: { startsAt: true, endsAt: true, place: true, onlineUrl: true }, orderBy: { startsAt: 'asc' } } },
    })
    if (!event || event.audience !== 'public' || event.status !== 'published' || event.signupDeadline <= now) return false
    const token = crypto.randomBytes(32).toString('base64url')
    const tokenHash = hashToken(token)
    const existing = await tx.eventSignup.findUnique({ where: { eventId_email: { eventId, email } }, select: { id: true, status: true } })
    const signup = existing
      ? await tx.eventSignup.update({
          where: { id: existing.id },
          data: { tokenHash, name: person.name, updatedAt: now, ...(existing.status === 'cancelled' ? { status: 'unconfirmed' } : {}) },
          select: { id: true, status: true },
        })
      : await tx.eventSignup.create({ data: { eventId, name: person.name, email, status: 'unconfirmed', position: 0, tokenHash, createdAt: now, updatedAt: now }, select: { id: true, status: true } })
    await audit(tx, { actorId: null, action: 'event.public-signup-requested', entityType: 'EventSignup', entityId: signup.id, data: { eventId } })
    const sessions = event.sessions.map((s) => ({ when: formatSessionTime(s.startsAt, s.endsAt, locale), place: sessionPlace(s) }))
    await queueEmail(tx, {
      to: email,
      toName: person.name,
      locale,
      template: 'event-confirm',
      dedupeKey: `event-confirm:${signup.id}:${tokenHash.slice(0, 16)}`,
      props: { name: person.name, title: event.title, centreName: event.centre.name, sessions, url: appUrl(`/events/${eventId}/signup/${token}`), alreadySignedUp: signup.status === 'confirmed' || signup.status === 'waiting' },
    })
    return true
  })
}

/** The sign-up behind a public link, or null (unknown, or an unconfirmed link older than 48 hours). */
export async function publicSignupByToken(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null
  const signup = await prisma.eventSignup.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, status: true, name: true, updatedAt: true, position: true, event: { select: { id: true, title: true, status: true, signupDeadline: true, sessions: { select: { startsAt: true }, orderBy: { startsAt: 'asc' }, take: 1 } } } },
  })
  if (!signup) return null
  if (signup.status === 'unconfirmed' && now.getTime() - signup.updatedAt.getTime() > PUBLIC_CONFIRM_WITHIN_MS) return null
  return signup
}

export type ConfirmResult = { ok: true; status: 'confirmed' | 'waiting' } | { ok: false; reason: 'not-found' | 'closed' | 'already' }

/** Opening the link and pressing "confirm": a place or a place in line, decided in one statement as for signed-in people. */
export async function confirmPublicSignup(token: string, now = new Date()): Promise<ConfirmResult> {
  const signup = await publicSignupByToken(token, now)
  if (!signup) return { ok: false, reason: 'not-found' }
  if (signup.status === 'confirmed' || signup.status === 'waiting') return { ok: false, reason: 'already' }
  const stamp = sqliteInstant(now)
  return prisma.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "EventSignup" SET
        "status" = CASE WHEN (SELECT count(*) FROM "EventSignup" c WHERE c."eventId" = "EventSignup"."eventId" AND c."status" = 'confirmed')
                            < (SELECT "capacity" FROM "Event" WHERE "id" = "EventSignup"."eventId") THEN 'confirmed' ELSE 'waiting' END,
        "position" = (SELECT coalesce(max(p."position"), 0) + 1 FROM "EventSignup" p WHERE p."eventId" = "EventSignup"."eventId"),
        "updatedAt" = ${stamp}
      WHERE "id" = ${signup.id} AND "status" = 'unconfirmed'
        AND EXISTS (SELECT 1 FROM "Event" e WHERE e."id" = "EventSignup"."eventId" AND e."status" = 'published' AND e."signupDeadline" > ${stamp})`
    if (changed !== 1) return { ok: false, reason: 'closed' } as const
    const row = await tx.eventSignup.findUniqueOrThrow({ where: { id: signup.id }, select: { status: true } })
    const status = row.status as 'confirmed' | 'waiting'
    await audit(tx, { actorId: null, action: 'event.signed-up', entityType: 'EventSignup', entityId: signup.id, data: { eventId: signup.event.id, status, public: true } })
    await tellAboutPlace(tx, signup.id, status, now)
    return { ok: true, status } as const
  })
}

/** A member of the public gives up their place (or place in line) by their link; a freed place goes to the next in line. */
export async function cancelPublicSignup(token: string, now = new Date()): Promise<CancelSignupResult> {
  const signup = await publicSignupByToken(token, now)
  if (!signup || (signup.status !== 'confirmed' && signup.status !== 'waiting')) return { ok: false, reason: 'not-signed-up' }
  const first = signup.event.sessions[0]
  if (first && first.startsAt <= now) return { ok: false, reason: 'started' }
  return prisma.$transaction(async (tx) => {
    const updated = await tx.eventSignup.updateMany({ where: { id: signup.id, status: signup.status }, data: { status: 'cancelled' } })
    if (updated.count === 0) return { ok: false, reason: 'not-signed-up' } as const
    await audit(tx, { actorId: null, action: 'event.signup-cancelled', entityType: 'EventSignup', entityId: signup.id, data: { eventId: signup.event.id, was: signup.status, public: true } })
    const promoted = signup.status === 'confirmed' ? await promoteWaiting(tx, signup.event.id, now) : 0
    return { ok: true, promoted } as const
  })
}

/**
 * Members of the public are kept no longer than needed: a request never confirmed goes after 48
 * hours, and a name and e-mail go 30 days after the event's last session (the row stays, without
 * them, so the event's figures still count it). Run by the housekeeping.
 */
export async function purgePublicSignups(now = new Date()) {
  const unconfirmed = await prisma.eventSignup.deleteMany({ where: { userId: null, status: 'unconfirmed', updatedAt: { lt: new Date(now.getTime() - PUBLIC_CONFIRM_WITHIN_MS) } } })
  const cutoff = sqliteInstant(new Date(now.getTime() - 30 * 86_400_000))
  const anonymised = await prisma.$executeRaw`
    UPDATE "EventSignup" SET "name" = NULL, "email" = NULL, "tokenHash" = NULL
    WHERE "userId" IS NULL AND "email" IS NOT NULL
      AND (SELECT max(s."endsAt") FROM "EventSession" s WHERE s."eventId" = "EventSignup"."eventId") < ${cutoff}`
  return { unconfirmed: unconfirmed.count, anonymised }
}

// ---------------------------------------------------------------------------------------------
// Attendance, completed courses and IT ambassadors
// ---------------------------------------------------------------------------------------------

export type AttendanceResult = { ok: true; completed: number } | { ok: false; reason: 'not-found' | 'not-started' }

/**
 * The coordinator ticks who came to a session that has begun (the list replaces the last one).
 * A course attended at every session is completed (EventSignup.completedAt) and, for a course for
 * staff, makes the person IT ambassador of the facilities where they work; unticking takes the
 * completion back (but not an ambassador title already given).
 */
export async function recordAttendance(actorId: string, eventId: string, sessionId: string, attendedSignupIds: string[], now = new Date()): Promise<AttendanceResult> {
  return prisma.$transaction(async (tx) => {
    const session = await tx.eventSession.findFirst({ where: { id: sessionId, eventId }, select: { id: true, startsAt: true, event: { select: { kind: true, status: true } } } })
    if (!session || session.event.status === 'draft') return { ok: false, reason: 'not-found' } as const
    if (session.startsAt > now) return { ok: false, reason: 'not-started' } as const
    const confirmed = await tx.eventSignup.findMany({ where: { eventId, status: 'confirmed' }, select: { id: true, userId: true, completedAt: true } })
    const ticked = new Set(attendedSignupIds.filter((id) => confirmed.some((s) => s.id === id)))
    await tx.eventAttendance.deleteMany({ where: { sessionId, signupId: { notIn: [...ticked] } } })
    for (const signupId of ticked) {
      await tx.eventAttendance.upsert({ where: { sessionId_signupId: { sessionId, signupId } }, create: { sessionId, signupId, recordedById: actorId, createdAt: now }, update: {} })
    }
    await audit(tx, { actorId, action: 'event.attendance-recorded', entityType: 'EventSession', entityId: sessionId, data: { eventId, attended: ticked.size } })
    if (!(COURSE_KINDS as readonly string[]).includes(session.event.kind)) return { ok: true, completed: 0 } as const
    const sessions = await tx.eventSession.count({ where: { eventId } })
    let completed = 0
    for (const signup of confirmed) {
      const attended = await tx.eventAttendance.count({ where: { signupId: signup.id } })
      const done = attended === sessions
      if (done) completed += 1
      if (done && !signup.completedAt) {
        await tx.eventSignup.update({ where: { id: signup.id }, data: { completedAt: now } })
        if (session.event.kind === 'course_staff' && signup.userId) {
          await tx.facilityMembership.updateMany({ where: { userId: signup.userId, status: 'active', itAmbassadorSince: null }, data: { itAmbassadorSince: now } })
        }
      } else if (!done && signup.completedAt) {
        await tx.eventSignup.update({ where: { id: signup.id }, data: { completedAt: null } })
      }
    }
    return { ok: true, completed } as const
  })
}

/** Each session's ticked sign-ups, for the coordinator's attendance form. */
export function attendanceOf(eventId: string) {
  return all(
    sql
      .selectFrom('EventAttendance as a')
      .innerJoin('EventSession as s', 's.id', 'a.sessionId')
      .where('s.eventId', '=', eventId)
      .select(['a.sessionId', 'a.signupId']),
  )
}

/** The courses a person has completed, newest first: for their profile as coordinators (and, after a match, the facility) see it, and their certificates. */
export function completedCourses(userId: string) {
  return all(
    sql
      .selectFrom('EventSignup as u')
      .innerJoin('Event as e', 'e.id', 'u.eventId')
      .innerJoin('Centre as c', 'c.id', 'e.centreId')
      .where('u.userId', '=', userId)
      .where('u.completedAt', 'is not', null)
      .select(['e.id as eventId', 'e.title', 'e.kind', 'c.name as centreName', 'u.completedAt'])
      .orderBy('u.completedAt', 'desc'),
  ).map((row) => ({ ...row, completedAt: row.completedAt! }))
}

/** What the printable course certificate shows; null unless this person completed this course. */
export async function courseCertificate(userId: string, eventId: string) {
  const signup = await prisma.eventSignup.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: {
      completedAt: true,
      user: { select: { name: true } },
      event: { select: { title: true, kind: true, description: true, centre: { select: { name: true } }, sessions: { select: { startsAt: true, endsAt: true }, orderBy: { startsAt: 'asc' } } } },
    },
  })
  if (!signup?.completedAt) return null
  return { name: signup.user?.name ?? '', completedAt: signup.completedAt, ...signup.event }
}

// ---------------------------------------------------------------------------------------------
// Start pages
// ---------------------------------------------------------------------------------------------

/** The person's next session of an event they have a place at (or wait for), for their start page; null when none. */
export function nextEventOf(userId: string, now = new Date()) {
  const row = first(
    sql
      .selectFrom('EventSignup as u')
      .innerJoin('Event as e', 'e.id', 'u.eventId')
      .innerJoin('EventSession as s', 's.eventId', 'e.id')
      .where('u.userId', '=', userId)
      .where('u.status', 'in', ['confirmed', 'waiting'])
      .where('e.status', '=', 'published')
      .where('s.startsAt', '>', sqliteInstant(now))
      .select(['e.id', 'e.title', 'u.status', 's.startsAt', 's.endsAt', 's.place'])
      .orderBy('s.startsAt', 'asc')
      .limit(1),
  )
  return row ? { ...row, status: row.status as 'confirmed' | 'waiting' } : null
}

/**
 * The centre's published events still to come (their first session ahead), soonest first, with
 * sign-ups against capacity and the waiting line. In SQL from the (centreId, status) index: only
 * the centre's published events are read, and only the few shown are counted.
 */
export function upcomingCentreEvents(centreId: string, now = new Date(), take = 5) {
  return all(
    sql
      .selectFrom('Event as e')
      .where('e.centreId', '=', centreId)
      .where('e.status', '=', 'published')
      .where(firstSessionStart, '>', sqliteInstant(now))
      .select(eventListColumns(firstSessionStart))
      .orderBy('startsAt')
      .orderBy('e.id')
      .limit(take),
  ).map(eventListRow)
}

/** Whether the person has completed a course of this kind (an ad may require the intro course before approval). */
export function hasCompletedCourse(userId: string, kind: EventKind) {
  return Boolean(
    first(
      sql
        .selectFrom('EventSignup as u')
        .innerJoin('Event as e', 'e.id', 'u.eventId')
        .where('u.userId', '=', userId)
        .where('u.completedAt', 'is not', null)
        .where('e.kind', '=', kind)
        .select('u.id')
        .limit(1),
    ),
  )
}
