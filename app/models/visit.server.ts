import crypto from 'node:crypto'
import { audit } from '~/utils/audit.server'
import { formatInZone } from '~/utils/dates'
import { sql as raw, type InferResult } from 'kysely'
import { prisma, type Prisma, type Tx } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueAfterClaim, type AnyEmailRequest } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { all, first, sql } from '~/utils/sql.server'
import { calendarFeed } from '~/utils/ics'
import type { Actor } from '~/utils/permissions'
import { addDays, copenhagenDate, copenhagenTime, sqliteInstant, wallClockInstant } from '~/utils/time'
import { contactPersonOf, visitEvent } from './visit-plan.server'

/** Whose visits a person sees: a volunteer their own, facility staff those of their facilities. */
export function visitsOf(actor: Pick<Actor, 'id' | 'role' | 'memberships'>): Prisma.VisitWhereInput {
  if (actor.role === 'volunteer') return { volunteerId: actor.id }
  if (actor.role === 'facility_staff') return { facilityId: { in: actor.memberships.map((m) => m.facilityId) } }
  return { id: '' }
}

/**
 * Which visits a list shows: whose (as visitsOf), a range on startsAt, and optionally only planned
 * visits that have ended. Instants are compared as the text Prisma writes (sqliteInstant).
 */
type VisitListFilter = {
  actor: Pick<Actor, 'id' | 'role' | 'memberships'>
  from: Date
  before?: Date
  endedBefore?: Date
  plannedOnly?: boolean
  order: 'asc' | 'desc'
  take: number
}

/**
 * The visits the lists show, with facility, volunteer and the match's contact person, in ONE SQL
 * join. Prisma's nested select of the same (visit → facility, volunteer, match → ad → contact)
 * cost about 5 ms of CPU for 40 visits against 0.7 ms for this join on the national data, and
 * "my visits" and the start pages are opened all the time. It runs on the typed read connection:
 * no query compiler, a cached statement, and the row type follows the schema.
 *
 * Staff see their facilities' visits by an IN list of the facility ids of the actor's active
 * memberships (already loaded for the permission checks, a handful per person, so few distinct
 * statement texts) rather than a subquery on FacilityMembership: the list then shows exactly the
 * facilities the request's permissions were decided on.
 */
function visitListSelect() {
  return sql
    .selectFrom('Visit as v')
    .innerJoin('Facility as f', 'f.id', 'v.facilityId')
    .innerJoin('User as u', 'u.id', 'v.volunteerId')
    .leftJoin('Match as m', 'm.id', 'v.matchId')
    .leftJoin('JobAd as a', 'a.id', 'm.jobAdId')
    .leftJoin('User as c', 'c.id', 'a.contactPersonId')
    .select([
      'v.id',
      'v.localDate',
      'v.startsAt',
      'v.endsAt',
      'v.status',
      'v.location',
      'v.note',
      'v.cancelReason',
      'v.lateCancellation',
      'v.planId',
      'f.id as facilityId',
      'f.name as facilityName',
      'f.address as facilityAddress',
      'f.postcode as facilityPostcode',
      'f.town as facilityTown',
      'u.id as volunteerId',
      'u.name as volunteerName',
      'c.name as contactName',
      'c.phone as contactPhone',
      'c.deactivatedAt as contactDeactivatedAt',
    ])
}
type VisitListRow = InferResult<ReturnType<typeof visitListSelect>>[number]

