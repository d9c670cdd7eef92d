import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '~/generated/prisma/client'
import { databaseFilePath } from './database-url'
import { getEnv } from './env.server'

export type Db = PrismaClient
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

export function createPrismaClient(url: string) {
  // better-sqlite3's `timeout` is SQLite's busy timeout: a writer waits instead of failing.
  const adapter = new PrismaBetterSQLite3({ url: databaseFilePath(url), timeout: 5000 })
  return new PrismaClient({ adapter })
}

/** WAL lets readers go on while one writer writes; set once per database file, it persists. */
export async function configureDatabase(client: PrismaClient) {
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}

/**
 * Table statistics for SQLite's query planner. Without them the planner guesses from index shapes
 * and, e.g., read a volunteer's visit plans through the (status, generatedUntil) index — every
 * confirmed plan in the country, 3.6 ms — instead of (matchId). `analysis_limit` makes ANALYZE
 * sample each index (about 0.15 s on the national data). Run at start-up, before the app's own
 * connection opens (a connection reads the statistics when it loads the schema); housekeeping then
 * runs `PRAGMA optimize`, which re-analyses only tables that changed a lot.
 */
export async function refreshPlannerStatistics(client: PrismaClient, { full = false } = {}) {
  await client.$queryRawUnsafe('PRAGMA analysis_limit = 1000')
  if (full) await client.$executeRawUnsafe('ANALYZE')
  else await client.$queryRawUnsafe('PRAGMA optimize')
}

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient }

/** One client per process (kept across dev rebuilds). */
export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createPrismaClient(getEnv().DATABASE_URL))
