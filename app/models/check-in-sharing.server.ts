import { sql as raw, type SqlBool } from 'kysely'
import { LIVE_MATCH_STATUSES } from '~/models/matching.server'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { all, each, rawQuery, sql } from '~/utils/sql.server'
import { isLargeCentre } from '~/models/centre-size.server'
import type { AgreementSide } from '~/utils/agreement'

/*
 * Two-way check-ins (issue 14): after a check-in each party of a match sees a summary of the
 * other's answer, unless the respondent ticked "kun til frivilligcentret"; and an answer that says
 * expectations are not aligned, or satisfaction of FLAG_SATISFACTION_MAX or less, flags the match
 * on the coordinator's start page with a suggested follow-up meeting until the coordinator records
 * that a meeting took place.
 */

/** Satisfaction (1–5) at or under this flags the match. */
export const FLAG_SATISFACTION_MAX = 2

/** Whether one answer asks for a follow-up meeting. */
export function isFlaggedAnswer(answer: { satisfaction: number | null; expectationsAligned: boolean | null }) {
  return answer.expectationsAligned === false || (answer.satisfaction !== null && answer.satisfaction <= FLAG_SATISFACTION_MAX)
}

/**
 * Live matches of the centre with a flagged answer given after the match's latest recorded
 * meeting (so recording a meeting clears the flag, and a new flagged answer raises it again),
 * newest answer first. A small centre reads its own live matches' answers; a large one
 * (centre-size.server.ts) walks the partial index of flagged answers newest first and stops at the
 * 50th match of its own, then counts those matches' answers.
 */
export function flaggedMatches(municipalityIds: string[], take = 50, { large = municipalityIds.length > 0 && isLargeCentre(municipalityIds) } = {}) {
  if (municipalityIds.length === 0) return []
  const rows = large ? flaggedByTime(municipalityIds, take) : all(flaggedByFacility(municipalityIds, take))
  return rows.map((row) => ({ ...row, answeredAt: new Date(row.answeredAt), answers: Number(row.answers) }))
}

/** A flagged answer, written as the partial index FollowUpResponse_flagged_idx is (literals, so SQLite can use it). */
const FLAGGED = raw`r."answeredAt" is not null and (r."expectationsAligned" = 0 or r."satisfaction" <= ${raw.lit(FLAG_SATISFACTION_MAX)})`
/** Given after the match's latest meeting: no meeting recorded at or after the answer. */
const SINCE_LAST_MEETING = raw`not exists (select 1 from "FollowUpMeeting" g where g."matchId" = m."id" and g."createdAt" >= r."answeredAt")`

/** A live match (alias "m") that the start page flags: for the matches list's "flagged" filter. */
export const FLAGGED_MATCH = raw<SqlBool>`"m"."status" in ('active', 'paused') and exists (select 1 from "FollowUp" u cross join "FollowUpResponse" r on r."followUpId" = u."id" where u."matchId" = "m"."id" and ${FLAGGED} and ${SINCE_LAST_MEETING})`

function flaggedByFacility(municipalityIds: string[], take: number) {
  return sql
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
    .orderBy('m.id')
    .limit(take)
    .select(['m.id as matchId', 'v.name as volunteerName', 'f.name as facilityName', raw<string>`max(r."answeredAt")`.as('answeredAt'), raw<number>`count(*)`.as('answers')])
}

/** The walk of a large centre, exposed for the EXPLAIN QUERY PLAN test: its flagged answers, newest first. */
export function flaggedByTimeQuery(municipalityIds: string[]) {
  return rawQuery<{ matchId: string; volunteerName: string; facilityName: string; answeredAt: string }>(raw`select m."id" as "matchId", v."name" as "volunteerName", f."name" as "facilityName", r."answeredAt"
    from "FollowUpResponse" r indexed by "FollowUpResponse_flagged_idx"
    cross join "FollowUp" u on u."id" = r."followUpId"
    cross join "Match" m on m."id" = u."matchId"
    cross join "Facility" f on f."id" = m."facilityId"
    join "User" v on v."id" = m."volunteerId"
    where ${FLAGGED} and m."status" in ('active', 'paused')
      and f."municipalityId" in (select value from json_each(${JSON.stringify(municipalityIds)}))
      and ${SINCE_LAST_MEETING}
    order by r."answeredAt" desc`)
}

