import { missingChecks, type MissingCheck } from '~/models/check.server'
import { LIVE_MATCH_STATUSES } from '~/models/matching.server'
import { markWishesBeingHelped } from '~/models/wish.server'
import { audit } from '~/utils/audit.server'
import { formatDateTime } from '~/utils/dates'
import { prisma, type Prisma } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarInvitation } from '~/utils/ics'

const OPEN_APPLICATION_STATUSES = ['submitted', 'in_review']
/** An application that has waited longer than this is flagged in the queue: nobody should be left waiting. */

/** What the centre sees of a volunteer's profile, on the application review and the volunteer page. */
const volunteerProfileForCentre = {
  bio: true,
  postcode: true,
  employer: true,
  languages: true,
  birthYear: true,
  pausedAt: true,
  municipality: { select: { name: true } },
  skills: { select: { task: true, level: true }, orderBy: { level: 'desc' } },
  availability: { select: { weekday: true, part: true }, orderBy: [{ weekday: 'asc' }] },
  areas: { select: { municipality: { select: { name: true } } } },
} satisfies Prisma.VolunteerProfileSelect

/** A volunteer's profile as the centre reads it (application and volunteer pages). */
export type VolunteerProfileForCentre = Prisma.VolunteerProfileGetPayload<{ select: typeof volunteerProfileForCentre }>

export const WAITING_FLAG_HOURS = 48
/** Intro meetings are booked for an hour. */
const INTRO_MINUTES = 60

/** The coordinator's work queue: open applications in the centre's municipalities, oldest first. */
export async function applicationQueue(municipalityIds: string[], now = new Date()) {
  const rows = await prisma.application.findMany({
    where: { status: { in: OPEN_APPLICATION_STATUSES }, jobAd: { municipalityId: { in: municipalityIds } } },
    select: {
      id: true,
      status: true,
      createdAt: true,
      volunteer: { select: { id: true, name: true } },
      jobAd: { select: { id: true, title: true, facility: { select: { name: true } }, municipality: { select: { name: true } } } },
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
  return rows.map((row) => {
    const waitedHours = Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 3_600_000))
    return { ...row, waitedHours, overdue: waitedHours >= WAITING_FLAG_HOURS }
  })
}

/** One application with what the coordinator needs to decide (the volunteer's contact data included). */
export function applicationForReview(applicationId: string) {
  return prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      motivation: true,
      decisionNote: true,
      decidedAt: true,
      createdAt: true,
      volunteer: {
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          volunteerProfile: { select: volunteerProfileForCentre },
        },
      },
      jobAd: {
        select: {
          id: true,
          title: true,
          status: true,
          facilityId: true,
          volunteersWanted: true,
          requiresConfidentiality: true,
          requiresCriminalRecord: true,
          requiresChildCertificate: true,
          facility: { select: { name: true, address: true, postcode: true, town: true } },
        },
      },
      match: { select: { id: true, status: true, introAt: true, introPlace: true } },
    },
  })
}

/** Opening a new application moves it to "in review", so the volunteer can see someone is on it. */
export async function markInReview(actorId: string, applicationId: string) {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: applicationId, status: 'submitted' }, data: { status: 'in_review' } })
    if (updated.count === 1) await audit(tx, { actorId, action: 'application.in_review', entityType: 'Application', entityId: applicationId })
  })
}

export type ApproveResult =
  | { ok: true; matchId: string; adFilled: boolean }
  | { ok: false; reason: 'not-found' | 'already-decided' | 'ad-not-open' | 'ad-full' | 'intro-in-past' | 'paused' | 'no-contact' }
  | { ok: false; reason: 'missing-checks'; missing: MissingCheck[] }

/**
 * The centre approves a match for an applicant, with an intro meeting. In one transaction: the
 * match becomes active, the application matched, the decision audited, and both the volunteer and
 * the ad's contact person get an e-mail with the other's contact details, the facility's ethics
 * policy and the meeting as a calendar file. If the ad has now all the volunteers it wanted, it
 * is marked filled (and so leaves the board and the feeds).
 *
 * Only applicants can be approved (it starts from an application): a volunteer chooses to take
 * the job. The candidates page's suggestions show whom the centre could encourage to apply.
 * The e-mail goes to the ad's contact person, or the leader when the ad has none.
 */
