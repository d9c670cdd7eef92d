import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'
import { MAX_ACTIVE_MATCHES, rankByScore, scoreMatch, type AdForScore, type Reason, type VolunteerForScore } from '~/utils/match-score'

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
  facility: { select: { name: true } },
  municipality: { select: { name: true, region: true } },
} as const

type AdRow = Prisma.JobAdGetPayload<{ select: typeof adSelect }>

/** The ad's weekdays column is a JSON array of numbers (1–7). */
export function parseWeekdays(value: string | null | undefined): number[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]')
    return Array.isArray(parsed) ? parsed.map(Number).filter((day) => Number.isInteger(day) && day >= 1 && day <= 7) : []
  } catch {
    return []
  }
}

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
  p.userId AS userId, u.name AS name, p.municipalityId AS municipalityId, p.languages AS languages, p.birthYear AS birthYear,
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

/**
 * Ranked candidates for an ad: everyone with an open application first, then other available
 * volunteers who live in or will travel to the ad's municipality and share at least one task.
 * Paused volunteers and volunteers at full load are not suggested; a full ad gets no suggestions.
 * The database narrows the field (indexes on municipality, travel area and task); JS scores it.
 */
export async function candidatesForAd(adId: string, options: { limit?: number } = {}) {
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
        FROM VolunteerProfile p JOIN User u ON u.id = p.userId
        WHERE p.userId IN (${Prisma.join(applicantIds)})`
    : []

  const suggestionRows =
    full || forScore.tasks.length === 0 || ad.status !== 'published'
      ? []
      : await prisma.$queryRaw<VolunteerRow[]>`
        WITH nearby AS (
          SELECT p.id FROM VolunteerProfile p WHERE p.municipalityId = ${ad.municipalityId} AND p.pausedAt IS NULL
          UNION
          SELECT va.profileId FROM VolunteerArea va WHERE va.municipalityId = ${ad.municipalityId}
        )
        SELECT ${volunteerColumns}
        FROM nearby JOIN VolunteerProfile p ON p.id = nearby.id JOIN User u ON u.id = p.userId
        WHERE p.pausedAt IS NULL AND u.deactivatedAt IS NULL AND u.role = 'volunteer'
          AND EXISTS (SELECT 1 FROM VolunteerSkill s WHERE s.profileId = p.id AND s.task IN (${Prisma.join(forScore.tasks)}))
          AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m.volunteerId = p.userId AND m.jobAdId = ${adId} AND m.status IN ('proposed', 'active', 'paused'))
          AND NOT EXISTS (SELECT 1 FROM Application a WHERE a.volunteerId = p.userId AND a.jobAdId = ${adId})`

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
  const suggestions = rankByScore(
    suggestionRows.filter((row) => Number(row.load) < MAX_ACTIVE_MATCHES).map((row) => toCandidate(row)),
  ).slice(0, options.limit ?? SUGGESTION_LIMIT)

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
