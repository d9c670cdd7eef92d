import crypto from 'node:crypto'
import { audit } from '~/utils/audit.server'
import { formatDate, formatLocalDate } from '~/utils/dates'
import { prisma, type Tx } from '~/utils/db.server'
import { localeOf, type Locale } from '~/utils/domain'
import { queueEmail, type Attachment } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarFeed, type CalendarEvent } from '~/utils/ics'
import { planSideOf, type Actor } from '~/utils/permissions'
import { describePlan, type PlanTerms } from '~/utils/visit-plan'
import { expandPlan, plansOverlap, type PlanException, type PlanRule } from '~/utils/visit-schedule'
import { addDays, copenhagenDate, sqliteInstant } from '~/utils/time'
import { refreshAgreement } from '~/models/agreement.server'

/** Visits exist this far ahead of today for every confirmed plan; the housekeeping job keeps it so. */
export const PLAN_HORIZON_DAYS = 12 * 7

const person = { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } as const

const planSelect = {
  id: true,
  matchId: true,
  weekday: true,
  startTime: true,
  endTime: true,
  frequency: true,
  nthWeekday: true,
  startDate: true,
  endDate: true,
  location: true,
  status: true,
  proposedById: true,
  confirmedAt: true,
  generatedUntil: true,
  exceptions: { select: { id: true, kind: true, fromDate: true, toDate: true, reason: true }, orderBy: { fromDate: 'asc' } },
  match: {
    select: {
      id: true,
      status: true,
      facilityId: true,
      volunteerId: true,
      volunteer: { select: person },
      facility: {
        select: {
          name: true,
          address: true,
          postcode: true,
          town: true,
          memberships: { where: { status: 'active', role: 'leader' }, select: { user: { select: person } } },
        },
      },
      jobAd: { select: { title: true, contactPerson: { select: person } } },
    },
  },
} as const

type MatchForPlan = {
  status: string
  facilityId: string
  volunteerId: string
  volunteer: Person
  facility: { name: string; address: string; postcode: string; town: string; memberships: { user: Person }[] }
  jobAd: { title: string; contactPerson: Person | null }
}
type Person = { id: string; name: string; email: string; phone: string | null; locale: string; deactivatedAt: Date | null }

/** The facility's side of a match for e-mails: the ad's contact person, else the leader (as when the match was approved). */
export function contactPersonOf<P extends { deactivatedAt: Date | null }>(match: { jobAd: { contactPerson: P | null }; facility: { memberships: { user: P }[] } }): P | null {
  return [match.jobAd.contactPerson, ...match.facility.memberships.map((m) => m.user)].find((p): p is P => Boolean(p && !p.deactivatedAt)) ?? null
}

export function planFor(planId: string) {
  return prisma.visitPlan.findUnique({ where: { id: planId }, select: planSelect })
}

/** An active match with what planning needs; for the "propose a plan" page. */
export function matchForPlanning(matchId: string) {
  return prisma.match.findUnique({ where: { id: matchId }, select: planSelect.match.select })
}

/** What the plan form starts from: the ad's own schedule and the facility's address. */
export async function planDefaults(matchId: string, today: string) {
  const match = await prisma.match.findUnique({
    where: { id: matchId },
    select: { jobAd: { select: { weekdays: true, timeFrom: true, timeTo: true, frequency: true, startDate: true } }, facility: { select: { address: true } } },
  })
  if (!match) return null
  let weekdays: unknown = []
  try {
    weekdays = JSON.parse(match.jobAd.weekdays || '[]')
  } catch {
    // A broken column only loses the suggestion.
  }
  const weekday = (Array.isArray(weekdays) ? weekdays : []).map(Number).find((day) => day >= 1 && day <= 7)
  const frequency = ['weekly', 'biweekly', 'monthly'].includes(match.jobAd.frequency) ? match.jobAd.frequency : 'weekly'
  return {
    weekday: String(weekday ?? ''),
    startTime: match.jobAd.timeFrom ?? '',
    endTime: match.jobAd.timeTo ?? '',
    frequency,
    nthWeekday: frequency === 'monthly' ? '1' : '',
    startDate: match.jobAd.startDate && match.jobAd.startDate > today ? match.jobAd.startDate : addDays(today, 1),
    endDate: '',
    location: '',
  }
}

