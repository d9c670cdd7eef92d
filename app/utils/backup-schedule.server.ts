// The nightly backup when BACKUP_DIR is set: one copy a night (npm run db:backup, prisma/backup.ts,
// in a child process so the copy never blocks the server), then rotation.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { TIME_ZONE } from './domain'
import { getEnv } from './env.server'
import { logger } from './logger.server'

/** Copenhagen time; the quietest hour. A server that was down then takes it when it is back. */
export const BACKUP_HOUR = 3
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
const CHECK_EVERY_MS = 10 * 60_000
const BACKUP_NAME = /^frivilligbro-(\d{4}-\d{2}-\d{2})\.db$/

export function backupFileName(localDate: string) {
  return `frivilligbro-${localDate}.db`
}

function copenhagen(now: Date) {
  const local = new TZDate(now.getTime(), TIME_ZONE)
  return { date: format(local, 'yyyy-MM-dd'), hour: local.getHours() }
}

/** The file tonight's backup goes to, or null when it is not yet time or it exists. */
export function nightlyBackupDue(existing: string[], now: Date): string | null {
  const { date, hour } = copenhagen(now)
  if (hour < BACKUP_HOUR) return null
  const name = backupFileName(date)
  return existing.includes(name) ? null : name
}

/** Monday of a yyyy-MM-dd date's calendar week, as yyyy-MM-dd (dates only, no time zone involved). */
function mondayOf(date: string) {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

/**
 * Which backups rotation removes. Kept are the newest KEEP_DAILY (night by night) and, further
 * back, the newest backup of each of the KEEP_WEEKLY most recent calendar weeks (Monday–Sunday)
 * that the daily ones do not already cover — about a month in 11 files, so a mistake noticed weeks
 * late can still be undone. Other files in BACKUP_DIR are never touched.
 */
export function backupsToDelete(existing: string[]): string[] {
  const dated = existing
    .map((name) => ({ name, date: BACKUP_NAME.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; date: string } => entry.date !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date))
  const daily = dated.slice(0, KEEP_DAILY)
  const keep = new Set(daily.map((entry) => entry.name))
  const weeks = new Set(daily.map((entry) => mondayOf(entry.date)))
  let weekly = 0
  for (const entry of dated.slice(KEEP_DAILY)) {
    if (weekly === KEEP_WEEKLY) break
    const week = mondayOf(entry.date)
    if (weeks.has(week)) continue
    weeks.add(week)
    keep.add(entry.name)
    weekly++
  }
  return dated.filter((entry) => !keep.has(entry.name)).map((entry) => entry.name)
}

/** `npm run db:backup -- <file>` as a child process of the server. */
export function backupInChildProcess(target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const root = process.cwd()
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'prisma', 'backup.ts'), target], {
      env: { ...process.env, DATABASE_URL: getEnv().DATABASE_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (part: Buffer) => (output += part.toString()))
    child.stderr.on('data', (part: Buffer) => (output += part.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`db:backup exited with ${code}: ${output.trim()}`))))
  })
}

export async function runNightlyBackup({
  dir,
  now = new Date(),
  takeBackup = backupInChildProcess,
}: {
  dir: string
  now?: Date
  takeBackup?: (target: string) => Promise<void>
}): Promise<{ taken: string | null; deleted: string[] }> {
  const existing = fs.readdirSync(dir)
  const due = nightlyBackupDue(existing, now)
  if (!due) return { taken: null, deleted: [] }
  await takeBackup(path.join(dir, due))
  // Only after a good new copy is an old one let go.
  const deleted = backupsToDelete([...existing, due])
  for (const name of deleted) fs.rmSync(path.join(dir, name), { force: true })
  return { taken: due, deleted }
}

let timer: NodeJS.Timeout | undefined
let running: Promise<void> | undefined

function check(dir: string) {
  running ??= runNightlyBackup({ dir })
    .then((result) => {
      if (result.taken) logger.info({ dir, ...result }, 'nightly backup taken')
    })
    .catch((error: unknown) => logger.error({ err: error, dir }, 'nightly backup failed'))
    .finally(() => {
      running = undefined
    })
}

/** From app/utils/background.server.ts; nothing happens without BACKUP_DIR. */
export function startNightlyBackups() {
  const dir = getEnv().BACKUP_DIR
  if (!dir || timer) return
  check(dir)
  timer = setInterval(() => check(dir), CHECK_EVERY_MS)
  timer.unref()
}

export async function stopNightlyBackups() {
  if (timer) clearInterval(timer)
  timer = undefined
  await running
}
