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

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient }

/** One client per process (kept across dev rebuilds). */
export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createPrismaClient(getEnv().DATABASE_URL))
