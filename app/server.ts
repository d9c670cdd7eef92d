/**
 * The production server: `npm start` runs this with tsx after building the app.
 *
 * 1. validates the environment (a clear error and exit on bad settings),
 * 2. applies database migrations,
 * 3. seeds reference data, and the demo when the database is empty (unless DEMO_DATA=off), and
 *    refreshes the query planner's statistics (db.server.ts, refreshPlannerStatistics),
 * 4. serves the Remix build with the Express app of app/server/app.ts (request log, security
 *    headers, Origin check, body limit, static files, the anonymous page cache, no-store for
 *    signed-in answers), and starts the background work (the e-mail outbox worker, housekeeping).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createApp, entryOf } from './server/app'
import { startBackgroundThread } from './server/background'
import { configurationWarnings, getEnv } from './utils/env.server'
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

async function main() {
  let env: ReturnType<typeof getEnv>
  try {
    env = getEnv()
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
  for (const warning of configurationWarnings(env)) logger.warn(warning)
  applyMigrations(env.DATABASE_URL)
  await prepareDatabase(env)

  const build = (await import(pathToFileURL(path.join(root, 'build', 'index.js')).href)) as ServerBuild
  const entry = entryOf(build)

  const app = createApp(build, env)
  const server = app.listen(env.PORT, () => {
    logger.info({ port: env.PORT, url: env.APP_URL, demo: env.DEMO_DATA }, `Frivilligbro is running at ${env.APP_URL}`)
  })
  const background = startBackgroundThread({ buildPath: path.join(root, 'build', 'index.js') })

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close()
    // Sign-ups and reset requests already answered still get their account and e-mail.
    void Promise.allSettled([entry.afterResponseWorkDone(), background.stop()]).finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 8_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

void main()
