import { prisma, Prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'
import { parseWeekdays } from './job.server'
import {
  LEVEL_WEIGHT,
  MAX_ACTIVE_MATCHES,
  WEIGHTS,
  partsOfDay,
  rankByScore,
  scoreMatch,
  type AdForScore,
  type Reason,
  type VolunteerForScore,
} from '~/utils/match-score'

/** Matches that count as the volunteer's current load and as places taken on an ad. */
export const LIVE_MATCH_STATUSES = ['active', 'paused']
const OPEN_APPLICATION_STATUSES = ['submitted', 'in_review']
/** How many non-applicant suggestions a page shows. */
export const SUGGESTION_LIMIT = 20

const adSelect = {
  id: true,
  title: true,
  status: true,
  facilityId: true,
  municipalityId: true,
  tasks: true,
  weekdays: true,
  timeFrom: true,
  timeTo: true,
  frequency: true,
  languages: true,
  minimumAge: true,
  volunteersWanted: true,
  requiresConfidentiality: true,
  requiresCriminalRecord: true,
  requiresChildCertificate: true,
  requiresIntroCourse: true,
  facility: { select: { name: true } },
  municipality: { select: { name: true, region: true } },
} as const

type AdRow = Prisma.JobAdGetPayload<{ select: typeof adSelect }>

function adForScore(ad: AdRow): AdForScore {
  return {
    tasks: parseList(ad.tasks),
    weekdays: parseWeekdays(ad.weekdays),
    timeFrom: ad.timeFrom,
    timeTo: ad.timeTo,
    municipalityId: ad.municipalityId,
    region: ad.municipality.region,
    languages: parseList(ad.languages),
    minimumAge: ad.minimumAge,
  }
}

let municipalityCache: Promise<Map<string, { name: string; region: string }>> | undefined
/** The 98 municipalities never change while the app runs. */
function municipalities() {
  municipalityCache ??= prisma.municipality
    .findMany({ select: { id: true, name: true, region: true } })
    .then((rows) => new Map(rows.map((m) => [m.id, { name: m.name, region: m.region }])))
  return municipalityCache
}
/** For tests that load municipalities after the first call. */
export function resetMunicipalityCache() {
  municipalityCache = undefined
}

type VolunteerRow = {
  profileId: string
  userId: string
  name: string
  municipalityId: string | null
  languages: string
  birthYear: number | bigint | null
  skills: string | null
  availability: string | null
  areas: string | null
  load: number | bigint
}

/** Skills, availability, areas and load of many volunteers in one query (group_concat per profile). */
const volunteerColumns = Prisma.sql`
  p.id AS profileId, p.userId AS userId, u.name AS name, p.municipalityId AS municipalityId, p.languages AS languages, p.birthYear AS birthYear,
  (SELECT group_concat(s.task || ':' || s.level) FROM VolunteerSkill s WHERE s.profileId = p.id) AS skills,
  (SELECT group_concat(a.weekday || '.' || a.part) FROM VolunteerAvailability a WHERE a.profileId = p.id) AS availability,
  (SELECT group_concat(va.municipalityId) FROM VolunteerArea va WHERE va.profileId = p.id) AS areas,
  (SELECT count(*) FROM "Match" m WHERE m.volunteerId = p.userId AND m.status IN ('active', 'paused')) AS load`

function toVolunteer(row: VolunteerRow, regions: Map<string, { name: string; region: string }>, applied: boolean): VolunteerForScore {
  return {
    municipalityId: row.municipalityId,
    region: row.municipalityId ? (regions.get(row.municipalityId)?.region ?? null) : null,
    areaMunicipalityIds: row.areas ? row.areas.split(',') : [],
    skills: (row.skills ? row.skills.split(',') : []).map((entry) => {
      const [task, level] = entry.split(':')
      return { task, level: Number(level) }
    }),
    availability: (row.availability ? row.availability.split(',') : []).map((entry) => {
      const [weekday, part] = entry.split('.')
      return { weekday: Number(weekday), part }
    }),
    languages: parseList(row.languages),
    birthYear: row.birthYear === null ? null : Number(row.birthYear),
    activeMatches: Number(row.load),
    applied,
  }
}

export type Candidate = {
  volunteerId: string
  name: string
  municipalityId: string | null
  municipalityName: string | null
  applied: boolean
  applicationId: string | null
  applicationStatus: string | null
  appliedAt: Date | null
  activeMatches: number
  score: number
  reasons: Reason[]
}

/** Rows per round: bounds read by the first pass (most ads need one round), profiles scored by the second. */
const BATCHES = { bounds: 120, profiles: 40 }

/**
 * The best `limit` suggestions for an ad, ranked exactly as `rankByScore` ranks all of them (score,
 * then the older profile first), without loading and scoring every volunteer nearby — in
 * Copenhagen that is 12,000 people, far too slow to score one by one on each page view.
 *
 * 1. SQL ranks everyone who lives in or travels to the ad's municipality and shares a task by an
 *    upper bound of their score, from covering indexes only (migration 20261124120000_matching_covering_indexes): the task and
 *    availability points exactly, home or travel area exactly, and the best case for languages
 *    and load, which need the profile row.
 * 2. Going down that list, full profiles are loaded and scored with `scoreMatch` in batches, and
 *    the walk stops once the next bound cannot beat (or tie ahead of) the current last place.
 * The eligibility rules (not paused, active account, not already matched to or applied for this
 * ad, below full load) are checked in step 2, so a skipped volunteer just makes the walk longer.
 */
async function topSuggestions(
  ad: AdRow,
  forScore: AdForScore,
  limit: number,
  toCandidate: (row: VolunteerRow) => Candidate,
  batches = BATCHES,
) {
  const parts = partsOfDay(forScore.timeFrom, forScore.timeTo)
  const days = [...new Set(forScore.weekdays)]
  const levelTenths = Prisma.raw(
    `CASE s.level ${Object.entries(LEVEL_WEIGHT)
      .map(([level, weight]) => `WHEN ${Number(level)} THEN ${Math.round(weight * 10)}`)
      .join(' ')} ELSE ${Math.round((LEVEL_WEIGHT[2] ?? 0.8) * 10)} END`,
  )
  const availabilityPoints =
    days.length === 0 || parts.length === 0
      ? Prisma.sql`${WEIGHTS.flexibleSchedule}`
      : Prisma.sql`(SELECT CASE WHEN max(c) = ${parts.length} THEN ${WEIGHTS.availability} WHEN count(*) > 0 THEN ${WEIGHTS.partlyAvailable} ELSE 0 END
          FROM (SELECT count(*) AS c FROM VolunteerAvailability a
                WHERE a.profileId = fit.id AND a.weekday IN (${Prisma.join(days)}) AND a.part IN (${Prisma.join(parts)}) GROUP BY a.weekday))`
  // The task points as scoreMatch rounds them: from whole tenths, so never below its float result.
  const bounds = (take: number) => prisma.$queryRaw<{ id: string; bound: number | bigint | null }[]>`
    WITH nearby AS (
      SELECT p.id AS id, 1 AS home FROM VolunteerProfile p WHERE p.municipalityId = ${ad.municipalityId} AND p.pausedAt IS NULL
      UNION ALL
      SELECT va.profileId, 0 FROM VolunteerArea va WHERE va.municipalityId = ${ad.municipalityId}
    ),
    places AS (SELECT id, max(home) AS home FROM nearby GROUP BY id),
    -- MATERIALIZED: each volunteer's task points are summed once, not again for the WHERE; the
    -- availability is then looked up only for those who share a task.
    fit AS MATERIALIZED (
      SELECT id, home,
        (SELECT sum(${levelTenths}) FROM VolunteerSkill s WHERE s.profileId = places.id AND s.task IN (${Prisma.join(forScore.tasks)})) AS tenths
      FROM places
    )
    SELECT id, round(CAST(${WEIGHTS.tasks} * tenths AS REAL) / ${10 * forScore.tasks.length}) + ${availabilityPoints}
        + CASE home WHEN 1 THEN ${WEIGHTS.sameMunicipality} ELSE ${WEIGHTS.travelArea} END AS bound
    FROM fit WHERE tenths > 0
    ORDER BY bound DESC, id
    LIMIT ${take}`
  // Best cases of what the first pass cannot see: all languages spoken, no other matches.
  const unseen = (forScore.languages.length > 0 ? WEIGHTS.languages : 0) + WEIGHTS.noLoad

  const scored: (Candidate & { profileId: string })[] = []
  const lastPlace = () => {
    const ranked = rankByScore([...scored].sort((a, b) => (a.profileId < b.profileId ? -1 : 1)))
    return ranked.length >= limit ? ranked[limit - 1] : null
  }
  let take = batches.bounds
  let list = await bounds(take)
  let next = 0
  for (;;) {
    if (next === list.length) {
      if (list.length < take) break
      take *= 8
      list = await bounds(take)
      if (next === list.length) break
    }
    const last = lastPlace()
    const bound = Number(list[next].bound) + unseen
    if (last && (bound < last.score || (bound === last.score && list[next].id > last.profileId))) break
    const batch = list.slice(next, next + batches.profiles).map((row) => row.id)
    next += batch.length
    // CROSS JOIN keeps SQLite on the profiles' ids; left to itself it walks every volunteer account.
    const rows = await prisma.$queryRaw<VolunteerRow[]>`
      SELECT ${volunteerColumns}
      FROM VolunteerProfile p CROSS JOIN User u ON u.id = p.userId
      WHERE p.id IN (${Prisma.join(batch)}) AND p.pausedAt IS NULL AND u.deactivatedAt IS NULL AND u.role = 'volunteer'
        AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m.volunteerId = p.userId AND m.jobAdId = ${ad.id} AND m.status IN ('proposed', 'active', 'paused'))
        AND NOT EXISTS (SELECT 1 FROM Application a WHERE a.volunteerId = p.userId AND a.jobAdId = ${ad.id})`
    for (const row of rows) {
      if (Number(row.load) < MAX_ACTIVE_MATCHES) scored.push({ ...toCandidate(row), profileId: row.profileId })
    }
  }
  return rankByScore(scored.sort((a, b) => (a.profileId < b.profileId ? -1 : 1)))
    .slice(0, limit)
    .map(({ profileId: _profileId, ...candidate }) => candidate)
}

/**
 * Ranked candidates for an ad: everyone with an open application first, then other available
 * volunteers who live in or will travel to the ad's municipality and share at least one task.
 * Paused volunteers and volunteers at full load are not suggested; a full ad gets no suggestions.
 * Suggestions with equal scores are listed oldest profile first.
 */
export async function candidatesForAd(
  adId: string,
  /** `batches`: tests use tiny ones so that the walk over the bounds takes many rounds. */
  options: { limit?: number; batches?: { bounds: number; profiles: number } } = {},
) {
  const ad = await prisma.jobAd.findUnique({ where: { id: adId }, select: adSelect })
  if (!ad) return null
  const [regions, liveMatches, applications] = await Promise.all([
    municipalities(),
    prisma.match.count({ where: { jobAdId: adId, status: { in: LIVE_MATCH_STATUSES } } }),
    prisma.application.findMany({
      where: { jobAdId: adId, status: { in: OPEN_APPLICATION_STATUSES } },
      select: { id: true, status: true, createdAt: true, volunteerId: true },
      orderBy: { createdAt: 'asc' },
    }),
  ])
  const forScore = adForScore(ad)
  const full = liveMatches >= ad.volunteersWanted
  const applicantIds = applications.map((a) => a.volunteerId)

  const applicantRows = applicantIds.length
    ? await prisma.$queryRaw<VolunteerRow[]>`
        SELECT ${volunteerColumns}
        FROM VolunteerProfile p CROSS JOIN User u ON u.id = p.userId
        WHERE p.userId IN (${Prisma.join(applicantIds)})`
    : []

  const year = new Date().getFullYear()
  const toCandidate = (row: VolunteerRow, application?: (typeof applications)[number]): Candidate => {
    const { score, reasons } = scoreMatch(toVolunteer(row, regions, Boolean(application)), forScore, year)
    return {
      volunteerId: row.userId,
      name: row.name,
      municipalityId: row.municipalityId,
      municipalityName: row.municipalityId ? (regions.get(row.municipalityId)?.name ?? null) : null,
      applied: Boolean(application),
      applicationId: application?.id ?? null,
      applicationStatus: application?.status ?? null,
      appliedAt: application?.createdAt ?? null,
      activeMatches: Number(row.load),
      score,
      reasons,
    }
  }
  const byVolunteer = new Map(applicantRows.map((row) => [row.userId, row]))
  const applicants = applications.flatMap((application) => {
    const row = byVolunteer.get(application.volunteerId)
    return row ? [toCandidate(row, application)] : []
  })
  const suggestions =
    full || forScore.tasks.length === 0 || ad.status !== 'published'
      ? []
      : await topSuggestions(ad, forScore, options.limit ?? SUGGESTION_LIMIT, (row) => toCandidate(row), options.batches)

  return {
    ad: { ...ad, placesTaken: liveMatches, full },
    applicants: rankByScore(applicants),
    suggestions,
  }
}

export type RankedAd = {
  adId: string
  title: string
  facilityName: string
  municipalityName: string
  applied: boolean
  applicationId: string | null
  score: number
  reasons: Reason[]
}

/**
 * Ranked open ads for a volunteer: published, not full, in their home or travel municipalities
 * (or ones they applied to). Paused volunteers get none — they asked for a break.
 */
export async function adsForVolunteer(volunteerId: string, options: { limit?: number } = {}) {
  const [regions, rows] = await Promise.all([
    municipalities(),
    prisma.$queryRaw<VolunteerRow[]>`
      SELECT ${volunteerColumns}, p.pausedAt AS pausedAt
      FROM VolunteerProfile p JOIN User u ON u.id = p.userId WHERE p.userId = ${volunteerId}`,
  ])
  const row = rows[0] as (VolunteerRow & { pausedAt: unknown }) | undefined
  if (!row) return { paused: false, ads: [] as RankedAd[] }
  if (row.pausedAt) return { paused: true, ads: [] as RankedAd[] }
  const base = toVolunteer(row, regions, false)
  const places = [...new Set([...(base.municipalityId ? [base.municipalityId] : []), ...base.areaMunicipalityIds])]
  const [ads, applications] = await Promise.all([
    prisma.jobAd.findMany({
      where: { status: 'published', OR: [{ municipalityId: { in: places } }, { applications: { some: { volunteerId, status: { in: OPEN_APPLICATION_STATUSES } } } }] },
      select: { ...adSelect, _count: { select: { matches: { where: { status: { in: LIVE_MATCH_STATUSES } } } } } },
      take: 500,
    }),
    prisma.application.findMany({ where: { volunteerId, status: { in: OPEN_APPLICATION_STATUSES } }, select: { id: true, jobAdId: true } }),
  ])
  const appliedTo = new Map(applications.map((a) => [a.jobAdId, a.id]))
  const ranked = ads
    .filter((ad) => ad._count.matches < ad.volunteersWanted)
    .map((ad): RankedAd => {
      const applied = appliedTo.has(ad.id)
      const { score, reasons } = scoreMatch({ ...base, applied }, adForScore(ad))
      return {
        adId: ad.id,
        title: ad.title,
        facilityName: ad.facility.name,
        municipalityName: ad.municipality.name,
        applied,
        applicationId: appliedTo.get(ad.id) ?? null,
        score,
        reasons,
      }
    })
  return { paused: false, ads: rankByScore(ranked).slice(0, options.limit ?? SUGGESTION_LIMIT) }
}

/** The score and reasons of one volunteer for one ad (the application page). */
export async function scoreVolunteerForAd(volunteerId: string, adId: string) {
  const [regions, ad, rows, application] = await Promise.all([
    municipalities(),
    prisma.jobAd.findUnique({ where: { id: adId }, select: adSelect }),
    prisma.$queryRaw<VolunteerRow[]>`SELECT ${volunteerColumns} FROM VolunteerProfile p JOIN User u ON u.id = p.userId WHERE p.userId = ${volunteerId}`,
    prisma.application.findFirst({ where: { volunteerId, jobAdId: adId }, select: { id: true } }),
  ])
  if (!ad || !rows[0]) return null
  return scoreMatch(toVolunteer(rows[0], regions, Boolean(application)), adForScore(ad))
}

/** Which facility an ad belongs to, for the permission check before anything else is loaded. */
export async function adFacilityId(adId: string) {
  return (await prisma.jobAd.findUnique({ where: { id: adId }, select: { facilityId: true } }))?.facilityId ?? null
}