export async function approveMatch(actorId: string, input: { applicationId: string; introAt: Date; introPlace: string }, now = new Date()): Promise<ApproveResult> {
  if (input.introAt.getTime() <= now.getTime()) return { ok: false, reason: 'intro-in-past' }
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: input.applicationId },
      select: {
        id: true,
        status: true,
        volunteer: { select: { id: true, name: true, email: true, phone: true, locale: true, volunteerProfile: { select: { pausedAt: true } } } },
        jobAd: {
          select: {
            id: true,
            title: true,
            status: true,
            facilityId: true,
            volunteersWanted: true,
            requiresConfidentiality: true,
            requiresCriminalRecord: true,
            requiresChildCertificate: true,
            contactPerson: { select: { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } },
            facility: {
              select: {
                name: true,
                ethicsEntries: { select: { technology: true, dilemma: true, agreedValues: true }, orderBy: { position: 'asc' } },
                memberships: {
                  where: { status: 'active', role: 'leader' },
                  select: { user: { select: { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } } },
                },
              },
            },
          },
        },
      },
    })
    if (!application) return { ok: false, reason: 'not-found' }
    if (!OPEN_APPLICATION_STATUSES.includes(application.status)) return { ok: false, reason: 'already-decided' }
    const { jobAd: ad, volunteer } = application
    if (!['published', 'paused'].includes(ad.status)) return { ok: false, reason: 'ad-not-open' }
    if (volunteer.volunteerProfile?.pausedAt) return { ok: false, reason: 'paused' }
    const taken = await tx.match.count({ where: { jobAdId: ad.id, status: { in: LIVE_MATCH_STATUSES } } })
    if (taken >= ad.volunteersWanted) return { ok: false, reason: 'ad-full' }
    const missing = await missingChecks(volunteer.id, ad, now, tx)
    if (missing.length > 0) return { ok: false, reason: 'missing-checks', missing }
    // The ad's contact person; an ad without one falls back to the facility's leader.
    const contact = [ad.contactPerson, ...ad.facility.memberships.map((m) => m.user)].find((person) => person && !person.deactivatedAt)
    if (!contact) return { ok: false, reason: 'no-contact' }

    // Guarded update: of two coordinators approving at once, only one gets here.
    const claimed = await tx.application.updateMany({
      where: { id: application.id, status: { in: OPEN_APPLICATION_STATUSES } },
      data: { status: 'matched', decidedAt: now },
    })
    if (claimed.count === 0) return { ok: false, reason: 'already-decided' }
    const match = await tx.match.create({
      data: {
        jobAdId: ad.id,
        facilityId: ad.facilityId,
        volunteerId: volunteer.id,
        applicationId: application.id,
        status: 'active',
        approvedAt: now,
        approvedById: actorId,
        introAt: input.introAt,
        introPlace: input.introPlace,
      },
      select: { id: true },
    })
    await audit(tx, {
      actorId,
      action: 'match.approved',
      entityType: 'Match',
      entityId: match.id,
      data: { applicationId: application.id, jobAdId: ad.id, volunteerId: volunteer.id, contactPersonId: contact.id, introAt: input.introAt.toISOString(), introPlace: input.introPlace },
    })
    await audit(tx, { actorId, action: 'application.matched', entityType: 'Application', entityId: application.id, data: { matchId: match.id } })

    await markWishesBeingHelped(tx, ad.id, now)

    const adFilled = ad.status === 'published' && taken + 1 >= ad.volunteersWanted
    if (adFilled) {
      await tx.jobAd.update({ where: { id: ad.id }, data: { status: 'filled' } })
      await audit(tx, { actorId, action: 'ad.filled', entityType: 'JobAd', entityId: ad.id, data: { reason: 'match.approved', matchId: match.id } })
    }

    const ethics = ad.facility.ethicsEntries
    const introEnd = new Date(input.introAt.getTime() + INTRO_MINUTES * 60_000)
    const parties = [
      { person: volunteer, other: contact, recipient: 'volunteer' as const, url: appUrl('/volunteer') },
      { person: contact, other: volunteer, recipient: 'contact' as const, url: appUrl('/facility/volunteers') },
    ]
    for (const { person, other, recipient, url } of parties) {
      const locale = localeOf(person.locale)
      const t = await getFixedT(locale, 'emails')
      const ics = calendarInvitation({
        uid: `match-intro-${match.id}@frivilligbro`,
        sequence: 0,
        start: input.introAt,
        end: introEnd,
        stamp: now,
        summary: t('matchApproved.calendarSummary', { adTitle: ad.title, facilityName: ad.facility.name }),
        description: t('matchApproved.calendarDescription', { volunteer: volunteer.name, contact: contact.name, facilityName: ad.facility.name }),
        location: input.introPlace,
        attendees: [
          { name: volunteer.name, email: volunteer.email },
          { name: contact.name, email: contact.email },
        ],
      })
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale,
        template: 'match-approved',
        dedupeKey: `match-approved:${match.id}:${recipient}`,
        props: {
          name: person.name,
          recipient,
          adTitle: ad.title,
          facilityName: ad.facility.name,
          other: { name: other.name, phone: other.phone, email: other.email },
          introWhen: formatDateTime(input.introAt, locale),
          introPlace: input.introPlace,
          ethics,
          url,
        },
        attachments: [{ filename: 'intromoede.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }],
      })
    }
    return { ok: true, matchId: match.id, adFilled }
  })
}