/** A plan's terms as the form's default values. */
export function planAsDefaults(plan: PlanRule & { location: string }) {
  return {
    weekday: String(plan.weekday),
    startTime: plan.startTime,
    endTime: plan.endTime,
    frequency: plan.frequency,
    nthWeekday: plan.nthWeekday === null || plan.nthWeekday === undefined ? '' : String(plan.nthWeekday),
    startDate: plan.startDate,
    endDate: plan.endDate ?? '',
    location: plan.location,
  }
}

/** The plan's next visits (cancelled ones too), for its page. */
export function visitsOfPlan(planId: string, now: Date, take = 12) {
  return prisma.visit.findMany({
    where: { planId, startsAt: { gte: now } },
    select: { id: true, localDate: true, startsAt: true, endsAt: true, status: true },
    orderBy: { startsAt: 'asc' },
    take,
  })
}

export type PlanProblem = 'not-found' | 'forbidden' | 'match-not-active' | 'wrong-state' | 'own-proposal' | 'overlap'
export type PlanResult = { ok: true; planId: string } | { ok: false; reason: PlanProblem; overlap?: PlanRule & { facilityName: string } }

/** Another confirmed plan of the same volunteer this one would clash with, if any. */
async function overlappingPlan(tx: Tx, volunteerId: string, terms: PlanRule, exceptPlanId: string | null) {
  const others = await tx.visitPlan.findMany({
    where: { status: 'confirmed', weekday: terms.weekday, match: { volunteerId }, ...(exceptPlanId ? { id: { not: exceptPlanId } } : {}) },
    select: { weekday: true, startTime: true, endTime: true, frequency: true, nthWeekday: true, startDate: true, endDate: true, match: { select: { facility: { select: { name: true } } } } },
  })
  const clash = others.find((other) => plansOverlap(terms, other))
  return clash ? { ...clash, facilityName: clash.match.facility.name } : null
}

/**
 * One party of an active match proposes a plan; the other party is asked by e-mail to confirm it.
 * Refused when it would overlap another confirmed plan of the same volunteer.
 */
export async function proposePlan(actor: Actor, matchId: string, terms: PlanTerms): Promise<PlanResult> {
  return prisma.$transaction(async (tx) => {
    const match = await tx.match.findUnique({ where: { id: matchId }, select: planSelect.match.select })
    if (!match) return { ok: false, reason: 'not-found' }
    const side = planSideOf(actor, match)
    if (!side) return { ok: false, reason: 'forbidden' }
    if (match.status !== 'active') return { ok: false, reason: 'match-not-active' }
    const overlap = await overlappingPlan(tx, match.volunteerId, terms, null)
    if (overlap) return { ok: false, reason: 'overlap', overlap }
    const plan = await tx.visitPlan.create({ data: { matchId, ...terms, status: 'proposed', proposedById: actor.id }, select: { id: true } })
    await audit(tx, { actorId: actor.id, action: 'visitPlan.proposed', entityType: 'VisitPlan', entityId: plan.id, data: { matchId, side, ...terms } })
    await askOtherParty(tx, { planId: plan.id, match, side, actorId: actor.id, terms, kind: 'new' })
    return { ok: true, planId: plan.id }
  })
}

/**
 * Either party changes a plan. A confirmed plan goes back to "proposed" and the other party is
 * asked to confirm again; its visits already made stay as they are until then (the residents
 * keep knowing when someone comes), and confirming the change re-plans them.
 */
export async function changePlan(actor: Actor, planId: string, terms: PlanTerms): Promise<PlanResult> {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.visitPlan.findUnique({ where: { id: planId }, select: planSelect })
    if (!plan) return { ok: false, reason: 'not-found' }
    const side = planSideOf(actor, plan.match)
    if (!side) return { ok: false, reason: 'forbidden' }
    if (plan.match.status !== 'active') return { ok: false, reason: 'match-not-active' }
    if (plan.status === 'ended') return { ok: false, reason: 'wrong-state' }
    const overlap = await overlappingPlan(tx, plan.match.volunteerId, terms, plan.id)
    if (overlap) return { ok: false, reason: 'overlap', overlap }
    const claimed = await tx.visitPlan.updateMany({
      where: { id: plan.id, status: plan.status },
      data: { ...terms, status: 'proposed', proposedById: actor.id, confirmedAt: null },
    })
    if (claimed.count === 0) return { ok: false, reason: 'wrong-state' }
    const previous = { weekday: plan.weekday, startTime: plan.startTime, endTime: plan.endTime, frequency: plan.frequency, nthWeekday: plan.nthWeekday, startDate: plan.startDate, endDate: plan.endDate, location: plan.location, status: plan.status }
    await audit(tx, { actorId: actor.id, action: 'visitPlan.changed', entityType: 'VisitPlan', entityId: plan.id, data: { side, previous, ...terms } })
    await askOtherParty(tx, { planId: plan.id, match: plan.match, side, actorId: actor.id, terms, kind: 'changed' })
    return { ok: true, planId: plan.id }
  })
}