function visitList({ actor, from, before, endedBefore, plannedOnly, order, take }: VisitListFilter) {
  const facilityIds = [...new Set(actor.memberships.map((m) => m.facilityId))]
  if (actor.role !== 'volunteer' && !(actor.role === 'facility_staff' && facilityIds.length > 0)) return []
  const rows = all(
    visitListSelect()
      .where((eb) => {
        const conditions = [
          actor.role === 'volunteer' ? eb('v.volunteerId', '=', actor.id) : eb('v.facilityId', 'in', facilityIds),
          eb('v.startsAt', '>=', sqliteInstant(from)),
        ]
        if (before) conditions.push(eb('v.startsAt', '<', sqliteInstant(before)))
        if (endedBefore) conditions.push(eb('v.endsAt', '<', sqliteInstant(endedBefore)))
        // `+status` keeps SQLite off the (status, startsAt) index: with a plain status condition it
        // walked every planned visit in the country (0.3–1 s on the national data) instead of the
        // person's own (volunteerId | facilityId, startsAt) range.
        if (plannedOnly) conditions.push(eb(raw<string>`+${raw.ref('v.status')}`, '=', 'planned'))
        return eb.and(conditions)
      })
      .orderBy('v.startsAt', order)
      .limit(take),
  )
  return rows.map(shape)
}

function shape(row: VisitListRow) {
  return {
    id: row.id,
    localDate: row.localDate,
    startTime: copenhagenTime(new Date(row.startsAt)),
    endTime: copenhagenTime(new Date(row.endsAt)),
    status: row.status,
    location: row.location,
    note: row.status === 'cancelled' ? row.cancelReason : row.note,
    lateCancellation: Boolean(row.lateCancellation),
    fromPlan: Boolean(row.planId),
    facility: { id: row.facilityId, name: row.facilityName, address: row.facilityAddress, postcode: row.facilityPostcode, town: row.facilityTown },
    volunteer: { id: row.volunteerId, name: row.volunteerName },
    contact: row.contactName !== null && !row.contactDeactivatedAt ? { name: row.contactName, phone: row.contactPhone } : null,
  }
}
export type VisitListItem = ReturnType<typeof shape>

/** The next visits from today on (cancelled ones too, so nobody turns up in vain), soonest first. */
export async function upcomingVisits(actor: Actor, now = new Date(), take = 40) {
  return visitList({ actor, from: wallClockInstant(copenhagenDate(now), '00:00'), order: 'asc', take })
}

/** Visits on the Copenhagen dates [from, to], both included, for the week and month views. */
export async function visitsBetween(actor: Actor, from: string, to: string) {
  return visitList({ actor, from: wallClockInstant(from, '00:00'), before: wallClockInstant(addDays(to, 1), '00:00'), order: 'asc', take: 1000 })
}

/** The next planned visit, for the start pages. */
export async function nextVisit(actor: Actor, now = new Date()) {
  const [row] = visitList({ actor, from: now, plannedOnly: true, order: 'asc', take: 1 })
  return row ?? null
}

/** How far back "my visits" asks the person to log a visit that has ended. */
export const LOG_WITHIN_DAYS = 60

/**
 * Visits of the last weeks that have ended and that nobody has logged yet, most recent first, so
 * the volunteer or the contact person can log them from "my visits".
 */
export async function visitsToLog(actor: Actor, now = new Date(), take = 20) {
  const since = new Date(now.getTime() - LOG_WITHIN_DAYS * 86_400_000)
  return visitList({ actor, from: since, before: now, endedBefore: now, plannedOnly: true, order: 'desc', take })
}

/**
 * The visit plans of the person's live matches (oldest match first, each with its proposed and
 * confirmed plans and their exceptions), with what the page shows of each match. Three reads on the
 * typed connection, each a join on the person's matches, instead of Prisma's six (one per relation,
 * with IN lists of ids).
 */
