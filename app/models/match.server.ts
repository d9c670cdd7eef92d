import { refreshAgreement } from '~/models/agreement.server'
import { missingChecks, type MissingCheck } from '~/models/check.server'
import { LIVE_MATCH_STATUSES } from '~/models/matching.server'
import { markWishesBeingHelped } from '~/models/wish.server'
import { audit } from '~/utils/audit.server'
import { formatDateTime } from '~/utils/dates'
import { Prisma, prisma, type Tx } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarInvitation } from '~/utils/ics'
import { hasCompletedCourse } from '~/models/event.server'

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

/** Intro meetings are booked for an hour. */
const INTRO_MINUTES = 60

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
  | { ok: true; matchId: string; adFilled: boolean; othersAnswered: number }
  | { ok: false; reason: 'not-found' | 'already-decided' | 'ad-not-open' | 'ad-full' | 'intro-in-past' | 'paused' | 'no-contact' | 'missing-course' }
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
            requiresIntroCourse: true,
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
    // Named like the checks: the coordinator sees what is missing before anything is written.
    if (ad.requiresIntroCourse && !hasCompletedCourse(volunteer.id, 'intro_meeting')) return { ok: false, reason: 'missing-course' }
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

    // The last place taken fills the ad whether it is on the board or paused (e.g. while its facility
    // is paused): the places are gone either way, so the other applicants are answered now.
    const adFilled = (ad.status === 'published' || ad.status === 'paused') && taken + 1 >= ad.volunteersWanted
    let othersAnswered = 0
    if (adFilled) {
      await tx.jobAd.update({ where: { id: ad.id }, data: { status: 'filled' } })
      await audit(tx, { actorId, action: 'ad.filled', entityType: 'JobAd', entityId: ad.id, data: { reason: 'match.approved', matchId: match.id } })
      othersAnswered = await answerApplicantsOfFilledAd(tx, actorId, ad.id, now)
    }

    // The cooperation agreement's first version, made from what is known now; both e-mails link to it.
    await refreshAgreement(tx, match.id, now, { actorId })
    const agreementUrl = appUrl(`/matches/${match.id}/agreement`)

    const ethics = ad.facility.ethicsEntries
    const introEnd = new Date(input.introAt.getTime() + INTRO_MINUTES * 60_000)
    const parties = [
      { person: volunteer, other: contact, recipient: 'volunteer' as const, url: agreementUrl },
      { person: contact, other: volunteer, recipient: 'contact' as const, url: agreementUrl },
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
    return { ok: true, matchId: match.id, adFilled, othersAnswered }
  })
}

/**
 * The ad has all the volunteers it wanted: everyone still waiting on it gets a kind answer in the
 * approval's transaction — declined, with the answer as the application's note, and an e-mail
 * that points to the job board. Nobody is left in the queue for a task that is gone.
 */
async function answerApplicantsOfFilledAd(tx: Tx, actorId: string, jobAdId: string, now: Date) {
  const open = await tx.application.findMany({
    where: { jobAdId, status: { in: OPEN_APPLICATION_STATUSES } },
    select: {
      id: true,
      volunteer: { select: { name: true, email: true, locale: true } },
      jobAd: { select: { title: true, facility: { select: { name: true } }, municipality: { select: { centre: { select: { name: true } } } } } },
    },
  })
  for (const application of open) {
    const { volunteer, jobAd } = application
    const locale = localeOf(volunteer.locale)
    const t = await getFixedT(locale, 'matching')
    const note = t('filled.note', { ad: jobAd.title, facility: jobAd.facility.name })
    const updated = await tx.application.updateMany({
      where: { id: application.id, status: { in: OPEN_APPLICATION_STATUSES } },
      data: { status: 'declined', decisionNote: note, decidedAt: now },
    })
    if (updated.count === 0) continue
    await audit(tx, { actorId, action: 'application.declined', entityType: 'Application', entityId: application.id, data: { jobAdId, reason: 'ad-filled' } })
    await queueEmail(tx, {
      to: volunteer.email,
      toName: volunteer.name,
      locale,
      template: 'application-filled',
      dedupeKey: `application-filled:${application.id}`,
      props: { name: volunteer.name, adTitle: jobAd.title, facilityName: jobAd.facility.name, centreName: jobAd.municipality.centre?.name ?? '', url: appUrl('/jobs') },
    })
  }
  return open.length
}

