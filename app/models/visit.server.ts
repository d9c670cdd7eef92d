import crypto from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { audit } from '~/utils/audit.server'
import { formatInZone } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { isLocale, type Locale } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarFeed } from '~/utils/ics'
import type { Actor } from '~/utils/permissions'
import { addDays, copenhagenDate, copenhagenTime, wallClockInstant } from '~/utils/visit-schedule'
import { contactPersonOf, visitEvent } from './visit-plan.server'

const localeOf = (value: string): Locale => (isLocale(value) ? value : 'da')

/** Whose visits a person sees: a volunteer their own, facility staff those of their facilities. */
export function visitsOf(actor: Pick<Actor, 'id' | 'role' | 'memberships'>): Prisma.VisitWhereInput {
  if (actor.role === 'volunteer') return { volunteerId: actor.id }
  if (actor.role === 'facility_staff') return { facilityId: { in: actor.memberships.map((m) => m.facilityId) } }
  return { id: '' }
}

const contactSelect = { select: { name: true, phone: true, deactivatedAt: true } } as const

const visitListSelect = {
  id: true,
  localDate: true,
  startsAt: true,
  endsAt: true,
  status: true,
  location: true,
  note: true,
  cancelReason: true,
  lateCancellation: true,
  planId: true,
  windowId: true,
  facility: { select: { id: true, name: true, address: true, postcode: true, town: true } },
  volunteer: { select: { id: true, name: true } },
  match: { select: { jobAd: { select: { contactPerson: contactSelect } } } },
} satisfies Prisma.VisitSelect

type VisitRow = Prisma.VisitGetPayload<{ select: typeof visitListSelect }>

function shape(visit: VisitRow) {
  const contact = visit.match?.jobAd.contactPerson
  return {
    id: visit.id,
    localDate: visit.localDate,
    startTime: copenhagenTime(visit.startsAt),
    endTime: copenhagenTime(visit.endsAt),
    status: visit.status,
    location: visit.location,
    note: visit.status === 'cancelled' ? visit.cancelReason : visit.note,
    lateCancellation: visit.lateCancellation,
    fromPlan: Boolean(visit.planId),
    facility: visit.facility,
    volunteer: visit.volunteer,
    contact: contact && !contact.deactivatedAt ? { name: contact.name, phone: contact.phone } : null,
  }
}
export type VisitListItem = ReturnType<typeof shape>

/** The next visits from today on (cancelled ones too, so nobody turns up in vain), soonest first. */
export async function upcomingVisits(actor: Actor, now = new Date(), take = 40) {
  const rows = await prisma.visit.findMany({
    where: { AND: [visitsOf(actor), { startsAt: { gte: wallClockInstant(copenhagenDate(now), '00:00') } }] },
    select: visitListSelect,
    orderBy: { startsAt: 'asc' },
    take,
  })
  return rows.map(shape)
}

/** Visits on the Copenhagen dates [from, to], both included, for the week and month views. */
export async function visitsBetween(actor: Actor, from: string, to: string) {
  const rows = await prisma.visit.findMany({
    where: { AND: [visitsOf(actor), { startsAt: { gte: wallClockInstant(from, '00:00'), lt: wallClockInstant(addDays(to, 1), '00:00') } }] },
    select: visitListSelect,
    orderBy: { startsAt: 'asc' },
    take: 1000,
  })
  return rows.map(shape)
}

/**
 * The next planned visit, for the start pages. The status is checked here, not in SQL: with it in
 * the WHERE clause SQLite chose the (status, startsAt) index and walked every planned visit in the
 * country (0.3–1 s on the national data) instead of the person's own (volunteerId, startsAt).
 */
export async function nextVisit(actor: Actor, now = new Date()) {
  const rows = await prisma.visit.findMany({
    where: { AND: [visitsOf(actor), { startsAt: { gte: now } }] },
    select: { id: true, status: true },
    orderBy: { startsAt: 'asc' },
    take: 50,
  })
  const next = rows.find((row) => row.status === 'planned')
  if (!next) return null
  const row = await prisma.visit.findUnique({ where: { id: next.id }, select: visitListSelect })
  return row ? shape(row) : null
}

/** How far back "my visits" asks the person to log a visit that has ended. */
export const LOG_WITHIN_DAYS = 60

