import { audit } from '~/utils/audit.server'
import { Prisma, type Tx } from '~/utils/db.server'
import { prisma } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'

/** Applications that still wait for the centre; a volunteer has at most one of these per ad. */
export const OPEN_APPLICATION_STATUSES = ['submitted', 'in_review'] as const

/** Why an application was refused; each has a message `volunteer:apply.refused.<reason>`. */
export type ApplyRefusal = 'not-found' | 'ad-not-open' | 'facility-inactive' | 'no-consent' | 'already-applied' | 'not-volunteer'

/** A published ad as the apply page shows it, with the facility's digital-ethics policy. */
export async function adForApplying(jobAdId: string) {
  return prisma.jobAd.findFirst({
    where: { id: jobAdId, status: 'published' },
    select: {
      id: true,
      title: true,
      facility: {
        select: {
          name: true,
          town: true,
          status: true,
          ethicsEntries: { select: { id: true, technology: true, dilemma: true, agreedValues: true }, orderBy: { position: 'asc' } },
        },
      },
      municipality: { select: { name: true } },
    },
  })
}

/** What the apply page needs to warn about before the volunteer writes anything. */
export async function applyingState(volunteerId: string, jobAdId: string) {
  const [profile, open] = await Promise.all([
    prisma.volunteerProfile.findUnique({ where: { userId: volunteerId }, select: { consentDataAt: true } }),
    prisma.application.findFirst({
      where: { volunteerId, jobAdId, status: { in: [...OPEN_APPLICATION_STATUSES] } },
      select: { id: true },
    }),
  ])
  return { hasConsent: Boolean(profile?.consentDataAt), alreadyApplied: Boolean(open) }
}

/** Matches that are still going (or about to): the ad page tells the volunteer they are on it. */
const CURRENT_MATCH_STATUSES = ['proposed', 'active', 'paused']

/**
 * Where a volunteer stands with an ad, for its public page: matched to it, waiting for an answer
 * to an application, or free to apply. A match wins over an application (once matched, the
 * application is settled anyway).
 */
export async function standingOnAd(volunteerId: string, jobAdId: string): Promise<'matched' | 'applied' | 'none'> {
  const [match, open] = await Promise.all([
    prisma.match.findFirst({ where: { volunteerId, jobAdId, status: { in: CURRENT_MATCH_STATUSES } }, select: { id: true } }),
    prisma.application.findFirst({ where: { volunteerId, jobAdId, status: { in: [...OPEN_APPLICATION_STATUSES] } }, select: { id: true } }),
  ])
  if (match) return 'matched'
  return open ? 'applied' : 'none'
}

function isUniqueViolation(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return true
  // Through the SQLite driver adapter a violated partial index can also surface as a raw error.
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message)
}

/** Active coordinators of the centre that covers a municipality: they hear about applications. */
function centreCoordinators(tx: Tx, municipalityId: string) {
  return tx.user.findMany({
    where: { role: 'coordinator', deactivatedAt: null, centre: { municipalities: { some: { id: municipalityId } } } },
    select: { email: true, name: true, locale: true },
  })
}

/**
 * A volunteer applies to a published ad. Everything — the application, the audit entry, the
 * confirmation to the volunteer and the notice to the centre — is written in one transaction,
 * so either all of it exists or none. The database's partial unique index on open applications
 * settles a race between two submits; the loser gets the same answer as a plain second try.
 */
export async function applyToAd(input: { volunteerId: string; jobAdId: string; motivation: string }): Promise<
  { ok: true; applicationId: string } | { ok: false; reason: ApplyRefusal }
