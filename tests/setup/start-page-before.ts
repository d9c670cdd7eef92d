/**
 * The coordinator's start-page reads as they were before they moved to partial indexes (issue 15),
 * kept word for word: app/models/centre-start-page.server.test.ts proves the new reads return the
 * same rows on the demo data.
 */
import { sql as raw } from 'kysely'
import { FLAG_SATISFACTION_MAX } from '~/models/check-in-sharing.server'
import { centreEvents } from '~/models/event.server'
import { OVERDUE_AFTER_DAYS } from '~/models/follow-up.server'
import { LIVE_MATCH_STATUSES } from '~/models/matching.server'
import { prisma } from '~/utils/db.server'
import { all, sql } from '~/utils/sql.server'
import { sqliteInstant } from '~/utils/time'

export async function visitAttentionCountsBefore(municipalityIds: string[], now = new Date()) {
  const [unlogged, late] = await Promise.all([
    prisma.visit.count({ where: { status: 'planned', startsAt: { lt: now }, endsAt: { lt: now }, facility: { municipalityId: { in: municipalityIds } } } }),
    prisma.visit.count({
      where: {
        status: 'cancelled',
        lateCancellation: true,
        cancelledAt: { gte: new Date(now.getTime() - 60 * 86_400_000) },
        startsAt: { gte: new Date(now.getTime() - 60 * 86_400_000) },
        facility: { municipalityId: { in: municipalityIds } },
      },
    }),
  ])
  return { unlogged, late }
}

export function overdueFollowUpsBefore(municipalityIds: string[], now = new Date()) {
  const inCentre = { facility: { municipalityId: { in: municipalityIds } } }
  return prisma.followUp.findMany({
    where: { status: { in: ['due', 'sent'] }, dueAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_DAYS * 86_400_000) }, match: { status: 'active', ...inCentre } },
    select: {
      id: true,
      dueAt: true,
      status: true,
      responses: { select: { respondentRole: true, answeredAt: true, respondent: { select: { name: true } } } },
      match: { select: { id: true, facility: { select: { name: true } }, volunteer: { select: { name: true } } } },
    },
    orderBy: { dueAt: 'asc' },
    take: 50,
  })
}

export function flaggedMatchesBefore(municipalityIds: string[], take = 50) {
  if (municipalityIds.length === 0) return []
  const rows = all(
    sql
      .selectFrom('Facility as f')
      .crossJoin('Match as m')
      .crossJoin('FollowUp as u')
      .crossJoin('FollowUpResponse as r')
      .innerJoin('User as v', 'v.id', 'm.volunteerId')
      .whereRef('m.facilityId', '=', 'f.id')
      .whereRef('u.matchId', '=', 'm.id')
      .whereRef('r.followUpId', '=', 'u.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('m.status', 'in', LIVE_MATCH_STATUSES)
      .where('r.answeredAt', 'is not', null)
      .where((eb) => eb.or([eb('r.expectationsAligned', '=', 0), eb('r.satisfaction', '<=', FLAG_SATISFACTION_MAX)]))
      .where(({ eb, selectFrom }) =>
        eb(
          'r.answeredAt',
          '>',
          eb.fn.coalesce(selectFrom('FollowUpMeeting as g').whereRef('g.matchId', '=', 'm.id').select((g) => g.fn.max('g.createdAt').as('last')), raw<string>`''`),
        ),
      )
      .groupBy(['m.id', 'v.name', 'f.name'])
      .orderBy(raw`max(r."answeredAt")`, 'desc')
      .limit(take)
      .select(['m.id as matchId', 'v.name as volunteerName', 'f.name as facilityName', raw<string>`max(r."answeredAt")`.as('answeredAt'), raw<number>`count(*)`.as('answers')]),
  )
  return rows.map((row) => ({ ...row, answeredAt: new Date(row.answeredAt), answers: Number(row.answers) }))
}

export function agreementsMissingBefore(municipalityIds: string[], take = 50) {
  if (municipalityIds.length === 0) return []
  const rows = all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Match as m', 'm.facilityId', 'f.id')
      .innerJoin('User as v', 'v.id', 'm.volunteerId')
      .leftJoin('AgreementVersion as a', (join) =>
        join.onRef('a.matchId', '=', 'm.id').on('a.number', '=', (eb) => eb.selectFrom('AgreementVersion as b').whereRef('b.matchId', '=', 'm.id').select((b) => b.fn.max('b.number').as('n'))),
      )
      .where('f.municipalityId', 'in', municipalityIds)
      .where('m.status', 'in', [...LIVE_MATCH_STATUSES])
      .where('m.approvedAt', 'is not', null)
      .where((eb) => eb.or([eb('a.id', 'is', null), eb('a.volunteerAcceptedAt', 'is', null), eb('a.facilityAcceptedAt', 'is', null)]))
      .orderBy('m.approvedAt', 'asc')
      .limit(take)
      .select(['m.id as matchId', 'v.name as volunteerName', 'f.name as facilityName', 'a.number as version', 'a.volunteerAcceptedAt', 'a.facilityAcceptedAt']),
  )
  return rows.map((row) => ({
    matchId: row.matchId,
    volunteerName: row.volunteerName,
    facilityName: row.facilityName,
    version: row.version,
    volunteerAccepted: Boolean(row.volunteerAcceptedAt),
    facilityAccepted: Boolean(row.facilityAcceptedAt),
  }))
}

export function upcomingCentreEventsBefore(centreId: string, now = new Date(), take = 5) {
  const stamp = sqliteInstant(now)
  return centreEvents(centreId)
    .filter((event) => event.status === 'published' && event.startsAt !== null && String(event.startsAt) > stamp)
    .sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))
    .slice(0, take)
}

export function pendingFacilitiesBefore(municipalityIds: string[], take?: number) {
  return prisma.facility.findMany({
    where: { status: 'pending', municipalityId: { in: municipalityIds } },
    select: {
      id: true,
      name: true,
      kind: true,
      address: true,
      postcode: true,
      town: true,
      createdAt: true,
      municipality: { select: { name: true } },
      memberships: { where: { role: 'leader' }, select: { user: { select: { name: true, email: true, emailVerifiedAt: true } } } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
  })
}

export function openReportCountBefore(centreId: string) {
  return prisma.postReport.count({ where: { status: 'open', post: { thread: { centreId } } } })
}
