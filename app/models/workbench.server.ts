// The coordinator's workbench: lists of the centre's volunteers, matches, ads, facilities and open
// applications (search, filters, sort, pages), and the counts of the start page's dashboard.
//
// Every read is scoped to the centre's municipalities, passed as ONE JSON parameter walked with
// json_each: the SQL text is the same for every centre (one cached statement) and no IN list grows
// with the data. Searches use instr(fold(column), ?) — fold() is lower case for every script
// (app/utils/sql.server.ts), and instr needs no escaping of % and _ as LIKE would.
import { sql as raw, type Expression, type SqlBool } from 'kysely'
import { all, first, inJsonList, rawQuery, sql } from '~/utils/sql.server'
import { sqliteInstant } from '~/utils/time'
import { parseList } from '~/utils/domain'
import { AGREEMENT_MISSING } from '~/models/agreement.server'
import { FLAGGED_MATCH } from '~/models/check-in-sharing.server'
import {
  AD_STATE_ORDER,
  CHECK_EXPIRY_WARNING_DAYS,
  CSV_MAX_ROWS,
  listPage,
  PAGE_SIZE,
  QUIET_MATCH_DAYS,
  type AD_SORTS,
  type APPLICATION_SORTS,
  type FACILITY_SORTS,
  type MATCH_ATTENTION,
  type MATCH_LIST_STATES,
  type MATCH_SORTS,
  type VOLUNTEER_SORTS,
} from '~/utils/workbench'

/** Hours an open application may wait before the start page counts it as needing action. */
export const APPLICATION_WAIT_HOURS = 48

const DAY = 86_400_000

/** The term searched for in any of the columns (folded); true when there is no term. */
function matchesText(columns: string[], term: string): Expression<SqlBool> | null {
  if (!term) return null
  const folded = term.toLowerCase()
  return raw<SqlBool>`(${raw.join(
    columns.map((column) => raw`instr(fold(${raw.ref(column)}), ${folded}) > 0`),
    raw` or `,
  )})`
}

/** A municipality filter only counts when it is one of the centre's. */
function ownMunicipality(municipalityIds: string[], municipalityId: string | undefined) {
  return municipalityId && municipalityIds.includes(municipalityId) ? municipalityId : undefined
}

// ---------------------------------------------------------------------------------------------
// Volunteers
// ---------------------------------------------------------------------------------------------

export type VolunteerListQuery = {
  q: string
  /** Task codes whose name (in the coordinator's language) contains q: a search for "video" finds the skill. */
  tasks?: string[]
  noActiveMatch?: boolean
  checksExpiring?: boolean
  paused?: boolean
  municipalityId?: string
  sort?: (typeof VOLUNTEER_SORTS)[number]
  page?: number
  /** The whole list (CSV), up to CSV_MAX_ROWS, rather than one page. */
  everything?: boolean
}

/**
 * The centre's volunteers: those whose home municipality is one of the centre's (their profile's).
 * "Active match": proposed or active — a volunteer on their way to a facility is not free.
 * "Checks expiring": no check recorded at all, or for some kind the newest check runs out within
 * 30 days (or has run out).
 */
