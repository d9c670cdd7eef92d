import fs from 'node:fs'
import path from 'node:path'

export const DEFAULT_DATABASE_URL = 'file:./data/frivilligbro.db'

/**
 * How many database pages a connection keeps in memory: 64 MB instead of SQLite's 2 MB. A start
 * page on the national data reads a few MB of index pages over its ~25 queries; with 2 MB each
 * query pushed the last one's pages out and read them again from the file (København's start page
 * spent 16–18 ms in SQLite, 9–11 with this; the demo centre's 10–11, 6). Memory is taken only as
 * pages are read, per connection: the web thread's two and the background thread's two.
 */
export const PAGE_CACHE_PRAGMA = 'cache_size = -65536'

/**
 * Turns a `file:` URL into an absolute path. Relative paths are taken from the project root
 * (the working directory of every npm script), never from the schema's folder as Prisma's CLI
 * would, so the app, the CLI and the tests all open the same file.
 */
export function databaseFilePath(url: string | undefined = DEFAULT_DATABASE_URL) {
  const raw = (url || DEFAULT_DATABASE_URL).replace(/^file:(\/\/)?/, '')
  const withoutQuery = raw.split('?')[0]
  const absolute = path.resolve(process.cwd(), withoutQuery)
  fs.mkdirSync(path.dirname(absolute), { recursive: true })
  return absolute
}
