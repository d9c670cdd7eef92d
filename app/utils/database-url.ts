import fs from 'node:fs'
import path from 'node:path'

export const DEFAULT_DATABASE_URL = 'file:./data/frivilligbro.db'

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
