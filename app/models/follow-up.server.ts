import crypto from 'node:crypto'
import { isLargeCentre } from '~/models/centre-size.server'
import { contactOfMatch } from '~/models/visit-details.server'
import { audit } from '~/utils/audit.server'
import { prisma, Prisma, type Tx } from '~/utils/db.server'
import { localeOf, type Locale } from '~/utils/domain'
import { queueAfterClaim, queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { addCopenhagenCalendar, sqliteInstant } from '~/utils/time'
import { all, rawQuery } from '~/utils/sql.server'
import { sql as raw } from 'kysely'
import { hashToken, TOKEN_LIFETIME_MS } from '~/utils/tokens.server'

/** The first check-in falls due four weeks after the match was approved, then every three months. */
export const FIRST_FOLLOW_UP_DAYS = 28
export const FOLLOW_UP_EVERY_MONTHS = 3
/** A follow-up still missing answers this long after it fell due is shown as overdue. */
export const OVERDUE_AFTER_DAYS = 7
/** Follow-ups sent per housekeeping run, so one run never holds the database for long. */
const SEND_BATCH = 100
/** Check-ins inserted per statement (5 parameters each, well under SQLite's limit). */
const INSERT_BATCH = 500

/** The n-th check-in of a match (0 = the first), in Copenhagen calendar terms so the time of day stays put. */
export function followUpDueAt(approvedAt: Date, n: number) {
  return addCopenhagenCalendar(approvedAt, { days: FIRST_FOLLOW_UP_DAYS, months: n * FOLLOW_UP_EVERY_MONTHS })
}

/**
 * Which check-in a match needs next, given its latest one: nothing while one lies ahead; else the
 * most recent date that has come (so a match that was missed for a while gets one check-in, not
 * a backlog), or the next future one.
 */
export function nextFollowUpDue(approvedAt: Date, latestDueAt: Date | null, now: Date) {
  if (latestDueAt && latestDueAt.getTime() > now.getTime()) return null
  let n = 0
  let candidate = followUpDueAt(approvedAt, 0)
  while (latestDueAt && candidate.getTime() <= latestDueAt.getTime()) candidate = followUpDueAt(approvedAt, ++n)
  // Skip ahead to the latest date that has already come, if several have.
  while (followUpDueAt(approvedAt, n + 1).getTime() <= now.getTime()) candidate = followUpDueAt(approvedAt, ++n)
  return candidate
}

/** Housekeeping: every active match has its next check-in on the calendar. Running it twice changes nothing. */
export async function scheduleFollowUps(now = new Date()) {
  // Only matches without a check-in ahead need one; the FollowUp(matchId) index makes this one
  // pass over the active matches instead of loading every follow-up.
  const stamp = sqliteInstant(now)
  const matches = await prisma.$queryRaw<{ id: string; approvedAt: string; latest: string | null }[]>`
    SELECT m."id", m."approvedAt", (SELECT max(f."dueAt") FROM "FollowUp" f WHERE f."matchId" = m."id") AS "latest"
    FROM "Match" m
    WHERE m."status" = 'active' AND m."approvedAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "FollowUp" f WHERE f."matchId" = m."id" AND f."dueAt" > ${stamp})`
  const rows: Prisma.Sql[] = []
  for (const match of matches) {
    const dueAt = nextFollowUpDue(new Date(match.approvedAt), match.latest ? new Date(match.latest) : null, now)
    if (dueAt) rows.push(Prisma.sql`(${`f${crypto.randomBytes(12).toString('hex')}`}, ${match.id}, ${sqliteInstant(dueAt)}, 'due', ${stamp})`)
  }
  // Two runs at once (a slow run overlapping the next, two server processes) read the same
  // matches and want the same check-ins; FollowUp(matchId, dueAt) is unique, and the run that
  // comes second skips the pairs already there instead of failing or sending a second e-mail.
  let created = 0
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    created += await prisma.$executeRaw`
      INSERT INTO "FollowUp" ("id", "matchId", "dueAt", "status", "createdAt")
      VALUES ${Prisma.join(rows.slice(i, i + INSERT_BATCH))}
      ON CONFLICT ("matchId", "dueAt") DO NOTHING`
  }
  return created
}

