// A plain SQLite connection for the backup and restore scripts, which work on database files
// rather than through Prisma (VACUUM INTO, integrity checks, a lock test).
import { createRequire } from 'node:module'

// better-sqlite3 (installed with Prisma's adapter) has no type declarations of its own here; this
// is the little of its API the scripts use.
export interface SqliteFile {
  pragma(source: string, options?: { simple: boolean }): unknown
  prepare(source: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }
  exec(source: string): void
  close(): void
}
type Options = { readonly?: boolean; fileMustExist?: boolean; timeout?: number }
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options?: Options) => SqliteFile

export function openSqliteFile(file: string, options: Options = {}): SqliteFile {
  return new Database(file, { timeout: 5_000, ...options })
}

/** "ok", or what PRAGMA integrity_check found wrong (a file that is not a database at all included). */
export function integrityOf(file: string): string {
  let db: SqliteFile | undefined
  try {
    db = openSqliteFile(file, { readonly: true, fileMustExist: true })
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]
    return rows.map((row) => row.integrity_check).join('; ')
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    db?.close()
  }
}