export type DeclineResult = { ok: true } | { ok: false; reason: 'not-found' | 'already-decided' }

/** The centre declines an application with a kind message, which the volunteer gets by e-mail. */
export async function declineApplication(actorId: string, input: { applicationId: string; note: string }, now = new Date()): Promise<DeclineResult> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: input.applicationId },
      select: {
        id: true,
        status: true,
        volunteer: { select: { name: true, email: true, locale: true } },
        jobAd: { select: { id: true, title: true, facility: { select: { name: true } } } },
      },
    })
    if (!application) return { ok: false, reason: 'not-found' }
    const updated = await tx.application.updateMany({
      where: { id: application.id, status: { in: OPEN_APPLICATION_STATUSES } },
      data: { status: 'declined', decisionNote: input.note, decidedAt: now },
    })
    if (updated.count === 0) return { ok: false, reason: 'already-decided' }
    await audit(tx, { actorId, action: 'application.declined', entityType: 'Application', entityId: application.id, data: { jobAdId: application.jobAd.id, note: input.note } })
    const { volunteer } = application
    await queueEmail(tx, {
      to: volunteer.email,
      toName: volunteer.name,
      locale: localeOf(volunteer.locale),
      template: 'application-declined',
      dedupeKey: `application-declined:${application.id}`,
      props: { name: volunteer.name, adTitle: application.jobAd.title, facilityName: application.jobAd.facility.name, note: input.note, url: appUrl('/volunteer') },
    })
    return { ok: true }
  })
}

/**
 * Volunteers with an approved (active or paused) match at a facility, with their contact details.
 * Only for that facility's staff and the centre: the privacy rule opens contact data at approval.
 */
export function matchedVolunteersOfFacility(facilityId: string) {
  return prisma.match.findMany({
    where: { facilityId, status: { in: LIVE_MATCH_STATUSES }, approvedAt: { not: null } },
    select: {
      id: true,
      status: true,
      introAt: true,
      introPlace: true,
      approvedAt: true,
      jobAd: { select: { id: true, title: true } },
      volunteer: { select: { id: true, name: true, email: true, phone: true } },
    },
    orderBy: [{ status: 'asc' }, { approvedAt: 'desc' }],
  })
}

/** A volunteer as their centre sees them: profile, contact data, applications and matches. */
export function volunteerForCentre(volunteerId: string) {
  return prisma.user.findFirst({
    where: { id: volunteerId, role: 'volunteer' },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      volunteerProfile: { select: volunteerProfileForCentre },
      matches: { select: { id: true, status: true, jobAd: { select: { title: true } }, facility: { select: { name: true } } }, orderBy: { createdAt: 'desc' } },
    },
  })
}
