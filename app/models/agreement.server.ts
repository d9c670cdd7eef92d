import { LIVE_MATCH_STATUSES } from '~/models/matching.server'
import {
  changesBetween,
  FACILITY_LINES,
  VOLUNTEER_LINES,
  ADDED_LINES_MAX,
  type AgreementChange,
  type AgreementContent,
  type AgreementLine,
  type AgreementPerson,
  type AgreementSide,
} from '~/utils/agreement'
import { audit } from '~/utils/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { localeOf, parseList } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import type { Actor } from '~/utils/permissions'
import { checkInsForParty, flaggedMatches } from '~/models/check-in-sharing.server'
import { all, rawQuery, sql } from '~/utils/sql.server'
import { isLargeCentre } from '~/models/centre-size.server'
import { sql as raw, type SqlBool } from 'kysely'
import { copenhagenDate } from '~/utils/time'

/*
 * The cooperation agreement (samarbejdsaftale) of a match, after the guide "Social IT i kommunen":
 * what the facility makes sure of, and what the volunteer agrees to, made from what is already
 * known when the centre approves the match. Both parties accept it online; until both have
 * accepted the newest version, the coordinator sees "aftale mangler".
 *
 * Versions: every version is a snapshot (AgreementVersion.content). refreshAgreement rebuilds the
 * snapshot from the current facts and makes a new version only when something differs, so every
 * place that changes a visit plan, a contact person or an ethics policy just calls it; a call that
 * changes nothing makes nothing. A version someone has accepted is never edited: a line added to it
 * makes the next version too. Lines a party added are carried into every later version.
 */

const person = { id: true, name: true, phone: true, email: true, deactivatedAt: true } as const

/** The facts of a match the agreement is made from, read inside the caller's transaction. */
async function factsOf(tx: Tx, matchId: string) {
  return tx.match.findUnique({
    where: { id: matchId },
    select: {
      id: true,
      status: true,
      volunteerId: true,
      facilityId: true,
      introAt: true,
      introPlace: true,
      volunteer: { select: { ...person, locale: true } },
      jobAd: {
        select: {
          title: true,
          tasks: true,
          boundaries: true,
          weekdays: true,
          timeFrom: true,
          timeTo: true,
          frequency: true,
          contactPerson: { select: { ...person, locale: true } },
        },
      },
      facility: {
        select: {
          name: true,
          address: true,
          postcode: true,
          town: true,
          phone: true,
          practicalInfo: true,
          ethicsEntries: { select: { technology: true, dilemma: true, agreedValues: true }, orderBy: { position: 'asc' } },
          memberships: {
            where: { status: 'active', OR: [{ role: 'leader' }, { isContactPerson: true }] },
            select: { role: true, isContactPerson: true, user: { select: { ...person, locale: true } } },
            orderBy: { createdAt: 'asc' },
          },
          municipality: { select: { centre: { select: { name: true, phone: true, email: true } } } },
        },
      },
      plans: {
        where: { status: 'confirmed' },
        select: { weekday: true, startTime: true, endTime: true, frequency: true, nthWeekday: true, startDate: true, endDate: true },
        orderBy: { createdAt: 'asc' },
      },
    },
  })
}
type Facts = NonNullable<Awaited<ReturnType<typeof factsOf>>>

const shown = (p: { id: string; name: string; phone: string | null; email: string }): AgreementPerson => ({ id: p.id, name: p.name, phone: p.phone, email: p.email })

/**
 * The facility's party: the ad's contact person, else the first leader (as for every other
 * message about the match). The stand-in: another contact person, else a leader who is not the
 * contact person. Without one, the agreement says to call the facility (or the centre).
 */
function peopleOf(facts: Facts) {
  const active = <P extends { deactivatedAt: Date | null }>(p: P | null | undefined): p is P => Boolean(p && !p.deactivatedAt)
  const leaders = facts.facility.memberships.filter((m) => m.role === 'leader').map((m) => m.user)
  const contact = [facts.jobAd.contactPerson, ...leaders].find(active) ?? null
  const others = facts.facility.memberships.filter((m) => m.user.id !== contact?.id && active(m.user))
  const standIn = (others.find((m) => m.isContactPerson) ?? others.find((m) => m.role === 'leader'))?.user ?? null
  return { contact, standIn }
}

