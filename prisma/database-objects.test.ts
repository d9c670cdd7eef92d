// The database objects that live only in migration SQL — triggers, FTS5 tables, hand-made
// indexes — are named in `/// SQL …` comments on their models in schema.prisma. This test reads
// those comments and checks every named object in the migrated test database, so a migration that
// rebuilds a table and forgets its triggers fails here rather than in production, where the search
// index or the public pages cache would silently go stale. It also checks the other way: an object
// neither Prisma's schema nor a comment accounts for fails too, so new hand-written SQL gets named.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/utils/db.server'

const SCHEMA = path.resolve('prisma', 'schema.prisma')

type Named = { kind: 'trigger' | 'index' | 'table' | 'virtual table'; name: string; table: string; model: string }

/** `/// SQL <kind> <name> [on <table>]: why` lines in the doc comment above `model X {`. */
function namedObjects(schema: string): Named[] {
  const found: Named[] = []
  let pending: Omit<Named, 'model' | 'table'>[] = []
  let pendingTables: (string | null)[] = []
  for (const line of schema.split('\n')) {
    const comment = /^\s*\/\/\/\s*SQL (trigger|index|virtual table|table) (\w+)(?: on (\w+))?\s*:/.exec(line)
    if (comment) {
      pending.push({ kind: comment[1] as Named['kind'], name: comment[2] })
      pendingTables.push(comment[3] ?? null)
      continue
    }
    if (/^\s*\/\/\//.test(line)) continue
    const model = /^model (\w+) \{/.exec(line)
    if (model) found.push(...pending.map((object, i) => ({ ...object, model: model[1], table: pendingTables[i] ?? model[1] })))
    pending = []
    pendingTables = []
  }
  return found
}

type MasterRow = { type: string; name: string; tbl_name: string; sql: string | null }

async function sqliteMaster() {
  return prisma.$queryRaw<MasterRow[]>`SELECT "type", "name", "tbl_name", "sql" FROM sqlite_master`
}

describe('database objects kept by hand in migration SQL', () => {
  const named = namedObjects(fs.readFileSync(SCHEMA, 'utf8'))

  test('schema.prisma names them, each once', () => {
    expect(named.length).toBeGreaterThan(20)
    expect(new Set(named.map((object) => object.name)).size).toBe(named.length)
  })

  test('every named object exists after the migrations, of its kind and on its table', async () => {
    const master = new Map((await sqliteMaster()).map((row) => [row.name, row]))
    const problems: string[] = []
    for (const object of named) {
      const row = master.get(object.name)
      const where = `${object.kind} ${object.name} (model ${object.model})`
      if (!row) {
        problems.push(`${where} is missing from the database`)
        continue
      }
      const type = object.kind === 'virtual table' ? 'table' : object.kind
      if (row.type !== type) problems.push(`${where} is a ${row.type}`)
      if (object.kind === 'virtual table' && !/^CREATE VIRTUAL TABLE/i.test(row.sql ?? '')) problems.push(`${where} is not a virtual table`)
      if ((object.kind === 'trigger' || object.kind === 'index') && row.tbl_name !== object.table) problems.push(`${where} is on ${row.tbl_name}, not ${object.table}`)
    }
    expect(problems).toEqual([])
  })

  test("nothing in the database that neither Prisma's schema nor a comment accounts for", { timeout: 60_000 }, async () => {
    const prismaSql = execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', SCHEMA, '--script'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const fromPrisma = new Set([...prismaSql.matchAll(/CREATE (?:UNIQUE )?(?:TABLE|INDEX) "(\w+)"/g)].map((m) => m[1]))
    const namedHere = new Set(named.map((object) => object.name))
    const ftsTables = named.filter((object) => object.kind === 'virtual table').map((object) => object.name)
    const unaccounted = (await sqliteMaster())
      .filter((row) => row.type !== 'view')
      .map((row) => row.name)
      .filter((name) => !name.startsWith('sqlite_') && name !== '_prisma_migrations')
      // FTS5 keeps its data in shadow tables named after the virtual table.
      .filter((name) => !ftsTables.some((fts) => ['config', 'content', 'data', 'docsize', 'idx'].some((suffix) => name === `${fts}_${suffix}`)))
      .filter((name) => !fromPrisma.has(name) && !namedHere.has(name))
    expect(unaccounted).toEqual([])
  })
})
