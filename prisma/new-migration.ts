/**
 * Authors a new migration from the change to prisma/schema.prisma in one command:
 *
 *   npm run db:new-migration -- add_visit_notes
 *
 * `prisma migrate dev` does not work with the JS schema engine (it fails on a fresh database and
 * reports false drift on the shadow database), so the migration is the SQL diff between the schema
 * the previous migration was made from (kept in prisma/migrations/schema.snapshot.prisma) and the
 * current schema. Hand-written SQL (FTS5 tables, triggers, partial indexes) can be appended to the
 * new migration.sql before it is committed.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const name = (process.argv[2] ?? '').trim()
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <name_in_snake_case>')
  process.exit(1)
}

const root = process.cwd()
const schema = path.join(root, 'prisma', 'schema.prisma')
const migrationsDir = path.join(root, 'prisma', 'migrations')
const snapshot = path.join(migrationsDir, 'schema.snapshot.prisma')
fs.mkdirSync(migrationsDir, { recursive: true })

const from = fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty']
const sql = execFileSync(
  path.join(root, 'node_modules', '.bin', 'prisma'),
  ['migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
)

if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
  console.log('The schema has not changed since the last migration; nothing written.')
  process.exit(0)
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = path.join(migrationsDir, `${stamp}_${name}`)
fs.mkdirSync(dir)
fs.writeFileSync(path.join(dir, 'migration.sql'), sql)
fs.copyFileSync(schema, snapshot)
const lock = path.join(migrationsDir, 'migration_lock.toml')
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n')
console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then run: npm run db:migrate`)
