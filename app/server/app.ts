// The Express app that serves the Remix build: app/server.ts starts it, the HTTP tests
// (app/server/app.test.ts) start it on a random port.
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { verifyRequestOrigin } from 'lucia'
import { isLocale, type Locale } from '../utils/domain'
import type { Env } from '../utils/env.server'
import { logger } from '../utils/logger.server'
import { anonymousPageCache } from '../utils/page-cache.server'
import { bodyLimit } from './body-limit'
import { remixHandler } from './remix-handler'
import { cacheRouteMatches, cacheServerRoutes, cacheStaticHandlerMatches } from './route-cache'
import { cspNonce, noStoreWhenSignedIn, securityHeaders } from './security'

/** What app/entry.server.tsx exports for the server besides the renderer. */
export type EntryModule = {
  startBackgroundWork: () => void
  stopBackgroundWork: () => Promise<void>
  publicContentVersion: () => Promise<number>
  afterResponseWorkDone: () => Promise<void>
  runInRequestScope: <T>(fn: () => T, response?: { once(event: 'close', listener: () => void): unknown }) => T
  hasValidSession: (cookieHeader: string) => Promise<boolean>
  browserMessages: (locale: Locale) => string
  wholeBodyOf: (response: Response) => Uint8Array | undefined
}

export function entryOf(build: ServerBuild) {
  return build.entry.module as unknown as EntryModule
}

/** What every loader and action finds in `context` (see app/utils/rate-limit.server.ts, app/entry.server.tsx). */
export type ServerLoadContext = { clientIp: string; cspNonce: string }

/**
 * Compression where it pays: a small answer (files, JSON, a short page; pages are rendered whole
 * and sent with their length, app/entry.server.tsx) gains little and the headers outweigh it, and zlib's
 * default level 6 took 1.31 ms of CPU for a 49 KB page against 0.80 ms at level 4 for 2.7 % more
 * bytes (18.5 vs 19.0 KB; tests/bench, 2026-11-30). Behind a reverse proxy that compresses, COMPRESSION=off.
 */
const COMPRESSION_OPTIONS = { threshold: 8 * 1024, level: 4 }

export function createApp(build: ServerBuild, env: Pick<Env, 'APP_URL' | 'NODE_ENV'> & Partial<Pick<Env, 'COMPRESSION'>>, { root = process.cwd() } = {}) {
  const entry = entryOf(build)
  // Remix built its route tree and matched every address against all routes four times per request (route-cache.ts).
  cacheRouteMatches()
  cacheServerRoutes()
  cacheStaticHandlerMatches()
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  if (env.COMPRESSION !== 'off') app.use(compression(COMPRESSION_OPTIONS))

  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      // A 4xx is the visitor's (a mistyped address, a refused page): info like any request. A 5xx
      // is already logged as an error where it happened; the request line only flags it.
      const level = res.statusCode >= 500 ? 'warn' : 'info'
      logger[level]({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request')
    })
    next()
  })

  // Headers on every answer, static files and refusals included (app/server/security.ts).
  app.use(securityHeaders({ https: env.APP_URL.startsWith('https://') }))

  // Cross-site request forgery: a state-changing request must come from our own pages.
  const appHost = new URL(env.APP_URL).host
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const origin = req.get('origin') ?? null
    const host = req.get('host') ?? null
    if (!origin || !verifyRequestOrigin(origin, [host ?? '', appHost].filter(Boolean))) {
      res.status(403).type('text/plain').send('Forbidden: cross-site request')
      return
    }
    next()
  })
  // Before anything reads a body (app/server/body-limit.ts).
  app.use(bodyLimit())

  app.use('/build', express.static(path.join(root, 'public', 'build'), { immutable: true, maxAge: '1y' }))
  // The one public file outside /build. Serving public/ for every path cost an fs.stat per page;
  // the message files in public/locales are bundled into the server, and sent to the browser below.
  const favicon = path.join(root, 'public', 'favicon.svg')
  app.get('/favicon.svg', (_req, res) => res.sendFile(favicon, { maxAge: '1d' }))
  // The browser's messages (app/entry.client.tsx), served here rather than by Remix so that a
  // signed-in browser may keep them: the address carries the build's version, a new build a new one.
  app.get('/locales/:file', (req, res, next) => {
    const locale = /^([a-z]{2})\.json$/.exec(req.params.file)?.[1]
    if (!locale || !isLocale(locale)) return next()
    res.set('Cache-Control', req.query.v === build.assets.version ? 'public, max-age=31536000, immutable' : 'no-cache')
    res.type('application/json').send(entry.browserMessages(locale))
  })
  // Anonymous visitors of the board, ad pages and feeds: see app/utils/page-cache.server.ts. A
  // cached page gets this response's nonce in place of the one it was rendered with.
  app.use(anonymousPageCache({ version: entry.publicContentVersion, nonce: cspNonce }))
  // Each request in its own scope, so the session is read once per request, and work handed off
  // by an action starts once the response has left (request-scope.server.ts, after-response.server.ts).
  app.use((_req, res, next) => entry.runInRequestScope(next, res))
  app.use(noStoreWhenSignedIn(entry.hasValidSession))
  app.all(
    '*',
    // In place of @remix-run/express's createRequestHandler: pages are sent as the Buffer they were rendered into (remix-handler.ts).
    remixHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res): ServerLoadContext => ({ clientIp: req.ip ?? 'unknown', cspNonce: cspNonce(res) }),
      wholeBodyOf: entry.wholeBodyOf,
    }),
  )
  return app
}
