import fs from 'node:fs'
import path from 'node:path'

// The browser tests start from a fresh database every run: migrated and seeded by the server.
const dir = path.resolve('tests/.tmp/e2e')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
await import('../../app/server')
