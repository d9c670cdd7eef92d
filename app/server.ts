/**
 * The production server: `npm start` runs this with tsx after building the app.
 *
 * 1. validates the environment (a clear error and exit on bad settings),
 * 2. applies database migrations,
 * 3. seeds reference data, and the demo when the database is empty (unless DEMO_DATA=off), and
 *    refreshes the query planner's statistics (db.server.ts, refreshPlannerStatistics),
 * 4. serves the Remix build with Express, one structured log line per request, an Origin check
 *    on every non-GET request, a short-lived cache of anonymous board, ad-page and feed answers
 *    (app/utils/page-cache.server.ts), and starts the background work (the e-mail outbox worker).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { verifyRequestOrigin } from 'lucia'
import { getEnv } from './utils/env.server'
import { logger } from './utils/logger.server'
import { anonymousPageCache } from './utils/page-cache.server'

const root = process.cwd()

function applyMigrations(databaseUrl: string) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    logger.fatal({ stdout: result.stdout, stderr: result.stderr }, 'database migrations failed')
    process.exit(1)
  }
  logger.info('database migrations applied')
}

async function prepareDatabase(env: ReturnType<typeof getEnv>) {
  const { seedIfEmpty } = await import('../prisma/seed')
  const { createPrismaClient, configureDatabase, refreshPlannerStatistics } = await import('./utils/db.server')
  const db = createPrismaClient(env.DATABASE_URL)
  try {
    await configureDatabase(db)
    const outcome = await seedIfEmpty(db, { demo: env.DEMO_DATA === 'on', adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD })
    await refreshPlannerStatistics(db, { full: true })
    logger.info({ outcome }, 'database ready')
  } finally {
    await db.$disconnect()
  }
}

type EntryModule = {
  startBackgroundWork: () => void
  stopBackgroundWork: () => Promise<void>
  publicContentVersion: () => Promise<number>
  runInRequestScope: <T>(fn: () => T, response?: { once(event: 'close', listener: () => void): unknown }) => T
}

async function main() {
  let env: ReturnType<typeof getEnv>
  try {
    env = getEnv()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
  applyMigrations(env.DATABASE_URL)
  await prepareDatabase(env)

  const build = (await import(pathToFileURL(path.join(root, 'build', 'index.js')).href)) as ServerBuild
  const entry = build.entry.module as unknown as EntryModule

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(compression())

  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      logger.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request')
    })
    next()
  })

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

  app.use('/build', express.static(path.join(root, 'public', 'build'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))
  // Anonymous visitors of the board, ad pages and feeds: see app/utils/page-cache.server.ts.
  app.use(anonymousPageCache({ version: entry.publicContentVersion }))
  // Each request in its own scope, so the session is read once per request, and work handed off
  // by an action starts once the response has left (request-scope.server.ts, after-response.server.ts).
  app.use((_req, res, next) => entry.runInRequestScope(next, res))
  app.all('*', createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (req) => ({ clientIp: req.ip ?? 'unknown' }) }))

  const server = app.listen(env.PORT, () => {
    logger.info({ port: env.PORT, url: env.APP_URL, demo: env.DEMO_DATA }, `Frivilligbro is running at ${env.APP_URL}`)
  })
  entry.startBackgroundWork()

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close()
    void entry.stopBackgroundWork().finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

void main()