export function volunteerList(municipalityIds: string[], query: VolunteerListQuery, now = new Date()) {
  const cutoff = sqliteInstant(new Date(now.getTime() + CHECK_EXPIRY_WARNING_DAYS * DAY))
  const municipalityId = ownMunicipality(municipalityIds, query.municipalityId)
  let base = sql
    .selectFrom('VolunteerProfile as p')
    .innerJoin('User as u', 'u.id', 'p.userId')
    .innerJoin('Municipality as mu', 'mu.id', 'p.municipalityId')
    .where(inJsonList('p.municipalityId', municipalityIds))
    .where('u.role', '=', 'volunteer')
    .where('u.anonymizedAt', 'is', null)
  if (municipalityId) base = base.where('p.municipalityId', '=', municipalityId)
  if (query.paused) base = base.where('p.pausedAt', 'is not', null)
  if (query.noActiveMatch) {
    base = base.where((eb) =>
      eb.not(eb.exists(eb.selectFrom('Match as m').select('m.id').whereRef('m.volunteerId', '=', 'u.id').where('m.status', 'in', ['proposed', 'active']))),
    )
  }
  if (query.checksExpiring) {
    base = base.where(
      raw<SqlBool>`(not exists (select 1 from "VolunteerCheck" c where c."volunteerId" = "u"."id")
        or exists (select 1 from "VolunteerCheck" c where c."volunteerId" = "u"."id" group by c."kind"
                   having max(coalesce(c."expiresAt", '9999')) < ${cutoff}))`,
    )
  }
  const text = matchesText(['u.name', 'u.email'], query.q)
  if (text) {
    const tasks = JSON.stringify(query.tasks ?? [])
    base = base.where(
      raw<SqlBool>`(${text} or exists (select 1 from "VolunteerSkill" s where s."profileId" = "p"."id"
        and s."task" in (select value from json_each(${tasks}))))`,
    )
  }
  const total = Number(first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const page = listPage(total, query.page ?? 1)
  let rows = base.select([
    'u.id',
    'u.name',
    'u.email',
    'u.createdAt',
    'u.lastLoginAt',
    'p.id as profileId',
    'p.pausedAt',
    'mu.name as municipalityName',
  ])
  switch (query.sort) {
    case 'newest':
      rows = rows.orderBy('u.createdAt', 'desc')
      break
    case 'lastActive':
      // NULL (never logged in) sorts last in a descending order.
      rows = rows.orderBy('u.lastLoginAt', 'desc')
      break
    default:
      rows = rows.orderBy('u.name')
  }
  const found = all(query.everything ? rows.orderBy('u.id').limit(CSV_MAX_ROWS) : rows.orderBy('u.id').limit(PAGE_SIZE).offset(page.offset))
  const ids = JSON.stringify(found.map((row) => row.id))
  // Counted for the page's rows only, after the sort: in the list query SQLite counted them for
  // every volunteer of the centre before sorting.
  const activeMatches = all(
    sql
      .selectFrom('Match')
      .select(['volunteerId', (eb) => eb.fn.countAll<number>().as('n')])
      .where(raw<SqlBool>`"volunteerId" in (select value from json_each(${ids}))`)
      .where('status', 'in', ['proposed', 'active'])
      .groupBy('volunteerId'),
  )
  const profileIds = JSON.stringify(found.map((row) => row.profileId))
  const skills = all(
    sql
      .selectFrom('VolunteerSkill')
      .select(['profileId', 'task'])
      .where(raw<SqlBool>`"profileId" in (select value from json_each(${profileIds}))`)
      .orderBy('profileId')
      .orderBy('level', 'desc')
      .orderBy('task'),
  )
  // The newest expiry of each kind: an older, expired check replaced by a new one does not count.
  const checks = all(
    sql
      .selectFrom('VolunteerCheck')
      .select(['volunteerId', 'kind', (eb) => eb.fn.max(raw<string>`coalesce("expiresAt", '9999')`).as('expiresAt')])
      .where(raw<SqlBool>`"volunteerId" in (select value from json_each(${ids}))`)
      .groupBy(['volunteerId', 'kind']),
  )
  return {
    ...page,
    rows: found.map((row) => {
      const own = checks.filter((check) => check.volunteerId === row.id)
      const soonest = own.map((check) => check.expiresAt).sort()[0]
      const checkState: { state: 'missing' } | { state: 'expiring'; expiresAt: string } | { state: 'ok' } =
        own.length === 0 ? { state: 'missing' } : soonest && soonest < cutoff ? { state: 'expiring', expiresAt: soonest } : { state: 'ok' }
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        createdAt: row.createdAt,
        lastLoginAt: row.lastLoginAt,
        paused: row.pausedAt !== null,
        municipalityName: row.municipalityName,
        activeMatches: Number(activeMatches.find((count) => count.volunteerId === row.id)?.n ?? 0),
        skills: skills.filter((skill) => skill.profileId === row.profileId).map((skill) => skill.task),
        checks: checkState,
      }
    }),
  }
}

