// Free-text search across every experience-sharing thread the user may read (/threads/search).
// The FTS5 index (prisma/migrations/*_thread_search) holds one document per thread: its title and
// the bodies of its visible posts, so a hidden post's words are found by nobody. Who may read what
// is decided by space.server.ts alone (`readableThreads`, `accessTo`); see searchThreads.
import { z } from 'zod'
import { prisma, Prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'
import { withoutControlCharacters } from '~/utils/text-fields'
import { THREAD_TAGS } from '~/utils/thread-search'
import { ftsTerms } from './job-board.server'
import { accessTo, readableThreads, type Spaces } from './space.server'

export const SEARCH_PAGE_SIZE = 20

const SPACE_VALUE = /^(network|facility):([A-Za-z0-9_-]{1,64})$/

/**
 * Query parameters of /threads/search. An unknown tag or a malformed space is dropped (a stale
 * bookmark still searches); a well-formed space the user is not in simply matches nothing, since
 * every result is also limited to the readable threads.
 */
const ThreadSearchSchema = z.object({
  q: z
    .string()
    .catch('')
    .transform((value) => withoutControlCharacters(value).trim().slice(0, 200) || undefined),
  tag: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => (value && THREAD_TAGS.includes(value) ? value : undefined)),
  space: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => (value && SPACE_VALUE.test(value) ? value : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export type ThreadSearchFilters = z.output<typeof ThreadSearchSchema>

/** Reads the search form from a URL's query string; never throws. */
export function threadSearchFromUrl(searchParams: URLSearchParams): ThreadSearchFilters {
  return ThreadSearchSchema.parse({
    q: searchParams.get('q') ?? undefined,
    tag: searchParams.get('tag') ?? undefined,
    space: searchParams.get('space') ?? undefined,
    page: searchParams.get('page') ?? undefined,
  })
}

export function hasSearch(filters: ThreadSearchFilters) {
  return Boolean(filters.q || filters.tag || filters.space)
}

/** The spaces a user can search in, for the form's choices: networks first, then facilities by name. */
export async function searchableSpaces(spaces: Spaces) {
  const centreIds = [...new Set([...spaces.networkCentreIds, ...spaces.moderatedCentreIds])]
  const [centres, facilities] = await Promise.all([
    prisma.centre.findMany({ where: { id: { in: centreIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.facility.findMany({
      // Only the parts that apply: an OR with an empty part makes SQLite read every facility.
      where: {
        OR: [
          ...(spaces.facilityIds.length ? [{ id: { in: spaces.facilityIds } }] : []),
          ...(spaces.moderatedCentreIds.length ? [{ municipality: { centreId: { in: spaces.moderatedCentreIds } } }] : []),
        ],
      },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  return [
    ...centres.map((centre) => ({ value: `network:${centre.id}`, kind: 'network' as const, name: centre.name })),
    ...facilities.map((facility) => ({ value: `facility:${facility.id}`, kind: 'facility' as const, name: facility.name })),
  ]
}

function spaceFilter(space: string | undefined): Prisma.ThreadWhereInput {
  const match = space ? SPACE_VALUE.exec(space) : null
  if (!match) return {}
  return match[1] === 'network' ? { facilityId: null, centreId: match[2] } : { facilityId: match[2] }
}

// Snippet markers: control characters that never come out of the tokenizer as words.
const HIT_START = '\u0002'
const HIT_END = '\u0003'

export type SnippetPart = { text: string; hit: boolean }

/**
 * Plain text around the hit, as parts the page renders (hits in <mark>): the light formatting
 * (**bold**, list markers) is dropped and line breaks become spaces. Never HTML.
 */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  const pattern = new RegExp(`${HIT_START}([^${HIT_END}]*)${HIT_END}`, 'g')
  let last = 0
  const push = (text: string, hit: boolean) => {
    const clean = text
      .replace(/\*\*/g, '')
      .replace(/(^|\n)\s*(?:[-*•]|\d+[.)])\s+/g, '$1')
      // eslint-disable-next-line no-control-regex -- Control characters are what this removes.
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
    if (clean) parts.push({ text: clean, hit })
  }
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
    push(raw.slice(last, m.index), false)
    push(m[1], true)
    last = m.index + m[0].length
  }
  push(raw.slice(last), false)
  return parts
}

const EXCERPT_LENGTH = 160

/** The opening of a text, cut at a word, for results found by tag or space alone. */
function opening(body: string): SnippetPart[] {
  const parts = snippetParts(body)
  const text = parts.map((part) => part.text).join('').trim()
  if (text.length <= EXCERPT_LENGTH) return text ? [{ text, hit: false }] : []
  const cut = text.slice(0, EXCERPT_LENGTH)
  return [{ text: `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH / 2)).trimEnd()} …`, hit: false }]
}

/**
 * One page of results: the user's readable threads (narrowed by tag and space) that match the
 * words, latest activity first.
 *
 * Without words, the readable threads come straight from `readableThreads(spaces)`. With words, the
 * full-text match is joined to the threads of the user's centres and facilities in one query, and
 * each hit is then kept only if `accessTo(spaces, thread).read` — the same rule, applied per row —
 * so a facility thread of the user's centre that they are not in never appears. (Listing every
 * readable id first and passing them to the match cost twice as much for a large centre.)
 */
export async function searchThreads(spaces: Spaces, filters: ThreadSearchFilters) {
  const empty = { total: 0, pages: 1, page: filters.page, results: [] as SearchResult[] }
  if (!hasSearch(filters)) return empty
  const match = ftsTerms(filters.q)
  if (filters.q && !match) return empty // only punctuation typed: nothing can match

  let ids: string[]
  if (match) {
    const centreIds = [...new Set([...spaces.networkCentreIds, ...spaces.moderatedCentreIds])]
    if (centreIds.length === 0 && spaces.facilityIds.length === 0) return empty
    const space = filters.space ? SPACE_VALUE.exec(filters.space) : null
    const hits = await prisma.$queryRaw<{ id: string; centreId: string; facilityId: string | null }[]>`
      SELECT t."id", t."centreId", t."facilityId"
      FROM "ThreadSearch" s
      JOIN "ThreadSearchDoc" d ON d."docId" = s."rowid"
      JOIN "Thread" t ON t."id" = d."threadId"
      WHERE "ThreadSearch" MATCH ${match}
        AND (t."centreId" IN (${Prisma.join(centreIds.length ? centreIds : [''])}) OR t."facilityId" IN (${Prisma.join(spaces.facilityIds.length ? spaces.facilityIds : [''])}))
        ${filters.tag ? Prisma.sql`AND instr(t."tags", ${JSON.stringify(filters.tag)}) > 0` : Prisma.empty}
        ${space ? (space[1] === 'network' ? Prisma.sql`AND t."facilityId" IS NULL AND t."centreId" = ${space[2]}` : Prisma.sql`AND t."facilityId" = ${space[2]}`) : Prisma.empty}
      ORDER BY t."lastPostAt" DESC, t."id" DESC`
    ids = hits.filter((hit) => accessTo(spaces, hit).read).map((hit) => hit.id)
  } else {
    const where: Prisma.ThreadWhereInput = {
      AND: [readableThreads(spaces), filters.tag ? { tags: { contains: JSON.stringify(filters.tag) } } : {}, spaceFilter(filters.space)],
    }
    ids = (await prisma.thread.findMany({ where, select: { id: true }, orderBy: [{ lastPostAt: 'desc' }, { id: 'desc' }] })).map((thread) => thread.id)
  }
  const total = ids.length
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE))
  const pageIds = ids.slice((filters.page - 1) * SEARCH_PAGE_SIZE, filters.page * SEARCH_PAGE_SIZE)
  if (pageIds.length === 0) return { ...empty, total, pages }

  const [threads, snippets] = await Promise.all([
    // The search document starts with the first visible post: its opening, for results without a hit in the text.
    prisma.$queryRaw<ResultRow[]>`
      SELECT t."id", t."title", t."tags", t."postCount", t."lastPostAt", t."facilityId",
             c."name" AS "centreName", f."name" AS "facilityName", substr(s."body", 1, ${EXCERPT_LENGTH * 2}) AS "opening"
      FROM "Thread" t
      JOIN "Centre" c ON c."id" = t."centreId"
      LEFT JOIN "Facility" f ON f."id" = t."facilityId"
      LEFT JOIN "ThreadSearchDoc" d ON d."threadId" = t."id"
      LEFT JOIN "ThreadSearch" s ON s."rowid" = d."docId"
      WHERE t."id" IN (${Prisma.join(pageIds)})`,
    match
      ? prisma.$queryRaw<{ threadId: string; snippet: string }[]>`
          SELECT d."threadId", snippet("ThreadSearch", 1, ${HIT_START}, ${HIT_END}, '…', 20) AS "snippet"
          FROM "ThreadSearch" s JOIN "ThreadSearchDoc" d ON d."docId" = s."rowid"
          WHERE "ThreadSearch" MATCH ${match} AND d."threadId" IN (${Prisma.join(pageIds)})`
      : Promise.resolve([]),
  ])
  const snippetOf = new Map(snippets.map((row) => [row.threadId, row.snippet]))
  const byId = new Map(threads.map((thread) => [thread.id, thread]))
  const results = pageIds
    .map((id) => byId.get(id))
    .filter((thread) => thread !== undefined)
    .map((thread): SearchResult => {
      const snippet = snippetParts(snippetOf.get(thread.id) ?? '')
      return {
        id: thread.id,
        title: thread.title,
        tags: parseList(thread.tags).filter((tag) => THREAD_TAGS.includes(tag)),
        postCount: Number(thread.postCount),
        lastPostAt: new Date(thread.lastPostAt).toISOString(),
        space: thread.facilityId ? { kind: 'facility', name: thread.facilityName ?? '' } : { kind: 'network', name: thread.centreName },
        // A hit only in the title leaves the body's snippet without a mark: show its opening instead.
        snippet: snippet.some((part) => part.hit) ? snippet : opening((thread.opening ?? '').split('\n')[0]),
      }
    })
  return { total, pages, page: filters.page, results }
}

type ResultRow = {
  id: string
  title: string
  tags: string
  postCount: number | bigint
  lastPostAt: Date | string
  facilityId: string | null
  centreName: string
  facilityName: string | null
  opening: string | null
}

export type SearchResult = {
  id: string
  title: string
  tags: string[]
  postCount: number
  lastPostAt: string
  space: { kind: 'network' | 'facility'; name: string }
  snippet: SnippetPart[]
}
