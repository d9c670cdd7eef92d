import fs from 'node:fs'
import path from 'node:path'

// The browser tests start from a fresh database every run: migrated and seeded by the server.
const dir = path.dirname(path.resolve((process.env.DATABASE_URL ?? '').replace(/^file:/, '')))
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
await import('../../app/server')
