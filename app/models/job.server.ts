import { prisma } from '~/utils/db.server'
import type { Tx } from '~/utils/db.server'
import { audit } from '~/utils/audit.server'
import { formatDate } from '~/utils/dates'
import { localeOf, parseList, type JobAdStatus, type Task } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { TRANSITIONS, canTransition, type Transition } from '~/utils/job-ad'
import type { JobAdInput } from '~/utils/job-ad-form.server'
import { linkWishesToAd, markWishesAdWritten } from '~/models/wish.server'

export { TRANSITIONS, canTransition, type Transition }

/**
 * A job ad's life cycle (PRODUCT.md): draft → submitted → published (a coordinator approves, or
 * returns it to draft with a comment) → paused / filled → closed, with expiry and renewal. Each
 * transition checks the state it starts from inside its transaction (so two clicks or two people
 * cannot both win), is audited, and e-mails the people it concerns in their own language.
 *
 * Who is e-mailed: submitted → the coordinators of the centre covering the facility's
 * municipality (they review it); returned (with the comment), published and expired → the ad's
 * contact person and its creator. Pause, resume, filled, close and renew ask nothing of anyone
 * else, so they are audited only.
 */

/**
 * How long a published ad is shown before it closes by itself: six months (182 days), the period
 * the demo data already gave published ads. Renewing starts a new period from today;
 * closeExpiredJobAds (housekeeping, every ten minutes) closes expired ads and tells the contact
 * person and the creator.
 */
export const AD_LIFETIME_DAYS = 182
const DAY_MS = 24 * 60 * 60 * 1000

export type JobAdProblem = 'not-found' | 'wrong-state' | 'contact-person' | 'facility-not-active'
export type JobAdResult = { ok: true; id: string; title: string } | { ok: false; problem: JobAdProblem }

type Person = { id: string; email: string; name: string; locale: string; deactivatedAt: Date | null }
const personSelect = { id: true, email: true, name: true, locale: true, deactivatedAt: true } as const

function columns(input: JobAdInput) {
  return {
    title: input.title,
    tasks: JSON.stringify(input.tasks),
    description: input.description,
    boundaries: input.boundaries,
    targetGroup: input.targetGroup,
    weekdays: JSON.stringify([...new Set(input.weekdays)].sort()),
    timeFrom: input.timeFrom,
    timeTo: input.timeTo,
    frequency: input.frequency,
    startDate: input.startDate,
    volunteersWanted: input.volunteersWanted,
    requiresConfidentiality: input.requiresConfidentiality,
    requiresCriminalRecord: input.requiresCriminalRecord,
    requiresChildCertificate: input.requiresChildCertificate,
    requiresIntroCourse: input.requiresIntroCourse,
    minimumAge: input.minimumAge,
    languages: JSON.stringify([...new Set(input.languages)]),
    offers: input.offers,
    contactPersonId: input.contactPersonId,
  }
}

/** The contact person must be active staff of this very facility (checked on the server, not only in the select). */
async function isContactPersonOf(tx: Tx, facilityId: string, userId: string) {
  const count = await tx.facilityMembership.count({
    where: { facilityId, userId, status: 'active', user: { deactivatedAt: null, role: 'facility_staff' } },
  })
  return count === 1
}

/** The facility's active staff, for the contact person select. */
export function contactPersonChoices(facilityId: string) {
  return prisma.facilityMembership
    .findMany({
      where: { facilityId, status: 'active', user: { deactivatedAt: null } },
      select: { isContactPerson: true, user: { select: { id: true, name: true } } },
      orderBy: [{ isContactPerson: 'desc' }, { createdAt: 'asc' }],
    })
    .then((rows) => rows.map((row) => ({ id: row.user.id, name: row.user.name, isContactPerson: row.isContactPerson })))
}

/**
 * Creates a new draft for a facility, or saves changes to an existing draft; with `submit`, the
 * saved draft is also sent for review in the same transaction, so nothing is half-saved.
 */
