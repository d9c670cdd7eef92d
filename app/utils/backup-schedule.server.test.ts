// The nightly backup (BACKUP_DIR) with a fake clock: when it is taken, and what rotation keeps.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { integrityOf } from '../../prisma/sqlite-file'
import { backupFileName, backupsToDelete, nightlyBackupDue, runNightlyBackup } from './backup-schedule.server'

const tempDirs: string[] = []
function emptyDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frivilligbro-backups-'))
  tempDirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A stand-in copy: the rotation test is about names and the clock; the real copy is tested below and in prisma/backup.test.ts. */
const fakeBackup = async (target: string) => fs.writeFileSync(target, 'backup')

describe('the nightly backup', () => {
  test('is taken once a night from 03:00 Copenhagen time, and late rather than never', () => {
    // 2026-11-30 is winter time (UTC+1): 03:00 in Copenhagen is 02:00 UTC.
    expect(nightlyBackupDue([], new Date('2026-11-30T01:59:00Z'))).toBeNull()
    expect(nightlyBackupDue([], new Date('2026-11-30T02:00:00Z'))).toBe('frivilligbro-2026-11-30.db')
    expect(nightlyBackupDue(['frivilligbro-2026-11-30.db'], new Date('2026-11-30T02:10:00Z'))).toBeNull()
    // A server that was down at three takes it when it is back the same day…
    expect(nightlyBackupDue(['frivilligbro-2026-11-29.db'], new Date('2026-11-30T21:30:00Z'))).toBe('frivilligbro-2026-11-30.db')
    // …and 23:30 UTC is already the next day in Copenhagen, but before three.
    expect(nightlyBackupDue([], new Date('2026-11-30T23:30:00Z'))).toBeNull()
    // Summer time (UTC+2): 03:00 is 01:00 UTC.
    expect(nightlyBackupDue([], new Date('2026-06-15T01:00:00Z'))).toBe('frivilligbro-2026-06-15.db')
  })

  test('60 nights with a fake clock leave the last 7 nights and the last backup of each of the 4 weeks before those', async () => {
    const dir = emptyDir()
    fs.writeFileSync(path.join(dir, 'README.txt'), 'not a backup: rotation leaves it alone')
    const clock = { now: new Date('2026-10-02T02:30:00Z') }
    const taken: string[] = []
    for (let night = 0; night < 60; night++) {
      // Checked every ten minutes in the server; here a few times a day.
      for (const hour of [0, 1, 2, 6, 14, 22]) {
        const now = new Date(clock.now.getTime() + hour * 3_600_000)
        const result = await runNightlyBackup({ dir, now, takeBackup: fakeBackup })
        if (result.taken) taken.push(result.taken)
      }
      clock.now = new Date(clock.now.getTime() + 86_400_000)
    }
    // One a night, whatever the number of checks; the last night is Monday 30 November.
    expect(taken).toHaveLength(60)
    expect(taken.at(-1)).toBe('frivilligbro-2026-11-30.db')
    expect(fs.readdirSync(dir).sort()).toEqual([
      'README.txt',
      // The last backup (a Sunday) of each of the four weeks before those the daily ones cover.
      'frivilligbro-2026-11-01.db',
      'frivilligbro-2026-11-08.db',
      'frivilligbro-2026-11-15.db',
      'frivilligbro-2026-11-22.db',
      // The last seven nights.
      ...['24', '25', '26', '27', '28', '29', '30'].map((day) => `frivilligbro-2026-11-${day}.db`),
    ])
  })

  test('rotation never removes more than it should when nights were missed', () => {
    const names = ['2026-09-01', '2026-10-05', '2026-11-02', '2026-11-20'].map(backupFileName)
    // Fewer than seven: all are kept as dailies.
    expect(backupsToDelete(names)).toEqual([])
    const many = ['2026-08-03', '2026-08-10', '2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19'].map(backupFileName)
    // The seven newest (weekly, as the nights were missed), plus the newest of four earlier weeks: 31, 24, 17 and 10 August.
    expect(backupsToDelete(many)).toEqual([backupFileName('2026-08-03')])
  })

  test('a real nightly run copies the database with the backup script and the copy is whole', async () => {
    const dir = emptyDir()
    const result = await runNightlyBackup({ dir, now: new Date('2026-11-30T02:30:00Z') })
    expect(result).toEqual({ taken: 'frivilligbro-2026-11-30.db', deleted: [] })
    expect(integrityOf(path.join(dir, 'frivilligbro-2026-11-30.db'))).toBe('ok')
  }, 30_000)
})

describe('BACKUP_DIR', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    vi.resetModules()
  })

  test('is created if missing; a folder that cannot be written stops the start with a message naming it', async () => {
    const parent = emptyDir()
    vi.resetModules()
    process.env.BACKUP_DIR = path.join(parent, 'nightly')
    expect((await import('./env.server')).getEnv().BACKUP_DIR).toBe(path.join(parent, 'nightly'))
    expect(fs.statSync(path.join(parent, 'nightly')).isDirectory()).toBe(true)

    const aFile = path.join(parent, 'a-file')
    fs.writeFileSync(aFile, '')
    vi.resetModules()
    process.env.BACKUP_DIR = path.join(aFile, 'nightly')
    const { getEnv } = await import('./env.server')
    expect(getEnv).toThrowError(/BACKUP_DIR: cannot create or write to the folder .*a-file\/nightly/)
  })
})
