// WEB_CONCURRENCY=2: the real server (app/server.ts, the built app) with two web processes on one
// database. The background work starts once, and wrong passwords are counted across both.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { RUN_DIR } from '../setup/paths'

let server: ChildProcess | undefined
let output = ''
let base = ''

async function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  if (!fs.existsSync(path.resolve('build/index.js'))) throw new Error('build/index.js is missing: run `npx remix build` (npm test builds first)')
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const dir = path.join(RUN_DIR, `cluster-${crypto.randomBytes(4).toString('hex')}`)
  fs.mkdirSync(dir, { recursive: true })
  server = spawn(path.resolve('node_modules/.bin/tsx'), ['app/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: base,
      DATABASE_URL: `file:${path.join(dir, 'cluster.db')}`,
      WEB_CONCURRENCY: '2',
      DEMO_DATA: 'off',
      ADMIN_EMAIL: 'drift@example.test',
      ADMIN_PASSWORD: 'Et langt og sikkert kodeord til driften',
      RATE_LIMITS: 'on',
      LOG_LEVEL: 'info',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    const ready = await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false)
    if (ready) return
    if (server.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server did not start:\n${output.slice(-3000)}`)
}, 120_000)

afterAll(async () => {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((resolve) => server!.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
}, 20_000)

/** The log lines (JSON) the server has written so far. */
function logLines() {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { pid: number; msg: string; url?: string; status?: number })
}

describe('two web processes on one database', () => {
  test('the background work runs once, and wrong passwords count across both processes', async () => {
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 7; attempt++) {
      // A new connection each time, so node's cluster hands the requests to both processes in turn.
      const response = await fetch(`${base}/login`, {
        method: 'POST',
        headers: { Origin: base, Connection: 'close', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'someone@example.test', password: `not the password ${attempt}` }),
      })
      statuses.push(response.status)
      await response.text()
    }
    await new Promise((resolve) => setTimeout(resolve, 200)) // the last request's log line

    const logins = logLines().filter((line) => line.msg === 'request' && line.url === '/login')
    expect(new Set(logins.map((line) => line.pid)).size).toBe(2)
    // Four free tries, the fifth counted with a wait: from the sixth on the address waits, though
    // each process alone has seen only three or four of them.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429])

    // The background thread loads the build at a lower priority (BACKGROUND_NICE), so it may start
    // after the first answers: wait for it, then long enough that a second one would have shown too.
    const startedLines = () => logLines().filter((line) => line.msg === 'background work started in its own thread')
    for (let waited = 0; waited < 30_000 && startedLines().length === 0; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250))
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(startedLines()).toHaveLength(1)
  }, 60_000)
})
