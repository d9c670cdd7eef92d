// The job board's filters in the URL, read and written back: shared by the board's page (also when
// it is rendered in the browser after a link from a signed-in page), its feeds and the model.
import { z } from 'zod'
import { FREQUENCIES, TASKS, type Frequency, type Task } from '~/utils/domain'
import { withoutControlCharacters } from '~/utils/text-fields'

export const BOARD_SORTS = ['newest', 'nearest'] as const
export type BoardSort = (typeof BOARD_SORTS)[number]

// ---------------------------------------------------------------------------------------------
// Filters from the URL (the board's form and the feeds share them)
// ---------------------------------------------------------------------------------------------

/**
 * Free text, cut to a sane length (a pasted essay still searches by its first words). A search is
 * never saved, so control characters are dropped rather than refused: the page still answers.
 */
const text = (max: number) =>
  z
    .string()
    .catch('')
    .transform((value) => withoutControlCharacters(value).trim().slice(0, max) || undefined)

/**
 * Query parameters of /jobs, /jobs.rss and /jobs.json. Unknown task, weekday, frequency and sort
 * values are dropped (a hand-made feed URL with a typo still works); a municipality or region
 * name that does not exist matches no ads, rather than silently showing all of them.
 */
const BoardQuerySchema = z.object({
  q: text(200),
  municipality: z.array(z.string().transform((name) => withoutControlCharacters(name).trim().slice(0, 100))).catch([]).transform((names) => names.filter(Boolean).slice(0, 20)),
  region: text(100),
  task: z.array(z.string()).catch([]).transform((values) => values.filter((v): v is Task => (TASKS as readonly string[]).includes(v))),
  weekday: z.array(z.string()).catch([]).transform((values) => [...new Set(values.map(Number).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7))]),
  frequency: z
    .array(z.string())
    .catch([])
    .transform((values) => values.filter((v): v is Frequency => (FREQUENCIES as readonly string[]).includes(v))),
  targetGroup: text(100),
  sort: z.enum(BOARD_SORTS).catch('newest'),
  postcode: text(10),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export type BoardFilters = z.output<typeof BoardQuerySchema>

const LIST_PARAMS = ['municipality', 'task', 'weekday', 'frequency'] as const

/** Reads the board's filters from a URL's query string; never throws. */
export function boardFiltersFromUrl(searchParams: URLSearchParams): BoardFilters {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(BoardQuerySchema.shape)) {
    raw[key] = (LIST_PARAMS as readonly string[]).includes(key) ? searchParams.getAll(key) : (searchParams.get(key) ?? undefined)
  }
  return BoardQuerySchema.parse(raw)
}

/** The filters back as a query string (without the page), for links and the feeds' addresses. */
export function boardQueryString(filters: Partial<BoardFilters>, extra: Record<string, string> = {}) {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  for (const name of filters.municipality ?? []) params.append('municipality', name)
  if (filters.region) params.set('region', filters.region)
  for (const task of filters.task ?? []) params.append('task', task)
  for (const day of filters.weekday ?? []) params.append('weekday', String(day))
  for (const frequency of filters.frequency ?? []) params.append('frequency', frequency)
  if (filters.targetGroup) params.set('targetGroup', filters.targetGroup)
  if (filters.sort && filters.sort !== 'newest') params.set('sort', filters.sort)
  if (filters.postcode) params.set('postcode', filters.postcode)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  const query = params.toString()
  return query ? `?${query}` : ''
}

export function hasActiveFilters(filters: BoardFilters) {
  return Boolean(
    filters.q || filters.municipality.length || filters.region || filters.task.length || filters.weekday.length || filters.frequency.length || filters.targetGroup,
  )
}