const personSelect = { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } as const
const matchPeopleSelect = {
  id: true,
  status: true,
  volunteer: { select: personSelect },
  jobAd: { select: { title: true, contactPerson: { select: personSelect } } },
  facility: {
    select: {
      name: true,
      municipality: { select: { centre: { select: { name: true } } } },
      memberships: { where: { status: 'active', role: 'leader' }, select: { user: { select: personSelect } } },
    },
  },
} satisfies Prisma.MatchSelect

/**
 * Sends one due check-in: the volunteer and the contact person each get their own link. Tokens
 * are made here rather than with issueToken, which voids a person's earlier links of the same
 * purpose: a contact person with three volunteers gets three check-ins and must be able to answer
 * each of them. The e-mails are rendered first, each with its token; then one short transaction
 * claims the check-in (due → sent, its match still active), stores the tokens' hashes and the
 * expected answers, and writes the e-mails (queueAfterClaim). A check-in claimed meanwhile by
 * another run, or closed because its match ended, gets nothing, and the rendered e-mails are
 * dropped: a second run sends nothing.
 */
export async function sendFollowUp(followUpId: string, now = new Date()) {
  const followUp = await prisma.followUp.findUnique({ where: { id: followUpId }, select: { id: true, status: true, match: { select: matchPeopleSelect } } })
  if (!followUp || followUp.status !== 'due' || followUp.match.status !== 'active') return false
  const { match } = followUp
  const contact = contactOfMatch(match)
  const centreName = match.facility.municipality.centre?.name ?? ''
  const people = [
    { person: match.volunteer, role: 'volunteer' as const, other: contact?.name ?? '' },
    ...(contact ? [{ person: contact, role: 'contact_person' as const, other: match.volunteer.name }] : []),
  ].map((entry) => ({ ...entry, token: crypto.randomBytes(32).toString('base64url') }))
  const requests = people.map(({ person, role, other, token }) => {
    const locale = localeOf(person.locale)
    return {
      to: person.email,
      toName: person.name,
      locale,
      template: 'follow-up-request' as const,
      dedupeKey: `follow-up:${followUp.id}:${person.id}`,
      props: {
        name: person.name,
        recipient: role === 'volunteer' ? ('volunteer' as const) : ('contact' as const),
        facilityName: match.facility.name,
        otherName: other,
        adTitle: match.jobAd.title,
        centreName,
        // The page opens signed out, so the link carries the recipient's language.
        url: appUrl(`/follow-up/${token}?lng=${locale}`),
      },
    }
  })
  const written = await queueAfterClaim(requests, async (tx) => {
    const claimed = await tx.followUp.updateMany({ where: { id: followUp.id, status: 'due', match: { status: 'active' } }, data: { status: 'sent', sentAt: now } })
    if (claimed.count === 0) return false
    for (const { person, role, token } of people) {
      await tx.followUpResponse.upsert({
        where: { followUpId_respondentId: { followUpId: followUp.id, respondentId: person.id } },
        create: { followUpId: followUp.id, respondentId: person.id, respondentRole: role },
        update: {},
      })
      await tx.oneTimeToken.create({
        data: {
          tokenHash: hashToken(token),
          purpose: 'follow_up',
          userId: person.id,
          email: person.email,
          data: JSON.stringify({ followUpId: followUp.id }),
          expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS.follow_up),
        },
      })
    }
    await audit(tx, { actorId: null, action: 'followup.sent', entityType: 'FollowUp', entityId: followUp.id, data: { matchId: match.id, respondents: people.map((p) => p.person.id) } })
    return true
  })
  return written !== null
}

/**
 * Housekeeping: schedule the next check-ins, close those of ended matches, send what has fallen due.
 * The follow-up schedule: a first check-in 28 days after approval, then every 3 calendar months
 * in Copenhagen time; exactly one future check-in per active match, and a match that missed
 * several dates gets one check-in for the latest, not a backlog. At most SEND_BATCH per run.
 */
export async function runFollowUps(now = new Date()) {
  const scheduled = await scheduleFollowUps(now)
  await prisma.followUp.updateMany({ where: { status: 'due', match: { status: 'ended' } }, data: { status: 'closed' } })
  const due = await prisma.followUp.findMany({
    where: { status: 'due', dueAt: { lte: now }, match: { status: 'active' } },
    select: { id: true },
    orderBy: { dueAt: 'asc' },
    take: SEND_BATCH,
  })
  let sent = 0
  for (const { id } of due) if (await sendFollowUp(id, now)) sent++
  return { scheduled, sent }
}