// ---------------------------------------------------------------------------------------------
// Matches
// ---------------------------------------------------------------------------------------------

export type MatchListQuery = {
  q: string
  state?: (typeof MATCH_LIST_STATES)[number]
  facilityId?: string
  municipalityId?: string
  /** Active for over 30 days with no visit logged as done in the last 30. */
  quiet?: boolean
  /** Only live matches missing an agreement, or flagged by a check-in answer (the start page's lists in full). */
  attention?: (typeof MATCH_ATTENTION)[number]
  sort?: (typeof MATCH_SORTS)[number]
  page?: number
  everything?: boolean
}

/**
 * The centre's matches: those at facilities in the centre's municipalities (where the volunteer
 * lives does not matter). "Quiet": active for over 30 days with no visit logged as done in the last 30.
 */
export function matchList(municipalityIds: string[], query: MatchListQuery, now = new Date()) {
  const since = sqliteInstant(new Date(now.getTime() - QUIET_MATCH_DAYS * DAY))
  const municipalityId = ownMunicipality(municipalityIds, query.municipalityId)
  let base = sql
    .selectFrom('Match as m')
    .innerJoin('Facility as f', 'f.id', 'm.facilityId')
    .innerJoin('User as v', 'v.id', 'm.volunteerId')
    .innerJoin('JobAd as j', 'j.id', 'm.jobAdId')
    .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
    .where(inJsonList('f.municipalityId', municipalityIds))
  if (municipalityId) base = base.where('f.municipalityId', '=', municipalityId)
  if (query.state) base = base.where('m.status', '=', query.state)
  if (query.facilityId) base = base.where('m.facilityId', '=', query.facilityId)
  if (query.quiet) {
    base = base
      .where('m.status', '=', 'active')
      .where(raw<SqlBool>`coalesce("m"."approvedAt", "m"."createdAt") < ${since}`)
      .where((eb) =>
        eb.not(
          eb.exists(
            // (volunteerId, startsAt) is the index; the match and status narrow what it finds.
            eb
              .selectFrom('Visit as vi')
              .select('vi.id')
              .whereRef('vi.volunteerId', '=', 'm.volunteerId')
              .where('vi.startsAt', '>=', since)
              .whereRef('vi.matchId', '=', 'm.id')
              .where('vi.status', '=', 'done'),
          ),
        ),
      )
  }
  if (query.attention === 'agreement') base = base.where(AGREEMENT_MISSING)
  if (query.attention === 'flagged') base = base.where(FLAGGED_MATCH)
  const text = matchesText(['v.name', 'f.name'], query.q)
  if (text) base = base.where(text)
  const total = Number(first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const page = listPage(total, query.page ?? 1)
  let rows = base.select([
    'm.id',
    'm.status',
    'm.approvedAt',
    'm.createdAt',
    'm.endedAt',
    'v.id as volunteerId',
    'v.name as volunteerName',
    'f.id as facilityId',
    'f.name as facilityName',
    'j.title as adTitle',
    'mu.name as municipalityName',
  ])
  rows = query.sort === 'facility' ? rows.orderBy('f.name').orderBy('v.name') : rows.orderBy(raw`coalesce("m"."approvedAt", "m"."createdAt")`, 'desc')
  const found = all(query.everything ? rows.orderBy('m.id').limit(CSV_MAX_ROWS) : rows.orderBy('m.id').limit(PAGE_SIZE).offset(page.offset))
  // Visit has no index on matchId; each match's visits are found by its volunteer's (volunteerId, startsAt).
  const pairs = JSON.stringify(found.map((row) => [row.id, row.volunteerId]))
  const lastVisits = all(
    rawQuery<{ matchId: string; last: string }>(raw`select vi."matchId", max(vi."startsAt") as "last"
      from json_each(${pairs}) p
      join "Visit" vi on vi."volunteerId" = json_extract(p.value, '$[1]') and vi."matchId" = json_extract(p.value, '$[0]')
      where vi."status" = 'done'
      group by vi."matchId"`),
  )
  return {
    ...page,
    rows: found.map((row) => ({
      ...row,
      startedAt: row.approvedAt ?? row.createdAt,
      lastVisitAt: (lastVisits.find((visit) => visit.matchId === row.id)?.last as string | undefined) ?? null,
    })),
  }
}

/** The centre's facilities for the matches list's facility filter: those with a match, by name. */
export function facilitiesWithMatches(municipalityIds: string[]) {
  return all(
    sql
      .selectFrom('Facility as f')
      .select(['f.id', 'f.name'])
      .where(inJsonList('f.municipalityId', municipalityIds))
      .where((eb) => eb.exists(eb.selectFrom('Match as m').select('m.id').whereRef('m.facilityId', '=', 'f.id')))
      .orderBy('f.name')
      .orderBy('f.id'),
  )
}

// ---------------------------------------------------------------------------------------------
// Ads
// ---------------------------------------------------------------------------------------------

export type AdListQuery = {
  q: string
  state?: (typeof AD_STATE_ORDER)[number]
  municipalityId?: string
  task?: string
  sort?: (typeof AD_SORTS)[number]
  page?: number
}

const stateRank = raw<number>`case "j"."status" ${raw.join(
  AD_STATE_ORDER.map((state, index) => raw`when ${raw.lit(state)} then ${raw.lit(index)}`),
  raw` `,
)} else ${raw.lit(AD_STATE_ORDER.length)} end`

/** All the centre's ads, in every state (the facility is where the municipality is kept indexed). */
export function adList(municipalityIds: string[], query: AdListQuery) {
  const municipalityId = ownMunicipality(municipalityIds, query.municipalityId)
  let base = sql
    .selectFrom('JobAd as j')
    .innerJoin('Facility as f', 'f.id', 'j.facilityId')
    .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
    .where(inJsonList('f.municipalityId', municipalityIds))
  if (municipalityId) base = base.where('f.municipalityId', '=', municipalityId)
  if (query.state) base = base.where('j.status', '=', query.state)
  if (query.task) base = base.where(raw<SqlBool>`exists (select 1 from json_each("j"."tasks") t where t.value = ${query.task})`)
  const text = matchesText(['j.title', 'f.name'], query.q)
  if (text) base = base.where(text)
  const total = Number(first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const page = listPage(total, query.page ?? 1)
  let rows = base.select([
    'j.id',
    'j.title',
    'j.status',
    'j.tasks',
    'j.submittedAt',
    'j.publishedAt',
    'j.expiresAt',
    'j.createdAt',
    'f.id as facilityId',
    'f.name as facilityName',
    'f.status as facilityStatus',
    'mu.name as municipalityName',
  ])
  switch (query.sort) {
    case 'newest':
      rows = rows.orderBy('j.createdAt', 'desc')
      break
    case 'title':
      rows = rows.orderBy('j.title')
      break
    case 'facility':
      rows = rows.orderBy('f.name').orderBy('j.title')
      break
    default:
      // Awaiting review first, the longest waiting at the top; then the rest, the latest change first.
      rows = rows.orderBy(stateRank).orderBy('j.submittedAt').orderBy('j.updatedAt', 'desc')
  }
  const found = all(rows.orderBy('j.id').limit(PAGE_SIZE).offset(page.offset))
  const ids = JSON.stringify(found.map((row) => row.id))
  const open = all(
    sql
      .selectFrom('Application')
      .select(['jobAdId', (eb) => eb.fn.countAll<number>().as('n')])
      .where(raw<SqlBool>`"jobAdId" in (select value from json_each(${ids}))`)
      .where('status', 'in', ['submitted', 'in_review'])
      .groupBy('jobAdId'),
  )
  return {
    ...page,
    rows: found.map((row) => ({ ...row, tasks: parseList(row.tasks), openApplications: Number(open.find((count) => count.jobAdId === row.id)?.n ?? 0) })),
  }
}

// ---------------------------------------------------------------------------------------------
// Facilities
// ---------------------------------------------------------------------------------------------

export type FacilityListQuery = {
  q: string
  status?: 'pending' | 'active' | 'inactive'
  municipalityId?: string
  openAds?: boolean
  activeMatches?: boolean
  sort?: (typeof FACILITY_SORTS)[number]
  page?: number
}

export function facilityList(municipalityIds: string[], query: FacilityListQuery) {
  const municipalityId = ownMunicipality(municipalityIds, query.municipalityId)
  let base = sql
    .selectFrom('Facility as f')
    .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
    .where(inJsonList('f.municipalityId', municipalityIds))
  if (municipalityId) base = base.where('f.municipalityId', '=', municipalityId)
  if (query.status) base = base.where('f.status', '=', query.status)
  if (query.openAds) base = base.where((eb) => eb.exists(eb.selectFrom('JobAd as j').select('j.id').whereRef('j.facilityId', '=', 'f.id').where('j.status', '=', 'published')))
  if (query.activeMatches) base = base.where((eb) => eb.exists(eb.selectFrom('Match as m').select('m.id').whereRef('m.facilityId', '=', 'f.id').where('m.status', '=', 'active')))
  const text = matchesText(['f.name', 'f.town', 'f.address'], query.q)
  if (text) base = base.where(text)
  const total = Number(first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const page = listPage(total, query.page ?? 1)
  let rows = base.select([
    'f.id',
    'f.name',
    'f.kind',
    'f.status',
    'f.address',
    'f.postcode',
    'f.town',
    'f.createdAt',
    'mu.name as municipalityName',
  ])
  switch (query.sort) {
    case 'name':
      rows = rows.orderBy('f.name')
      break
    case 'newest':
      rows = rows.orderBy('f.createdAt', 'desc')
      break
    default:
      // Awaiting approval first: that is the coordinator's to do.
      rows = rows.orderBy(raw`case "f"."status" when 'pending' then 0 when 'active' then 1 else 2 end`).orderBy('f.name')
  }
  const found = all(rows.orderBy('f.id').limit(PAGE_SIZE).offset(page.offset))
  const ids = JSON.stringify(found.map((row) => row.id))
  const leaders = all(
    sql
      .selectFrom('FacilityMembership as fm')
      .innerJoin('User as u', 'u.id', 'fm.userId')
      .select(['fm.facilityId', 'u.name', 'u.email'])
      .where(raw<SqlBool>`"fm"."facilityId" in (select value from json_each(${ids}))`)
      .where('fm.status', '=', 'active')
      .where('fm.role', '=', 'leader')
      .orderBy('u.name'),
  )
  const counts = (table: 'JobAd' | 'Match', status: string) =>
    all(
      sql
        .selectFrom(table)
        .select(['facilityId', (eb) => eb.fn.countAll<number>().as('n')])
        .where(raw<SqlBool>`"facilityId" in (select value from json_each(${ids}))`)
        .where('status', '=', status)
        .groupBy('facilityId'),
    )
  const openAds = counts('JobAd', 'published')
  const activeMatches = counts('Match', 'active')
  return {
    ...page,
    rows: found.map((row) => ({
      ...row,
      openAds: Number(openAds.find((count) => count.facilityId === row.id)?.n ?? 0),
      activeMatches: Number(activeMatches.find((count) => count.facilityId === row.id)?.n ?? 0),
      leaders: leaders.filter((leader) => leader.facilityId === row.id).map(({ name, email }) => ({ name, email })),
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Open applications
// ---------------------------------------------------------------------------------------------

export type ApplicationListQuery = {
  q: string
  /** Waiting over 48 hours. */
  waiting?: boolean
  municipalityId?: string
  sort?: (typeof APPLICATION_SORTS)[number]
  page?: number
}

/** Open applications (submitted, in review) to the centre's ads, the longest waiting first. */
export function applicationList(municipalityIds: string[], query: ApplicationListQuery, now = new Date()) {
  const municipalityId = ownMunicipality(municipalityIds, query.municipalityId)
  // From the centre's facilities to their ads' open applications (see openApplicationsByAd).
  let base = openApplicationsByAd(municipalityIds)
    .innerJoin('User as v', 'v.id', 'a.volunteerId')
    .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
  if (municipalityId) base = base.where('f.municipalityId', '=', municipalityId)
  if (query.waiting) base = base.where('a.createdAt', '<', sqliteInstant(new Date(now.getTime() - APPLICATION_WAIT_HOURS * 3_600_000)))
  const text = matchesText(['v.name', 'j.title', 'f.name'], query.q)
  if (text) base = base.where(text)
  const total = Number(first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
  const page = listPage(total, query.page ?? 1)
  const rows = all(
    base
      .select(['a.id', 'a.status', 'a.createdAt', 'v.id as volunteerId', 'v.name as volunteerName', 'j.id as adId', 'j.title as adTitle', 'f.name as facilityName', 'mu.name as municipalityName'])
      .orderBy('a.createdAt', query.sort === 'newest' ? 'desc' : 'asc')
      .orderBy('a.id')
      .limit(PAGE_SIZE)
      .offset(page.offset),
  )
  return { ...page, rows: rows.map((row) => withWaiting(row, now)) }
}

function withWaiting<T extends { createdAt: string }>(row: T, now: Date) {
  const waitedHours = Math.max(0, Math.floor((now.getTime() - new Date(row.createdAt).getTime()) / 3_600_000))
  return { ...row, waitedHours, overdue: waitedHours >= APPLICATION_WAIT_HOURS }
}

/** The centre's municipalities, by name, for the lists' municipality filter. */
export function centreMunicipalities(municipalityIds: string[]) {
  return all(sql.selectFrom('Municipality as mu').select(['mu.id', 'mu.name']).where(inJsonList('mu.id', municipalityIds)).orderBy('mu.name'))
}

// ---------------------------------------------------------------------------------------------
// The start page's dashboard
// ---------------------------------------------------------------------------------------------

/** The start page's queue: the oldest open applications, the rest in /centre/applications. */
export const QUEUE_LENGTH = 20
/**
 * Up to this many open applications, a centre's queue is read ad by ad and its few rows sorted;
 * above it, the partial index of open applications is walked oldest first until 20 of the
 * centre's are found (few steps, as such a centre holds a good share of them). Either way the work
 * is bounded: never a sort of a large centre's applications, never a walk past a small one's.
 */
export const SMALL_QUEUE = 200
/** Counts on the dashboard stop here ("100+"): a number to act on, not a statistic. */
export const COUNT_CAP = 100

type QueueRow = { id: string; status: string; createdAt: string; volunteerId: string; volunteerName: string; adId: string; adTitle: string; facilityName: string }

/** Open applications of the centre, reached from its facilities (Facility → JobAd → Application indexes). */
function openApplicationsByAd(municipalityIds: string[]) {
  // CROSS JOIN keeps SQLite to the order written; left to choose, it may start from every open
  // application in the country by (status, createdAt).
  return sql
    .selectFrom('Facility as f')
    .crossJoin('JobAd as j')
    .crossJoin('Application as a')
    .whereRef('j.facilityId', '=', 'f.id')
    .whereRef('a.jobAdId', '=', 'j.id')
    .where(inJsonList('f.municipalityId', municipalityIds))
    .where('a.status', 'in', ['submitted', 'in_review'])
}

/** How many rows a query has, counting no further than `cap` (+1, so "more than" can be told). */
function cappedCount(query: ReturnType<typeof openApplicationsByAd>, cap: number) {
  const inner = query.select('a.id').limit(cap + 1)
  return Number(first(sql.selectFrom(inner.as('capped')).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
}

const queueColumns = raw`"a"."id", "a"."status", "a"."createdAt", "v"."id" as "volunteerId", "v"."name" as "volunteerName",
  "j"."id" as "adId", "j"."title" as "adTitle", "f"."name" as "facilityName"`

/** The queue read oldest first from the partial index (see the migration open_application_queue_index). */
function queueByAge(municipalityIds: string[]) {
  return rawQuery<QueueRow>(raw`select ${queueColumns}
    from "Application" "a" indexed by "Application_open_createdAt_idx"
    cross join "JobAd" "j" on "j"."id" = "a"."jobAdId"
    cross join "Facility" "f" on "f"."id" = "j"."facilityId"
    join "User" "v" on "v"."id" = "a"."volunteerId"
    where "a"."status" in ('submitted', 'in_review')
      and "f"."municipalityId" in (select value from json_each(${JSON.stringify(municipalityIds)}))
    order by "a"."createdAt", "a"."id"
    limit ${QUEUE_LENGTH}`)
}

/** The queue of a small centre: its open applications ad by ad, then sorted (at most SMALL_QUEUE rows). */
function queueByAd(municipalityIds: string[]) {
  return openApplicationsByAd(municipalityIds)
    .innerJoin('User as v', 'v.id', 'a.volunteerId')
    .select(['a.id', 'a.status', 'a.createdAt', 'v.id as volunteerId', 'v.name as volunteerName', 'j.id as adId', 'j.title as adTitle', 'f.name as facilityName'])
    .orderBy('a.createdAt')
    .orderBy('a.id')
    .limit(QUEUE_LENGTH)
}

/** The queries of the dashboard, exposed for the EXPLAIN QUERY PLAN test. */
export function dashboardQueries(municipalityIds: string[], now = new Date()) {
  const waitingSince = sqliteInstant(new Date(now.getTime() - APPLICATION_WAIT_HOURS * 3_600_000))
  const facilities = () => sql.selectFrom('Facility as f').where(inJsonList('f.municipalityId', municipalityIds))
  const adsIn = (status: string) =>
    facilities()
      .crossJoin('JobAd as x')
      .whereRef('x.facilityId', '=', 'f.id')
      .where('x.status', '=', status)
      .select((eb) => eb.fn.countAll<number>().as('n'))
  return {
    queueByAge: queueByAge(municipalityIds),
    queueByAd: queueByAd(municipalityIds),
    open: openApplicationsByAd(municipalityIds),
    waiting: openApplicationsByAd(municipalityIds).where('a.createdAt', '<', waitingSince),
    adsToReview: adsIn('submitted'),
    publishedAds: adsIn('published'),
    activeMatches: facilities()
      .crossJoin('Match as x')
      .whereRef('x.facilityId', '=', 'f.id')
      .where('x.status', '=', 'active')
      .select((eb) => eb.fn.countAll<number>().as('n')),
    pendingFacilities: sql
      .selectFrom('Facility as f')
      .where(inJsonList('f.municipalityId', municipalityIds))
      .where('f.status', '=', 'pending')
      .select((eb) => eb.fn.countAll<number>().as('n')),
    volunteers: sql
      .selectFrom('VolunteerProfile as p')
      .where(inJsonList('p.municipalityId', municipalityIds))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  }
}

/** What the coordinator's start page counts, and its queue of the oldest open applications. */
export function centreDashboard(municipalityIds: string[], now = new Date()) {
  const queries = dashboardQueries(municipalityIds, now)
  const open = cappedCount(queries.open, SMALL_QUEUE)
  const queue: QueueRow[] = open > SMALL_QUEUE ? all(queries.queueByAge) : all(queries.queueByAd)
  return {
    queue: queue.map((row) => withWaiting(row, now)),
    openApplications: open,
    waitingApplications: cappedCount(queries.waiting, COUNT_CAP),
    adsToReview: Number(first(queries.adsToReview)?.n ?? 0),
    pendingFacilities: Number(first(queries.pendingFacilities)?.n ?? 0),
    publishedAds: Number(first(queries.publishedAds)?.n ?? 0),
    activeMatches: Number(first(queries.activeMatches)?.n ?? 0),
    volunteers: Number(first(queries.volunteers)?.n ?? 0),
  }
}
