import { TASKS, TECH_TAGS } from './domain'

/** Tags a thread can carry: the technology list plus the task list (one list, no duplicates). Shared with the browser. */
export const THREAD_TAGS: readonly string[] = [...new Set<string>([...TECH_TAGS, ...TASKS])]

/** The search as a query string, for links (pagination); shared with the browser. */
export function threadSearchQueryString(filters: { q?: string; tag?: string; space?: string }, page?: number) {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.tag) params.set('tag', filters.tag)
  if (filters.space) params.set('space', filters.space)
  if (page && page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `?${query}` : ''
}