async function checksOf(tx: Tx, volunteerId: string) {
  const checks = await tx.volunteerCheck.findMany({ where: { volunteerId }, select: { kind: true, checkedAt: true }, orderBy: { checkedAt: 'asc' } })
  // The newest of each kind: an agreement states that a check was made, not its history.
  const newest = new Map<string, string>()
  for (const check of checks) newest.set(check.kind, copenhagenDate(check.checkedAt))
  return [...newest].map(([kind, checkedOn]) => ({ kind, checkedOn }))
}

async function contentOf(tx: Tx, facts: Facts, lines: { facilityLines: AgreementLine[]; volunteerLines: AgreementLine[] }): Promise<AgreementContent> {
  const { contact, standIn } = peopleOf(facts)
  const { facility, jobAd } = facts
  const centre = facility.municipality.centre
  return {
    adTitle: jobAd.title,
    facilityName: facility.name,
    facilityAddress: `${facility.address}, ${facility.postcode} ${facility.town}`,
    tasks: parseList(jobAd.tasks),
    boundaries: jobAd.boundaries,
    schedule: {
      plans: facts.plans,
      ad: { weekdays: weekdaysOf(jobAd.weekdays), timeFrom: jobAd.timeFrom, timeTo: jobAd.timeTo, frequency: jobAd.frequency },
    },
    intro: { at: facts.introAt?.toISOString() ?? null, place: facts.introPlace },
    volunteer: shown(facts.volunteer),
    contact: contact ? shown(contact) : null,
    standIn: standIn ? shown(standIn) : null,
    fallbackPhone: standIn ? null : (facility.phone ?? centre?.phone ?? null),
    practicalInfo: facility.practicalInfo,
    ethics: facility.ethicsEntries,
    checks: await checksOf(tx, facts.volunteerId),
    centre: centre ? { name: centre.name, phone: centre.phone, email: centre.email } : null,
    ...lines,
  }
}

/** The ad's weekdays, stored as a JSON array of numbers (older rows: of strings). */
function weekdaysOf(value: string) {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.map(Number).filter((day) => Number.isInteger(day) && day >= 1 && day <= 7) : []
  } catch {
    return []
  }
}

const STANDARD_LINES = {
  facilityLines: FACILITY_LINES.map((key) => ({ key })),
  volunteerLines: VOLUNTEER_LINES.map((key) => ({ key })),
}

function parseContent(text: string) {
  return JSON.parse(text) as AgreementContent
}

async function latestVersion(tx: Tx, matchId: string) {
  return tx.agreementVersion.findFirst({
    where: { matchId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, content: true, volunteerAcceptedAt: true, facilityAcceptedAt: true },
  })
}

/**
 * Brings a match's agreement up to date: the first version when it has none, a new version when
 * the facts differ from the newest one's, nothing otherwise. Only live (active or paused) matches
 * get new versions; an ended match's agreement stays as it was. A new version after the first is
 * e-mailed to both parties (the first is announced by the approval e-mail).
 */
export async function refreshAgreement(tx: Tx, matchId: string, now = new Date(), extra?: { lines?: { facilityLines: AgreementLine[]; volunteerLines: AgreementLine[] }; actorId?: string | null }) {
  const facts = await factsOf(tx, matchId)
  if (!facts) return null
  const latest = await latestVersion(tx, matchId)
  // A match that predates agreements gets its first version whatever its state; after that, an
  // ended (or not yet approved) match's agreement stays as it was.
  if (latest && !LIVE_MATCH_STATUSES.includes(facts.status)) return null
  const before = latest ? parseContent(latest.content) : null
  const lines = extra?.lines ?? (before ? { facilityLines: before.facilityLines, volunteerLines: before.volunteerLines } : STANDARD_LINES)
  const content = await contentOf(tx, facts, lines)
  const changes: AgreementChange[] = before ? changesBetween(before, content) : ['approval']
  if (changes.length === 0) return null
  const number = (latest?.number ?? 0) + 1
  const version = await tx.agreementVersion.create({
    data: { matchId, number, changes: JSON.stringify(changes), content: JSON.stringify(content), createdAt: now },
    select: { id: true, number: true },
  })
  await audit(tx, { actorId: extra?.actorId ?? null, action: 'agreement.version', entityType: 'Match', entityId: matchId, data: { number, changes } })
  if (number > 1) await tellParties(tx, facts, content, number, changes)
  return version
}

