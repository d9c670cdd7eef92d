// The bare baseline of the benchmark (tests/bench/baseline.ts starts it): node:http and
// better-sqlite3, nothing else. For each page it was given, it looks the session up by the cookie,
// runs exactly the SQL statements the app ran for that page (captured from the app, with their
// parameters; prepared once and kept), and answers an HTML-escaped rendering of the rows padded or
// cut to the byte size of the app's answer. What the app costs beyond this is the price of
// everything around the data: routing, loaders, React, i18n, headers, logging.
//
//   tsx tests/bench/baseline-server.ts <database file> <pages.json> <port>
import fs from 'node:fs'
import http from 'node:http'
import Database from 'better-sqlite3'
import { PAGE_CACHE_PRAGMA } from '../../app/utils/database-url'

export type CapturedStatement = { sql: string; reader: boolean; params: unknown[] }
export type BaselinePage = { url: string; sessionId: string | null; bytes: number; statements: CapturedStatement[] }

const SESSION_COOKIE = 'frivilligbro_session'

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.$bigint === 'string') return BigInt(record.$bigint)
    if (typeof record.$base64 === 'string') return Buffer.from(record.$base64, 'base64')
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decode(inner)]))
  }
  return value
}

function replaceSession(value: unknown, captured: string, current: string): unknown {
  if (value === captured) return current
  if (Array.isArray(value)) return value.map((inner) => replaceSession(inner, captured, current))
  return value
}

function sessionOf(cookieHeader: string | undefined) {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) return rest.join('=')
  }
  return null
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c])

function main() {
  const [databaseFile, pagesFile, port] = process.argv.slice(2)
  const db = new Database(databaseFile, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  // The app's connections keep 64 MB of pages; the baseline keeps as many, so the ratio is the price of what is around the SQL.
  db.pragma(PAGE_CACHE_PRAGMA)
  const pages = new Map<string, BaselinePage>()
  for (const page of JSON.parse(fs.readFileSync(pagesFile, 'utf8')) as BaselinePage[]) {
    pages.set(`${page.url} ${page.sessionId ?? ''}`, { ...page, statements: page.statements.map((s) => ({ ...s, params: decode(s.params) as unknown[] })) })
  }
  const prepared = new Map<string, Database.Statement>()
  const statementFor = (text: string) => {
    let statement = prepared.get(text)
    if (!statement) prepared.set(text, (statement = db.prepare(text)))
    return statement
  }

  http
    .createServer((req, res) => {
      const sessionId = sessionOf(req.headers.cookie)
      const page = pages.get(`${req.url} ${sessionId ?? ''}`)
      if (!page) {
        res.writeHead(404).end()
        return
      }
      const parts: unknown[] = []
      for (const statement of page.statements) {
        const params = page.sessionId && sessionId ? (replaceSession(statement.params, page.sessionId, sessionId) as unknown[]) : statement.params
        try {
          const prepared = statementFor(statement.sql)
          parts.push(statement.reader ? prepared.all(...params) : prepared.run(...params).changes)
        } catch {
          // A write the app made once (e.g. an insert with a unique key) may not repeat; the read side is what is compared.
          parts.push(null)
        }
      }
      const text = Buffer.from(`<!DOCTYPE html><html><body><pre>${escapeHtml(JSON.stringify(parts, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))}</pre></body></html>`)
      const body = text.length >= page.bytes ? text.subarray(0, page.bytes) : Buffer.concat([text, Buffer.alloc(page.bytes - text.length, 0x20)])
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'private, no-store' })
      res.end(body)
    })
    .listen(Number(port), '127.0.0.1', () => process.stdout.write('baseline ready\n'))
}

main()
