// npm run db:restore -- <file>
//
// Puts a backup (npm run db:backup, or one from BACKUP_DIR) back as the database, with the server
// stopped. In order:
// 1. the backup must pass PRAGMA integrity_check, or nothing is touched;
// 2. the server must not have the database open: the current database is switched out of WAL mode,
//    which SQLite allows only to the one connection that has the file open — a running server makes
//    it fail ("database is locked"), and otherwise it folds the WAL into the file. (The server
//    always runs the database in WAL mode, set at every start; a file no server has opened since
//    its own restore is in rollback mode, where an idle connection cannot be seen — so stop the
//    server first all the same);
// 3. the current database and any -wal/-shm files beside it are moved aside to
//    <name>.before-restore-<time> (never deleted: a wrong restore can be undone by hand);
// 4. the backup is copied in under a temporary name and renamed into place. No -wal or -shm is
//    left that could belong to the old file; the server sets WAL mode again when it starts.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { databaseFilePath } from '../app/utils/database-url'
import { integrityOf, openSqliteFile } from './sqlite-file'

export type RestoreResult = { ok: true; movedAside: string[] } | { ok: false; reason: 'backup-missing' | 'backup-damaged' | 'database-in-use'; message: string }

const SIDE_FILES = ['', '-wal', '-shm', '-journal']

export function restoreDatabase(backupFile: string, databaseFile: string, now = new Date()): RestoreResult {
  if (!fs.existsSync(backupFile)) return { ok: false, reason: 'backup-missing', message: `No backup at ${backupFile}` }
  const integrity = integrityOf(backupFile)
  if (integrity !== 'ok') {
    return { ok: false, reason: 'backup-damaged', message: `${backupFile} failed PRAGMA integrity_check (${integrity}); the database was not touched.` }
  }

  if (fs.existsSync(databaseFile)) {
    let mode: unknown
    try {
      const db = openSqliteFile(databaseFile, { fileMustExist: true, timeout: 0 })
      try {
        mode = db.pragma('journal_mode = DELETE', { simple: true })
      } finally {
        db.close()
      }
    } catch (error) {
      mode = error instanceof Error ? error.message : String(error)
    }
    if (mode !== 'delete') {
      return {
        ok: false,
        reason: 'database-in-use',
        message: `${databaseFile} is open in another process (${String(mode)}): stop the server first, then restore.`,
      }
    }
  }

  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const movedAside: string[] = []
  for (const suffix of SIDE_FILES) {
    const file = `${databaseFile}${suffix}`
    if (!fs.existsSync(file)) continue
    const aside = `${databaseFile}.before-restore-${stamp}${suffix}`
    fs.renameSync(file, aside)
    movedAside.push(aside)
  }
  const incoming = `${databaseFile}.restoring`
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  fs.copyFileSync(backupFile, incoming)
  const fd = fs.openSync(incoming, 'r')
  fs.fsyncSync(fd)
  fs.closeSync(fd)
  fs.renameSync(incoming, databaseFile)
  return { ok: true, movedAside }
}

function main() {
  const backup = process.argv[2]
  if (!backup || backup.startsWith('-')) {
    console.error('Usage: npm run db:restore -- <backup file>   (replaces the database of DATABASE_URL; stop the server first)')
    process.exit(2)
  }
  const databaseFile = databaseFilePath(process.env.DATABASE_URL)
  const result = restoreDatabase(path.resolve(backup), databaseFile)
  if (!result.ok) {
    console.error(`Not restored: ${result.message}`)
    process.exit(1)
  }
  console.log(`Restored ${backup} as ${databaseFile}.`)
  if (result.movedAside.length) console.log(`The previous database was kept as ${result.movedAside.join(', ')}.`)
  console.log('Start the server with the secret that was in use (data/session-secret or SESSION_SECRET): it signs the unfollow links in e-mails already sent.')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
