// The public job board, the ad page and the feeds: the only place with board queries.
// Everything here is public, so every query shows PUBLISHED, unexpired ads only and selects no
// private contact data (no contact person's name, phone or e-mail; no facility phone or e-mail).
import { prisma, Prisma } from '~/utils/db.server'
import { postcodesByDistance } from '~/utils/places'
import { parseList } from '~/utils/domain'
import { hasActiveFilters, type BoardFilters } from '~/utils/job-board-query'
import { sqliteInstant } from '~/utils/time'
import { jobAdContentSelect, parseWeekdays } from './job.server'

export const BOARD_PAGE_SIZE = 20
export const FEED_SIZE = 50

const MAX_TERMS = 8
const MAX_TERM_LENGTH = 40

// ---------------------------------------------------------------------------------------------
// Free-text search (FTS5, see prisma/migrations/*_job_ad_search)
// ---------------------------------------------------------------------------------------------

/**
 * Turns what a visitor typed into a safe FTS5 query: only runs of letters and digits are kept,
 * each one quoted and (from two letters) made a prefix ("køk" finds "køkken"), all of them required. Operators,
 * quotes, `*`, `NEAR(` or `OR` typed by the visitor are therefore just words or nothing at all.
 * Returns null when nothing searchable is left.
 */
export function ftsTerms(input: string | undefined): string | null {
  if (!input) return null
  const words = input.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  const terms = [...new Set(words.map((word) => word.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS)
  // A one-letter prefix would match nearly every ad (and is the slowest query), so it is a whole word.
  return terms.length ? terms.map((term) => (term.length > 1 ? `"${term}"*` : `"${term}"`)).join(' ') : null
}

function ftsMatch(filters: Pick<BoardFilters, 'q' | 'targetGroup'>) {
  const q = ftsTerms(filters.q)
  const group = ftsTerms(filters.targetGroup)
  const parts = [q ? `(${q})` : null, group ? `(targetGroup : (${group}))` : null].filter(Boolean)
  return parts.length ? parts.join(' AND ') : null
}

// ---------------------------------------------------------------------------------------------
// The board
// ---------------------------------------------------------------------------------------------

/** The WHERE clause every public list shares: published, not expired, plus the filters. */
function boardWhere(filters: BoardFilters, now: Date) {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`a."status" = 'published'`,
    Prisma.sql`(a."expiresAt" IS NULL OR a."expiresAt" > ${sqliteInstant(now)})`,
  ]
  if (filters.municipality.length) {
    conditions.push(Prisma.sql`a."municipalityId" IN (SELECT "id" FROM "Municipality" WHERE "name" IN (${Prisma.join(filters.municipality)}))`)
  }
  if (filters.region) {
    conditions.push(Prisma.sql`a."municipalityId" IN (SELECT "id" FROM "Municipality" WHERE "region" = ${filters.region})`)
  }
  if (filters.task.length) {
    conditions.push(Prisma.sql`(${Prisma.join(filters.task.map((task) => Prisma.sql`instr(a."tasks", ${`"${task}"`}) > 0`), ' OR ')})`)
  }
  if (filters.weekday.length) {
    // weekdays is a JSON array of the digits 1–7, so a digit's presence is enough.
    conditions.push(Prisma.sql`(${Prisma.join(filters.weekday.map((day) => Prisma.sql`instr(a."weekdays", ${String(day)}) > 0`), ' OR ')})`)
  }
  if (filters.frequency.length) {
    conditions.push(Prisma.sql`a."frequency" IN (${Prisma.join(filters.frequency)})`)
  }
  const match = ftsMatch(filters)
  if (match) {
    // The unary + keeps SQLite on the covering board index instead of looking up each hit by id,
    // which is several times faster for common words on the national data set.
    conditions.push(Prisma.sql`+a."id" IN (SELECT "jobAdId" FROM "JobAdSearch" WHERE "JobAdSearch" MATCH ${match})`)
  }
  return Prisma.join(conditions, ' AND ')
}

/** Where "nearest" is measured from: the postcode's town, and every postcode by distance from it. */
async function postcodePlace(postcode: string | undefined) {
  if (!postcode || !/^\d{4}$/.test(postcode)) return null
  const row = await prisma.postcode.findFirst({ where: { code: postcode }, select: { town: true } })
  const distances = postcodesByDistance(postcode)
  if (!row || distances.length === 0) return null
  return { town: row.town, distances }
}

/**
 * Ids of the ads on one page of the board, and how many ads match in all.
 *
 * "Nearest" is by distance between the searcher's postcode and the facility's (app/utils/places.ts),
 * then newest first. The distances go in as a constant table (about 1,100 rows, our own numbers),
 * which SQLite joins through an automatic index.
 */
/**
 * How many published ads match a search, kept while the public content is unchanged: counting
 * walks every match (all 14,000 ads for the unfiltered board on the national data), on every page
 * of every signed-in visitor. The triggers behind `publicContentVersion` change the version with
 * any ad, facility or policy change; an ad that passes its expiry changes nothing until housekeeping
 * closes it, so a count is kept for the minute of `now` it was made in only.
 */
const MAX_KEPT_COUNTS = 2_000
const keptCounts = new Map<string, { version: number; total: number }>()

async function boardCount(filters: BoardFilters, where: Prisma.Sql, now: Date) {
  const key = JSON.stringify({ ...filters, page: undefined, sort: undefined, minute: Math.floor(now.getTime() / 60_000) })
  // Without the version row (never in a migrated database) nothing is kept, as in the page cache.
  const version = await publicContentVersion().catch(() => null)
  const kept = keptCounts.get(key)
  if (version !== null && kept?.version === version) return kept.total
  const [count] = await prisma.$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM "JobAd" a WHERE ${where}`
  const total = Number(count.total)
  if (version === null) return total
  if (keptCounts.size >= MAX_KEPT_COUNTS) keptCounts.clear()
  keptCounts.set(key, { version, total })
  return total
}

/**
 * One page of the board's ad ids. "Nearest" orders by the distance between towns (app/utils/places.ts)
 * from the postcode typed, then newest first; an ad whose postcode has no point comes last. Otherwise
 * newest first.
 */
async function boardPage(filters: BoardFilters, limit: number, offset: number, now: Date) {
  const where = boardWhere(filters, now)
  const place = filters.sort === 'nearest' ? await postcodePlace(filters.postcode) : null
  let rows: { id: string }[]
  if (place) {
    // Digits and numbers from our own reference data only: safe to write into the statement.
    const distances = Prisma.raw(place.distances.map((entry) => `('${entry.code}', ${entry.km})`).join(', '))
    rows = await prisma.$queryRaw<{ id: string }[]>`
      WITH "distance"("code", "km") AS (VALUES ${distances})
      SELECT a."id" FROM "JobAd" a
      JOIN "Facility" f INDEXED BY "Facility_id_postcode_idx" ON f."id" = a."facilityId"
      LEFT JOIN "distance" d ON d."code" = f."postcode"
      WHERE ${where}
      ORDER BY coalesce(d."km", 1e9), a."publishedAt" DESC, a."id"
      LIMIT ${limit} OFFSET ${offset}`
  } else {
    rows = await prisma.$queryRaw<{ id: string }[]>`
      SELECT a."id" FROM "JobAd" a WHERE ${where}
      ORDER BY a."publishedAt" DESC, a."id"
      LIMIT ${limit} OFFSET ${offset}`
  }
  // A first page that is not full already says how many there are.
  let total = offset + rows.length
  if (rows.length === limit || (rows.length === 0 && offset > 0)) total = await boardCount(filters, where, now)
  return { ids: rows.map((row) => row.id), total, place }
}

const cardSelect = {
  id: true,
  title: true,
  tasks: true,
  weekdays: true,
  timeFrom: true,
  timeTo: true,
  frequency: true,
  startDate: true,
  publishedAt: true,
  facility: { select: { name: true, town: true, postcode: true } },
  municipality: { select: { name: true } },
} as const

/** Rows fetched by id, put back in the order the board's query chose. */
function inOrder<R extends { id: string }>(ids: string[], rows: R[]) {
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.map((id) => byId.get(id)).filter((row): row is R => row !== undefined)
}

/**
 * A municipality outside the chosen region would match nothing; the board drops it and says so
 * instead of answering "no ads" (a region chosen after a municipality, or an old link).
 */
export function municipalitiesOutsideRegion(filters: Pick<BoardFilters, 'region' | 'municipality'>, choices: Pick<BoardChoices, 'regions'>) {
  if (!filters.region || !filters.municipality.length) return []
  const inRegion = choices.regions.find((entry) => entry.region === filters.region)?.municipalities
  // An unknown region matches nothing by itself; nothing to reconcile.
  if (!inRegion) return []
  return filters.municipality.filter((name) => !inRegion.includes(name))
}

/** One page of the public board: the cards, how many match, and whether any ad exists at all. */
export async function searchBoard(requested: BoardFilters, now = new Date()) {
  const ignoredMunicipalities = municipalitiesOutsideRegion(requested, await boardChoices())
  const filters = ignoredMunicipalities.length ? { ...requested, municipality: requested.municipality.filter((name) => !ignoredMunicipalities.includes(name)) } : requested
  const page = filters.page
  const { ids, total, place } = await boardPage(filters, BOARD_PAGE_SIZE, (page - 1) * BOARD_PAGE_SIZE, now)
  const rows = inOrder(ids, ids.length ? await prisma.jobAd.findMany({ where: { id: { in: ids } }, select: cardSelect }) : [])
  // Tells "no ads at all" (empty board) apart from "no ads match your filters".
  const anyPublished = total > 0 || !hasActiveFilters(filters) ? total > 0 : await hasPublishedAds(now)
  return {
    total,
    pages: Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE)),
    page,
    anyPublished,
    /** The place "nearest" was measured from; null when sorting by newest or the postcode is unknown. */
    nearestTo: place ? { postcode: filters.postcode ?? '', town: place.town } : null,
    /** Municipalities left out because they lie outside the chosen region. */
    ignoredMunicipalities,
    ads: rows.map((row) => ({ ...row, tasks: parseList(row.tasks), weekdays: parseWeekdays(row.weekdays) })),
  }
}

async function hasPublishedAds(now: Date) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT 1 FROM "JobAd" a WHERE a."status" = 'published' AND (a."expiresAt" IS NULL OR a."expiresAt" > ${sqliteInstant(now)}) LIMIT 1`
  return rows.length > 0
}

const CHOICES_TTL_MS = 5 * 60 * 1000
let cachedChoices: { until: number; value: Promise<BoardChoices> } | undefined
type BoardChoices = { regions: { region: string; municipalities: string[] }[]; targetGroups: string[] }

/**
 * Choices for the board's filter form: municipalities by region, and known target groups. They
 * change rarely, and listing the target groups reads every facility, so the answer is kept in
 * memory for five minutes (a new target group shows up in the suggestions a little later).
 */
export function boardChoices(now = Date.now()): Promise<BoardChoices> {
  if (cachedChoices && cachedChoices.until > now) return cachedChoices.value
  const value = loadBoardChoices()
  cachedChoices = { until: now + CHOICES_TTL_MS, value }
  value.catch(() => {
    cachedChoices = undefined
  })
  return value
}

async function loadBoardChoices(): Promise<BoardChoices> {
  const [municipalities, groups] = await Promise.all([
    prisma.municipality.findMany({ select: { name: true, region: true }, orderBy: [{ region: 'asc' }, { name: 'asc' }] }),
    // Target groups named by facilities that have published ads (a few dozen distinct words).
    prisma.$queryRaw<{ value: string }[]>`
      SELECT DISTINCT g."value" AS "value"
      FROM "Facility" f, json_each(CASE WHEN json_valid(f."targetGroups") THEN f."targetGroups" ELSE '[]' END) g
      WHERE f."status" = 'active' AND EXISTS (SELECT 1 FROM "JobAd" a WHERE a."facilityId" = f."id" AND a."status" = 'published')
      ORDER BY 1
      LIMIT 200`,
  ])
  const regions = [...new Set(municipalities.map((m) => m.region))]
  return {
    regions: regions.map((region) => ({ region, municipalities: municipalities.filter((m) => m.region === region).map((m) => m.name) })),
    targetGroups: groups.map((g) => g.value).filter((value) => typeof value === 'string' && value.length > 0),
  }
}

// ---------------------------------------------------------------------------------------------
// Feeds
// ---------------------------------------------------------------------------------------------

/** The newest matching published ads for /jobs.rss and /jobs.json (no paging; newest first). */
export async function feedAds(requested: BoardFilters, now = new Date()) {
  const ignored = municipalitiesOutsideRegion(requested, await boardChoices())
  const filters = { ...requested, municipality: requested.municipality.filter((name) => !ignored.includes(name)) }
  const { ids } = await boardPage({ ...filters, sort: 'newest', page: 1 }, FEED_SIZE, 0, now)
  const rows = inOrder(
    ids,
    ids.length
      ? await prisma.jobAd.findMany({
          where: { id: { in: ids } },
          select: {
            ...cardSelect,
            description: true,
            targetGroup: true,
            updatedAt: true,
            facility: { select: { name: true, town: true, postcode: true, kind: true } },
          },
        })
      : [],
  )
  return rows.map((row) => ({ ...row, tasks: parseList(row.tasks), weekdays: parseWeekdays(row.weekdays) }))
}

// ---------------------------------------------------------------------------------------------
// The ad page
// ---------------------------------------------------------------------------------------------

/** One published, unexpired ad for its public page; no private contact data of anyone. */
export async function publishedAd(id: string, now = new Date()) {
  const ad = await prisma.jobAd.findFirst({
    where: { id, status: 'published', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: {
      ...jobAdContentSelect,
      // jobAdContentSelect has only the contact person's id, turned into a yes/no below: who it is
      // stays private until a match is approved.
      facility: {
        select: {
          name: true,
          kind: true,
          town: true,
          postcode: true,
          description: true,
          practicalInfo: true,
          targetGroups: true,
          ethicsEntries: { select: { id: true, technology: true, dilemma: true, agreedValues: true }, orderBy: { position: 'asc' } },
        },
      },
      municipality: { select: { name: true, region: true } },
    },
  })
  if (!ad) return null
  const { contactPersonId, ...rest } = ad
  return {
    ...rest,
    hasContactPerson: contactPersonId !== null,
    tasks: parseList(ad.tasks),
    weekdays: parseWeekdays(ad.weekdays),
    languages: parseList(ad.languages),
    facility: { ...ad.facility, targetGroups: parseList(ad.facility.targetGroups) },
  }
}

// ---------------------------------------------------------------------------------------------
// Freshness of what anonymous visitors see
// ---------------------------------------------------------------------------------------------

/**
 * The version of everything public on the board, ad pages and feeds: the database bumps it on any
 * change to a job ad, facility or ethics-policy entry (migration *_public_content_version). Throws
 * when the row is missing, so that a cache keyed by it is bypassed rather than never emptied.
 */
export async function publicContentVersion() {
  const rows = await prisma.$queryRaw<{ version: number | bigint }[]>`SELECT "version" FROM "PublicContentVersion" WHERE "id" = 1`
  if (rows.length === 0) throw new Error('PublicContentVersion has no row')
  return Number(rows[0].version)
}