async function askOtherParty(
  tx: Tx,
  input: { planId: string; match: MatchForPlan; side: 'volunteer' | 'facility'; actorId: string; terms: PlanTerms; kind: 'new' | 'changed' },
) {
  const { match } = input
  const contact = contactPersonOf(match)
  const proposer = input.side === 'volunteer' ? match.volunteer : (await tx.user.findUnique({ where: { id: input.actorId }, select: person })) ?? contact
  const recipient = input.side === 'volunteer' ? contact : match.volunteer
  if (!recipient || !proposer) return
  const locale = localeOf(recipient.locale)
  const t = await getFixedT(locale, ['emails', 'visits', 'board', 'common'])
  await queueEmail(tx, {
    to: recipient.email,
    toName: recipient.name,
    locale,
    template: 'visit-plan-proposed',
    props: {
      name: recipient.name,
      kind: input.kind,
      proposer: proposer.name,
      facilityName: match.facility.name,
      adTitle: match.jobAd.title,
      schedule: describePlan(t, locale, input.terms),
      location: input.terms.location,
      url: appUrl(`/visits/plans/${input.planId}`),
    },
  })
}

type SyncResult = { created: number; cancelled: number; moved: number }

/**
 * Makes a confirmed plan's visits from today to the horizon agree with its terms and exceptions:
 * missing visits are made, planned ones on dates the plan no longer has are cancelled, planned
 * ones whose time or place changed are moved (their calendar SEQUENCE raised), and visits the
 * plan itself cancelled earlier (no person named) come back when the plan has that date again.
 * Visits a person cancelled, and past visits, are never touched.
 */
async function syncPlanVisits(tx: Tx, plan: { id: string } & PlanRule & { location: string; exceptions: { kind: string; fromDate: string; toDate: string }[] }, match: { id: string; facilityId: string; volunteerId: string }, now: Date): Promise<SyncResult> {
  const today = copenhagenDate(now)
  const horizon = addDays(today, PLAN_HORIZON_DAYS)
  const wanted = expandPlan(plan, plan.exceptions, { from: today, to: horizon }).filter((o) => o.endsAt.getTime() > now.getTime())
  const existing = await tx.visit.findMany({
    where: { planId: plan.id, localDate: { gte: today } },
    select: { id: true, localDate: true, status: true, startsAt: true, endsAt: true, location: true, cancelledById: true },
  })
  const byDate = new Map(existing.map((visit) => [visit.localDate, visit]))
  const wantedDates = new Set(wanted.map((o) => o.localDate))
  const result: SyncResult = { created: 0, cancelled: 0, moved: 0 }
  for (const visit of existing) {
    if (visit.status === 'planned' && !wantedDates.has(visit.localDate) && visit.startsAt.getTime() > now.getTime()) {
      await tx.visit.update({ where: { id: visit.id }, data: { status: 'cancelled', cancelledAt: now, cancelledById: null, sequence: { increment: 1 } } })
      result.cancelled++
    }
  }
  for (const occurrence of wanted) {
    const visit = byDate.get(occurrence.localDate)
    if (!visit) {
      await tx.visit.create({
        data: {
          matchId: match.id,
          facilityId: match.facilityId,
          volunteerId: match.volunteerId,
          planId: plan.id,
          localDate: occurrence.localDate,
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          location: plan.location,
        },
      })
      result.created++
      continue
    }
    const revived = visit.status === 'cancelled' && visit.cancelledById === null
    const moved =
      visit.status === 'planned' &&
      (visit.startsAt.getTime() !== occurrence.startsAt.getTime() || visit.endsAt.getTime() !== occurrence.endsAt.getTime() || visit.location !== plan.location)
    if (revived || moved) {
      await tx.visit.update({
        where: { id: visit.id },
        data: { status: 'planned', cancelledAt: null, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, location: plan.location, reminderQueuedAt: null, sequence: { increment: 1 } },
      })
      result.moved++
    }
  }
  await tx.visitPlan.update({ where: { id: plan.id }, data: { generatedUntil: horizon } })
  return result
}

