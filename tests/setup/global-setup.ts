import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BASE_DB, RUN_DIR } from './paths'

/**
 * Builds one migrated database with the reference data (98 municipalities and their postcodes);
 * every test file then works on its own copy of it (tests/setup/db-setup.ts).
 */
export default async function globalSetup() {
  fs.rmSync(RUN_DIR, { recursive: true, force: true })
  fs.mkdirSync(RUN_DIR, { recursive: true })
  process.env.FRIVILLIGBRO_TEST_RUN_DIR = RUN_DIR
  const env = { ...process.env, DATABASE_URL: `file:${BASE_DB}` }
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], { env, stdio: 'pipe' })
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['tests/setup/load-reference.ts'], { env, stdio: 'inherit' })
  return () => fs.rmSync(RUN_DIR, { recursive: true, force: true })
}