async function tellParties(tx: Tx, facts: Facts, content: AgreementContent, number: number, changes: AgreementChange[]) {
  const { contact } = peopleOf(facts)
  const recipients = [facts.volunteer, ...(contact ? [contact] : [])]
  for (const recipient of recipients) {
    const locale = localeOf(recipient.locale)
    const t = await getFixedT(locale, 'agreement')
    await queueEmail(tx, {
      to: recipient.email,
      toName: recipient.name,
      locale,
      template: 'agreement-to-accept',
      dedupeKey: `agreement:${facts.id}:${number}:${recipient.id}`,
      props: {
        name: recipient.name,
        facilityName: content.facilityName,
        volunteerName: content.volunteer.name,
        adTitle: content.adTitle,
        version: number,
        changes: changes.map((change) => t(CHANGE_TEXT[change])).join(', '),
        url: appUrl(`/matches/${facts.id}/agreement`),
      },
    })
  }
}

// Message keys written out so a search for a key finds where it is used.
export const CHANGE_TEXT = {
  approval: 'change.approval',
  schedule: 'change.schedule',
  contact: 'change.contact',
  ethics: 'change.ethics',
  lines: 'change.lines',
  details: 'change.details',
} as const satisfies Record<AgreementChange, string>

/** refreshAgreement for every live match of a facility (its contact persons or ethics policy changed). */
export async function refreshFacilityAgreements(tx: Tx, facilityId: string, now = new Date(), actorId: string | null = null) {
  const matches = await tx.match.findMany({ where: { facilityId, status: { in: [...LIVE_MATCH_STATUSES] }, approvedAt: { not: null } }, select: { id: true } })
  for (const match of matches) await refreshAgreement(tx, match.id, now, { actorId })
}

/**
 * Matches approved before agreements existed get their first version the first time anyone opens
 * the agreement (the demo seed makes them at once). Lazy rather than a migration: the content is
 * built from a dozen tables by code, which SQL in a migration would have to repeat.
 */
export async function ensureAgreement(matchId: string, now = new Date()) {
  const exists = await prisma.agreementVersion.findFirst({ where: { matchId }, select: { id: true } })
  if (exists) return
  await prisma.$transaction((tx) => refreshAgreement(tx, matchId, now))
}

/** Which party of the agreement the actor is: the volunteer, or the facility's contact person or a leader. Null: neither. */
export function agreementSideOf(actor: Actor, match: { volunteerId: string; facilityId: string }, contactId: string | null): AgreementSide | null {
  if (actor.role === 'volunteer' && actor.id === match.volunteerId) return 'volunteer'
  if (actor.role !== 'facility_staff') return null
  const membership = actor.memberships.find((m) => m.facilityId === match.facilityId)
  if (!membership) return null
  return membership.role === 'leader' || actor.id === contactId ? 'facility' : null
}

/** A match as the agreement page needs it to decide access: its parties and its municipality. */
export function agreementMatch(matchId: string) {
  return prisma.match.findUnique({
    where: { id: matchId },
    select: { id: true, status: true, approvedAt: true, volunteerId: true, facilityId: true, facility: { select: { municipalityId: true } } },
  })
}

/** Every version of a match's agreement, newest first, with the acceptances; and one version's content. */
export async function agreementVersions(matchId: string) {
  const versions = await prisma.agreementVersion.findMany({
    where: { matchId },
    orderBy: { number: 'desc' },
    select: {
      number: true,
      changes: true,
      content: true,
      createdAt: true,
      volunteerAcceptedAt: true,
      facilityAcceptedAt: true,
      volunteerAcceptedBy: { select: { name: true } },
      facilityAcceptedBy: { select: { name: true } },
    },
  })
  return versions.map((version) => ({
    ...version,
    changes: parseList(version.changes) as AgreementChange[],
    content: parseContent(version.content),
    complete: Boolean(version.volunteerAcceptedAt && version.facilityAcceptedAt),
  }))
}
export type AgreementVersionView = Awaited<ReturnType<typeof agreementVersions>>[number]

export type AgreementActionResult = { ok: true; number: number } | { ok: false; reason: 'not-found' | 'forbidden' | 'not-latest' | 'already-accepted' | 'too-many-lines' | 'match-ended' }

/**
 * A party accepts the newest version. Only the newest can be accepted (an older one has been
 * replaced); a second click is "already accepted". The guarded update settles two clicks at once.
 */