/**
 * The other party confirms a proposed plan: visits are made up to the horizon (a changed plan's
 * future visits re-planned), and both parties get the upcoming visits as a calendar file. Whoever
 * proposed cannot confirm (for the facility, any active staff member counts as the same side):
 * a plan is agreed only when both sides have said yes.
 */
export async function confirmPlan(actor: Actor, planId: string, now = new Date()): Promise<PlanResult> {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.visitPlan.findUnique({ where: { id: planId }, select: planSelect })
    if (!plan) return { ok: false, reason: 'not-found' }
    const side = planSideOf(actor, plan.match)
    if (!side) return { ok: false, reason: 'forbidden' }
    if (plan.match.status !== 'active') return { ok: false, reason: 'match-not-active' }
    if (plan.status !== 'proposed') return { ok: false, reason: 'wrong-state' }
    if (proposerSide(plan) === side) return { ok: false, reason: 'own-proposal' }
    const overlap = await overlappingPlan(tx, plan.match.volunteerId, plan, plan.id)
    if (overlap) return { ok: false, reason: 'overlap', overlap }
    const claimed = await tx.visitPlan.updateMany({ where: { id: plan.id, status: 'proposed' }, data: { status: 'confirmed', confirmedAt: now } })
    if (claimed.count === 0) return { ok: false, reason: 'wrong-state' }
    const sync = await syncPlanVisits(tx, plan, plan.match, now)
    await audit(tx, { actorId: actor.id, action: 'visitPlan.confirmed', entityType: 'VisitPlan', entityId: plan.id, data: { side, ...sync } })
    // The agreement states the plan: a confirmed (or changed and confirmed again) plan is a new version.
    await refreshAgreement(tx, plan.matchId, now, { actorId: actor.id })
    await tellBoth(tx, plan, 'visit-plan-confirmed', now)
    return { ok: true, planId: plan.id }
  })
}

function proposerSide(plan: { proposedById: string | null; match: { volunteerId: string } }) {
  return plan.proposedById === plan.match.volunteerId ? 'volunteer' : 'facility'
}

/** The plan's visits from today on, as calendar events (cancelled ones included, so calendars drop them). */
async function upcomingEvents(tx: Tx, plan: { id: string; match: MatchForPlan }, locale: Locale, now: Date): Promise<CalendarEvent[]> {
  const t = await getFixedT(locale, 'visits')
  const contact = contactPersonOf(plan.match)
  const visits = await tx.visit.findMany({
    where: { planId: plan.id, startsAt: { gte: now } },
    select: { id: true, startsAt: true, endsAt: true, status: true, sequence: true, location: true, updatedAt: true },
    orderBy: { startsAt: 'asc' },
  })
  return visits.map((visit) =>
    visitEvent(t, { ...visit, facility: plan.match.facility, volunteer: plan.match.volunteer, contact }, now),
  )
}

/** One visit as a calendar event: UID visit-<id>@frivilligbro, SEQUENCE from the visit. */
export function visitEvent(
  t: (key: string, options?: Record<string, unknown>) => string,
  visit: {
    id: string
    startsAt: Date
    endsAt: Date
    status: string
    sequence: number
    location: string
    updatedAt: Date
    facility: { name: string; address?: string; postcode?: string; town?: string }
    volunteer: { name: string }
    contact: { name: string } | null
  },
  now: Date,
): CalendarEvent {
  const address = [visit.facility.address, [visit.facility.postcode, visit.facility.town].filter(Boolean).join(' ')].filter(Boolean).join(', ')
  return {
    uid: `visit-${visit.id}@frivilligbro`,
    sequence: visit.sequence,
    start: visit.startsAt,
    end: visit.endsAt,
    stamp: visit.updatedAt.getTime() > now.getTime() ? now : visit.updatedAt,
    summary: t('visits:calendar.summary', { facility: visit.facility.name, volunteer: visit.volunteer.name }),
    description: t('visits:calendar.description', { volunteer: visit.volunteer.name, contact: visit.contact?.name ?? '—', url: appUrl(`/visits/${visit.id}`) }),
    location: [visit.location, address].filter(Boolean).join(', '),
    status: visit.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  }
}

