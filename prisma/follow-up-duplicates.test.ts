// The migration that makes FollowUp(matchId, dueAt) unique first removes the copies racing
// housekeeping runs made. It runs once, on real data, so it is tested on a database migrated up
// to the migration before it, holding the duplicates it must clean.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'

const MIGRATIONS = path.resolve('prisma', 'migrations')
const NAME = '_holiday_closures_and_unique_follow_ups'

function migrated() {
  const dirs = fs.readdirSync(MIGRATIONS).filter((name) => /^\d{14}_/.test(name)).sort()
  const at = dirs.findIndex((name) => name.endsWith(NAME))
  const db = new Database(':memory:')
  for (const dir of dirs.slice(0, at)) db.exec(fs.readFileSync(path.join(MIGRATIONS, dir, 'migration.sql'), 'utf8'))
  // The rows below reference matches and people that are not there (earlier migrations end by
  // turning the checks on); the constraints are not under test.
  db.pragma('foreign_keys = OFF')
  return { db, migrate: () => db.exec(fs.readFileSync(path.join(MIGRATIONS, dirs[at], 'migration.sql'), 'utf8')) }
}

const DUE = '2026-10-01T09:00:00.000+00:00'

describe('migration: one check-in per match and date', () => {
  test('keeps the answered copy, carries answers over from the dropped ones, and builds the unique index', () => {
    const { db, migrate } = migrated()
    const followUp = db.prepare(`INSERT INTO "FollowUp" ("id", "matchId", "dueAt", "status", "createdAt") VALUES (?, ?, ?, ?, ?)`)
    const response = db.prepare(
      `INSERT INTO "FollowUpResponse" ("id", "followUpId", "respondentId", "respondentRole", "satisfaction", "wishes", "answeredAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    // Match A: three copies; the volunteer answered the second, the contact the third.
    followUp.run('a1', 'matchA', DUE, 'sent', '2026-09-01T00:00:00.000+00:00')
    followUp.run('a2', 'matchA', DUE, 'answered', '2026-09-01T00:00:01.000+00:00')
    followUp.run('a3', 'matchA', DUE, 'sent', '2026-09-01T00:00:02.000+00:00')
    response.run('r1v', 'a1', 'volunteer', 'volunteer', null, null, null)
    response.run('r1c', 'a1', 'contact', 'contact_person', null, null, null)
    response.run('r2v', 'a2', 'volunteer', 'volunteer', 5, 'Mere tid', '2026-10-02T10:00:00.000+00:00')
    response.run('r3c', 'a3', 'contact', 'contact_person', 4, null, '2026-10-03T10:00:00.000+00:00')
    // Match B: two unsent copies; the earliest made stays. Match C: one check-in, untouched.
    followUp.run('b1', 'matchB', DUE, 'due', '2026-09-02T00:00:00.000+00:00')
    followUp.run('b2', 'matchB', DUE, 'due', '2026-09-01T00:00:00.000+00:00')
    followUp.run('c1', 'matchC', DUE, 'due', '2026-09-01T00:00:00.000+00:00')
    followUp.run('c2', 'matchC', '2027-01-01T09:00:00.000+00:00', 'due', '2026-09-01T00:00:00.000+00:00')

    migrate()

    expect(db.prepare(`SELECT "id" FROM "FollowUp" ORDER BY "id"`).pluck().all()).toEqual(['a2', 'b2', 'c1', 'c2'])
    expect(db.prepare(`SELECT "followUpId", "respondentId", "satisfaction", "wishes", "answeredAt" FROM "FollowUpResponse" ORDER BY "respondentId"`).all()).toEqual([
      { followUpId: 'a2', respondentId: 'contact', satisfaction: 4, wishes: null, answeredAt: '2026-10-03T10:00:00.000+00:00' },
      { followUpId: 'a2', respondentId: 'volunteer', satisfaction: 5, wishes: 'Mere tid', answeredAt: '2026-10-02T10:00:00.000+00:00' },
    ])
    expect(() => followUp.run('b3', 'matchB', DUE, 'due', '2026-09-03T00:00:00.000+00:00')).toThrow(/UNIQUE constraint failed/)
    db.close()
  })
})
