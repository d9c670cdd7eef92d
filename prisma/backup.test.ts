// npm run db:backup and db:restore (prisma/backup.ts, prisma/restore.ts) on real SQLite files: a
// backup taken while 50 writers write, and restores that refuse what they must.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { databaseFilePath } from '~/utils/database-url'
import { configureDatabase, prisma } from '~/utils/db.server'
import { backupDatabase } from './backup'
import { restoreDatabase } from './restore'
import { integrityOf, openSqliteFile } from './sqlite-file'

const databaseFile = databaseFilePath(process.env.DATABASE_URL)
const workDir = fs.mkdtempSync(path.join(path.dirname(databaseFile), 'backups-'))

/** Runs an npm script's file the way `npm run` does, in a process of its own; resolves with its exit code and output. */
function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), [script, ...args], { env })
    let output = ''
    child.stdout.on('data', (part: Buffer) => (output += part.toString()))
    child.stderr.on('data', (part: Buffer) => (output += part.toString()))
    child.on('close', (code) => resolve({ code, output }))
  })
}

function idsIn(file: string) {
  const db = openSqliteFile(file, { readonly: true, fileMustExist: true })
  try {
    return new Set((db.prepare('SELECT "id" FROM "User"').all() as { id: string }[]).map((row) => row.id))
  } finally {
    db.close()
  }
}

describe('npm run db:backup', () => {
  test('a backup taken during 50 concurrent writes is whole and holds every write acknowledged before it began', async () => {
    // As the server runs it: WAL mode, so recent writes sit in the -wal file (a plain copy misses them).
    await configureDatabase(prisma)
    const acknowledged: string[] = []
    let stop = false
    let next = 0
    const writer = async () => {
      while (!stop) {
        const n = next++
        const user = await prisma.user.create({ data: { email: `backup-${n}@example.test`, name: `Skrivning ${n}`, role: 'volunteer' }, select: { id: true } })
        acknowledged.push(user.id)
        // Prisma over better-sqlite3 settles in microtasks only; a writer must let timers and the
        // child process's I/O have their turn, as requests arriving over the network would.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    const writers = Array.from({ length: 50 }, writer)
    while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 10))

    const before = [...acknowledged]
    expect(fs.statSync(`${databaseFile}-wal`).size).toBeGreaterThan(0)
    const target = path.join(workDir, 'during-writes.db')
    const backup = await runScript('prisma/backup.ts', [target])
    const duringBackup = acknowledged.length - before.length
    stop = true
    await Promise.all(writers)

    expect(backup.code, backup.output).toBe(0)
    expect(backup.output).toContain('integrity ok')
    // The writers really went on while the copy was taken.
    expect(duringBackup).toBeGreaterThan(0)
    expect(integrityOf(target)).toBe('ok')
    const copied = idsIn(target)
    expect(before.filter((id) => !copied.has(id))).toEqual([])
    // Nothing half-written is left beside it.
    expect(fs.readdirSync(workDir).filter((name) => name.startsWith('during-writes'))).toEqual(['during-writes.db'])
  }, 60_000)

  test('refuses to overwrite an existing file and explains how to call it', async () => {
    const existing = path.join(workDir, 'existing.db')
    fs.writeFileSync(existing, 'keep me')
    const refused = await runScript('prisma/backup.ts', [existing])
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('exists already')
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me')
    const usage = await runScript('prisma/backup.ts', [])
    expect(usage.code).toBe(2)
    expect(usage.output).toContain('Usage: npm run db:backup -- <file>')
  })
})

describe('npm run db:restore', () => {
  /** A database of its own, in WAL mode with a write still in its -wal, as a stopped server may leave it. */
  function liveDatabase(name: string) {
    const file = path.join(workDir, name)
    const db = openSqliteFile(file)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE "User" ("id" TEXT PRIMARY KEY); INSERT INTO "User" VALUES (\'the-current-one\')')
    return { file, db }
  }

  test('puts a backup back with the server stopped, and keeps the old files aside', () => {
    const backup = path.join(workDir, 'to-restore.db')
    backupDatabase(databaseFile, backup)
    const live = liveDatabase('live.db')

    // While the "server" has the database open, nothing is touched.
    const refused = restoreDatabase(backup, live.file)
    expect(refused).toMatchObject({ ok: false, reason: 'database-in-use' })
    expect(refused.ok ? '' : refused.message).toContain('stop the server first')
    expect(idsIn(live.file)).toEqual(new Set(['the-current-one']))

    live.db.close()
    const restored = restoreDatabase(backup, live.file, new Date('2026-11-30T02:00:00Z'))
    expect(restored).toMatchObject({ ok: true })
    expect(idsIn(live.file)).toEqual(idsIn(backup))
    expect(integrityOf(live.file)).toBe('ok')
    for (const suffix of ['-wal', '-shm']) expect(fs.existsSync(`${live.file}${suffix}`)).toBe(false)
    // The previous database is kept whole (its WAL folded in), under a name that says when.
    const aside = `${live.file}.before-restore-2026-11-30T02-00-00-000Z`
    expect(restored.ok && restored.movedAside).toContain(aside)
    expect(idsIn(aside)).toEqual(new Set(['the-current-one']))
  })

  test('a damaged or foreign file is refused and the database is not touched', () => {
    const good = path.join(workDir, 'good.db')
    backupDatabase(databaseFile, good)
    const damaged = path.join(workDir, 'damaged.db')
    const bytes = fs.readFileSync(good)
    // Scribble over pages in the middle of the file, as a bad disk or a cut-off copy would.
    bytes.fill(0x5a, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 64 * 1024)
    fs.writeFileSync(damaged, bytes)
    const notADatabase = path.join(workDir, 'notes.txt')
    fs.writeFileSync(notADatabase, 'this is not a database '.repeat(500))

    const live = liveDatabase('kept.db')
    live.db.close()
    for (const file of [damaged, notADatabase]) {
      const result = restoreDatabase(file, live.file)
      expect(result).toMatchObject({ ok: false, reason: 'backup-damaged' })
      expect(idsIn(live.file)).toEqual(new Set(['the-current-one']))
    }
    expect(restoreDatabase(path.join(workDir, 'missing.db'), live.file)).toMatchObject({ ok: false, reason: 'backup-missing' })
  })

  test('the script says why it refuses while the server runs', async () => {
    const backup = path.join(workDir, 'cli.db')
    backupDatabase(databaseFile, backup)
    const live = liveDatabase('cli-live.db')
    const refused = await runScript('prisma/restore.ts', [backup], { ...process.env, DATABASE_URL: `file:${live.file}` })
    expect(refused.code).toBe(1)
    expect(refused.output).toMatch(/Not restored: .*stop the server first/)
    live.db.close()
    const done = await runScript('prisma/restore.ts', [backup], { ...process.env, DATABASE_URL: `file:${live.file}` })
    expect(done.code, done.output).toBe(0)
    expect(done.output).toContain('session-secret')
    expect(idsIn(live.file)).toEqual(idsIn(backup))
  })
})
