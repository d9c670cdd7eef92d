import Database from 'better-sqlite3'
import type { LimitRecord, RateLimitStore } from './rate-limit.server'

type Row = { count: number; expiresAt: number; blockedUntil: number }

/** Expired records are swept after this many updates (a delete over the expiresAt index). */
const SWEEP_EVERY = 1_000

/**
 * Rate-limit records in the database's RateLimitRecord table, so every web process of one
 * installation (WEB_CONCURRENCY > 1) counts the same attempts. Each update is a read, the rule's
 * decision and a write in one `BEGIN IMMEDIATE` transaction on this store's own better-sqlite3
 * connection: SQLite lets one writer in at a time, so two processes cannot both let a guess
 * through. better-sqlite3 is synchronous, so the rule's callback runs inside that transaction.
 * A record costs one small write per attempt (log-in, sign-up, reset), never on page views.
 */
export class SqliteRateLimitStore implements RateLimitStore {
  private readonly db: Database.Database
  private readonly read: Database.Statement<[string]>
  private readonly write: Database.Statement<[string, number, number, number]>
  private readonly remove: Database.Statement<[string]>
  private readonly sweep: Database.Statement<[number]>
  private updates = 0

  constructor(file: string) {
    this.db = new Database(file, { fileMustExist: true })
    this.db.pragma('busy_timeout = 5000')
    this.read = this.db.prepare('SELECT "count", "expiresAt", "blockedUntil" FROM "RateLimitRecord" WHERE "key" = ?')
    this.write = this.db.prepare(
      'INSERT INTO "RateLimitRecord" ("key", "count", "expiresAt", "blockedUntil") VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT ("key") DO UPDATE SET "count" = excluded."count", "expiresAt" = excluded."expiresAt", "blockedUntil" = excluded."blockedUntil"',
    )
    this.remove = this.db.prepare('DELETE FROM "RateLimitRecord" WHERE "key" = ?')
    this.sweep = this.db.prepare('DELETE FROM "RateLimitRecord" WHERE "expiresAt" <= ?')
  }

  async update(key: string, change: (current: LimitRecord | undefined) => LimitRecord | null, now: number) {
    const next = this.db
      .transaction(() => {
        const row = this.read.get(key) as Row | undefined
        const current = row && Number(row.expiresAt) > now ? { count: row.count, expiresAt: Number(row.expiresAt), blockedUntil: Number(row.blockedUntil) } : undefined
        const decided = change(current)
        if (decided) this.write.run(key, decided.count, Math.round(decided.expiresAt), Math.round(decided.blockedUntil))
        else if (row) this.remove.run(key)
        return decided
      })
      .immediate()
    if (++this.updates % SWEEP_EVERY === 0) this.sweep.run(now)
    return next
  }

  async clear() {
    this.db.prepare('DELETE FROM "RateLimitRecord"').run()
  }

  close() {
    this.db.close()
  }
}
