import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createUser } from '../../tests/setup/fixtures'
import { databaseFilePath } from './database-url'
import { configureDatabase, prisma } from './db.server'

/*
 * The server's database file has more than one writer: the web thread's Prisma client, the
 * background thread's own client (outbox, reminders, digests) and, in the browser tests, each
 * Playwright worker's client (tests/e2e/fixtures.ts). A transaction that read before another of
 * them committed could not write afterwards: SQLite refuses at once ("database is locked",
 * SQLITE_BUSY_SNAPSHOT, no busy wait), and a password reset under load ended on the error page.
 */
describe('transactions beside another writer', () => {
  // As the server runs it (write-ahead log): readers and one writer at a time.
  beforeAll(() => configureDatabase(prisma))
  // Another connection to the same file; it does not wait, so the test sees at once whether the
  // transaction holds the write lock (the background thread would wait its turn instead).
  const other = new Database(databaseFilePath(process.env.DATABASE_URL), { timeout: 0 })
  afterAll(() => other.close())

  test('a transaction that read before another connection wrote still commits, and neither change is lost', async () => {
    const user = await createUser('volunteer', { name: 'Første Navn' })
    const rename = other.prepare('UPDATE User SET name = ? WHERE id = ?')
    let otherWasToldToWait = false

    await prisma.$transaction(async (tx) => {
      await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true } })
      try {
        rename.run('Andet Navn', user.id)
      } catch (error) {
        expect(String(error)).toMatch(/database is locked/)
        otherWasToldToWait = true
      }
      await tx.user.update({ where: { id: user.id }, data: { phone: '12345678' } })
    })

    // The transaction held the write lock from its start; the other writer goes next.
    expect(otherWasToldToWait).toBe(true)
    rename.run('Andet Navn', user.id)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, phone: true } })).toEqual({ name: 'Andet Navn', phone: '12345678' })
  })
})