export function plansOf(actor: Actor) {
  const facilityIds = actor.memberships.map((m) => m.facilityId)
  if (actor.role !== 'volunteer' && facilityIds.length === 0) return []
  const volunteer = actor.role === 'volunteer'
  const live = ['active', 'paused']
  const matches = all(
    sql
      .selectFrom('Match')
      .innerJoin('User', 'User.id', 'Match.volunteerId')
      .innerJoin('Facility', 'Facility.id', 'Match.facilityId')
      .innerJoin('JobAd', 'JobAd.id', 'Match.jobAdId')
      .select(['Match.id', 'Match.status', 'Match.volunteerId', 'Match.facilityId', 'User.name as volunteerName', 'Facility.name as facilityName', 'JobAd.title as jobAdTitle'])
      .$if(volunteer, (q) => q.where('Match.volunteerId', '=', actor.id))
      .$if(!volunteer, (q) => q.where('Match.facilityId', 'in', facilityIds))
      .where('Match.status', 'in', live)
      .orderBy('Match.createdAt', 'asc')
      .limit(200),
  )
  if (matches.length === 0) return []
  const livePlans = ['proposed', 'confirmed']
  const plans = all(
    sql
      .selectFrom('VisitPlan')
      .innerJoin('Match', 'Match.id', 'VisitPlan.matchId')
      .select([
        'VisitPlan.id',
        'VisitPlan.matchId',
        'VisitPlan.status',
        'VisitPlan.weekday',
        'VisitPlan.startTime',
        'VisitPlan.endTime',
        'VisitPlan.frequency',
        'VisitPlan.nthWeekday',
        'VisitPlan.startDate',
        'VisitPlan.endDate',
        'VisitPlan.location',
        'VisitPlan.proposedById',
      ])
      .$if(volunteer, (q) => q.where('Match.volunteerId', '=', actor.id))
      .$if(!volunteer, (q) => q.where('Match.facilityId', 'in', facilityIds))
      .where('Match.status', 'in', live)
      .where('VisitPlan.status', 'in', livePlans)
      .orderBy('VisitPlan.createdAt', 'asc'),
  )
  const exceptions = plans.length
    ? all(
        sql
          .selectFrom('VisitPlanException')
          .innerJoin('VisitPlan', 'VisitPlan.id', 'VisitPlanException.planId')
          .innerJoin('Match', 'Match.id', 'VisitPlan.matchId')
          .select(['VisitPlanException.planId', 'VisitPlanException.kind', 'VisitPlanException.fromDate', 'VisitPlanException.toDate'])
          .$if(volunteer, (q) => q.where('Match.volunteerId', '=', actor.id))
          .$if(!volunteer, (q) => q.where('Match.facilityId', 'in', facilityIds))
          .where('Match.status', 'in', live)
          .where('VisitPlan.status', 'in', livePlans)
          .orderBy('VisitPlanException.fromDate', 'asc'),
      )
    : []
  return matches.map((match) => ({
    id: match.id,
    status: match.status,
    volunteerId: match.volunteerId,
    facilityId: match.facilityId,
    volunteer: { name: match.volunteerName },
    facility: { name: match.facilityName },
    jobAd: { title: match.jobAdTitle },
    plans: plans
      .filter((plan) => plan.matchId === match.id)
      .map(({ matchId: _matchId, ...plan }) => ({
        ...plan,
        exceptions: exceptions.filter((e) => e.planId === plan.id).map(({ planId: _planId, ...exception }) => exception),
      })),
  }))
}

// ---------------------------------------------------------------------------------------------
// The personal calendar feed
// ---------------------------------------------------------------------------------------------

/** Past visits stay in the feed this long, so last month's visits do not vanish from calendars. */
const FEED_PAST_DAYS = 92

export function calendarTokenOf(userId: string) {
  return first(sql.selectFrom('User').select('calendarToken').where('id', '=', userId))?.calendarToken ?? null
}

/** Makes (or replaces) the secret in the feed URL; the old URL stops working at once. */
export async function regenerateCalendarToken(userId: string) {
  const token = crypto.randomBytes(24).toString('base64url')
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { calendarToken: token } })
    await audit(tx, { actorId: userId, action: 'calendar.token-created', entityType: 'User', entityId: userId })
  })
  return token
}

export async function revokeCalendarToken(userId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { calendarToken: null } })
    await audit(tx, { actorId: userId, action: 'calendar.token-revoked', entityType: 'User', entityId: userId })
  })
}