> {
  try {
    return await prisma.$transaction(async (tx) => {
      const volunteer = await tx.user.findUnique({
        where: { id: input.volunteerId },
        select: { id: true, name: true, email: true, locale: true, role: true, volunteerProfile: { select: { consentDataAt: true } } },
      })
      if (!volunteer || volunteer.role !== 'volunteer') return { ok: false as const, reason: 'not-volunteer' as const }
      const ad = await tx.jobAd.findUnique({
        where: { id: input.jobAdId },
        select: { id: true, title: true, status: true, municipalityId: true, facility: { select: { name: true, status: true } } },
      })
      if (!ad || ad.status === 'draft' || ad.status === 'submitted') return { ok: false as const, reason: 'not-found' as const }
      if (ad.status !== 'published') return { ok: false as const, reason: 'ad-not-open' as const }
      if (ad.facility.status !== 'active') return { ok: false as const, reason: 'facility-inactive' as const }
      if (!volunteer.volunteerProfile?.consentDataAt) return { ok: false as const, reason: 'no-consent' as const }
      const open = await tx.application.findFirst({
        where: { volunteerId: volunteer.id, jobAdId: ad.id, status: { in: [...OPEN_APPLICATION_STATUSES] } },
        select: { id: true },
      })
      if (open) return { ok: false as const, reason: 'already-applied' as const }

      const application = await tx.application.create({
        data: { jobAdId: ad.id, volunteerId: volunteer.id, motivation: input.motivation, status: 'submitted' },
        select: { id: true },
      })
      await audit(tx, { actorId: volunteer.id, action: 'application.submitted', entityType: 'Application', entityId: application.id, data: { jobAdId: ad.id } })
      await queueEmail(tx, {
        to: volunteer.email,
        toName: volunteer.name,
        locale: localeOf(volunteer.locale),
        template: 'application-confirmation',
        props: { name: volunteer.name, adTitle: ad.title, facility: ad.facility.name, url: appUrl('/volunteer/applications') },
      })
      for (const coordinator of await centreCoordinators(tx, ad.municipalityId)) {
        await queueEmail(tx, {
          to: coordinator.email,
          toName: coordinator.name,
          locale: localeOf(coordinator.locale),
          template: 'application-received',
          props: { name: coordinator.name, volunteer: volunteer.name, adTitle: ad.title, facility: ad.facility.name, url: appUrl('/centre') },
        })
      }
      return { ok: true as const, applicationId: application.id }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'already-applied' }
    throw error
  }
}

/** The volunteer's own applications, newest first, with what the centre decided. */
export async function applicationsOfVolunteer(volunteerId: string) {
  return prisma.application.findMany({
    where: { volunteerId },
    select: {
      id: true,
      status: true,
      motivation: true,
      decisionNote: true,
      createdAt: true,
      decidedAt: true,
      jobAd: { select: { id: true, title: true, status: true, facility: { select: { name: true, town: true } } } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  })
}

/**
 * The volunteer takes back an application that the centre has not decided on yet. The centre's
 * coordinators are told in the same transaction.
 */
export async function withdrawApplication(volunteerId: string, applicationId: string): Promise<{ ok: true; adTitle: string } | { ok: false; reason: 'not-found' | 'not-open' }> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, volunteerId },
      select: {
        id: true,
        status: true,
        volunteer: { select: { name: true } },
        jobAd: { select: { id: true, title: true, municipalityId: true, facility: { select: { name: true } } } },
      },
    })
    if (!application) return { ok: false as const, reason: 'not-found' as const }
    // Conditional update: a decision made a moment ago by the centre wins over the withdrawal.
    const { count } = await tx.application.updateMany({
      where: { id: application.id, status: { in: [...OPEN_APPLICATION_STATUSES] } },
      data: { status: 'withdrawn', decidedAt: new Date() },
    })
    if (count === 0) return { ok: false as const, reason: 'not-open' as const }
    await audit(tx, {
      actorId: volunteerId,
      action: 'application.withdrawn',
      entityType: 'Application',
      entityId: application.id,
      data: { from: application.status, jobAdId: application.jobAd.id },
    })
    for (const coordinator of await centreCoordinators(tx, application.jobAd.municipalityId)) {
      await queueEmail(tx, {
        to: coordinator.email,
        toName: coordinator.name,
        locale: localeOf(coordinator.locale),
        template: 'application-withdrawn',
        props: {
          name: coordinator.name,
          volunteer: application.volunteer.name,
          adTitle: application.jobAd.title,
          facility: application.jobAd.facility.name,
          url: appUrl('/centre'),
        },
      })
    }
    return { ok: true as const, adTitle: application.jobAd.title }
  })
}