/**
 * What approving this application would do to the ad's other applicants: when it takes the last
 * place, how many open applications would be answered (the approval form says so first).
 */
export async function approvalConsequence(application: { id: string; jobAd: { id: string; status: string; volunteersWanted: number } }) {
  const [taken, others] = await Promise.all([
    prisma.match.count({ where: { jobAdId: application.jobAd.id, status: { in: LIVE_MATCH_STATUSES } } }),
    prisma.application.count({ where: { jobAdId: application.jobAd.id, status: { in: OPEN_APPLICATION_STATUSES }, id: { not: application.id } } }),
  ])
  const fillsAd = application.jobAd.status === 'published' && taken + 1 >= application.jobAd.volunteersWanted
  return { fillsAd, othersToAnswer: fillsAd ? others : 0 }
}

/** Published ads of the centre an open application could be moved to (all but its own). */
export function adsToMoveTo(centreMunicipalityIds: string[], exceptAdId: string) {
  return prisma.jobAd.findMany({
    where: { status: 'published', id: { not: exceptAdId }, municipalityId: { in: centreMunicipalityIds }, facility: { status: 'active' } },
    select: { id: true, title: true, facility: { select: { name: true } } },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    take: 300,
  })
}

export type MoveResult = { ok: true; toTitle: string } | { ok: false; reason: 'not-found' | 'not-open' | 'target-not-open' | 'same-ad' | 'already-applied' }

function isUniqueViolation(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return true
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message)
}

/**
 * The coordinator moves an open application to another published ad of the centre, e.g. instead
 * of declining it when the first ad fills. The application keeps its text and its state; it now
 * belongs to the other ad (and leaves the first ad's lists), and the volunteer is told by e-mail.
 * A volunteer who already applied to (or is matched with) the target is refused; the partial
 * unique index on open applications settles a race with the volunteer applying at that moment.
 */
export async function moveApplication(actorId: string, centreMunicipalityIds: string[], input: { applicationId: string; toAdId: string }): Promise<MoveResult> {
  try {
    return await prisma.$transaction(async (tx): Promise<MoveResult> => {
      const application = await tx.application.findUnique({
        where: { id: input.applicationId },
        select: { id: true, status: true, volunteerId: true, volunteer: { select: { name: true, email: true, locale: true } }, jobAd: { select: { id: true, title: true, municipalityId: true } } },
      })
      if (!application || !centreMunicipalityIds.includes(application.jobAd.municipalityId)) return { ok: false, reason: 'not-found' }
      if (!OPEN_APPLICATION_STATUSES.includes(application.status)) return { ok: false, reason: 'not-open' }
      if (application.jobAd.id === input.toAdId) return { ok: false, reason: 'same-ad' }
      const target = await tx.jobAd.findUnique({
        where: { id: input.toAdId },
        select: { id: true, title: true, status: true, municipalityId: true, facility: { select: { name: true, status: true } }, municipality: { select: { centre: { select: { name: true } } } } },
      })
      if (!target || !centreMunicipalityIds.includes(target.municipalityId) || target.status !== 'published' || target.facility.status !== 'active') {
        return { ok: false, reason: 'target-not-open' }
      }
      const already = await tx.application.findFirst({
        where: { jobAdId: target.id, volunteerId: application.volunteerId, status: { in: [...OPEN_APPLICATION_STATUSES, 'matched'] } },
        select: { id: true },
      })
      if (already) return { ok: false, reason: 'already-applied' }
      const moved = await tx.application.updateMany({
        where: { id: application.id, status: { in: OPEN_APPLICATION_STATUSES } },
        data: { jobAdId: target.id },
      })
      if (moved.count === 0) return { ok: false, reason: 'not-open' }
      await audit(tx, { actorId, action: 'application.moved', entityType: 'Application', entityId: application.id, data: { fromAdId: application.jobAd.id, toAdId: target.id } })
      const { volunteer } = application
      await queueEmail(tx, {
        to: volunteer.email,
        toName: volunteer.name,
        locale: localeOf(volunteer.locale),
        template: 'application-moved',
        props: {
          name: volunteer.name,
          fromTitle: application.jobAd.title,
          toTitle: target.title,
          toFacility: target.facility.name,
          centreName: target.municipality.centre?.name ?? '',
          url: appUrl('/volunteer/applications'),
        },
      })
      return { ok: true, toTitle: target.title }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'already-applied' }
    throw error
  }
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