export type CheckIn =
  | { state: 'invalid' }
  | { state: 'answered' }
  | { state: 'open'; name: string; role: 'volunteer' | 'contact_person'; facilityName: string; otherName: string; adTitle: string }

async function tokenRow(tx: Tx, token: string) {
  if (!token || token.length > 200) return null
  const row = await tx.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } })
  if (!row || row.purpose !== 'follow_up' || !row.userId) return null
  let followUpId: unknown
  try {
    followUpId = (JSON.parse(row.data ?? '{}') as { followUpId?: unknown }).followUpId
  } catch {
    return null
  }
  return typeof followUpId === 'string' ? { ...row, userId: row.userId, followUpId } : null
}

/** What the check-in page shows for a link: the questions, "already answered", or that the link does not work. */
export async function checkInByToken(token: string, now = new Date()): Promise<CheckIn> {
  const row = await tokenRow(prisma, token)
  if (!row) return { state: 'invalid' }
  const response = await prisma.followUpResponse.findUnique({
    where: { followUpId_respondentId: { followUpId: row.followUpId, respondentId: row.userId } },
    select: { answeredAt: true, respondentRole: true, respondent: { select: { name: true } }, followUp: { select: { match: { select: matchPeopleSelect } } } },
  })
  if (!response) return { state: 'invalid' }
  if (response.answeredAt) return { state: 'answered' }
  if (row.usedAt || row.expiresAt.getTime() <= now.getTime()) return { state: 'invalid' }
  const { match } = response.followUp
  const role = response.respondentRole === 'volunteer' ? 'volunteer' : 'contact_person'
  return {
    state: 'open',
    name: response.respondent.name,
    role,
    facilityName: match.facility.name,
    otherName: role === 'volunteer' ? (contactOfMatch(match)?.name ?? '') : match.volunteer.name,
    adTitle: match.jobAd.title,
  }
}

/** `centreOnly`: "kun til frivilligcentret", the other party of the match does not see the answer (app/models/check-in-sharing.server.ts). */
export type CheckInAnswer = { satisfaction: number; expectationsAligned: boolean; wishes: string | null; centreOnly?: boolean }
export type AnswerResult = { ok: true } | { ok: false; reason: 'invalid' | 'already-answered' }

/** Saves a check-in answer once; a second submit (or a second tab) is told it was already answered. */
export async function answerCheckIn(token: string, answer: CheckInAnswer, now = new Date()): Promise<AnswerResult> {
  return prisma.$transaction(async (tx) => {
    const row = await tokenRow(tx, token)
    if (!row) return { ok: false, reason: 'invalid' } as const
    const response = await tx.followUpResponse.findUnique({
      where: { followUpId_respondentId: { followUpId: row.followUpId, respondentId: row.userId } },
      select: { id: true, answeredAt: true },
    })
    if (!response) return { ok: false, reason: 'invalid' } as const
    if (response.answeredAt) return { ok: false, reason: 'already-answered' } as const
    if (row.usedAt || row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'invalid' } as const
    const used = await tx.oneTimeToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
    if (used.count === 0) return { ok: false, reason: 'already-answered' } as const
    const saved = await tx.followUpResponse.updateMany({ where: { id: response.id, answeredAt: null }, data: { ...answer, answeredAt: now } })
    if (saved.count === 0) return { ok: false, reason: 'already-answered' } as const
    const open = await tx.followUpResponse.count({ where: { followUpId: row.followUpId, answeredAt: null } })
    if (open === 0) await tx.followUp.updateMany({ where: { id: row.followUpId, status: { in: ['due', 'sent'] } }, data: { status: 'answered' } })
    await audit(tx, { actorId: row.userId, action: 'followup.answered', entityType: 'FollowUp', entityId: row.followUpId, data: { satisfaction: answer.satisfaction, expectationsAligned: answer.expectationsAligned, centreOnly: answer.centreOnly } })
    return { ok: true } as const
  })
}

type AnswerRow = {
  id: string
  respondentRole: string
  satisfaction: number | bigint | null
  expectationsAligned: number | bigint | boolean | null
  wishes: string | null
  answeredAt: string
  respondentName: string
  matchId: string
  facilityName: string
  volunteerName: string
}

