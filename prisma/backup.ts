// npm run db:backup -- <file>
//
// A consistent copy of the database while the server runs. `VACUUM INTO` reads one snapshot in a
// single read transaction — every write committed before it began, including those still in the
// WAL (a plain file copy misses them) — while the server goes on reading and writing. SQLite's
// online backup API would restart from the beginning after every write of another connection, so
// on a busy server it might never finish. The copy is written beside its final name, checked with
// PRAGMA integrity_check and only then renamed into place, so a backup file is whole or absent.
// The server's nightly backup (BACKUP_DIR, app/utils/backup-schedule.server.ts) runs this script
// as a child process: the copy then never blocks the server's event loop.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { databaseFilePath } from '../app/utils/database-url'
import { integrityOf, openSqliteFile } from './sqlite-file'

export function backupDatabase(databaseFile: string, target: string) {
  const started = Date.now()
  if (!fs.existsSync(databaseFile)) throw new Error(`No database at ${databaseFile} (DATABASE_URL)`)
  const destination = path.resolve(target)
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const partial = `${destination}.partial`
  fs.rmSync(partial, { force: true })
  // Not read-only: a read-only connection cannot read a WAL whose -shm it may not write.
  const db = openSqliteFile(databaseFile, { fileMustExist: true })
  try {
    db.prepare('VACUUM INTO ?').run(partial)
  } finally {
    db.close()
  }
  const integrity = integrityOf(partial)
  if (integrity !== 'ok') {
    fs.rmSync(partial, { force: true })
    throw new Error(`The copy failed its integrity check (${integrity}); nothing was written to ${destination}`)
  }
  const fd = fs.openSync(partial, 'r')
  fs.fsyncSync(fd)
  fs.closeSync(fd)
  fs.renameSync(partial, destination)
  return { file: destination, bytes: fs.statSync(destination).size, ms: Date.now() - started }
}

function main() {
  const target = process.argv[2]
  if (!target || target.startsWith('-')) {
    console.error('Usage: npm run db:backup -- <file>   (copies the database of DATABASE_URL, default file:./data/frivilligbro.db)')
    process.exit(2)
  }
  if (fs.existsSync(target)) {
    console.error(`${target} exists already; choose a new file name.`)
    process.exit(1)
  }
  try {
    const result = backupDatabase(databaseFilePath(process.env.DATABASE_URL), target)
    console.log(`Backup written: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.ms} ms, integrity ok)`)
    console.log('Keep the secret with it: data/session-secret, or the SESSION_SECRET setting (it signs the unfollow links in e-mails).')
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
