// A small in-memory cache of what ANONYMOUS visitors get from the public board, ad pages and feeds.
//
// Rendering /jobs costs 30–60 ms of CPU; twenty visitors at once on two cores would wait far longer
// than that. Anonymous visitors of one URL in one language all see the same page, so app/server.ts
// keeps it for a short while — but never a moment after an ad, a facility or an ethics policy
// changed: the database bumps PublicContentVersion on every such change (triggers, so no code
// path can forget it), every cached answer belongs to one version, and a new version empties the
// cache before anything is served. Requests with any cookie but the language (a session, a flash
// message) are never served from, nor stored in, the cache.
//
// A page's inline scripts carry the nonce of the Content-Security-Policy it was sent with
// (app/server/security.ts). A nonce must be new in every response, or anyone who saw one cached
// page could use it: a cached page is served with the nonce of the answer being made, put in place
// of the one it was rendered with, and the policy header is never stored.
import type { Request, RequestHandler, Response } from 'express'

/** /jobs, /jobs/<id> (not /jobs/<id>/apply), /jobs.rss and /jobs.json. */
const PUBLIC_PATHS = /^\/jobs(?:\.rss|\.json|\/[^/]+)?$/

/** Headers that belong to one response on the wire, not to the page. */
const NOT_STORED = new Set(['content-security-policy', 'set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'x-cache', 'date', 'connection', 'keep-alive'])

export type PageCacheOptions = {
  /** The current PublicContentVersion; when it cannot be read, nothing is cached or served. */
  version: () => Promise<number>
  /** How long an answer is kept at most (ads also expire by the clock). */
  ttlMs?: number
  /** Oldest answers are dropped beyond this many (every filter combination is a URL). */
  maxEntries?: number
  now?: () => number
  /** The nonce of the response being made (its scripts' nonce="…"), if pages carry one. */
  nonce?: (res: Response) => string
}

type Entry = { status: number; headers: [string, string | number | string[]][]; body: Buffer; expires: number; nonce: string | undefined }

/**
 * The cache key of a request that may be answered from the cache, or null: only GETs of the
 * public paths, without any cookie except `lng` (whose value is part of the key).
 */
export function anonymousCacheKey(request: Pick<Request, 'method' | 'path' | 'originalUrl' | 'headers'>): string | null {
  if (request.method !== 'GET' || !PUBLIC_PATHS.test(request.path)) return null
  if (request.headers.authorization) return null
  let language = ''
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const cookie = part.trim()
    if (!cookie) continue
    if (!cookie.startsWith('lng=')) return null
    language = cookie.slice('lng='.length)
  }
  return `${language}\n${request.originalUrl}`
}

export function anonymousPageCache({ version, ttlMs = 30_000, maxEntries = 500, now = Date.now, nonce }: PageCacheOptions): RequestHandler {
  const entries = new Map<string, Entry>()
  let currentVersion: number | undefined

  return async (req, res, next) => {
    const key = anonymousCacheKey(req)
    if (key === null) return next()
    let startedAt: number
    try {
      startedAt = await version()
    } catch {
      return next()
    }
    if (startedAt !== currentVersion) {
      entries.clear()
      currentVersion = startedAt
    }
    const entry = entries.get(key)
    if (entry && entry.expires > now()) {
      res.status(entry.status)
      for (const [name, value] of entry.headers) res.setHeader(name, value)
      res.setHeader('X-Cache', 'hit')
      res.end(entry.nonce && nonce ? withNonce(entry.body, entry.nonce, nonce(res)) : entry.body)
      return
    }
    if (entry) entries.delete(key)
    res.setHeader('X-Cache', 'miss')
    capture(res, (body) => {
      // Stored only if nothing changed while it was rendered (else the next request empties the cache anyway).
      if (res.statusCode !== 200 || res.hasHeader('set-cookie') || currentVersion !== startedAt) return
      const headers = Object.entries(res.getHeaders()).filter(
        (pair): pair is [string, string | number | string[]] => pair[1] !== undefined && !NOT_STORED.has(pair[0].toLowerCase()),
      )
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
      const html = /^text\/html/i.test(String(res.getHeader('content-type') ?? ''))
      entries.set(key, { status: 200, headers, body, expires: now() + ttlMs, nonce: html ? nonce?.(res) || undefined : undefined })
    })
    next()
  }
}

function withNonce(body: Buffer, stored: string, fresh: string) {
  return Buffer.from(body.toString('utf8').replaceAll(`nonce="${stored}"`, `nonce="${fresh}"`), 'utf8')
}

/** Collects what the handler writes (before compression, which wraps the response earlier) and hands it over at the end. */
function capture(res: Response, done: (body: Buffer) => void) {
  const chunks: Buffer[] = []
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
  }
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    return write(chunk, ...rest)
  }) as Response['write']
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    done(Buffer.concat(chunks))
    return end(chunk, ...rest)
  }) as Response['end']
}
