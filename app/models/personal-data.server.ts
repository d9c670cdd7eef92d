import { PERSONAL_DATA_SECTIONS } from '~/utils/personal-data'
import { prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'

/**
 * Everything Frivilligbro holds about one person, for the right of access (GDPR art. 15) and data
 * portability (art. 20). The shape is documented and versioned: raise PERSONAL_DATA_VERSION when a
 * field changes meaning or goes away (adding a field keeps the version).
 *
 * Every read has an explicit select. Never exported: password hash, session ids, token hashes, the
 * calendar token (only whether one exists), e-mail bodies (they can hold live reset links), and
 * other people's contact data — related records carry facility, ad, thread and centre names only.
 */
export const PERSONAL_DATA_VERSION = 1

export type PersonalData = Awaited<ReturnType<typeof personalData>>

function parseJson(value: string | null): unknown {
  if (!value) return null
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

export async function personalData(userId: string, now = new Date()) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      role: true,
      locale: true,
      emailVerifiedAt: true,
      visitReminders: true,
      calendarToken: true,
      deactivatedAt: true,
      lastLoginAt: true,
      createdAt: true,
      updatedAt: true,
      centre: { select: { name: true } },
    },
  })

  const [
    profile,
    checks,
    applications,
    invitations,
    matches,
    visits,
    visitPlans,
    threads,
    posts,
    reports,
    followUpAnswers,
    subscriptions,
    reads,
    sessions,
    memberships,
    adsAsContact,
    emails,
    auditAboutYou,
    auditByYou,
    boardPhoto,
    eventSignups,
    statementSignoffs,
    agreementsAccepted,
    followUpMeetings,
  ] = await Promise.all([
    prisma.volunteerProfile.findUnique({
      where: { userId },
      select: {
        bio: true,
        postcode: true,
        employer: true,
        languages: true,
        birthYear: true,
        pausedAt: true,
        consentDataAt: true,
        createdAt: true,
        updatedAt: true,
        municipality: { select: { name: true } },
        skills: { select: { task: true, level: true }, orderBy: { task: 'asc' } },
        availability: { select: { weekday: true, part: true }, orderBy: [{ weekday: 'asc' }, { part: 'asc' }] },
        areas: { select: { municipality: { select: { name: true } } } },
      },
    }),
    prisma.volunteerCheck.findMany({
      where: { volunteerId: userId },
      select: { kind: true, checkedAt: true, expiresAt: true, note: true, createdAt: true },
      orderBy: { checkedAt: 'asc' },
    }),
    prisma.application.findMany({
      where: { volunteerId: userId },
      select: {
        id: true,
        status: true,
        motivation: true,
        decisionNote: true,
        decidedAt: true,
        createdAt: true,
        jobAd: { select: { title: true, facility: { select: { name: true } } } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.applicationInvitation.findMany({
      where: { volunteerId: userId },
      select: { message: true, createdAt: true, invitedBy: { select: { name: true } }, jobAd: { select: { title: true, facility: { select: { name: true } } } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.match.findMany({
      where: { volunteerId: userId },
      select: {
        id: true,
        status: true,
        introAt: true,
        introPlace: true,
        approvedAt: true,
        pausedAt: true,
        endedAt: true,
        endReason: true,
        createdAt: true,
        jobAd: { select: { title: true } },
        facility: { select: { name: true } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.visit.findMany({
      where: { volunteerId: userId },
      select: {
        id: true,
        localDate: true,
        startsAt: true,
        endsAt: true,
        location: true,
        status: true,
        cancelReason: true,
        cancelledAt: true,
        lateCancellation: true,
        hours: true,
        helpedWith: true,
        note: true,
        // The residents' feedback on the volunteer's own visits: about their work, so theirs to see.
        residentsHelped: true,
        residentFeedback: true,
        residentWords: true,
        loggedAt: true,
        facility: { select: { name: true } },
      },
      orderBy: { startsAt: 'asc' },
    }),
    prisma.visitPlan.findMany({
      where: { match: { volunteerId: userId } },
      select: {
        id: true,
        weekday: true,
        startTime: true,
        endTime: true,
        frequency: true,
        nthWeekday: true,
        startDate: true,
        endDate: true,
        location: true,
        status: true,
        createdAt: true,
        match: { select: { facility: { select: { name: true } }, jobAd: { select: { title: true } } } },
        exceptions: { select: { kind: true, fromDate: true, toDate: true, reason: true } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.thread.findMany({
      where: { authorId: userId },
      select: { id: true, title: true, createdAt: true, facility: { select: { name: true } }, centre: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.post.findMany({
      where: { authorId: userId },
      select: { id: true, body: true, createdAt: true, editedAt: true, hiddenAt: true, hiddenReason: true, thread: { select: { id: true, title: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.postReport.findMany({
      where: { reporterId: userId },
      select: { reason: true, status: true, createdAt: true, post: { select: { thread: { select: { title: true } } } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.followUpResponse.findMany({
      where: { respondentId: userId },
      select: {
        respondentRole: true,
        satisfaction: true,
        expectationsAligned: true,
        wishes: true,
        answeredAt: true,
        createdAt: true,
        centreOnly: true,
        followUp: { select: { dueAt: true, match: { select: { facility: { select: { name: true } }, jobAd: { select: { title: true } } } } } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.threadSubscription.findMany({
      where: { userId },
      select: { createdAt: true, lastNotifiedAt: true, thread: { select: { title: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.threadRead.findMany({ where: { userId }, select: { lastReadAt: true, thread: { select: { title: true } } }, orderBy: { lastReadAt: 'asc' } }),
    prisma.session.findMany({ where: { userId }, select: { expiresAt: true }, orderBy: { expiresAt: 'asc' } }),
    prisma.facilityMembership.findMany({
      where: { userId },
      select: { role: true, isContactPerson: true, status: true, createdAt: true, facility: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.jobAd.findMany({
      where: { contactPersonId: userId },
      select: { title: true, status: true, facility: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.outboxMessage.findMany({
      where: { toEmail: user.email },
      select: { subject: true, template: true, status: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.auditLog.findMany({
      where: { entityType: 'User', entityId: userId },
      select: { action: true, createdAt: true, data: true, actorId: true },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.auditLog.findMany({
      where: { actorId: userId, NOT: { entityType: 'User', entityId: userId } },
      select: { action: true, entityType: true, entityId: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    // The photo itself is in the database only while they consent; the export says that it is there.
    prisma.volunteerPhoto.findUnique({ where: { userId }, select: { consentAt: true, createdAt: true } }),
    // Their own sign-ups, and any made with their address before they had an account (a public event).
    prisma.eventSignup.findMany({
      where: { OR: [{ userId }, { userId: null, email: user.email }] },
      select: {
        status: true,
        position: true,
        name: true,
        email: true,
        createdAt: true,
        completedAt: true,
        event: { select: { title: true, kind: true, centre: { select: { name: true } } } },
        attendance: { select: { session: { select: { startsAt: true } } }, orderBy: { session: { startsAt: 'asc' } } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.volunteerStatementSignoff.findMany({
      where: { volunteerId: userId },
      select: { text: true, signerName: true, centreName: true, signedAt: true },
      orderBy: { signedAt: 'asc' },
    }),
    prisma.agreementVersion.findMany({
      where: { OR: [{ volunteerAcceptedById: userId }, { facilityAcceptedById: userId }] },
      select: {
        number: true,
        volunteerAcceptedById: true,
        volunteerAcceptedAt: true,
        facilityAcceptedAt: true,
        match: { select: { facility: { select: { name: true } }, jobAd: { select: { title: true } } } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    // The centre's follow-up meetings about their own matches (a volunteer's): who took part and what was agreed.
    prisma.followUpMeeting.findMany({
      where: { match: { volunteerId: userId } },
      select: { heldOn: true, participants: true, note: true, match: { select: { facility: { select: { name: true } }, jobAd: { select: { title: true } } } } },
      orderBy: { createdAt: 'asc' },
    }),
  ])

  return {
    version: PERSONAL_DATA_VERSION,
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      role: user.role,
      locale: user.locale,
      centre: user.centre?.name ?? null,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      emailVerifiedAt: user.emailVerifiedAt,
      lastLoginAt: user.lastLoginAt,
      deactivatedAt: user.deactivatedAt,
      visitReminders: user.visitReminders,
      calendarFeed: user.calendarToken !== null,
      boardPhoto: boardPhoto ? { uploadedAt: boardPhoto.createdAt, consentAt: boardPhoto.consentAt } : null,
    },
    volunteerProfile: profile
      ? {
          bio: profile.bio,
          postcode: profile.postcode,
          municipality: profile.municipality?.name ?? null,
          employer: profile.employer,
          languages: parseList(profile.languages),
          birthYear: profile.birthYear,
          pausedAt: profile.pausedAt,
          consentDataAt: profile.consentDataAt,
          createdAt: profile.createdAt,
          updatedAt: profile.updatedAt,
          skills: profile.skills,
          availability: profile.availability,
          areas: profile.areas.map((area) => area.municipality.name),
        }
      : null,
    checks,
    applications: applications.map(({ jobAd, ...row }) => ({ ...row, ad: jobAd.title, facility: jobAd.facility.name })),
    invitationsToApply: invitations.map(({ jobAd, invitedBy, ...row }) => ({ ...row, invitedBy: invitedBy?.name ?? null, ad: jobAd.title, facility: jobAd.facility.name })),
    matches: matches.map(({ jobAd, facility, ...row }) => ({ ...row, ad: jobAd.title, facility: facility.name })),
    visits: visits.map(({ facility, helpedWith, ...row }) => ({ ...row, facility: facility.name, helpedWith: parseList(helpedWith) })),
    visitPlans: visitPlans.map(({ match, ...row }) => ({ ...row, facility: match.facility.name, ad: match.jobAd.title })),
    threads: threads.map(({ facility, centre, ...row }) => ({ ...row, space: facility?.name ?? centre.name })),
    posts: posts.map(({ thread, hiddenAt, ...row }) => ({ ...row, hidden: hiddenAt !== null, threadId: thread.id, thread: thread.title })),
    reports: reports.map(({ post, ...row }) => ({ ...row, thread: post.thread.title })),
    followUpAnswers: followUpAnswers.map(({ followUp, ...row }) => ({
      ...row,
      dueAt: followUp.dueAt,
      facility: followUp.match.facility.name,
      ad: followUp.match.jobAd.title,
    })),
    threadSubscriptions: subscriptions.map(({ thread, ...row }) => ({ ...row, thread: thread.title })),
    threadReads: reads.map(({ thread, ...row }) => ({ ...row, thread: thread.title })),
    sessions,
    facilityMemberships: memberships.map(({ facility, ...row }) => ({ ...row, facility: facility.name })),
    adsAsContactPerson: adsAsContact.map(({ facility, ...row }) => ({ ...row, facility: facility.name })),
    emailsToYou: emails,
    auditAboutYou: auditAboutYou.map(({ actorId, data, ...row }) => ({ ...row, byYou: actorId === userId, data: parseJson(data) })),
    auditByYou,
    eventSignups: eventSignups.map(({ event, attendance, name, email, ...row }) => ({
      ...row,
      // A public sign-up carries the name and address given on the form; an account's own does not repeat them.
      ...(name || email ? { name, email } : {}),
      event: event.title,
      eventKind: event.kind,
      centre: event.centre.name,
      attended: attendance.map((a) => a.session.startsAt),
      certificate: row.completedAt !== null,
    })),
    statementSignoffs,
    agreementsAccepted: agreementsAccepted.map(({ match, volunteerAcceptedById, volunteerAcceptedAt, facilityAcceptedAt, ...row }) => ({
      ...row,
      acceptedAt: volunteerAcceptedById === userId ? volunteerAcceptedAt : facilityAcceptedAt,
      facility: match.facility.name,
      ad: match.jobAd.title,
    })),
    followUpMeetings: followUpMeetings.map(({ match, ...row }) => ({ ...row, facility: match.facility.name, ad: match.jobAd.title })),
  }
}

/** The print view's categories, checked against the export: a renamed category fails the typecheck. */
export const PERSONAL_DATA_CATEGORIES: readonly (keyof PersonalData)[] = PERSONAL_DATA_SECTIONS
