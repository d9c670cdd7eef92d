import { approveMatch } from '~/models/match.server'
import { replyToThread, startThread } from '~/models/thread.server'
import { requestPasswordReset } from '~/models/user.server'
import { afterResponseWorkDone } from '~/utils/after-response.server'
import { prisma } from '~/utils/db.server'
import { sessionCookieFor } from './fixtures'
import { createAd, createApplication, matchingWorld, recordValidCheck } from './fixtures-matching'

const DAY = 86_400_000

/**
 * A volunteer with something in every category the export lists and the deletion must clear:
 * a check, an approved (active) match with a confirmed plan, a logged past visit and planned
 * future ones, a second open application, a thread and posts (one signed with their name, one by
 * the contact person naming them), a check-in answer, a report, sessions, a reset link, a calendar
 * token, an earlier e-mail address in the audit log, and e-mails both to and about them.
 */
export async function richVolunteer(identity: { name: string; email: string; phone: string; oldEmail: string }) {
  const world = await matchingWorld({ volunteer: { name: identity.name, email: identity.email, phone: identity.phone } })
  const { volunteer, contact, coordinator, facility, centre } = world
  const now = new Date()

  await recordValidCheck(volunteer.id, 'confidentiality')
  await prisma.volunteerProfile.update({ where: { userId: volunteer.id }, data: { bio: `Jeg hedder ${identity.name} og elsker tablets.`, employer: 'Unik Software ApS' } })
  const approved = await approveMatch(coordinator.id, { applicationId: world.application.id, introAt: new Date(now.getTime() + 3 * DAY), introPlace: 'Fælleshuset' }, now)
  if (!approved.ok) throw new Error(`approveMatch failed: ${approved.reason}`)
  const match = await prisma.match.findUniqueOrThrow({ where: { id: approved.matchId } })

  const plan = await prisma.visitPlan.create({
    data: { matchId: match.id, weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', startDate: '2026-01-06', location: 'Caféen', status: 'confirmed', confirmedAt: now },
  })
  const visit = (days: number, data: Record<string, unknown> = {}) => {
    const startsAt = new Date(now.getTime() + days * DAY)
    return prisma.visit.create({
      data: {
        matchId: match.id,
        planId: plan.id,
        facilityId: facility.id,
        volunteerId: volunteer.id,
        localDate: startsAt.toISOString().slice(0, 10),
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        location: 'Caféen',
        ...data,
      },
    })
  }
  await visit(-7, { status: 'done', hours: 2, helpedWith: '["video_calls"]', note: `${identity.name} hjalp med videoopkald.`, loggedAt: now, loggedById: contact.id })
  await visit(7)
  await visit(14)

  const otherAd = await createAd(facility, contact.id, { title: 'Spilcafé om torsdagen' })
  const openApplication = await createApplication(otherAd.id, volunteer.id)

  const thread = await startThread(volunteer.id, { centreId: centre.id, facilityId: null }, { title: 'Tips til videoopkald', body: `Prøv Zoom. Hilsen ${identity.name}`, tags: [], announcement: false })
  const reply = await replyToThread(contact.id, thread.threadId, { body: `Tak! Ring gerne til ${identity.name} på ${identity.phone}.` })
  if (!reply.ok) throw new Error('reply failed')
  await prisma.postReport.create({ data: { postId: reply.postId, reporterId: volunteer.id, reason: 'Mit nummer bør ikke stå her.' } })

  const followUp = await prisma.followUp.create({ data: { matchId: match.id, dueAt: now, status: 'answered', sentAt: now } })
  await prisma.followUpResponse.create({
    data: { followUpId: followUp.id, respondentId: volunteer.id, respondentRole: 'volunteer', satisfaction: 5, expectationsAligned: true, wishes: 'Mere tid i caféen', answeredAt: now },
  })

  await sessionCookieFor(volunteer.id)
  await sessionCookieFor(volunteer.id)
  await requestPasswordReset({ email: identity.email, ip: 'test' })
  // The reset link is made after the response (app/utils/after-response.server.ts): wait for it.
  await afterResponseWorkDone()
  await prisma.user.update({ where: { id: volunteer.id }, data: { calendarToken: `cal-${volunteer.id}` } })
  await prisma.auditLog.create({
    data: { actorId: volunteer.id, action: 'user.email_changed', entityType: 'User', entityId: volunteer.id, data: JSON.stringify({ from: identity.oldEmail, to: identity.email }) },
  })
  await prisma.auditLog.create({
    data: { actorId: coordinator.id, action: 'volunteer.called', entityType: 'User', entityId: volunteer.id, data: JSON.stringify({ note: `Talte med ${identity.name} på ${identity.phone}` }) },
  })

  return { ...world, match, plan, openApplication, otherAd, thread }
}