/** Confirmation and changes that concern both parties: each gets the plan and its upcoming visits as a calendar file. */
async function tellBoth(tx: Tx, plan: { id: string; match: MatchForPlan } & PlanRule & { location: string }, template: 'visit-plan-confirmed', now: Date) {
  const contact = contactPersonOf(plan.match)
  const parties = [
    { who: plan.match.volunteer, other: contact },
    { who: contact, other: plan.match.volunteer },
  ]
  for (const { who, other } of parties) {
    if (!who) continue
    const locale = localeOf(who.locale)
    const t = await getFixedT(locale, ['emails', 'visits', 'board', 'common'])
    const events = await upcomingEvents(tx, plan, locale, now)
    const attachments: Attachment[] = [
      { filename: 'besoeg.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendarFeed(t('visits:calendar.planName', { facility: plan.match.facility.name }), events) },
    ]
    const first = events.find((event) => event.status !== 'CANCELLED')
    await queueEmail(tx, {
      to: who.email,
      toName: who.name,
      locale,
      template,
      props: {
        name: who.name,
        facilityName: plan.match.facility.name,
        schedule: describePlan(t, locale, plan),
        location: plan.location,
        firstVisit: first ? formatDate(first.start, locale) : '',
        other: other ? { name: other.name, phone: other.phone } : null,
        url: appUrl('/visits'),
      },
      attachments,
    })
  }
}

export type PlanChangeResult = { ok: true; cancelled: number } | { ok: false; reason: PlanProblem }

/**
 * The other party declines a proposed plan (or the proposer withdraws it). The plan ends; visits
 * it still had from an earlier confirmation are cancelled, and the other party is told.
 */
export async function declinePlan(actor: Actor, planId: string, reason: string | null, now = new Date()): Promise<PlanChangeResult> {
  return endOrDecline(actor, planId, reason, 'declined', now)
}

/** Either party ends a confirmed (or proposed) plan: its future planned visits are cancelled and the other party is told. */
export async function endPlan(actor: Actor, planId: string, reason: string | null, now = new Date()): Promise<PlanChangeResult> {
  return endOrDecline(actor, planId, reason, 'ended', now)
}

async function endOrDecline(actor: Actor, planId: string, reason: string | null, kind: 'declined' | 'ended', now: Date): Promise<PlanChangeResult> {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.visitPlan.findUnique({ where: { id: planId }, select: planSelect })
    if (!plan) return { ok: false, reason: 'not-found' }
    const side = planSideOf(actor, plan.match)
    if (!side) return { ok: false, reason: 'forbidden' }
    if (kind === 'declined' ? plan.status !== 'proposed' : plan.status === 'ended') return { ok: false, reason: 'wrong-state' }
    const today = copenhagenDate(now)
    const claimed = await tx.visitPlan.updateMany({
      where: { id: plan.id, status: plan.status },
      data: { status: 'ended', ...(kind === 'ended' && (!plan.endDate || plan.endDate > today) ? { endDate: today } : {}) },
    })
    if (claimed.count === 0) return { ok: false, reason: 'wrong-state' }
    const cancelled = await cancelPlanVisits(tx, plan.id, { from: today, to: '9999-12-31' }, actor.id, reason, now)
    await audit(tx, { actorId: actor.id, action: `visitPlan.${kind}`, entityType: 'VisitPlan', entityId: plan.id, data: { side, reason, cancelled } })
    if (plan.status === 'confirmed') await refreshAgreement(tx, plan.matchId, now, { actorId: actor.id })
    await tellOtherParty(tx, { plan, side, kind, reason, actorId: actor.id })
    return { ok: true, cancelled }
  })
}

/** Cancels the plan's planned visits on dates in [from, to] that have not started. */
async function cancelPlanVisits(tx: Tx, planId: string, range: { from: string; to: string }, actorId: string, reason: string | null, now: Date) {
  const updated = await tx.visit.updateMany({
    where: { planId, status: 'planned', localDate: { gte: range.from, lte: range.to }, startsAt: { gt: now } },
    data: { status: 'cancelled', cancelledAt: now, cancelledById: actorId, cancelReason: reason, sequence: { increment: 1 } },
  })
  return updated.count
}

