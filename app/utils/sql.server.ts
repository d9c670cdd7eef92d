import Database from 'better-sqlite3'
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
  type InferResult,
  type Expression,
  type RawBuilder,
  type SqlBool,
  sql as raw,
} from 'kysely'
import type { DB } from '~/generated/kysely/types'
import { databaseFilePath, PAGE_CACHE_PRAGMA } from './database-url'
import { getEnv } from './env.server'

/**
 * Typed reads for the hot pages, straight to SQLite.
 *
 * Every Prisma call runs its query compiler in WebAssembly (about 1–1.5 ms of CPU per call on these
 * machines); a page that makes five reads spends more on that than on SQLite. Here Kysely only
 * BUILDS the query, typed by the tables that `prisma generate` writes from schema.prisma
 * (prisma-kysely), and better-sqlite3 runs it with a prepared statement kept per SQL text. A renamed
 * column therefore fails `npm run typecheck`, not a page.
 *
 * Prisma keeps the schema, the migrations and every write. This module owns the one read
 * connection; it is `query_only`, so a write here is an error. It is a separate connection from
 * Prisma's: it sees what Prisma has committed (WAL), never what an open Prisma transaction has not
 * — read inside a transaction through the transaction's client instead.
 *
 * DateTime columns are the text Prisma writes (`2026-11-30T13:00:00.000+00:00`) and Boolean columns
 * are 0/1; parameters must already be in that form (strings, numbers, null).
 */
export const sql = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

type Parameter = string | number | bigint | null | Buffer
const MAX_CACHED_STATEMENTS = 500

let connection: Database.Database | undefined
let statements = new Map<string, Database.Statement>()

function readConnection() {
  if (!connection) {
    connection = new Database(databaseFilePath(getEnv().DATABASE_URL), { fileMustExist: true })
    connection.pragma('busy_timeout = 5000')
    connection.pragma('query_only = ON')
    connection.pragma(PAGE_CACHE_PRAGMA)
    registerFunctions(connection)
  }
  return connection
}

function statementFor(text: string) {
  let statement = statements.get(text)
  if (!statement) {
    // Queries with IN lists of varying length make a new text each; keep the cache bounded.
    if (statements.size >= MAX_CACHED_STATEMENTS) statements = new Map()
    statement = readConnection().prepare(text)
    statements.set(text, statement)
  }
  return statement
}

function parametersOf(values: readonly unknown[]): Parameter[] {
  return values.map((value) => {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || Buffer.isBuffer(value)) {
      return value
    }
    throw new TypeError(`sql.server: pass ${typeof value} parameters as text or numbers (got ${String(value)})`)
  })
}

/**
 * fold(text): lower case for every script. SQLite's own lower() and LIKE fold ASCII only, so a
 * search for "øster" would miss "Østergaard"; the workbench lists search with instr(fold(col), ?).
 */
export function registerFunctions(database: Database.Database) {
  database.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null))
}

/**
 * A hand-written select (INDEXED BY, partial-index conditions written as literals, json_each
 * joins) run with all/first like a Kysely one; Row is the caller's promise of its columns.
 */
export function rawQuery<Row>(query: RawBuilder<unknown>): Compilable<Row> {
  return { compile: () => query.compile(sql) as CompiledQuery<Row> }
}

/**
 * `column IN` a list passed as ONE JSON parameter walked with json_each: the SQL text is the same
 * whatever the list's length (one cached statement), and no IN list of placeholders grows with it.
 */
export function inJsonList(column: string, values: readonly string[]): Expression<SqlBool> {
  return raw<SqlBool>`${raw.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`
}

/** Every row of a Kysely select, typed. */
export function all<Q extends Compilable<object>>(query: Q): InferResult<Q> {
  const compiled = query.compile()
  return statementFor(compiled.sql).all(...parametersOf(compiled.parameters)) as InferResult<Q>
}

/** The first row of a Kysely select, or undefined. */
export function first<Q extends Compilable<object>>(query: Q): InferResult<Q>[number] | undefined {
  const compiled = query.compile()
  return statementFor(compiled.sql).get(...parametersOf(compiled.parameters)) as InferResult<Q>[number] | undefined
}

/**
 * The rows of a select one at a time, for a walk that stops early (break out of the loop): SQLite
 * reads no further than the rows taken. The statement is prepared afresh, as an iteration keeps
 * its statement busy until it ends.
 */
export function* each<Q extends Compilable<object>>(query: Q): Generator<InferResult<Q>[number]> {
  const compiled = query.compile()
  yield* readConnection()
    .prepare(compiled.sql)
    .iterate(...parametersOf(compiled.parameters)) as IterableIterator<InferResult<Q>[number]>
}

/** Closes the read connection (tests, shutdown); the next read opens it again. */
export function closeReadConnection() {
  statements = new Map()
  connection?.close()
  connection = undefined
}

/** SQLite's plan for a Kysely select (EXPLAIN QUERY PLAN), one line per step: for tests of hot queries. */
export function queryPlan<Q extends Compilable<object>>(query: Q): string[] {
  const compiled = query.compile()
  const rows = readConnection()
    .prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`)
    .all(...parametersOf(compiled.parameters)) as { detail: string }[]
  return rows.map((row) => row.detail)
}
