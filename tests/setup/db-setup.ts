import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { BASE_DB, RUN_DIR } from './paths'

// Each test file gets its own copy of the migrated base database: a real SQLite file, no mocks.
const file = path.join(RUN_DIR, `test-${process.env.VITEST_POOL_ID ?? '0'}-${crypto.randomBytes(4).toString('hex')}.db`)
fs.copyFileSync(BASE_DB, file)

process.env.DATABASE_URL = `file:${file}`
process.env.NODE_ENV = 'test'
process.env.APP_URL = 'http://localhost:3000'
process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret-0123'
process.env.DEMO_DATA = 'on'
process.env.LOG_LEVEL = 'silent'
delete process.env.SMTP_URL

afterAll(async () => {
  const { prisma } = await import('~/utils/db.server')
  await prisma.$disconnect()
  const { closeReadConnection } = await import('~/utils/sql.server')
  closeReadConnection()
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true })
})
