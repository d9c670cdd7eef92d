import { OPEN_APPLICATION_STATUSES } from '~/models/application.server'
import { audit } from '~/utils/audit.server'
import { Prisma, prisma } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'

/** Why an invitation was refused; each has a message `matching:invite.refused.<reason>`. */
export type InviteRefusal = 'not-found' | 'ad-not-open' | 'not-our-volunteer' | 'unavailable' | 'already-applied' | 'already-invited'

/** How much of the ad's description the e-mail quotes: enough to decide whether to read on. */
const SUMMARY_CHARS = 280

/** The start of a description, cut at a word, for the invitation e-mail. */
export function adSummary(description: string) {
  const text = description.replace(/\s+/g, ' ').trim()
  if (text.length <= SUMMARY_CHARS) return text
  const cut = text.slice(0, SUMMARY_CHARS)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_CHARS / 2)).trimEnd()} …`
}

function isUniqueViolation(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return true
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message)
}

/**
 * A coordinator invites a volunteer of their centre to apply for a published ad, with an optional
 * personal line. The invitation and its e-mail are written in one transaction. A volunteer who has
 * withdrawn from the programme (paused, deactivated or deleted) is never invited, nor one who has
 * already applied; the unique (ad, volunteer) index makes a second invitation — even a concurrent
 * one — an "already invited" answer.
 */
export async function inviteToApply(
  coordinator: { id: string; name: string; centreMunicipalityIds: string[] },
  input: { jobAdId: string; volunteerId: string; message: string },
  now = new Date(),
): Promise<{ ok: true; volunteerName: string } | { ok: false; reason: InviteRefusal }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const ad = await tx.jobAd.findUnique({
        where: { id: input.jobAdId },
        select: {
          id: true,
          title: true,
          status: true,
          description: true,
          municipalityId: true,
          facility: { select: { name: true, status: true } },
          municipality: { select: { centre: { select: { name: true } } } },
        },
      })
      if (!ad || !coordinator.centreMunicipalityIds.includes(ad.municipalityId)) return { ok: false as const, reason: 'not-found' as const }
      // Only a published ad of an active facility can be read and applied to.
      if (ad.status !== 'published' || ad.facility.status !== 'active') return { ok: false as const, reason: 'ad-not-open' as const }
      const volunteer = await tx.user.findUnique({
        where: { id: input.volunteerId },
        select: { id: true, name: true, email: true, locale: true, role: true, deactivatedAt: true, anonymizedAt: true, volunteerProfile: { select: { municipalityId: true, pausedAt: true } } },
      })
      const profile = volunteer?.volunteerProfile
      if (!volunteer || volunteer.role !== 'volunteer' || !profile?.municipalityId || !coordinator.centreMunicipalityIds.includes(profile.municipalityId)) {
        return { ok: false as const, reason: 'not-our-volunteer' as const }
      }
      if (volunteer.deactivatedAt || volunteer.anonymizedAt || profile.pausedAt) return { ok: false as const, reason: 'unavailable' as const }
      const applied = await tx.application.findFirst({
        where: { jobAdId: ad.id, volunteerId: volunteer.id, status: { in: [...OPEN_APPLICATION_STATUSES, 'matched'] } },
        select: { id: true },
      })
      if (applied) return { ok: false as const, reason: 'already-applied' as const }

      const invitation = await tx.applicationInvitation.create({
        data: { jobAdId: ad.id, volunteerId: volunteer.id, invitedById: coordinator.id, message: input.message, createdAt: now },
        select: { id: true },
      })
      await audit(tx, { actorId: coordinator.id, action: 'application.invited', entityType: 'ApplicationInvitation', entityId: invitation.id, data: { jobAdId: ad.id, volunteerId: volunteer.id } })
      await queueEmail(tx, {
        to: volunteer.email,
        toName: volunteer.name,
        locale: localeOf(volunteer.locale),
        template: 'invitation-to-apply',
        dedupeKey: `invitation-to-apply:${invitation.id}`,
        props: {
          name: volunteer.name,
          coordinator: coordinator.name,
          centreName: ad.municipality.centre?.name ?? '',
          adTitle: ad.title,
          facilityName: ad.facility.name,
          summary: adSummary(ad.description),
          message: input.message,
          url: appUrl(`/jobs/${ad.id}`),
        },
      })
      return { ok: true as const, volunteerName: volunteer.name }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'already-invited' }
    throw error
  }
}

/** When each candidate of an ad was invited, by volunteer id (the candidates page marks them). */
export async function invitationsForAd(jobAdId: string) {
  const rows = await prisma.applicationInvitation.findMany({ where: { jobAdId }, select: { volunteerId: true, createdAt: true } })
  return Object.fromEntries(rows.map((row) => [row.volunteerId, row.createdAt.toISOString()]))
}

/** The volunteer's invitation to an ad, for the ad's page ("you are invited to apply"). */
export function invitationOf(volunteerId: string, jobAdId: string) {
  return prisma.applicationInvitation.findUnique({
    where: { jobAdId_volunteerId: { jobAdId, volunteerId } },
    select: { createdAt: true, message: true, invitedBy: { select: { name: true } } },
  })
}

/**
 * The invitation an application answers: one to the same ad, made before the volunteer applied.
 * Shown to the coordinator as "applied after an invitation from … on …".
 */
export async function invitationBehind(application: { jobAdId: string; volunteerId: string; createdAt: Date }) {
  const invitation = await invitationOf(application.volunteerId, application.jobAdId)
  if (!invitation || invitation.createdAt.getTime() > application.createdAt.getTime()) return null
  return { createdAt: invitation.createdAt, invitedBy: invitation.invitedBy?.name ?? null }
}