export async function saveJobAd(
  actorId: string,
  target: { facilityId: string } | { adId: string },
  input: JobAdInput,
  options: { submit?: boolean; wishIds?: string[] } = {},
): Promise<JobAdResult> {
  return prisma.$transaction(async (tx) => {
    let adId: string
    let facilityId: string
    if ('adId' in target) {
      const existing = await tx.jobAd.findUnique({ where: { id: target.adId }, select: { id: true, facilityId: true, status: true } })
      if (!existing) return { ok: false, problem: 'not-found' }
      if (!canTransition(existing.status, 'edit')) return { ok: false, problem: 'wrong-state' }
      facilityId = existing.facilityId
      adId = existing.id
    } else {
      facilityId = target.facilityId
      adId = ''
    }
    const facility = await tx.facility.findUnique({ where: { id: facilityId }, select: { municipalityId: true } })
    if (!facility) return { ok: false, problem: 'not-found' }
    if (input.contactPersonId && !(await isContactPersonOf(tx, facilityId, input.contactPersonId))) {
      return { ok: false, problem: 'contact-person' }
    }
    if (adId) {
      const updated = await tx.jobAd.updateMany({
        where: { id: adId, status: 'draft' },
        data: { ...columns(input), municipalityId: facility.municipalityId },
      })
      if (updated.count === 0) return { ok: false, problem: 'wrong-state' }
      await audit(tx, { actorId, action: 'ad.updated', entityType: 'JobAd', entityId: adId })
    } else {
      const created = await tx.jobAd.create({
        data: { ...columns(input), facilityId, municipalityId: facility.municipalityId, createdById: actorId, status: 'draft' },
        select: { id: true },
      })
      adId = created.id
      await audit(tx, { actorId, action: 'ad.created', entityType: 'JobAd', entityId: adId, data: { facilityId } })
    }
    // An ad written from the residents' wishes remembers which it answers (issue 12).
    if (options.wishIds?.length) await linkWishesToAd(tx, adId, facilityId, options.wishIds)
    if (options.submit) {
      const submitted = await submitInTx(tx, actorId, adId)
      if (!submitted.ok) return submitted
    }
    return { ok: true, id: adId, title: input.title }
  })
}

/** Sends a draft for review (it must already be complete; the form checks that). */
export function submitJobAd(actorId: string, adId: string) {
  return prisma.$transaction((tx) => submitInTx(tx, actorId, adId))
}

async function submitInTx(tx: Tx, actorId: string, adId: string): Promise<JobAdResult> {
  const ad = await moveAd(tx, adId, 'submit', 'submitted', { submittedAt: new Date() })
  if (!ad.ok) return ad
  await audit(tx, { actorId, action: 'ad.submitted', entityType: 'JobAd', entityId: adId, data: { from: ad.from, to: 'submitted' } })
  // The centre that covers the facility's municipality reviews the ad.
  const coordinators = await tx.user.findMany({
    where: { role: 'coordinator', deactivatedAt: null, centre: { municipalities: { some: { id: ad.municipalityId } } } },
    select: personSelect,
  })
  for (const coordinator of coordinators) {
    await queueEmail(tx, {
      to: coordinator.email,
      toName: coordinator.name,
      locale: localeOf(coordinator.locale),
      template: 'ad-submitted',
      props: { name: coordinator.name, url: appUrl(`/centre/ads/${adId}`), title: ad.title, facility: ad.facilityName },
    })
  }
  return { ok: true, id: adId, title: ad.title }
}

/** A coordinator returns a submitted ad to draft with a comment the staff will see. */
export async function returnJobAd(actorId: string, adId: string, comment: string): Promise<JobAdResult> {
  return prisma.$transaction(async (tx) => {
    const ad = await moveAd(tx, adId, 'return', 'draft', { reviewComment: comment })
    if (!ad.ok) return ad
    await audit(tx, { actorId, action: 'ad.returned', entityType: 'JobAd', entityId: adId, data: { from: ad.from, to: 'draft', comment } })
    const reviewer = await tx.user.findUnique({ where: { id: actorId }, select: { name: true } })
    for (const person of ad.people) {
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale: localeOf(person.locale),
        template: 'ad-returned',
        props: { name: person.name, url: appUrl(`/facility/ads/${adId}`), title: ad.title, facility: ad.facilityName, comment, reviewer: reviewer?.name ?? '' },
      })
    }
    return { ok: true, id: adId, title: ad.title }
  })
}