/**
 * Visits of the last weeks that have ended and that nobody has logged yet, most recent first, so
 * the volunteer or the contact person can log them from "my visits". As in nextVisit, the status
 * is checked after the person's own (…, startsAt) range is read, not in SQL.
 */
export async function visitsToLog(actor: Actor, now = new Date(), take = 20) {
  const rows = await prisma.visit.findMany({
    where: { AND: [visitsOf(actor), { startsAt: { gte: new Date(now.getTime() - LOG_WITHIN_DAYS * 86_400_000), lt: now } }] },
    select: { id: true, status: true, endsAt: true },
    orderBy: { startsAt: 'desc' },
    take: 1000,
  })
  const ids = rows.filter((row) => row.status === 'planned' && row.endsAt < now).slice(0, take).map((row) => row.id)
  if (ids.length === 0) return []
  const visits = await prisma.visit.findMany({ where: { id: { in: ids } }, select: visitListSelect, orderBy: { startsAt: 'desc' } })
  return visits.map(shape)
}

/** The visit plans of the person's live matches, proposals first, with what the page shows of each match. */
export function plansOf(actor: Actor) {
  const matchWhere: Prisma.MatchWhereInput =
    actor.role === 'volunteer' ? { volunteerId: actor.id } : { facilityId: { in: actor.memberships.map((m) => m.facilityId) } }
  return prisma.match.findMany({
    where: { ...matchWhere, status: { in: ['active', 'paused'] } },
    select: {
      id: true,
      status: true,
      volunteerId: true,
      facilityId: true,
      volunteer: { select: { name: true } },
      facility: { select: { name: true } },
      jobAd: { select: { title: true } },
      plans: {
        where: { status: { in: ['proposed', 'confirmed'] } },
        select: {
          id: true,
          status: true,
          weekday: true,
          startTime: true,
          endTime: true,
          frequency: true,
          nthWeekday: true,
          startDate: true,
          endDate: true,
          location: true,
          proposedById: true,
          exceptions: { select: { kind: true, fromDate: true, toDate: true }, orderBy: { fromDate: 'asc' } },
        },
        orderBy: { createdAt: 'asc' },
      },
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
}

// ---------------------------------------------------------------------------------------------
// The personal calendar feed
// ---------------------------------------------------------------------------------------------

/** Past visits stay in the feed this long, so last month's visits do not vanish from calendars. */
const FEED_PAST_DAYS = 92

export async function calendarTokenOf(userId: string) {
  return (await prisma.user.findUnique({ where: { id: userId }, select: { calendarToken: true } }))?.calendarToken ?? null
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

export async function queueVisitReminders(now = new Date()) {
  const due = await visitsDueForReminder(now)
  let queued = 0
  for (const { id } of due) {
    queued += await prisma.$transaction(async (tx) => {
      const visit = await tx.visit.findUnique({
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
      // Checked again inside the transaction: a visit cancelled a moment ago gets no reminder.
      if (!visit || visit.status !== 'planned' || visit.reminderQueuedAt) return 0
      const claimed = await tx.visit.updateMany({ where: { id: visit.id, status: 'planned', reminderQueuedAt: null }, data: { reminderQueuedAt: now } })
      if (claimed.count === 0) return 0
      const contact = visit.match ? contactPersonOf({ jobAd: visit.match.jobAd, facility: visit.facility }) : null
      const place = [visit.location, `${visit.facility.address}, ${visit.facility.postcode} ${visit.facility.town}`].filter(Boolean).join(', ')
      const recipients = [
        visit.volunteer.deactivatedAt ? null : { person: visit.volunteer, recipient: 'volunteer' as const, other: contact },
        contact?.visitReminders ? { person: contact, recipient: 'contact' as const, other: visit.volunteer } : null,
      ]
      let count = 0
      for (const entry of recipients) {
        if (!entry) continue
        const locale = localeOf(entry.person.locale)
        const when = `${formatInZone(visit.startsAt, locale === 'da' ? "EEEE 'den' d. MMMM 'kl.' HH:mm" : "EEEE d MMMM 'at' HH:mm", locale)}–${formatInZone(visit.endsAt, 'HH:mm', locale)}`
        const message = await queueEmail(tx, {
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
        if (message) count++
      }
      return count
    })
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