/**
 * A holiday pause (from–to, both included): the plan's visits in it are cancelled and not made again.
 * Pauses and skips are notices, not proposals: either party gives them without the other's
 * confirmation; the cancelled visits carry that person's name and reason, and the other party is
 * e-mailed.
 */
export async function pausePlan(actor: Actor, planId: string, input: { fromDate: string; toDate: string; reason: string | null }, now = new Date()) {
  return addException(actor, planId, { kind: 'pause', ...input }, now)
}

/** One date left out of the plan. */
export async function skipPlanDate(actor: Actor, planId: string, input: { date: string; reason: string | null }, now = new Date()) {
  return addException(actor, planId, { kind: 'skip', fromDate: input.date, toDate: input.date, reason: input.reason }, now)
}

async function addException(actor: Actor, planId: string, exception: { kind: 'pause' | 'skip'; fromDate: string; toDate: string; reason: string | null }, now: Date): Promise<PlanChangeResult> {
  return prisma.$transaction(async (tx) => {
    const plan = await tx.visitPlan.findUnique({ where: { id: planId }, select: planSelect })
    if (!plan) return { ok: false, reason: 'not-found' }
    const side = planSideOf(actor, plan.match)
    if (!side) return { ok: false, reason: 'forbidden' }
    if (plan.status !== 'confirmed') return { ok: false, reason: 'wrong-state' }
    const created = await tx.visitPlanException.create({ data: { planId: plan.id, ...exception }, select: { id: true } })
    const cancelled = await cancelPlanVisits(tx, plan.id, { from: exception.fromDate, to: exception.toDate }, actor.id, exception.reason, now)
    await audit(tx, { actorId: actor.id, action: `visitPlan.${exception.kind === 'pause' ? 'paused' : 'skipped'}`, entityType: 'VisitPlan', entityId: plan.id, data: { side, exceptionId: created.id, ...exception, cancelled } })
    await tellOtherParty(tx, { plan, side, kind: exception.kind === 'pause' ? 'paused' : 'skipped', reason: exception.reason, actorId: actor.id, fromDate: exception.fromDate, toDate: exception.toDate })
    return { ok: true, cancelled }
  })
}

async function tellOtherParty(
  tx: Tx,
  input: {
    plan: { id: string; match: MatchForPlan } & PlanRule
    side: 'volunteer' | 'facility'
    kind: 'declined' | 'ended' | 'paused' | 'skipped'
    reason: string | null
    actorId: string
    fromDate?: string
    toDate?: string
  },
) {
  const { plan } = input
  const contact = contactPersonOf(plan.match)
  const recipient = input.side === 'volunteer' ? contact : plan.match.volunteer
  const actor = await tx.user.findUnique({ where: { id: input.actorId }, select: { name: true } })
  if (!recipient || !actor) return
  const locale = localeOf(recipient.locale)
  const t = await getFixedT(locale, ['emails', 'visits', 'board', 'common'])
  const day = (date: string) => formatLocalDate(date, locale)
  await queueEmail(tx, {
    to: recipient.email,
    toName: recipient.name,
    locale,
    template: 'visit-plan-update',
    props: {
      name: recipient.name,
      kind: input.kind,
      actor: actor.name,
      facilityName: plan.match.facility.name,
      schedule: describePlan(t, locale, plan),
      from: input.fromDate ? day(input.fromDate) : '',
      to: input.toDate ? day(input.toDate) : '',
      reason: input.reason ?? '',
      url: appUrl(input.kind === 'declined' || input.kind === 'ended' ? '/visits' : `/visits/plans/${plan.id}`),
    },
  })
}

// ---------------------------------------------------------------------------------------------
// The housekeeping job: extend every confirmed plan to the horizon
// ---------------------------------------------------------------------------------------------

// Rows go to SQLite as one JSON parameter per statement and are unpacked with json_each: Prisma's
// raw queries slow down sharply with hundreds of placeholders (300 rows × 11 values took
// 100–300 ms against 3 ms for 100 rows), and one parameter keeps the statement the same size.
// Inserts land at random places in five indexes, so each transaction dirties a page per row per
// index; 1,000 plans (about 3,700 new visits at most) per transaction cut the job's CPU time by a
// third against 100, while holding the write lock well under the 5 s busy timeout.
const PLANS_PER_TRANSACTION = 1000

function visitId() {
  return `c${Date.now().toString(36)}${crypto.randomBytes(8).toString('hex')}`
}