/** A coordinator publishes a submitted ad; only an approved (active) facility's ads go public. */
export async function publishJobAd(actorId: string, adId: string, now = new Date()): Promise<JobAdResult> {
  return prisma.$transaction(async (tx) => {
    const facility = await tx.jobAd.findUnique({ where: { id: adId }, select: { facility: { select: { status: true } } } })
    if (!facility) return { ok: false, problem: 'not-found' }
    if (facility.facility.status !== 'active') return { ok: false, problem: 'facility-not-active' }
    const expiresAt = new Date(now.getTime() + AD_LIFETIME_DAYS * DAY_MS)
    const ad = await moveAd(tx, adId, 'publish', 'published', { publishedAt: now, expiresAt, reviewComment: null })
    if (!ad.ok) return ad
    await audit(tx, { actorId, action: 'ad.published', entityType: 'JobAd', entityId: adId, data: { from: ad.from, to: 'published', expiresAt } })
    await markWishesAdWritten(tx, adId, now)
    for (const person of ad.people) {
      const locale = localeOf(person.locale)
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale,
        template: 'ad-published',
        props: { name: person.name, url: appUrl(`/jobs/${adId}`), title: ad.title, facility: ad.facilityName, expires: formatDate(expiresAt, locale) },
      })
    }
    return { ok: true, id: adId, title: ad.title }
  })
}

/**
 * The quieter transitions, done by the facility's staff (and closing also by the centre). They
 * are audited; nobody else needs an e-mail about them.
 */
export async function changeJobAdStatus(
  actorId: string,
  adId: string,
  transition: 'pause' | 'resume' | 'fill' | 'close' | 'renew',
  now = new Date(),
): Promise<JobAdResult> {
  return prisma.$transaction(async (tx) => {
    let ad
    switch (transition) {
      case 'pause':
        ad = await moveAd(tx, adId, 'pause', 'paused', {})
        break
      case 'resume': {
        const current = await tx.jobAd.findUnique({ where: { id: adId }, select: { facility: { select: { status: true } } } })
        if (current && current.facility.status !== 'active') return { ok: false, problem: 'facility-not-active' }
        ad = await moveAd(tx, adId, 'resume', 'published', {})
        break
      }
      case 'fill':
        ad = await moveAd(tx, adId, 'fill', 'filled', {})
        break
      case 'close':
        ad = await moveAd(tx, adId, 'close', 'closed', { closedAt: now })
        break
      case 'renew':
        // Renewing keeps the status and starts a new period from today.
        ad = await moveAd(tx, adId, 'renew', null, { expiresAt: new Date(now.getTime() + AD_LIFETIME_DAYS * DAY_MS) })
        break
    }
    if (!ad.ok) return ad
    const action = { pause: 'ad.paused', resume: 'ad.resumed', fill: 'ad.filled', close: 'ad.closed', renew: 'ad.renewed' }[transition]
    await audit(tx, { actorId, action, entityType: 'JobAd', entityId: adId, data: { from: ad.from, to: ad.to } })
    return { ok: true, id: adId, title: ad.title }
  })
}

/**
 * Closes published and paused ads whose time has run out, and tells their contact person and
 * creator. Safe to run as often as wanted (the background worker runs it); returns how many closed.
 */
export async function closeExpiredJobAds(now = new Date()) {
  const due = await prisma.jobAd.findMany({
    where: { status: { in: ['published', 'paused'] }, expiresAt: { lte: now } },
    select: { id: true },
    orderBy: { expiresAt: 'asc' },
    take: 500,
  })
  let closed = 0
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      const ad = await moveAd(tx, id, 'expire', 'closed', { closedAt: now }, { expiresAt: { lte: now } })
      if (!ad.ok) return false
      await audit(tx, { actorId: null, action: 'ad.expired', entityType: 'JobAd', entityId: id, data: { from: ad.from, to: 'closed' } })
      for (const person of ad.people) {
        await queueEmail(tx, {
          to: person.email,
          toName: person.name,
          locale: localeOf(person.locale),
          template: 'ad-expired',
          props: { name: person.name, url: appUrl(`/facility/ads/${id}`), title: ad.title, facility: ad.facilityName },
          dedupeKey: `ad-expired:${id}:${person.id}`,
        })
      }
      return true
    })
    if (done) closed++
  }
  return closed
}

/**
 * Moves an ad from one of the transition's allowed states to `to` (null: keep the status), with a
 * conditional update so a concurrent change cannot be overwritten. Returns what the e-mails need.
 */
