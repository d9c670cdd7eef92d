import fs from 'node:fs'
import Database from 'better-sqlite3'

/**
 * For the benchmark only (tests/bench/baseline.ts): writes every SQL statement this process runs,
 * with its parameters, as one JSON line to `file` — Prisma's and Kysely's alike, because both end in
 * a better-sqlite3 statement. The bench replays exactly these statements in its bare baseline
 * server, so the comparison is "the same SQL, without the app around it". Started only when
 * BENCH_SQL_CAPTURE is set (app/server.ts); slow by design (a synchronous write per statement).
 */
export function captureStatementsTo(file: string) {
  const probe = new Database(':memory:')
  const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>
  probe.close()
  const bound = new WeakMap<object, unknown[]>()
  const bind = prototype.bind
  prototype.bind = function (this: object, ...args: unknown[]) {
    bound.set(this, args)
    return bind.apply(this, args)
  }
  for (const name of ['run', 'get', 'all', 'iterate']) {
    const original = prototype[name]
    prototype[name] = function (this: { source: string; reader: boolean }, ...args: unknown[]) {
      const params = args.length > 0 ? args : (bound.get(this) ?? [])
      fs.appendFileSync(file, `${JSON.stringify({ sql: this.source, reader: this.reader, params }, encodeValue)}\n`)
      return original.apply(this, args)
    }
  }
}

function encodeValue(_key: string, value: unknown) {
  if (typeof value === 'bigint') return { $bigint: value.toString() }
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return { $base64: Buffer.from((value as { data: number[] }).data).toString('base64') }
  }
  return value
}