/**
 * The person's visits as an iCalendar feed (METHOD:PUBLISH): past three months and everything
 * ahead, cancelled ones kept with STATUS:CANCELLED so subscribed calendars drop them. Null when
 * the token is unknown or revoked. Names and places only: the URL is a secret, but it is still a
 * URL, so no phone numbers go into it.
 */
export async function calendarFeedFor(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null
  const user = await prisma.user.findUnique({
    where: { calendarToken: token },
    select: {
      id: true,
      role: true,
      locale: true,
      deactivatedAt: true,
      memberships: { where: { status: 'active' }, select: { facilityId: true, role: true, isContactPerson: true } },
    },
  })
  if (!user || user.deactivatedAt || (user.role !== 'volunteer' && user.role !== 'facility_staff')) return null
  const actor = { id: user.id, role: user.role as Actor['role'], memberships: user.memberships as Actor['memberships'] }
  const visits = await prisma.visit.findMany({
    where: { AND: [visitsOf(actor), { startsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) } }] },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      sequence: true,
      location: true,
      updatedAt: true,
      facility: { select: { name: true, address: true, postcode: true, town: true } },
      volunteer: { select: { name: true } },
      match: { select: { jobAd: { select: { contactPerson: { select: { name: true } } } } } },
    },
    orderBy: { startsAt: 'asc' },
    take: 5000,
  })
  const locale = localeOf(user.locale)
  const t = await getFixedT(locale, 'visits')
  const events = visits.map((visit) => visitEvent(t, { ...visit, contact: visit.match?.jobAd.contactPerson ?? null }, now))
  // The sessions of events the person signed up for, with the UIDs of the .ics files their e-mails carried.
  const sessions = all(
    sql
      .selectFrom('EventSignup as u')
      .innerJoin('Event as e', 'e.id', 'u.eventId')
      .innerJoin('Centre as c', 'c.id', 'e.centreId')
      .innerJoin('EventSession as s', 's.eventId', 'e.id')
      .where('u.userId', '=', user.id)
      .where('u.status', 'in', ['confirmed', 'cancelled'])
      .where('e.status', 'in', ['published', 'cancelled'])
      .where('s.startsAt', '>=', sqliteInstant(new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000)))
      .select(['s.id', 's.startsAt', 's.endsAt', 's.place', 's.onlineUrl', 'e.id as eventId', 'e.title', 'e.sequence', 'e.status as eventStatus', 'u.status as signupStatus', 'c.name as centreName'])
      .orderBy('s.startsAt', 'asc')
      .limit(1000),
  )
  if (sessions.length > 0) {
    const te = await getFixedT(locale, 'emails')
    for (const session of sessions) {
      events.push({
        uid: `event-session-${session.id}@frivilligbro`,
        sequence: session.sequence,
        start: new Date(session.startsAt),
        end: new Date(session.endsAt),
        stamp: now,
        summary: session.title,
        description: te('eventCalendar.description', { centreName: session.centreName, url: appUrl(`/events/${session.eventId}`) }),
        location: [session.place, session.onlineUrl].filter(Boolean).join(' · '),
        status: session.eventStatus === 'cancelled' || session.signupStatus === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      })
    }
    events.sort((a, b) => a.start.getTime() - b.start.getTime())
  }
  return calendarFeed(t('calendar.feedName'), events)
}

// ---------------------------------------------------------------------------------------------
// Reminders
// ---------------------------------------------------------------------------------------------

/** Reminders for tomorrow's visits are queued from this Copenhagen hour on. */
export const REMINDER_FROM_HOUR = '08:00'

/**
 * Which planned visits need their reminder now: tomorrow's from 08:00 Copenhagen time today, and
 * today's that have not started (a server that was down yesterday still sends them, late rather
 * than never). `reminderQueuedAt` is set in the same transaction as the e-mails, and every e-mail
 * has a dedupe key, so a second run — or a run after a restart — queues nothing twice.
 */
