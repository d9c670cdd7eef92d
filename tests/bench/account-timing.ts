// Does the answer's timing tell whether an address has an account?
//
//   npx remix build && npx tsx tests/bench/account-timing.ts [--rounds 60]
//
// Starts the built app on a free port with a fresh demo database (in the system's temp folder),
// then sends, one at a time and interleaved, the password-reset and sign-up forms for an address
// that has an account (a demo account) and for addresses that do not, and prints how long the
// answers took. Rate limits are off for the run (the reset limit would stop it after three).
// Timings are measured here, never asserted in tests: they depend on the machine.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '60' } } })
const rounds = Number(values.rounds)
const KNOWN = 'frivillig@frivilligbro.test'

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

if (!fs.existsSync(path.join(root, 'build', 'index.js'))) throw new Error('No build: run `npx remix build` first.')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-timing-'))
const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}`
const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['app/server.ts'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, 'timing.db')}`,
    APP_URL: baseUrl,
    SMTP_URL: '',
    DEMO_DATA: 'on',
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
  },
})
const stop = () => {
  try {
    process.kill(-child.pid!, 'SIGTERM')
  } catch {
    // already gone
  }
}
process.on('exit', stop)

async function post(pathname: string, fields: Record<string, string>) {
  const started = performance.now()
  const response = await fetch(baseUrl + pathname, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
  await response.arrayBuffer()
  return { ms: performance.now() - started, status: response.status }
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length
  return { median: at(0.5), mean, p90: at(0.9) }
}

try {
  const deadline = Date.now() + 180_000
  for (;;) {
    if (Date.now() > deadline) throw new Error('the app did not start within 3 minutes')
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await sleep(250)
  }

  // Unknown and new addresses look like the known one (same domain, similar length): the
  // password check uses the address's words, so a long random address would cost more by itself.
  let serial = 0
  const fresh = (prefix: string) => `${prefix}${String(++serial).padStart(4, '0')}@frivilligbro.test`
  const cases = {
    'reset, known address': () => post('/forgot-password', { email: KNOWN }),
    'reset, unknown address': () => post('/forgot-password', { email: fresh('ingen') }),
    'sign-up, taken address': () => post('/signup', { name: 'Mette Jensen', email: KNOWN, password: 'blå cykel synger langsomt', consent: 'on' }),
    'sign-up, new address': () => post('/signup', { name: 'Mette Jensen', email: fresh('nyfri'), password: 'blå cykel synger langsomt', consent: 'on' }),
  }
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, [] as number[]]))
  const statuses = Object.fromEntries(Object.keys(cases).map((name) => [name, new Set<number>()]))
  // Warm-up, then interleaved rounds so a slow moment of the machine hits every case alike. The
  // pause lets the previous request's after-response work finish.
  for (const run of Object.values(cases)) for (let i = 0; i < 5; i++) await run()
  for (let round = 0; round < rounds; round++) {
    // A new order each round, so no case always follows the same other case's background work.
    const order = Object.entries(cases).sort(() => Math.random() - 0.5)
    for (const [name, run] of order) {
      const { ms, status } = await run()
      samples[name].push(ms)
      statuses[name].add(status)
      await sleep(300)
    }
  }
  console.log(`${rounds} requests each, one at a time, ${new Date().toISOString()}`)
  console.log('case                       status   median ms   mean ms   p90 ms')
  for (const [name, values] of Object.entries(samples)) {
    const { median, mean, p90 } = summary(values)
    console.log(`${name.padEnd(26)} ${[...statuses[name]].join(',').padEnd(8)} ${median.toFixed(1).padStart(9)} ${mean.toFixed(1).padStart(9)} ${p90.toFixed(1).padStart(8)}`)
  }
} finally {
  stop()
  await sleep(500)
  fs.rmSync(dir, { recursive: true, force: true })
}