/**
 * A centre with more facilities than this has its newest answers found by walking all recent
 * answers newest first (FollowUpResponse.answeredAt) until 20 are its own; a smaller one by
 * walking its own facilities' matches. Measured on the national data: København (680
 * facilities) 0.4 ms against 27 ms, Gribskov 0.5 ms against 15 ms.
 */
const ANSWERS_BY_TIME_FROM_FACILITIES = 200

/**
 * The coordinator's start page: recent answers, and check-ins overdue (due over a week ago, answers
 * missing). The answers are one SQL join from the centre's municipalities: reading the centre's
 * match ids first and passing them back as a list broke on the largest centres (3,400 matches in
 * Copenhagen exceed the number of values one statement may carry).
 */
export async function centreFollowUps(municipalityIds: string[], now = new Date(), { byTimeAbove = ANSWERS_BY_TIME_FROM_FACILITIES } = {}) {
  const answersSince = sqliteInstant(new Date(now.getTime() - 90 * 86_400_000))
  const [answerRows, overdue] = await Promise.all([
    municipalityIds.length === 0 ? Promise.resolve([] as AnswerRow[]) : recentAnswers(municipalityIds, answersSince, byTimeAbove),
    Promise.resolve(overdueFollowUps(municipalityIds, now)),
  ])
  const answers = answerRows.map((row) => ({
    id: row.id,
    respondentRole: row.respondentRole,
    satisfaction: row.satisfaction === null ? null : Number(row.satisfaction),
    expectationsAligned: row.expectationsAligned === null ? null : Boolean(Number(row.expectationsAligned)),
    wishes: row.wishes,
    answeredAt: new Date(row.answeredAt),
    respondent: { name: row.respondentName },
    followUp: { match: { id: row.matchId, facility: { name: row.facilityName }, volunteer: { name: row.volunteerName } } },
  }))
  return { answers, overdue }
}

/**
 * Check-ins of the centre's active matches still missing answers a week after they fell due,
 * oldest first (at most 50), with who has answered. A large centre (centre-size.server.ts) walks
 * the partial index of unanswered check-ins (FollowUp_open_dueAt_idx) in due order until 50 are
 * its own — answered and closed check-ins are not in it, and no sort is needed; a small one reads
 * its own active matches' check-ins and sorts the few it finds.
 */
export function overdueFollowUps(municipalityIds: string[], now = new Date(), { take = 50, large = isLargeCentre(municipalityIds) } = {}) {
  const rows = all(overdueFollowUpsQuery(municipalityIds, now, large, take))
  const ids = JSON.stringify(rows.map((row) => row.id))
  const responses = all(
    rawQuery<{ followUpId: string; respondentRole: string; answeredAt: string | null; name: string }>(raw`select r."followUpId", r."respondentRole", r."answeredAt", who."name"
      from "FollowUpResponse" r join "User" who on who."id" = r."respondentId"
      where r."followUpId" in (select value from json_each(${ids}))
      order by r."followUpId", r."respondentId"`),
  )
  return rows.map((row) => ({
    id: row.id,
    dueAt: new Date(row.dueAt),
    status: row.status,
    responses: responses
      .filter((response) => response.followUpId === row.id)
      .map((response) => ({ respondentRole: response.respondentRole, answeredAt: response.answeredAt === null ? null : new Date(response.answeredAt), respondent: { name: response.name } })),
    match: { id: row.matchId, facility: { name: row.facilityName }, volunteer: { name: row.volunteerName } },
  }))
}

/** The select of overdueFollowUps, exposed for the EXPLAIN QUERY PLAN test. */
export function overdueFollowUpsQuery(municipalityIds: string[], now: Date, large: boolean, take = 50) {
  const before = sqliteInstant(new Date(now.getTime() - OVERDUE_AFTER_DAYS * 86_400_000))
  const scope = JSON.stringify(municipalityIds)
  // CROSS JOIN keeps SQLite to the order written.
  const from = large
    ? raw`from "FollowUp" u indexed by "FollowUp_open_dueAt_idx"
        cross join "Match" m on m."id" = u."matchId"
        cross join "Facility" f on f."id" = m."facilityId"`
    : raw`from json_each(${scope}) mu
        cross join "Facility" f on f."municipalityId" = mu.value
        cross join "Match" m on m."facilityId" = f."id"
        cross join "FollowUp" u on u."matchId" = m."id"`
  return rawQuery<{ id: string; dueAt: string; status: string; matchId: string; facilityName: string; volunteerName: string }>(raw`select u."id", u."dueAt", u."status",
      m."id" as "matchId", f."name" as "facilityName", v."name" as "volunteerName"
    ${from}
    join "User" v on v."id" = m."volunteerId"
    where u."status" in ('due', 'sent') and u."dueAt" < ${before} and m."status" = 'active'
      and f."municipalityId" in (select value from json_each(${scope}))
    order by u."dueAt", u."id"
    limit ${take}`)
}