export async function acceptAgreement(actor: Actor, matchId: string, number: number, now = new Date()): Promise<AgreementActionResult> {
  return prisma.$transaction(async (tx) => {
    const match = await tx.match.findUnique({ where: { id: matchId }, select: { id: true, status: true, volunteerId: true, facilityId: true } })
    const latest = match ? await latestVersion(tx, matchId) : null
    if (!match || !latest) return { ok: false, reason: 'not-found' } as const
    const side = agreementSideOf(actor, match, parseContent(latest.content).contact?.id ?? null)
    if (!side) return { ok: false, reason: 'forbidden' } as const
    if (match.status === 'ended') return { ok: false, reason: 'match-ended' } as const
    if (latest.number !== number) return { ok: false, reason: 'not-latest' } as const
    const data = side === 'volunteer' ? { volunteerAcceptedAt: now, volunteerAcceptedById: actor.id } : { facilityAcceptedAt: now, facilityAcceptedById: actor.id }
    const where = side === 'volunteer' ? { volunteerAcceptedAt: null } : { facilityAcceptedAt: null }
    const updated = await tx.agreementVersion.updateMany({ where: { id: latest.id, ...where }, data })
    if (updated.count === 0) return { ok: false, reason: 'already-accepted' } as const
    await audit(tx, { actorId: actor.id, action: 'agreement.accepted', entityType: 'Match', entityId: matchId, data: { number, side } })
    return { ok: true, number } as const
  })
}

/**
 * A party adds a line to their own list (the facility to what it makes sure of, the volunteer to
 * what they agree to). Nobody has accepted the newest version yet: the line joins it. Someone has:
 * the line makes a new version, which both accept again.
 */
export async function addAgreementLine(actor: Actor & { name: string }, matchId: string, text: string, now = new Date()): Promise<AgreementActionResult> {
  return prisma.$transaction(async (tx) => {
    const match = await tx.match.findUnique({ where: { id: matchId }, select: { id: true, status: true, volunteerId: true, facilityId: true } })
    const latest = match ? await latestVersion(tx, matchId) : null
    if (!match || !latest) return { ok: false, reason: 'not-found' } as const
    const content = parseContent(latest.content)
    const side = agreementSideOf(actor, match, content.contact?.id ?? null)
    if (!side) return { ok: false, reason: 'forbidden' } as const
    if (match.status === 'ended') return { ok: false, reason: 'match-ended' } as const
    const list = side === 'volunteer' ? 'volunteerLines' : 'facilityLines'
    if (content[list].filter((line) => 'text' in line).length >= ADDED_LINES_MAX) return { ok: false, reason: 'too-many-lines' } as const
    const line: AgreementLine = { text, authorId: actor.id, authorName: actor.name, addedAt: now.toISOString() }
    const lines = { facilityLines: content.facilityLines, volunteerLines: content.volunteerLines, [list]: [...content[list], line] }
    await audit(tx, { actorId: actor.id, action: 'agreement.line_added', entityType: 'Match', entityId: matchId, data: { number: latest.number, side } })
    if (!latest.volunteerAcceptedAt && !latest.facilityAcceptedAt) {
      const updated = await tx.agreementVersion.updateMany({
        where: { id: latest.id, volunteerAcceptedAt: null, facilityAcceptedAt: null },
        data: { content: JSON.stringify({ ...content, ...lines }) },
      })
      if (updated.count === 1) return { ok: true, number: latest.number } as const
    }
    const version = await refreshAgreement(tx, matchId, now, { lines, actorId: actor.id })
    return version ? ({ ok: true, number: version.number } as const) : ({ ok: false, reason: 'not-found' } as const)
  })
}

/**
 * Live matches in the centre's municipalities whose newest agreement is not accepted by both
 * parties, or that have none yet ("aftale mangler"), oldest approval first. A small centre reads
 * its own facilities' live matches; a large one (centre-size.server.ts) walks the partial index of
 * live matches whose agreement is incomplete (Match_agreement_open_idx, kept by triggers through
 * Match.agreementComplete) by approval and stops at the 50th of its own: no sort, and matches with
 * complete agreements are never read.
 */
export function agreementsMissing(municipalityIds: string[], take = 50, { large = municipalityIds.length > 0 && isLargeCentre(municipalityIds) } = {}) {
  if (municipalityIds.length === 0) return []
  const rows = all(large ? agreementsMissingByApproval(municipalityIds, take) : agreementsMissingByFacility(municipalityIds, take))
  return rows.map((row) => ({
    matchId: row.matchId,
    volunteerName: row.volunteerName,
    facilityName: row.facilityName,
    version: row.version,
    volunteerAccepted: Boolean(row.volunteerAcceptedAt),
    facilityAccepted: Boolean(row.facilityAcceptedAt),
  }))
}

type MissingRow = { matchId: string; volunteerName: string; facilityName: string; version: number | null; volunteerAcceptedAt: string | null; facilityAcceptedAt: string | null }