function flaggedByTime(municipalityIds: string[], take: number) {
  // A match's first answer in the walk is its newest: the order of first sight is the page's order.
  const found = new Map<string, { matchId: string; volunteerName: string; facilityName: string; answeredAt: string }>()
  for (const row of each(flaggedByTimeQuery(municipalityIds))) {
    if (found.has(row.matchId)) continue
    found.set(row.matchId, row)
    if (found.size === take) break
  }
  const counts = all(
    rawQuery<{ matchId: string; n: number }>(raw`select m."id" as "matchId", count(*) as "n"
      from json_each(${JSON.stringify([...found.keys()])}) j
      cross join "Match" m on m."id" = j.value
      cross join "FollowUp" u on u."matchId" = m."id"
      cross join "FollowUpResponse" r on r."followUpId" = u."id"
      where ${FLAGGED} and ${SINCE_LAST_MEETING}
      group by m."id"`),
  )
  const answers = new Map(counts.map((row) => [row.matchId, Number(row.n)]))
  return [...found.values()].map((row) => ({ ...row, answers: answers.get(row.matchId) ?? 0 }))
}

/** One match's flag: the flagged answers given since its latest meeting (none: no flag). */
export async function matchFlag(matchId: string) {
  const last = await prisma.followUpMeeting.findFirst({ where: { matchId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } })
  const answers = await prisma.followUpResponse.findMany({
    where: { followUp: { matchId }, answeredAt: { not: null, ...(last ? { gt: last.createdAt } : {}) } },
    select: { id: true, respondentRole: true, satisfaction: true, expectationsAligned: true, answeredAt: true, respondent: { select: { name: true } } },
    orderBy: { answeredAt: 'desc' },
  })
  return answers.filter(isFlaggedAnswer)
}

export function meetingsOf(matchId: string) {
  return prisma.followUpMeeting.findMany({
    where: { matchId },
    select: { id: true, heldOn: true, participants: true, note: true, createdAt: true, recordedBy: { select: { name: true } } },
    orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
  })
}

export type MeetingInput = { heldOn: string; participants: string; note: string }
export type MeetingResult = { ok: true } | { ok: false; reason: 'not-found' }

/** The centre records a follow-up meeting it held with the parties; it clears the match's flag. */
export async function recordFollowUpMeeting(actorId: string, matchId: string, input: MeetingInput, now = new Date()): Promise<MeetingResult> {
  return prisma.$transaction(async (tx) => {
    const match = await tx.match.findUnique({ where: { id: matchId }, select: { id: true } })
    if (!match) return { ok: false, reason: 'not-found' } as const
    const meeting = await tx.followUpMeeting.create({ data: { matchId, ...input, recordedById: actorId, createdAt: now }, select: { id: true } })
    await audit(tx, { actorId, action: 'match.followup_meeting', entityType: 'Match', entityId: matchId, data: { meetingId: meeting.id, heldOn: input.heldOn } })
    return { ok: true } as const
  })
}

type Answer = { satisfaction: number | null; expectationsAligned: boolean | null; wishes: string | null; answeredAt: Date }

/**
 * The check-ins of a match as one party sees them: their own answer, and the other party's unless
 * it was given for the centre only (then only the fact that it was). Newest first.
 */
export async function checkInsForParty(matchId: string, side: AgreementSide) {
  const followUps = await prisma.followUp.findMany({
    where: { matchId, responses: { some: { answeredAt: { not: null } } } },
    select: {
      id: true,
      dueAt: true,
      responses: {
        select: { respondentRole: true, satisfaction: true, expectationsAligned: true, wishes: true, answeredAt: true, centreOnly: true, respondent: { select: { name: true } } },
      },
    },
    orderBy: { dueAt: 'desc' },
  })
  const ownRole = side === 'volunteer' ? 'volunteer' : 'contact_person'
  return followUps.map((followUp) => {
    const answered = followUp.responses.filter((r): r is typeof r & { answeredAt: Date } => r.answeredAt !== null)
    const own = answered.find((r) => r.respondentRole === ownRole)
    const other = answered.find((r) => r.respondentRole !== ownRole)
    const view = (r: (typeof answered)[number]): Answer => ({ satisfaction: r.satisfaction, expectationsAligned: r.expectationsAligned, wishes: r.wishes, answeredAt: r.answeredAt })
    return {
      id: followUp.id,
      dueAt: followUp.dueAt,
      own: own ? { name: own.respondent.name, ...view(own) } : null,
      other: other ? (other.centreOnly ? ({ centreOnly: true, name: other.respondent.name } as const) : { centreOnly: false as const, name: other.respondent.name, ...view(other) }) : null,
    }
  })
}
export type PartyCheckIn = Awaited<ReturnType<typeof checkInsForParty>>[number]