async function recentAnswers(municipalityIds: string[], since: string, byTimeAbove: number) {
  const [{ facilities }] = await prisma.$queryRaw<{ facilities: number | bigint }[]>`
    SELECT count(*) AS "facilities" FROM "Facility" WHERE "municipalityId" IN (${Prisma.join(municipalityIds)})`
  const columns = Prisma.sql`r."id", r."respondentRole", r."satisfaction", r."expectationsAligned", r."wishes", r."answeredAt",
    who."name" AS "respondentName", m."id" AS "matchId", f."name" AS "facilityName", v."name" AS "volunteerName"`
  // CROSS JOIN keeps SQLite to the order written: newest answers first, then up to the facility.
  const joins =
    Number(facilities) > byTimeAbove
      ? Prisma.sql`FROM "FollowUpResponse" r CROSS JOIN "FollowUp" fu ON fu."id" = r."followUpId" CROSS JOIN "Match" m ON m."id" = fu."matchId"
          CROSS JOIN "Facility" f ON f."id" = m."facilityId"`
      : Prisma.sql`FROM "Facility" f CROSS JOIN "Match" m ON m."facilityId" = f."id" CROSS JOIN "FollowUp" fu ON fu."matchId" = m."id"
          CROSS JOIN "FollowUpResponse" r ON r."followUpId" = fu."id"`
  return prisma.$queryRaw<AnswerRow[]>`
    SELECT ${columns} ${joins}
    JOIN "User" who ON who."id" = r."respondentId"
    JOIN "User" v ON v."id" = m."volunteerId"
    WHERE r."answeredAt" >= ${since} AND f."municipalityId" IN (${Prisma.join(municipalityIds)})
    ORDER BY r."answeredAt" DESC
    LIMIT 20`
}

/** One match as the centre follows it up: the parties, its check-ins with answers, its visits in numbers. */
export async function matchForCentre(matchId: string) {
  const match = await prisma.match.findUnique({
    where: { id: matchId },
    select: {
      id: true,
      status: true,
      approvedAt: true,
      pausedAt: true,
      endedAt: true,
      endReason: true,
      facilityId: true,
      jobAd: { select: { title: true } },
      facility: { select: { name: true, municipalityId: true } },
      volunteer: { select: { id: true, name: true, email: true, phone: true } },
      followUps: {
        select: {
          id: true,
          dueAt: true,
          status: true,
          responses: { select: { id: true, respondentRole: true, satisfaction: true, expectationsAligned: true, wishes: true, answeredAt: true, respondent: { select: { name: true } } } },
        },
        orderBy: { dueAt: 'desc' },
      },
    },
  })
  if (!match) return null
  const visits = await prisma.visit.groupBy({ by: ['status'], where: { matchId }, _count: { _all: true } })
  return { ...match, visitCounts: Object.fromEntries(visits.map((row) => [row.status, row._count._all])) as Record<string, number> }
}

export type MatchChange = 'pause' | 'resume' | 'end'
export type MatchChangeResult = { ok: true; cancelledVisits: number } | { ok: false; reason: 'not-found' | 'wrong-status' }

const FROM_STATUSES: Record<MatchChange, string[]> = { pause: ['active'], resume: ['paused'], end: ['active', 'paused'] }
const TO_STATUS = { pause: 'paused', resume: 'active', end: 'ended' } as const

/**
 * The centre pauses, resumes or ends a match with a reason. Pausing and ending cancel the planned
 * visits from now on (so nobody turns up, and calendars stay true); ending also ends the visit
 * plans and closes check-ins not yet sent. Both parties are told, in one e-mail each with the
 * reason and the number of visits cancelled; everything is audited. A paused match can be resumed;
 * its visit plans stay confirmed, but the housekeeping job makes no visits for a match that is
 * not active.
 */
