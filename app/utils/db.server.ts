import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type Database from 'better-sqlite3'
import { Prisma, PrismaClient } from '~/generated/prisma/client'

/** Prisma's namespace (query types, `Prisma.sql`, errors), so nothing else imports the generated client. */
export { Prisma }
import { databaseFilePath, PAGE_CACHE_PRAGMA } from './database-url'
import { getEnv } from './env.server'

export type Db = PrismaClient
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

/**
 * Deleted rows must not linger: an anonymised account's name, e-mail and phone may not stay in
 * the file's free pages (the deletion test searches the raw bytes). `secure_delete` is a setting
 * of each connection, so it is switched on whenever the adapter opens one, not once at start; so
 * is the page cache's size (PAGE_CACHE_PRAGMA).
 */
class SecureDeleteSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect()
    await adapter.executeScript(`PRAGMA secure_delete = ON; PRAGMA ${PAGE_CACHE_PRAGMA}`)
    beginTransactionsImmediately(adapter)
    return adapter
  }
}

/**
 * Every transaction takes SQLite's write lock when it begins (BEGIN IMMEDIATE), not at its first
 * write. The file has several writers — the web thread, the background thread and, in the browser
 * tests, each Playwright worker, each with its own connection — and under the adapter's plain
 * BEGIN a transaction that read first (a reset link's token, then using it up) and then found that
 * another connection had committed meanwhile was refused at once with "database is locked"
 * (SQLITE_BUSY_SNAPSHOT: the busy timeout does not apply). A password reset under load ended on
 * the error page that way. Taking the lock first, a transaction waits its turn (the busy timeout)
 * and then reads the latest data. The adapter runs `BEGIN` through its better-sqlite3 client's
 * prepare(); app/utils/db.server.test.ts fails if that ever changes.
 */
function beginTransactionsImmediately(adapter: object) {
  const client = (adapter as { client?: Pick<Database.Database, 'prepare'> }).client
  if (typeof client?.prepare !== 'function') throw new Error('db.server: the SQLite adapter no longer exposes its better-sqlite3 client')
  const prepare = client.prepare.bind(client)
  client.prepare = ((source: string) => prepare(source === 'BEGIN' ? 'BEGIN IMMEDIATE' : source)) as Database.Database['prepare']
}

/**
 * SQLite runs one writer at a time, and a transaction that writes a message to the outbox renders
 * the e-mail inside it (app/utils/email.server.ts). Twenty people signing up for an event at once on
 * a busy 2-core machine queued longer than Prisma's default 2 s for a transaction to start and got
 * an error page; they now wait up to 10 s in line (and a transaction may run 15 s) instead.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 }

export function createPrismaClient(url: string) {
  // better-sqlite3's `timeout` is SQLite's busy timeout: a writer waits instead of failing.
  const adapter = new SecureDeleteSQLite3({ url: databaseFilePath(url), timeout: 5000 })
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS })
}

/** WAL lets readers go on while one writer writes; set once per database file, it persists. */
export async function configureDatabase(client: PrismaClient) {
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON')
  await client.$queryRawUnsafe('PRAGMA secure_delete = ON')
}

/**
 * Copies every page from the write-ahead log into the database file and empties the log, so
 * content deleted under `secure_delete` is gone from both files (the log keeps old page images
 * until a checkpoint). Returns whether the checkpoint could finish (a long reader can hold it up).
 */
export async function checkpointDatabase(client: Pick<PrismaClient, '$queryRawUnsafe'> = prisma, { attempts = 10, waitMs = 200 } = {}) {
  // Another transaction on the same connection ("table is locked") or a long reader ("busy") can
  // hold a checkpoint up; both pass within moments, so try again a few times before giving up.
  for (let attempt = 1; ; attempt++) {
    try {
      const rows = await client.$queryRawUnsafe<{ busy: number | bigint }[]>('PRAGMA wal_checkpoint(TRUNCATE)')
      if (Number(rows[0]?.busy ?? 0) === 0) return true
    } catch (error) {
      if (attempt >= attempts) throw error
    }
    if (attempt >= attempts) return false
    await new Promise((resolve) => setTimeout(resolve, waitMs))
  }
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