type PlanRow = PlanRule & { id: string; location: string; generatedUntil: string | null; matchId: string; facilityId: string; volunteerId: string }

/**
 * Makes visits for every confirmed plan of an active match up to today + 12 weeks, and moves each
 * plan's `generatedUntil` there. Idempotent: visits are inserted with INSERT OR IGNORE against
 * @@unique([planId, localDate]), so a run after a crash or alongside a confirmation adds nothing
 * twice, and dates a person cancelled stay cancelled. Plans go in batches, each with its visits
 * in one transaction, so web requests' writes are never held up for long. The plan list is
 * read with one SQL join: Prisma's nested select took seconds on 12,000 plans.
 */
export async function extendPlanHorizons(now = new Date()) {
  const today = copenhagenDate(now)
  const horizon = addDays(today, PLAN_HORIZON_DAYS)
  const plans = await prisma.$queryRaw<PlanRow[]>`
    SELECT p."id", p."weekday", p."startTime", p."endTime", p."frequency", p."nthWeekday", p."startDate", p."endDate",
           p."location", p."generatedUntil", m."id" AS "matchId", m."facilityId", m."volunteerId"
    FROM "VisitPlan" p JOIN "Match" m ON m."id" = p."matchId"
    WHERE p."status" = 'confirmed' AND m."status" = 'active' AND (p."generatedUntil" IS NULL OR p."generatedUntil" < ${horizon})`
  const exceptions = await prisma.visitPlanException.findMany({
    where: { toDate: { gte: today }, plan: { status: 'confirmed' } },
    select: { planId: true, kind: true, fromDate: true, toDate: true },
  })
  // A plan without generatedUntil (data from elsewhere) continues after its last visit rather than
  // offering every date again to INSERT OR IGNORE: on 12,000 plans that was most of the job's time.
  const unknown = plans.filter((plan) => !plan.generatedUntil).map((plan) => plan.id)
  if (unknown.length) {
    const lastDates = await prisma.$queryRaw<{ planId: string; lastDate: string }[]>`
      SELECT "planId", max("localDate") AS "lastDate" FROM "Visit"
      WHERE "planId" IN (SELECT value FROM json_each(${JSON.stringify(unknown)})) GROUP BY "planId"`
    const lastOf = new Map(lastDates.map((row) => [row.planId, row.lastDate]))
    for (const plan of plans) if (!plan.generatedUntil) plan.generatedUntil = lastOf.get(plan.id) ?? null
  }
  const exceptionsOf = new Map<string, PlanException[]>()
  for (const exception of exceptions) exceptionsOf.set(exception.planId, [...(exceptionsOf.get(exception.planId) ?? []), exception])

  let created = 0
  const stamp = sqliteInstant(now)
  for (let index = 0; index < plans.length; index += PLANS_PER_TRANSACTION) {
    const batch = plans.slice(index, index + PLANS_PER_TRANSACTION)
    const rows: string[][] = []
    for (const plan of batch) {
      const from = plan.generatedUntil && plan.generatedUntil >= today ? addDays(plan.generatedUntil, 1) : today
      for (const occurrence of expandPlan(plan, exceptionsOf.get(plan.id) ?? [], { from, to: horizon })) {
        if (occurrence.endsAt.getTime() <= now.getTime()) continue
        rows.push([visitId(), plan.matchId, plan.facilityId, plan.volunteerId, plan.id, occurrence.localDate, sqliteInstant(occurrence.startsAt), sqliteInstant(occurrence.endsAt), plan.location])
      }
    }
    created += await prisma.$transaction(async (tx) => {
      const inserted = rows.length
        ? await tx.$executeRaw`
            INSERT OR IGNORE INTO "Visit" ("id", "matchId", "facilityId", "volunteerId", "planId", "localDate", "startsAt", "endsAt", "location", "status", "createdAt", "updatedAt")
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, 'planned', ${stamp}, ${stamp}
            FROM json_each(${JSON.stringify(rows)})`
        : 0
      await tx.$executeRaw`
        UPDATE "VisitPlan" SET "generatedUntil" = ${horizon}, "updatedAt" = ${stamp}
        WHERE "id" IN (SELECT value FROM json_each(${JSON.stringify(batch.map((plan) => plan.id))}))`
      return inserted
    })
  }
  return { plans: plans.length, created }
}