export async function changeMatchStatus(actorId: string, input: { matchId: string; change: MatchChange; reason: string }, now = new Date()): Promise<MatchChangeResult> {
  return prisma.$transaction((tx) => changeMatchStatusIn(tx, actorId, input, now))
}

/**
 * How a change is told when the volunteer's account is being deleted: they get no e-mail (their
 * address is about to go), and the other side reads a placeholder instead of their name and the
 * reason in their own language, so the message keeps nothing of the deleted person.
 */
export type MatchChangeTelling = { cause: 'account-deleted'; tellVolunteer: boolean; volunteerName: (locale: Locale) => Promise<string>; reason: (locale: Locale) => Promise<string> }

// Message keys (emails namespace) written out so a search for a key finds where it is used.
const MATCH_CHANGE_TEXT = { ended: 'followUpMatchChanged.change.ended', paused: 'followUpMatchChanged.change.paused', resumed: 'followUpMatchChanged.change.resumed' } as const

/** changeMatchStatus inside the caller's transaction (account deletion ends every match in one). */
export async function changeMatchStatusIn(
  tx: Tx,
  actorId: string | null,
  input: { matchId: string; change: MatchChange; reason: string; fromStatuses?: string[] },
  now = new Date(),
  telling?: MatchChangeTelling,
): Promise<MatchChangeResult> {
  const match = await tx.match.findUnique({ where: { id: input.matchId }, select: matchPeopleSelect })
  if (!match) return { ok: false, reason: 'not-found' } as const
  const to = TO_STATUS[input.change]
  const data: Prisma.MatchUpdateManyMutationInput =
    input.change === 'end' ? { status: to, endedAt: now, endReason: input.reason } : input.change === 'pause' ? { status: to, pausedAt: now } : { status: to, pausedAt: null }
  const updated = await tx.match.updateMany({ where: { id: match.id, status: { in: input.fromStatuses ?? FROM_STATUSES[input.change] } }, data })
  if (updated.count === 0) return { ok: false, reason: 'wrong-status' } as const
  let cancelledVisits = 0
  if (input.change !== 'resume') {
    const cancelled = await tx.visit.updateMany({
      where: { matchId: match.id, status: 'planned', startsAt: { gt: now } },
      data: { status: 'cancelled', cancelledById: actorId, cancelReason: input.reason, cancelledAt: now, sequence: { increment: 1 } },
    })
    cancelledVisits = cancelled.count
  }
  if (input.change === 'end') {
    await tx.visitPlan.updateMany({ where: { matchId: match.id, status: { not: 'ended' } }, data: { status: 'ended' } })
    await tx.followUp.updateMany({ where: { matchId: match.id, status: 'due' }, data: { status: 'closed' } })
  }
  await audit(tx, { actorId, action: `match.${to === 'active' ? 'resumed' : to}`, entityType: 'Match', entityId: match.id, data: { reason: input.reason, cancelledVisits } })
  const contact = contactOfMatch(match)
  const kind = input.change === 'end' ? 'ended' : input.change === 'pause' ? 'paused' : 'resumed'
  const recipients = [
    ...(telling && !telling.tellVolunteer ? [] : ([[match.volunteer, appUrl('/volunteer')]] as const)),
    ...(contact ? ([[contact, appUrl('/facility/volunteers')]] as const) : []),
  ]
  for (const [person, url] of recipients) {
    const locale = localeOf(person.locale)
    const t = await getFixedT(locale, 'emails')
    await queueEmail(tx, {
      to: person.email,
      toName: person.name,
      locale,
      template: 'follow-up-match-changed',
      props: {
        name: person.name,
        kind,
        facilityName: match.facility.name,
        volunteerName: telling ? await telling.volunteerName(locale) : match.volunteer.name,
        adTitle: match.jobAd.title,
        centreName: match.facility.municipality.centre?.name ?? '',
        reason: telling ? await telling.reason(locale) : input.reason,
        cancelledVisits,
        change: t(MATCH_CHANGE_TEXT[kind]),
        url,
        ...(telling ? { cause: telling.cause } : {}),
      },
    })
  }
  return { ok: true, cancelledVisits } as const
}