function agreementsMissingByFacility(municipalityIds: string[], take: number) {
  return sql
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
    .orderBy('m.id')
    .limit(take)
    .select(['m.id as matchId', 'v.name as volunteerName', 'f.name as facilityName', 'a.number as version', 'a.volunteerAcceptedAt', 'a.facilityAcceptedAt'])
}

/** A live, approved match (alias "m") whose newest agreement is not accepted by both, or that has none: for the matches list's filter. */
export const AGREEMENT_MISSING = raw<SqlBool>`"m"."status" in ('active', 'paused') and "m"."approvedAt" is not null and "m"."agreementComplete" = 0
  and not exists (select 1 from "AgreementVersion" a where a."matchId" = "m"."id" and a."volunteerAcceptedAt" is not null and a."facilityAcceptedAt" is not null
    and a."number" = (select max(b."number") from "AgreementVersion" b where b."matchId" = "m"."id"))`

/** The walk of a large centre, exposed for the EXPLAIN QUERY PLAN test. */
export function agreementsMissingByApproval(municipalityIds: string[], take = 50) {
  // The conditions of the partial index are written as it is (literals), so SQLite can use it; the
  // newest version is still checked, so a stale flag could hide nothing.
  return rawQuery<MissingRow>(raw`select m."id" as "matchId", v."name" as "volunteerName", f."name" as "facilityName",
      a."number" as "version", a."volunteerAcceptedAt", a."facilityAcceptedAt"
    from "Match" m indexed by "Match_agreement_open_idx"
    cross join "Facility" f on f."id" = m."facilityId"
    join "User" v on v."id" = m."volunteerId"
    left join "AgreementVersion" a on a."matchId" = m."id" and a."number" = (select max(b."number") from "AgreementVersion" b where b."matchId" = m."id")
    where m."status" in ('active', 'paused') and m."approvedAt" is not null and m."agreementComplete" = 0
      and f."municipalityId" in (select value from json_each(${JSON.stringify(municipalityIds)}))
      and (a."id" is null or a."volunteerAcceptedAt" is null or a."facilityAcceptedAt" is null)
    order by m."approvedAt", m."id"
    limit ${take}`)
}

/** Whether one match's newest agreement is accepted by both parties. */
export async function agreementComplete(matchId: string) {
  const latest = await latestVersion(prisma, matchId)
  return latest ? { number: latest.number, complete: Boolean(latest.volunteerAcceptedAt && latest.facilityAcceptedAt) } : null
}

/**
 * Everything the agreement page shows one reader: every version (made first if the match predates
 * agreements), which party the reader is (null: they may read, not accept), and for the parties
 * the check-ins with the other's answers as far as they were shared.
 */
export async function agreementForReader(actor: Actor, match: { id: string; status: string; volunteerId: string; facilityId: string }, now = new Date()) {
  await ensureAgreement(match.id, now)
  const versions = await agreementVersions(match.id)
  const current = versions[0]
  if (!current) return null
  const side = agreementSideOf(actor, match, current.content.contact?.id ?? null)
  // Any of the facility's staff reads the check-ins from the facility's side; the centre reads them on its match page.
  const readingSide: AgreementSide | null = actor.role === 'volunteer' ? 'volunteer' : actor.role === 'facility_staff' ? 'facility' : null
  const checkIns = readingSide ? await checkInsForParty(match.id, readingSide) : null
  const accepted = side === 'volunteer' ? Boolean(current.volunteerAcceptedAt) : side === 'facility' ? Boolean(current.facilityAcceptedAt) : false
  return { versions, side, canAct: side !== null && match.status !== 'ended', accepted, checkIns }
}

/** How many of each list the coordinator's start page shows; the rest are on the matches list, filtered. */
export const ATTENTION_SHOWN = 10

/**
 * The coordinator's start page: the first matches whose agreement is missing, and the first matches
 * flagged by a check-in answer, each with whether there are more (one row more is read to know).
 */
export function centreAgreementAttention(municipalityIds: string[]) {
  const large = municipalityIds.length > 0 && isLargeCentre(municipalityIds)
  const missing = agreementsMissing(municipalityIds, ATTENTION_SHOWN + 1, { large })
  const flagged = flaggedMatches(municipalityIds, ATTENTION_SHOWN + 1, { large })
  return {
    missing: missing.slice(0, ATTENTION_SHOWN),
    moreMissing: missing.length > ATTENTION_SHOWN,
    flagged: flagged.slice(0, ATTENTION_SHOWN),
    moreFlagged: flagged.length > ATTENTION_SHOWN,
  }
}
export type CentreAgreementAttention = ReturnType<typeof centreAgreementAttention>
