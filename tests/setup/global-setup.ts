import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BASE_DB, TMP_DIR } from './paths'

/**
 * Builds one migrated database with the reference data (98 municipalities and their postcodes);
 * every test file then works on its own copy of it (tests/setup/db-setup.ts).
 */
export default async function globalSetup() {
  fs.mkdirSync(TMP_DIR, { recursive: true })
  for (const file of fs.readdirSync(TMP_DIR)) if (file.endsWith('.db') || /\.db-(wal|shm)$/.test(file)) fs.rmSync(path.join(TMP_DIR, file))
  const env = { ...process.env, DATABASE_URL: `file:${BASE_DB}` }
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], { env, stdio: 'pipe' })
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['tests/setup/load-reference.ts'], { env, stdio: 'inherit' })
}
