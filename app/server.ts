/**
 * The production server: `npm start` runs this with tsx after building the app.
 *
 * 1. validates the environment (a clear error and exit on bad settings),
 * 2. applies database migrations,
 * 3. seeds reference data, and the demo when the database is empty (unless DEMO_DATA=off), and
 *    refreshes the query planner's statistics (db.server.ts, refreshPlannerStatistics),
 * 4. starts the background work (outbox, housekeeping, digests, retention, backups) once, in a
 *    thread of this process (app/server/background.ts), and
 * 5. serves the Remix build with the Express app of app/server/app.ts (request log, security
 *    headers, Origin check, body limit, static files, the anonymous page cache, no-store for
 *    signed-in answers): in this process, or with WEB_CONCURRENCY=N in N web processes (node's
 *    cluster) that share the port and, through the database, the rate limits.
 */
import { spawnSync } from 'node:child_process'
import cluster from 'node:cluster'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createApp, entryOf } from './server/app'
import { startBackgroundThread } from './server/background'
import { configurationWarnings, getEnv, type Env } from './utils/env.server'
import { logger } from './utils/logger.server'

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

const BUILD = path.join(root, 'build', 'index.js')

function readEnv() {
  try {
    return getEnv()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}

/** Serves the app on PORT; with several web processes node's cluster shares the port between them. */
async function serveWeb(env: Env) {
  // The benchmark's baseline replays the SQL that pages run (tests/bench/baseline.ts); never set in production.
  if (process.env.BENCH_SQL_CAPTURE) (await import('./server/sql-capture')).captureStatementsTo(process.env.BENCH_SQL_CAPTURE)
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild
  const entry = entryOf(build)
  const server = createApp(build, env).listen(env.PORT, () => {
    if (cluster.isPrimary) logger.info({ port: env.PORT, url: env.APP_URL, demo: env.DEMO_DATA }, `Frivilligbro is running at ${env.APP_URL}`)
  })
  return {
    async stop() {
      server.close()
      // Sign-ups and reset requests already answered still get their account and e-mail.
      await entry.afterResponseWorkDone()
    },
  }
}

async function main() {
  const env = readEnv()
  if (cluster.isWorker) {
    const web = await serveWeb(env)
    process.on('SIGTERM', () => void web.stop().finally(() => process.exit(0)))
    process.on('SIGINT', () => undefined) // the primary decides when to stop
    return
  }

  for (const warning of configurationWarnings(env)) logger.warn(warning)
  applyMigrations(env.DATABASE_URL)
  await prepareDatabase(env)

  // The background work runs once per installation: in this (the first) process, in its own thread.
  const background = startBackgroundThread({ buildPath: BUILD, nice: env.BACKGROUND_NICE })
  let stopping = false
  let web: { stop: () => Promise<void> } | undefined
  if (env.WEB_CONCURRENCY === 1) {
    web = await serveWeb(env)
  } else {
    for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork()
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return
      logger.error({ pid: worker.process.pid, code, signal }, 'a web process stopped; starting another')
      setTimeout(() => cluster.fork(), 1_000)
    })
    logger.info({ port: env.PORT, url: env.APP_URL, demo: env.DEMO_DATA, webProcesses: env.WEB_CONCURRENCY }, `Frivilligbro is running at ${env.APP_URL}`)
  }

  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const workersGone = Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve()
            worker.once('exit', () => resolve())
            worker.process.kill('SIGTERM')
          }),
      ),
    )
    void Promise.allSettled([web?.stop(), workersGone, background.stop()]).finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 8_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

void main()
