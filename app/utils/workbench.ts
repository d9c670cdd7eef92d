// The coordinator's workbench lists: what their URLs may hold and how a page of results is counted.
// Pure, shared by the loaders (which parse) and the components (which build links).

/** Rows on one page of a workbench list; the CSV export holds the whole list. */
export const PAGE_SIZE = 25
/** Longer searches are cut, not refused: nobody types more, and a pasted page of text is no error. */
export const MAX_SEARCH_LENGTH = 100

/** The first value of a query parameter, trimmed and cut, with control characters dropped. */
export function searchParam(params: URLSearchParams, name = 'q') {
  const value = params.get(name) ?? ''
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH)
}

/** The parameter when it is one of the allowed values; otherwise undefined (the filter is off). */
export function choiceParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = params.get(name)
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

/** A yes/no filter: on only for "1". */
export function flagParam(params: URLSearchParams, name: string) {
  return params.get(name) === '1'
}

/** The page asked for: a whole number from 1; anything else is page 1. */
export function pageParam(params: URLSearchParams) {
  const value = params.get('page') ?? ''
  return /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1
}

/** What every list's URL may hold besides its own filters: the search, the municipality, the sort and the page. */
export function listQueryOf<S extends string>(params: URLSearchParams, sorts: readonly S[]) {
  return {
    q: searchParam(params),
    municipalityId: params.get('municipality') ?? undefined,
    sort: choiceParam(params, 'sort', sorts),
    page: pageParam(params),
  }
}

/** The query as the filter form shows it again: a filter that is off is '', no sort is the list's default. */
export function listFormValues<Q extends { sort?: string }>(query: Q, defaultSort: NonNullable<Q['sort']>) {
  const values = Object.fromEntries(Object.entries(query).map(([name, value]) => [name, value ?? ''])) as {
    [K in keyof Q]-?: undefined extends Q[K] ? Exclude<Q[K], undefined> | '' : Q[K]
  }
  return { ...values, sort: query.sort ?? defaultSort }
}

export type ListPage = { page: number; pages: number; total: number; from: number; to: number }

/** The page actually shown: a page past the end shows the last one. */
export function listPage(total: number, asked: number): ListPage & { offset: number } {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(Math.max(1, asked), pages)
  const offset = (page - 1) * PAGE_SIZE
  return { page, pages, total, offset, from: total === 0 ? 0 : offset + 1, to: Math.min(total, offset + PAGE_SIZE) }
}

/** The same list with some parameters changed (undefined or '' removes one); a new filter starts on page 1. */
export function listHref(pathname: string, search: string, changes: Record<string, string | number | undefined>) {
  const params = new URLSearchParams(search)
  if (!('page' in changes)) params.delete('page')
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '' || (name === 'page' && value === 1)) params.delete(name)
    else params.set(name, String(value))
  }
  const query = params.toString()
  return query ? `${pathname}?${query}` : pathname
}

/** The page numbers to link: the first, the last and two either side of the current, with gaps as null. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages))
  const sorted = [...shown].sort((a, b) => a - b)
  const result: (number | null)[] = []
  for (const [index, n] of sorted.entries()) {
    if (index > 0 && n - sorted[index - 1] > 1) result.push(null)
    result.push(n)
  }
  return result
}

export const VOLUNTEER_SORTS = ['name', 'newest', 'lastActive'] as const
export const MATCH_SORTS = ['start', 'facility'] as const
export const MATCH_LIST_STATES = ['proposed', 'active', 'paused', 'ended'] as const
/** What the start page's attention lists link to: live matches missing an agreement, or flagged by a check-in. */
export const MATCH_ATTENTION = ['agreement', 'flagged'] as const
export const AD_SORTS = ['state', 'newest', 'title', 'facility'] as const
/** The order of the ads list by default: what waits for the coordinator first, the finished last. */
export const AD_STATE_ORDER = ['submitted', 'published', 'paused', 'filled', 'draft', 'closed'] as const
export const FACILITY_SORTS = ['state', 'name', 'newest'] as const
export const APPLICATION_SORTS = ['oldest', 'newest'] as const

/** Days before a check runs out that the volunteers list flags it. */
export const CHECK_EXPIRY_WARNING_DAYS = 30
/** A match with no logged visit for this long is flagged. */
export const QUIET_MATCH_DAYS = 30

/**
 * One thing on the coordinator's start page that needs doing: how many, and the list where it is
 * done. `labelKey` is a plural message key (any namespace), given `count` and `countText` ("100+"
 * when the count stopped at a cap). Other parts of the app add their own items to the list the
 * start page's loader builds (e.g. agreements missing, check-ins flagged).
 */
export type ActionItem = { id: string; labelKey: string; count: number; to: string; capped?: boolean }

/** The workbench's own items, in the order they are worked through. */
export function workbenchActionItems(counts: {
  waitingApplications: number
  waitingCapped: boolean
  adsToReview: number
  unloggedVisits: number
  overdueFollowUps: number
  pendingFacilities: number
  openReports: number
}): ActionItem[] {
  return [
    { id: 'applications', labelKey: 'workbench:dashboard.applicationsWaiting', count: counts.waitingApplications, capped: counts.waitingCapped, to: '/centre/applications?waiting=1' },
    { id: 'ads', labelKey: 'workbench:dashboard.adsToReview', count: counts.adsToReview, to: '/centre/ads?state=submitted' },
    { id: 'visits', labelKey: 'workbench:dashboard.unloggedVisits', count: counts.unloggedVisits, to: '/centre/visits' },
    { id: 'follow-ups', labelKey: 'workbench:dashboard.followUpsDue', count: counts.overdueFollowUps, to: '#followup-heading' },
    { id: 'facilities', labelKey: 'workbench:dashboard.facilitiesPending', count: counts.pendingFacilities, to: '/centre/facilities?status=pending' },
    { id: 'reports', labelKey: 'workbench:dashboard.reports', count: counts.openReports, to: '/centre/reports' },
  ]
}

/** Rows in a CSV download at most: the whole list as filtered, not one page of it. */
export const CSV_MAX_ROWS = 10_000

/** The list query in a URL, for the list page and its CSV download alike. */
export function volunteerQueryOf(params: URLSearchParams, taskName: (task: string) => string, tasks: readonly string[]) {
  const common = listQueryOf(params, VOLUNTEER_SORTS)
  const folded = common.q.toLowerCase()
  return {
    ...common,
    // A search for a task's name (in the coordinator's language) finds the volunteers who offer it.
    tasks: folded ? tasks.filter((task) => taskName(task).toLowerCase().includes(folded) || task.includes(folded)) : [],
    noActiveMatch: flagParam(params, 'noMatch'),
    checksExpiring: flagParam(params, 'checks'),
    paused: flagParam(params, 'paused'),
  }
}

export function matchQueryOf(params: URLSearchParams, facilityIds: string[]) {
  return {
    ...listQueryOf(params, MATCH_SORTS),
    state: choiceParam(params, 'state', MATCH_LIST_STATES),
    // Only one of the centre's own facilities filters; any other value is ignored.
    facilityId: choiceParam(params, 'facility', facilityIds),
    quiet: flagParam(params, 'quiet'),
    attention: choiceParam(params, 'attention', MATCH_ATTENTION),
  }
}

/** The same list as CSV: its path with the query, the page left out. */
export function csvHref(pathname: string, search: string) {
  const params = new URLSearchParams(search)
  params.delete('page')
  const query = params.toString()
  return `${pathname}.csv${query ? `?${query}` : ''}`
}