export function visitsDueForReminder(now: Date) {
  const today = copenhagenDate(now)
  const dates = copenhagenTime(now) >= REMINDER_FROM_HOUR ? [today, addDays(today, 1)] : [today]
  return prisma.visit.findMany({
    where: { status: 'planned', reminderQueuedAt: null, localDate: { in: dates }, startsAt: { gt: now } },
    select: { id: true },
    take: 5000,
  })
}

/**
 * Queues the due reminders visit by visit: the visit is read and its e-mails rendered first, then
 * one short transaction claims the visit (checked again: a visit cancelled a moment ago gets
 * none) and writes the rendered messages (queueAfterClaim). Rendering inside the transaction held SQLite's write
 * lock for the whole render, and requests that write waited behind a burst of thousands.
 */
export async function queueVisitReminders(now = new Date()) {
  const due = await visitsDueForReminder(now)
  let queued = 0
  for (const { id } of due) {
    const visit = await prisma.visit.findUnique({
      where: { id },
      select: {
        id: true,
        status: true,
        reminderQueuedAt: true,
        startsAt: true,
        endsAt: true,
        location: true,
        volunteer: { select: { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } },
        facility: {
          select: {
            name: true,
            address: true,
            postcode: true,
            town: true,
            memberships: { where: { status: 'active', role: 'leader' }, select: { user: { select: { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true, visitReminders: true } } } },
          },
        },
        match: { select: { jobAd: { select: { title: true, contactPerson: { select: { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true, visitReminders: true } } } } } },
      },
    })
    if (!visit || visit.status !== 'planned' || visit.reminderQueuedAt) continue
    const contact = visit.match ? contactPersonOf({ jobAd: visit.match.jobAd, facility: visit.facility }) : null
    const place = [visit.location, `${visit.facility.address}, ${visit.facility.postcode} ${visit.facility.town}`].filter(Boolean).join(', ')
    const recipients = [
      visit.volunteer.deactivatedAt ? null : { person: visit.volunteer, recipient: 'volunteer' as const, other: contact },
      contact?.visitReminders ? { person: contact, recipient: 'contact' as const, other: visit.volunteer } : null,
    ]
    const requests: AnyEmailRequest[] = []
    for (const entry of recipients) {
      if (!entry) continue
      const locale = localeOf(entry.person.locale)
      const when = `${formatInZone(visit.startsAt, locale === 'da' ? "EEEE 'den' d. MMMM 'kl.' HH:mm" : "EEEE d MMMM 'at' HH:mm", locale)}–${formatInZone(visit.endsAt, 'HH:mm', locale)}`
      requests.push({
        to: entry.person.email,
        toName: entry.person.name,
        locale,
        template: 'visit-reminder',
        dedupeKey: `visit-reminder:${visit.id}:${entry.person.id}`,
        props: {
          name: entry.person.name,
          recipient: entry.recipient,
          facilityName: visit.facility.name,
          when,
          place,
          other: entry.other ? { name: entry.other.name, phone: entry.other.phone } : null,
          url: appUrl(`/visits/${visit.id}`),
        },
      })
    }
    const claim = async (tx: Tx) => (await tx.visit.updateMany({ where: { id: visit.id, status: 'planned', reminderQueuedAt: null }, data: { reminderQueuedAt: now } })).count > 0
    queued += (await queueAfterClaim(requests, claim)) ?? 0
  }
  return { visits: due.length, queued }
}

/** Facility staff choose whether they get the day-before reminder too. */
export async function setVisitReminders(userId: string, wanted: boolean) {
  await prisma.user.update({ where: { id: userId }, data: { visitReminders: wanted } })
}

export async function wantsVisitReminders(userId: string) {
  return (await prisma.user.findUnique({ where: { id: userId }, select: { visitReminders: true } }))?.visitReminders ?? false
}