async function moveAd(
  tx: Tx,
  adId: string,
  transition: Transition,
  to: JobAdStatus | null,
  data: Record<string, unknown>,
  extraWhere: Record<string, unknown> = {},
) {
  const ad = await tx.jobAd.findUnique({
    where: { id: adId },
    select: {
      status: true,
      title: true,
      municipalityId: true,
      facility: { select: { name: true } },
      contactPerson: { select: personSelect },
      createdBy: { select: personSelect },
    },
  })
  if (!ad) return { ok: false as const, problem: 'not-found' as const }
  const allowed = TRANSITIONS[transition] as readonly string[]
  if (!allowed.includes(ad.status)) return { ok: false as const, problem: 'wrong-state' as const }
  const updated = await tx.jobAd.updateMany({
    where: { id: adId, status: ad.status, ...extraWhere },
    data: { ...data, ...(to ? { status: to } : {}) },
  })
  if (updated.count === 0) return { ok: false as const, problem: 'wrong-state' as const }
  const people = new Map<string, Person>()
  for (const person of [ad.contactPerson, ad.createdBy]) {
    if (person && !person.deactivatedAt) people.set(person.id, person)
  }
  return {
    ok: true as const,
    from: ad.status,
    to: to ?? ad.status,
    title: ad.title,
    municipalityId: ad.municipalityId,
    facilityName: ad.facility.name,
    people: [...people.values()],
  }
}

/**
 * What an ad says, for every page that shows one: the builder and review here, the public ad page
 * (job-board.server.ts, which adds only public facility fields and never the contact person).
 */
export const jobAdContentSelect = {
  id: true,
  title: true,
  tasks: true,
  description: true,
  boundaries: true,
  targetGroup: true,
  weekdays: true,
  timeFrom: true,
  timeTo: true,
  frequency: true,
  startDate: true,
  volunteersWanted: true,
  requiresConfidentiality: true,
  requiresCriminalRecord: true,
  requiresChildCertificate: true,
  requiresIntroCourse: true,
  minimumAge: true,
  languages: true,
  offers: true,
  contactPersonId: true,
  publishedAt: true,
  expiresAt: true,
  updatedAt: true,
} as const

const adSelect = {
  ...jobAdContentSelect,
  facilityId: true,
  municipalityId: true,
  status: true,
  reviewComment: true,
  submittedAt: true,
  closedAt: true,
  createdAt: true,
  contactPerson: { select: { name: true } },
  createdBy: { select: { name: true } },
  facility: { select: { id: true, name: true, kind: true, town: true, status: true, description: true } },
  municipality: { select: { name: true } },
} as const

/** Weekdays are stored as a JSON array of numbers 1–7 (parseList keeps only strings). */
export function parseWeekdays(value: string | null | undefined): number[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]')
    return Array.isArray(parsed) ? parsed.map(Number).filter((day) => Number.isInteger(day) && day >= 1 && day <= 7) : []
  } catch {
    return []
  }
}

/** One ad with everything the builder and the review show; lists are parsed. */
export async function jobAdForWork(adId: string) {
  const ad = await prisma.jobAd.findUnique({ where: { id: adId }, select: adSelect })
  if (!ad) return null
  return {
    ...ad,
    tasks: parseList(ad.tasks) as Task[],
    weekdays: parseWeekdays(ad.weekdays),
    languages: parseList(ad.languages),
  }
}
export type JobAdForWork = NonNullable<Awaited<ReturnType<typeof jobAdForWork>>>

/** The ads of the given facilities, for the staff's overview. */
export function jobAdsOfFacilities(facilityIds: string[]) {
  return prisma.facility.findMany({
    where: { id: { in: facilityIds } },
    select: {
      id: true,
      name: true,
      status: true,
      jobAds: {
        select: { id: true, title: true, status: true, reviewComment: true, submittedAt: true, publishedAt: true, expiresAt: true, updatedAt: true },
        orderBy: { updatedAt: 'desc' },
      },
    },
    orderBy: { name: 'asc' },
  })
}

/** The facility of an ad, as permissions need it. */
export function jobAdScope(adId: string) {
  return prisma.jobAd
    .findUnique({ where: { id: adId }, select: { facilityId: true, facility: { select: { municipalityId: true } } } })
    .then((ad) => (ad ? { facilityId: ad.facilityId, municipalityId: ad.facility.municipalityId } : null))
}
