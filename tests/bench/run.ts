// HTTP benchmark for Frivilligbro: `npm run bench` (= `tsx tests/bench/run.ts`).
//
//   1. makes sure a national-scale database exists at tests/.tmp/bench/large.db (migrate, then
//      `tsx prisma/seed.ts --large`, which takes a few minutes; later runs reuse the file),
//   2. builds the app if build/index.js is missing,
//   3. starts the built app (`tsx app/server.ts`) on a free port on 127.0.0.1,
//   4. runs every scenario with autocannon (a warm-up, then a measured run),
//   5. compares each signed-in page with a bare baseline replaying the page's own SQL, in CPU ms
//      per request (tests/bench/baseline.ts), and measures "my visits" during a burst of reminder
//      e-mails in the background thread against a quiet moment,
//   6. prints the tables and writes tests/.tmp/bench/results.json.
//
// Options:
//   --duration <s>       measured seconds per scenario (default 10)
//   --connections <n>    concurrent connections (default 20)
//   --warmup <s>         warm-up seconds per scenario (default 2; 0 skips the warm-up)
//   --only <name>        run only matching scenarios (exact name, else substring; repeatable or comma-separated)
//   --reseed             throw the benchmark database away and seed it again
//   --database <path>    use this database file instead of tests/.tmp/bench/large.db
//   --no-seed            never run the large seed; the server migrates the file and seeds the demo if it is empty
//   --build              run `npm run build` even if a build exists
//   --no-baseline        skip the comparison of signed-in pages with the bare baseline (tests/bench/baseline.ts)
//   --baseline-seconds <s>, --baseline-rounds <n>, --baseline-connections <n>
//                        each side's measured run (default 5 s), how many interleaved rounds (2), connections (1)
//   --no-burst           skip "my visits" during a burst of reminder e-mails (it changes the database:
//                        today's and tomorrow's reminders are made due again)
//   --burst-seconds <s>  length of the burst and quiet measurements (default 10)
//   --burst-rounds <n>   how many times the burst is measured (default 3; the median round is the verdict)
//   --no-lighthouse      skip the Lighthouse run (mobile preset) of the public pages and the start pages
//
// Traffic only ever goes to 127.0.0.1, and every run is bounded by --duration.
//
// Adding a page: append one entry to `scenarios` below. `setup(ctx)` runs once against the live
// server before the warm-up and may return a path picked from the data, extra headers (e.g. the
// cookie from `logIn`) or a body.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { PrismaClient } from '../../app/generated/prisma/client'
import { groupCpuMs, loadAverage, ratioTable, readCapture, sessionIdOf, startBaselineServer, waitUntilIdle, webThreadCpuMs, type RatioRow } from './baseline'
import type { BaselinePage } from './baseline-server'
import { lighthouseTable, runLighthouse, type LighthousePage } from './lighthouse'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const benchDir = path.join(root, 'tests', '.tmp', 'bench')
const defaultDatabase = path.join(benchDir, 'large.db')
const resultsFile = path.join(benchDir, 'results.json')
const HOST = '127.0.0.1'
const HEALTH_TIMEOUT_MS = 120_000

export const DEMO_VOLUNTEER = { email: 'frivillig@frivilligbro.test', password: 'Demo-adgang-2026' }
/** Only in the --large data (prisma/seed-large.ts): the coordinator of Frivilligcenter København. */
export const LARGE_COPENHAGEN_COORDINATOR = { email: 'koordinator.koebenhavn@frivilligbro.test', password: 'Demo-adgang-2026' }

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

export type ScenarioContext = {
  /** http://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string
  /** The Origin header every non-GET request needs. */
  origin: string
  /** The database file the server runs on, for setups that pick their subject from the data. */
  databaseFile: string
}

export type ScenarioSetup = {
  /** Replaces the scenario's path (must start with "/"). */
  path?: string
  headers?: Record<string, string>
  body?: string
}

export type Scenario = {
  name: string
  method?: 'GET' | 'POST'
  /** The request path; may be left out when `setup` returns one. */
  path?: string
  headers?: Record<string, string>
  body?: string
  /** Statuses that count as success (default [200]); anything else is counted as an error. */
  expect?: number[]
  /** Concurrent connections for this scenario instead of --connections (1: one request at a time). */
  connections?: number
  /** Runs once against the live server before the warm-up. */
  setup?: (ctx: ScenarioContext) => Promise<ScenarioSetup | void>
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

export const scenarios: Scenario[] = [
  { name: 'home', path: '/' },
  { name: 'healthz', path: '/healthz' },
  { name: 'jobs board', path: '/jobs' },
  { name: 'jobs board page 50', path: '/jobs?page=50' },
  {
    name: 'ad page',
    setup: async ({ baseUrl }) => {
      const page = await request(`${baseUrl}/jobs`)
      if (page.status !== 200) throw new Error(`GET /jobs answered ${page.status}`)
      const match = page.body.match(/href="\/jobs\/([A-Za-z0-9_-]+)"/)
      if (!match) throw new Error('no /jobs/<id> link on /jobs — are there published ads?')
      return { path: `/jobs/${match[1]}` }
    },
  },
  // The public board's search and filters, and the feeds (issue 3).
  { name: 'board search', path: '/jobs?q=videoopkald' },
  { name: 'board filtered', path: `/jobs?region=${encodeURIComponent('Region Hovedstaden')}&task=video_calls&weekday=2&frequency=weekly` },
  { name: 'board nearest', path: '/jobs?sort=nearest&postcode=8000&page=3' },
  { name: 'jobs.rss', path: '/jobs.rss' },
  { name: 'jobs.json', path: `/jobs.json?municipality=${encodeURIComponent('Aarhus Kommune')}&task=video_calls` },
  {
    // The heaviest case: Copenhagen's coordinator ranks an open ad among the ~12,000 volunteers
    // who live in or travel to Københavns Kommune (50,000 in all). Needs the --large data.
    name: 'matching candidates',
    setup: async (ctx) => {
      const cookie = await logIn(ctx, LARGE_COPENHAGEN_COORDINATOR.email, LARGE_COPENHAGEN_COORDINATOR.password)
      const board = await request(`${ctx.baseUrl}/jobs?municipality=${encodeURIComponent('Københavns Kommune')}`)
      const ids = [...board.body.matchAll(/href="\/jobs\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1])
      for (const id of ids) {
        const path = `/centre/ads/${id}/candidates`
        const page = await request(`${ctx.baseUrl}${path}`, { headers: { cookie } })
        if (page.status !== 200) throw new Error(`GET ${path} as ${LARGE_COPENHAGEN_COORDINATOR.email} answered ${page.status}`)
        // An ad that still has places ranks suggestions; a full one skips the expensive part.
        if (page.body.includes('id="suggestions-heading"')) return { path, headers: { cookie } }
      }
      throw new Error('no open published ad in Københavns Kommune on /jobs — is this the --large data?')
    },
  },
  {
    name: 'log-in',
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(DEMO_VOLUNTEER),
    expect: [302],
    // Fails fast with a clear message if the demo log-in does not exist in this database.
    setup: async (ctx) => {
      await logIn(ctx, DEMO_VOLUNTEER.email, DEMO_VOLUNTEER.password)
    },
  },
  {
    // The volunteer's booking page: every open window of their matched facilities, six weeks of dates with the room left.
    name: 'book a visit',
    path: '/visits/book',
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, DEMO_VOLUNTEER.email, DEMO_VOLUNTEER.password) } }),
  },
  {
    // The coordinator's start page, now with check-in answers, overdue follow-ups and visit counts.
    name: 'centre start page',
    path: '/centre',
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, 'koordinator@frivilligbro.test', DEMO_VOLUNTEER.password) } }),
  },
  {
    // The same for the centre with the most matches (København, ~3,400): it once answered 500.
    name: 'centre start page (largest centre)',
    path: '/centre',
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password) } }),
  },
  {
    name: 'centre visits',
    path: '/centre/visits',
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, 'koordinator@frivilligbro.test', DEMO_VOLUNTEER.password) } }),
  },
  // Experience sharing (issue 5), as the coordinator of the largest centre (København: ~2,900 network
  // threads) — a moderator, so every post carries its moderation forms.
  {
    name: 'thread list',
    setup: async (ctx) => {
      const cookie = await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password)
      return { path: await networkSpacePath(ctx, cookie), headers: { cookie } }
    },
  },
  {
    name: 'thread list page 40 by tag',
    setup: async (ctx) => {
      const cookie = await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password)
      return { path: `${await networkSpacePath(ctx, cookie)}?tag=video_calls&page=40`, headers: { cookie } }
    },
  },
  {
    name: 'thread page',
    setup: async (ctx) => {
      const cookie = await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password)
      const list = await request(`${ctx.baseUrl}${await networkSpacePath(ctx, cookie)}`, { headers: { cookie } })
      // The liveliest thread on the first page (the most posts), shown 50 posts at a time.
      const threads = [...list.body.matchAll(/href="\/threads\/([A-Za-z0-9]+)"[\s\S]*?(\d+) indlæg/g)].map((m) => ({ id: m[1], posts: Number(m[2]) }))
        .filter((thread) => thread.id.length >= 20)
      if (threads.length === 0) throw new Error('no threads on the network space page')
      const liveliest = threads.reduce((best, thread) => (thread.posts > best.posts ? thread : best))
      return { path: `/threads/${liveliest.id}`, headers: { cookie } }
    },
  },
  // Thread search (issue 5): a volunteer's readable threads (network + matched facility) for a
  // common word, and the worst case — the coordinator of the centre with the most threads.
  {
    name: 'thread search',
    path: `/threads/search?q=tablets`,
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, DEMO_VOLUNTEER.email, DEMO_VOLUNTEER.password) } }),
  },
  {
    name: 'thread search (largest centre)',
    path: `/threads/search?q=${encodeURIComponent('wifi fællesstuen')}&tag=tablets_phones`,
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, 'koordinator.koebenhavn@frivilligbro.test', DEMO_VOLUNTEER.password) } }),
  },
  // Visits (issue 4): a busy volunteer's visits page and a personal calendar feed.
  {
    name: 'my visits',
    path: '/visits',
    setup: async (ctx) => ({ headers: { cookie: await logInBusyVolunteer(ctx) } }),
  },
  {
    name: 'my visits month',
    path: '/visits?view=month',
    setup: async (ctx) => ({ headers: { cookie: await logInBusyVolunteer(ctx) } }),
  },
  {
    name: 'calendar feed',
    // The token is made through the page, as a person would: POST /visits, then read the address.
    setup: async (ctx) => {
      const cookie = await logInBusyVolunteer(ctx)
      const made = await request(`${ctx.baseUrl}/visits`, {
        method: 'POST',
        headers: { cookie, origin: ctx.origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ intent: 'calendar-create' }),
      })
      if (made.status !== 302) throw new Error(`POST /visits (calendar-create) answered ${made.status}`)
      const page = await request(`${ctx.baseUrl}/visits`, { headers: { cookie } })
      const match = page.body.match(/\/calendar\/([A-Za-z0-9_-]+)\.ics/)
      if (!match) throw new Error('no calendar address on /visits after making one')
      return { path: `/calendar/${match[1]}.ics` }
    },
  },
  // The results report (issue 14) for the largest centre (København) over the last whole year, one
  // request at a time (the goal: under 1 s), and the same as CSV, which must stream.
  {
    name: 'report a year (largest centre)',
    connections: 1,
    setup: async (ctx) => ({ path: `/centre/report?${lastYear()}`, headers: { cookie: await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password) } }),
  },
  {
    name: 'report CSV a year (largest centre)',
    connections: 1,
    setup: async (ctx) => {
      const cookie = await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password)
      const path = `/centre/report.csv?${lastYear()}`
      // Streamed: no Content-Length, sent in chunks, Excel's BOM first.
      const probe = await request(`${ctx.baseUrl}${path}`, { headers: { cookie, 'accept-encoding': 'identity' } })
      if (probe.status !== 200 || probe.headers['content-length'] !== undefined || probe.headers['transfer-encoding'] !== 'chunked' || !probe.body.startsWith('\uFEFF')) {
        throw new Error(`GET ${path} did not stream: ${probe.status}, content-length ${probe.headers['content-length']}, transfer-encoding ${probe.headers['transfer-encoding']}`)
      }
      return { path, headers: { cookie } }
    },
  },
  // Events (issue 10) on the national data: the list as a volunteer of the largest centre sees it,
  // the public list, and the event page with the most sign-ups the list links.
  { name: 'events (public)', path: '/events' },
  {
    name: 'events (volunteer)',
    path: '/events',
    setup: async (ctx) => ({ headers: { cookie: await logInBusyVolunteer(ctx) } }),
  },
  {
    name: 'event page',
    setup: async (ctx) => {
      const cookie = await logInBusyVolunteer(ctx)
      const list = await request(`${ctx.baseUrl}/events`, { headers: { cookie } })
      const ids = [...list.body.matchAll(/href="\/events\/([A-Za-z0-9]{20,})"/g)].map((m) => m[1])
      if (ids.length === 0) throw new Error('no event linked from /events')
      return { path: `/events/${busiestEvent(ctx, ids)}`, headers: { cookie } }
    },
  },
  {
    name: 'centre events (largest centre)',
    path: '/centre/events',
    setup: async (ctx) => ({ headers: { cookie: await logIn(ctx, LARGE_COORDINATOR.email, LARGE_COORDINATOR.password) } }),
  },
]

/** from/to of the last whole year up to today (Copenhagen), for the results report. */
function lastYear() {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
  return new URLSearchParams({ from, to: today }).toString()
}

/** Of these events, the one with the most sign-ups (read from the benchmark database). */
function busiestEvent(ctx: ScenarioContext, ids: string[]) {
  const db = new Database(ctx.databaseFile, { readonly: true })
  try {
    const row = db
      .prepare(`SELECT "eventId" FROM "EventSignup" WHERE "eventId" IN (${ids.map(() => '?').join(',')}) GROUP BY "eventId" ORDER BY count(*) DESC LIMIT 1`)
      .get(...ids) as { eventId: string } | undefined
    return row?.eventId ?? ids[0]
  } finally {
    db.close()
  }
}

/** The coordinator of Frivilligcenter København in the large data set (prisma/seed-large.ts). */
export const LARGE_COORDINATOR = { email: 'koordinator.koebenhavn@frivilligbro.test', password: 'Demo-adgang-2026' }

/** The first network space linked from /threads for this user. */
async function networkSpacePath(ctx: ScenarioContext, cookie: string) {
  const page = await request(`${ctx.baseUrl}/threads`, { headers: { cookie } })
  if (page.status !== 200) throw new Error(`GET /threads answered ${page.status}`)
  const match = page.body.match(/href="(\/threads\/spaces\/network-[A-Za-z0-9]+)"/)
  if (!match) throw new Error('no network space linked from /threads')
  return match[1]
}

/**
 * The volunteer with the most visits from today on in the benchmark database (one query of its own), so "my visits" measures a full page; the demo volunteer on data without any.
 */
async function logInBusyVolunteer(ctx: ScenarioContext) {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: ctx.databaseFile }) })
  try {
    const [busiest] = await db.$queryRaw<{ email: string }[]>`
      SELECT u."email" FROM "Visit" v JOIN "User" u ON u."id" = v."volunteerId"
      WHERE v."startsAt" >= ${new Date().toISOString().slice(0, 10)} AND u."email" LIKE '%@frivilligbro.test'
      GROUP BY v."volunteerId" ORDER BY count(*) DESC LIMIT 1`
    return await logIn(ctx, busiest?.email ?? DEMO_VOLUNTEER.email, DEMO_VOLUNTEER.password)
  } finally {
    await db.$disconnect()
  }
}

/** Logs in once and returns the Cookie header to send; for scenarios behind a log-in. */
export async function logIn(ctx: ScenarioContext, email: string, password: string): Promise<string> {
  const response = await request(`${ctx.baseUrl}/login`, {
    method: 'POST',
    headers: { origin: ctx.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ email, password }),
  })
  const setCookie = response.headers['set-cookie'] ?? []
  if (response.status !== 302 || setCookie.length === 0) {
    throw new Error(`log-in as ${email} failed: ${response.status} (expected 302 with Set-Cookie)`)
  }
  return setCookie.map((cookie) => cookie.split(';')[0]).join('; ')
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

type SimpleResponse = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One HTTP request to 127.0.0.1 (node:http, so that Origin can be set and redirects are not followed). */
function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<SimpleResponse> {
  const target = new URL(url)
  if (target.hostname !== HOST) return Promise.reject(new Error(`refusing to send a request to ${target.host}`))
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(options.body ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}) },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timed out: ${url}`)))
    req.on('error', reject)
    req.end(options.body)
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs a command with the terminal attached (progress output streams through); throws on failure. */
function runVisible(command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
}

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)

function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
}

/** Relative to the repository when inside it, else absolute. */
function displayPath(file: string) {
  const relative = path.relative(root, file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
}

function formatBytes(bytes: number) {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`
}

// ---------------------------------------------------------------------------------------------
// 1. The database
// ---------------------------------------------------------------------------------------------

function ensureLargeDatabase(file: string, reseed: boolean) {
  if (fs.existsSync(file) && !reseed) {
    console.log(`Using the benchmark database ${displayPath(file)} (${formatBytes(fs.statSync(file).size)}); --reseed makes a new one.`)
    return
  }
  // Seed into a side file and rename it at the end, so an interrupted seed is never mistaken for a finished one.
  const seeding = file.replace(/(\.db)?$/, '.seeding.db')
  removeDatabase(seeding)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const env = { DATABASE_URL: `file:${seeding}` }
  console.log(`Seeding the national-scale benchmark database into ${displayPath(file)} — this takes a few minutes.`)
  const started = Date.now()
  try {
    runVisible(bin('prisma'), ['migrate', 'deploy'], env)
    runVisible(bin('tsx'), ['prisma/seed.ts', '--large'], env)
  } catch (error) {
    removeDatabase(seeding)
    throw error
  }
  removeDatabase(file)
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(seeding + suffix)) fs.renameSync(seeding + suffix, file + suffix)
  }
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s (${formatBytes(fs.statSync(file).size)}).`)
}

// ---------------------------------------------------------------------------------------------
// 2. + 3. The build and the server
// ---------------------------------------------------------------------------------------------

function ensureBuild(force: boolean) {
  if (!force && fs.existsSync(path.join(root, 'build', 'index.js'))) {
    console.log('Using the existing build (build/index.js); --build rebuilds it.')
    return
  }
  runVisible('npm', ['run', 'build'])
}

type Server = { baseUrl: string; processGroup: number; stop: () => Promise<void> }

/** One secret for every server start of a run, so that sessions made in one start stay valid in the next. */
const SESSION_SECRET = crypto.randomBytes(32).toString('hex')

let liveChild: ChildProcess | undefined

/** Kills the server's whole process group (tsx runs the app in a child of its own). */
function killChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

async function startServer(databaseFile: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort()
  const baseUrl = `http://${HOST}:${port}`
  const recent: string[] = []
  const child = spawn(bin('tsx'), ['app/server.ts'], {
    cwd: root,
    detached: true, // its own process group, so that stopping it also stops tsx's child
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `file:${databaseFile}`,
      APP_URL: baseUrl,
      SMTP_URL: '',
      DEMO_DATA: 'on',
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off',
      // The digest sweep has its own measurement (tests/bench/digest-sweep.ts); its first run on
      // the large data renders a day of digests, which would land in the middle of page timings.
      DIGEST_INTERVAL_MS: '3600000',
      // Not written beside the database file: a throw-away secret for this run.
      SESSION_SECRET,
      ...extraEnv,
    },
  })
  liveChild = child
  for (const stream of [child.stdout, child.stderr]) {
    let partial = ''
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        recent.push(line)
        if (recent.length > 40) recent.shift()
        process.stderr.write(`[server] ${line}\n`)
      }
    })
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    killChild(child, 'SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), sleep(8_000).then(() => false)])
    if (!stopped) {
      killChild(child, 'SIGKILL')
      await Promise.race([exited, sleep(2_000)])
    }
    if (liveChild === child) liveChild = undefined
  }

  console.log(`Starting the app on ${baseUrl} …`)
  const started = Date.now()
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${recent.join('\n')}`)
    }
    try {
      const response = await request(`${baseUrl}/healthz`, { timeoutMs: 2_000 })
      if (response.status === 200) {
        console.log(`Ready after ${((Date.now() - started) / 1000).toFixed(1)} s.`)
        return { baseUrl, processGroup: child.pid!, stop }
      }
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  await stop()
  throw new Error(`the server did not answer GET /healthz with 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${recent.join('\n')}`)
}

// ---------------------------------------------------------------------------------------------
// 4. Running a scenario
// ---------------------------------------------------------------------------------------------

export type ScenarioResult = {
  name: string
  method: string
  path: string
  connections: number
  durationSeconds: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Unexpected statuses + connection errors + timeouts. */
  errors: number
  unexpectedStatuses: number
  transportErrors: number
  timeouts: number
  statusCodes: Record<string, number>
  expect: number[]
  flagged: boolean
  failure?: string
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

type Target = { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; body?: string }

function cannon(target: Target, connections: number, durationSeconds: number, onResponse?: (status: number, ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections,
        duration: durationSeconds,
        timeout: 10,
      },
      (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result)),
    )
    if (onResponse) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime))
    }
  })
}

async function runScenario(
  scenario: Scenario,
  ctx: ScenarioContext,
  options: { connections: number; duration: number; warmup: number },
  targets?: Map<string, Target>,
): Promise<ScenarioResult> {
  const method = scenario.method ?? 'GET'
  const expect = scenario.expect ?? [200]
  const prepared = (await scenario.setup?.(ctx)) ?? {}
  const requestPath = prepared.path ?? scenario.path
  if (!requestPath || !requestPath.startsWith('/')) throw new Error(`scenario "${scenario.name}" has no path starting with "/"`)
  const url = new URL(requestPath, ctx.baseUrl)
  if (url.origin !== ctx.baseUrl) throw new Error(`scenario "${scenario.name}" would leave ${ctx.baseUrl}`)
  const target: Target = {
    method,
    url: url.href,
    headers: { ...(method === 'GET' ? {} : { origin: ctx.origin }), ...scenario.headers, ...prepared.headers },
    body: prepared.body ?? scenario.body,
  }
  targets?.set(scenario.name, target)
  const connections = scenario.connections ?? options.connections

  if (options.warmup > 0) await cannon(target, connections, options.warmup)

  let latencies = new Float64Array(1 << 14)
  let count = 0
  const statusCodes: Record<string, number> = {}
  const result = await cannon(target, connections, options.duration, (status, ms) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2)
      bigger.set(latencies)
      latencies = bigger
    }
    latencies[count++] = ms
    statusCodes[status] = (statusCodes[status] ?? 0) + 1
  })
  const sorted = latencies.slice(0, count).sort()
  const unexpectedStatuses = Object.entries(statusCodes)
    .filter(([status]) => !expect.includes(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0)
  const timeouts = result.timeouts
  const transportErrors = result.errors - result.timeouts
  const errors = unexpectedStatuses + result.errors
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    name: scenario.name,
    method,
    path: requestPath,
    connections,
    durationSeconds: result.duration,
    requests: count,
    requestsPerSecond: round(count / (result.duration || options.duration)),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.length ? sorted[sorted.length - 1] : 0),
    errors,
    unexpectedStatuses,
    transportErrors,
    timeouts,
    statusCodes,
    expect,
    flagged: errors > 0 || count === 0,
  }
}

function failedResult(scenario: Scenario, options: { connections: number }, error: unknown): ScenarioResult {
  return {
    name: scenario.name,
    method: scenario.method ?? 'GET',
    path: scenario.path ?? '',
    connections: options.connections,
    durationSeconds: 0,
    requests: 0,
    requestsPerSecond: 0,
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
    maxMs: 0,
    errors: 1,
    unexpectedStatuses: 0,
    transportErrors: 0,
    timeouts: 0,
    statusCodes: {},
    expect: scenario.expect ?? [200],
    flagged: true,
    failure: error instanceof Error ? error.message : String(error),
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Reporting
// ---------------------------------------------------------------------------------------------

function table(results: ScenarioResult[]) {
  const header = ['scenario', 'requests/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors']
  const rows = results.map((r) => [
    r.flagged ? `${r.name} ✗` : r.name,
    r.requestsPerSecond.toFixed(1),
    r.p50Ms.toFixed(1),
    r.p95Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    r.failure ? 'FAILED' : String(r.errors),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

// ---------------------------------------------------------------------------------------------
// 6. The app against a bare baseline (tests/bench/baseline.ts), and the reminder burst
// ---------------------------------------------------------------------------------------------

type Picked = { name: string; target: Target }

const onServer = (target: Target, baseUrl: string): Target => {
  const url = new URL(target.url)
  return { ...target, url: `${baseUrl}${url.pathname}${url.search}` }
}

/** Each page asked twice of an app that writes down its SQL; the statements of the second answer are kept. */
async function captureStatements(databaseFile: string, picked: Picked[]) {
  const captureFile = path.join(benchDir, 'sql-capture.ndjson')
  fs.rmSync(captureFile, { force: true })
  const server = await startServer(databaseFile, { BENCH_SQL_CAPTURE: captureFile })
  stopServer = server.stop
  const pages = new Map<string, BaselinePage>()
  try {
    for (const { name, target } of picked) {
      const local = onServer(target, server.baseUrl)
      await request(local.url, { headers: target.headers }) // the first answer may fill caches
      const { end } = readCapture(captureFile, 0)
      const answer = await request(local.url, { headers: target.headers })
      if (answer.status !== 200) throw new Error(`capturing "${name}": ${local.url} answered ${answer.status}`)
      const url = new URL(local.url)
      const { statements } = readCapture(captureFile, end)
      pages.set(name, { url: url.pathname + url.search, sessionId: sessionIdOf(target.headers.cookie), bytes: Buffer.byteLength(answer.body), statements })
    }
  } finally {
    await server.stop()
    stopServer = undefined
  }
  return pages
}

async function cpuPerRun(target: Target, processGroup: number, seconds: number, connections: number) {
  const before = groupCpuMs(processGroup)
  let answered = 0
  await cannon(target, connections, seconds, (status) => {
    if (status === 200) answered++
  })
  return { cpuMs: groupCpuMs(processGroup) - before, requests: answered, load: loadAverage() }
}

async function compareWithBaseline(databaseFile: string, picked: Picked[], options: { seconds: number; rounds: number; connections: number }) {
  console.log(`\nThe app against the bare baseline: ${picked.length} signed-in page(s), ${options.rounds} × ${options.seconds} s each side, interleaved, ${options.connections} connection(s).`)
  const pages = await captureStatements(databaseFile, picked)
  const app = await startServer(databaseFile)
  stopServer = app.stop
  const baseline = await startBaselineServer({ root, databaseFile, pages: [...pages.values()], port: await freePort(), pagesFile: path.join(benchDir, 'baseline-pages.json') })
  const rows: RatioRow[] = []
  try {
    process.stdout.write('  waiting until the background work is idle … ')
    const idle = await waitUntilIdle(app.processGroup)
    console.log(`${(idle.waitedMs / 1000).toFixed(0)} s (load ${loadAverage().toFixed(2)})`)
    for (const { name, target } of picked) {
      const page = pages.get(name)!
      const appTarget = onServer(target, app.baseUrl)
      const baseTarget = onServer(target, baseline.baseUrl)
      await cannon(appTarget, options.connections, 1)
      await cannon(baseTarget, options.connections, 1)
      const sums = { app: { cpu: 0, requests: 0 }, base: { cpu: 0, requests: 0 } }
      const load: number[] = []
      for (let round = 0; round < options.rounds; round++) {
        const a = await cpuPerRun(appTarget, app.processGroup, options.seconds, options.connections)
        const b = await cpuPerRun(baseTarget, baseline.processGroup, options.seconds, options.connections)
        sums.app.cpu += a.cpuMs
        sums.app.requests += a.requests
        sums.base.cpu += b.cpuMs
        sums.base.requests += b.requests
        load.push(a.load, b.load)
      }
      if (sums.app.requests === 0 || sums.base.requests === 0) throw new Error(`"${name}": no answers (app ${sums.app.requests}, baseline ${sums.base.requests})`)
      const appMs = sums.app.cpu / sums.app.requests
      const baseMs = sums.base.cpu / sums.base.requests
      const row: RatioRow = {
        name,
        statements: page.statements.length,
        bytes: page.bytes,
        appCpuMsPerRequest: appMs,
        baselineCpuMsPerRequest: baseMs,
        ratio: appMs / baseMs,
        appRequests: sums.app.requests,
        baselineRequests: sums.base.requests,
        load,
      }
      rows.push(row)
      console.log(`  ${name}: app ${appMs.toFixed(2)} ms, baseline ${baseMs.toFixed(2)} ms of CPU per request (${row.ratio.toFixed(1)}×; load ${load.map((l) => l.toFixed(2)).join(' / ')})`)
    }
  } finally {
    await baseline.stop()
    await app.stop()
    stopServer = undefined
  }
  return rows
}

/**
 * "My visits" one request at a time while the background thread renders a backlog of reminder
 * e-mails (every planned visit of today and tomorrow made due again), against the same page once the
 * background is idle. The goal: the burst's p95 at most 1.5× the quiet p95.
 */
const BURST_WARMUP_SECONDS = 3

type BurstRound = Awaited<ReturnType<typeof burstRound>>

/**
 * The burst `rounds` times over (each: the reminders made due again, a fresh start, the burst, the
 * quiet), since one window of ten seconds on a shared 2-core machine moves by ±0.2: the verdict is
 * the median round's ratio, and every round is printed.
 */
async function reminderBurst(databaseFile: string, target: Target, seconds: number, rounds: number) {
  console.log(`\nThe reminder burst, ${rounds} round(s): each makes the visits of today and tomorrow due again; the app starts and its background thread queues and renders their reminders.`)
  const all: BurstRound[] = []
  for (let round = 1; round <= rounds; round++) all.push(await burstRound(databaseFile, target, seconds))
  const byRatio = [...all].sort((a, b) => a.ratio - b.ratio)
  const median = byRatio[Math.floor((byRatio.length - 1) / 2)]
  return { ...median, rounds: all.map(({ ratio, burst, quiet, remindersQueuedDuringBurst }) => ({ ratio, burstP95: burst.p95, quietP95: quiet.p95, remindersQueuedDuringBurst })) }
}

async function burstRound(databaseFile: string, target: Target, seconds: number) {
  let db = new Database(databaseFile)
  const now = new Date()
  const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
  const tomorrow = new Date(now.getTime() + 24 * 3_600_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
  const ids = db
    .prepare(`SELECT "id" FROM "Visit" WHERE "status" = 'planned' AND "localDate" IN (?, ?) AND "startsAt" > ?`)
    .pluck()
    .all(today, tomorrow, now.toISOString().replace('Z', '+00:00')) as string[]
  db.transaction(() => {
    const reset = db.prepare(`UPDATE "Visit" SET "reminderQueuedAt" = NULL WHERE "id" = ?`)
    const forget = db.prepare(`DELETE FROM "OutboxMessage" WHERE "dedupeKey" LIKE ?`)
    for (const id of ids) {
      reset.run(id)
      forget.run(`visit-reminder:${id}:%`)
    }
  })()
  // Closed while the app starts: its migration step wants the file to itself.
  db.close()

  const p95 = async (server: Server) => {
    const times: number[] = []
    const before = groupCpuMs(server.processGroup)
    const webBefore = webThreadCpuMs(server.processGroup)
    await cannon(onServer(target, server.baseUrl), 1, seconds, (status, ms) => {
      if (status === 200) times.push(ms)
    })
    times.sort((a, b) => a - b)
    const webCpuMsPerRequest = (webThreadCpuMs(server.processGroup) - webBefore) / Math.max(1, times.length)
    return { p95: percentile(Float64Array.from(times), 95), p50: percentile(Float64Array.from(times), 50), requests: times.length, cpuMs: groupCpuMs(server.processGroup) - before, webCpuMsPerRequest, load: loadAverage() }
  }
  const app = await startServer(databaseFile)
  stopServer = app.stop
  db = new Database(databaseFile, { readonly: true })
  const queuedCount = db.prepare(`SELECT count(*) FROM "Visit" WHERE "reminderQueuedAt" IS NOT NULL AND "localDate" IN (?, ?)`).pluck()
  try {
    // Measure while reminders are being written, not while the app is still starting: wait (up to a
    // minute) for the background thread's first reminder.
    const firstQueued = Number(queuedCount.get(today, tomorrow))
    for (let waited = 0; waited < 60_000 && Number(queuedCount.get(today, tomorrow)) === firstQueued; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    // The fresh server's first requests are slower than any later ones (code not yet optimised by
    // the JIT, SQLite's page cache empty); the quiet measurement comes after thousands of requests.
    // A few seconds of the page, not counted, while the burst has already begun, so that both
    // measure the same warm server.
    await cannon(onServer(target, app.baseUrl), 1, BURST_WARMUP_SECONDS, () => {})
    const startQueued = Number(queuedCount.get(today, tomorrow))
    const burst = await p95(app)
    const queuedDuring = Number(queuedCount.get(today, tomorrow)) - startQueued
    process.stdout.write(`  ${ids.length} visits made due; waiting until the background work is idle … `)
    const idle = await waitUntilIdle(app.processGroup)
    console.log(`${(idle.waitedMs / 1000).toFixed(0)} s`)
    const quiet = await p95(app)
    const ratio = burst.p95 / quiet.p95
    console.log(
      `  my visits, 1 connection: p95 ${burst.p95.toFixed(1)} ms during the burst (${queuedDuring} visits' reminders queued meanwhile, load ${burst.load.toFixed(2)}), ` +
        `${quiet.p95.toFixed(1)} ms when quiet (load ${quiet.load.toFixed(2)}): ${ratio.toFixed(2)}× (goal ≤ 1.5×)`,
    )
    console.log(
      `    p50 ${burst.p50.toFixed(1)} against ${quiet.p50.toFixed(1)} ms; the web thread's own CPU per request ${burst.webCpuMsPerRequest.toFixed(2)} against ${quiet.webCpuMsPerRequest.toFixed(2)} ms; ` +
        `the server's processes used ${(burst.cpuMs / seconds / 1000).toFixed(2)} against ${(quiet.cpuMs / seconds / 1000).toFixed(2)} cores`,
    )
    return { visitsMadeDue: ids.length, remindersQueuedDuringBurst: queuedDuring, burst, quiet, ratio }
  } finally {
    db.close()
    await app.stop()
    stopServer = undefined
  }
}

/** Lighthouse on the public pages and each role's start page, the app alone on the machine. */
async function lighthousePhase(databaseFile: string) {
  console.log('\nLighthouse (mobile preset) on the public pages and the start pages:')
  const app = await startServer(databaseFile)
  stopServer = app.stop
  try {
    await waitUntilIdle(app.processGroup)
    const ctx: ScenarioContext = { baseUrl: app.baseUrl, origin: app.baseUrl, databaseFile }
    const board = await request(`${app.baseUrl}/jobs`)
    const ad = board.body.match(/href="(\/jobs\/[A-Za-z0-9_-]+)"/)?.[1]
    const pages: LighthousePage[] = [
      { name: 'home', url: `${app.baseUrl}/` },
      { name: 'job board', url: `${app.baseUrl}/jobs` },
      ...(ad ? [{ name: 'an ad', url: `${app.baseUrl}${ad}` }] : []),
      { name: 'volunteer start page', url: `${app.baseUrl}/volunteer`, cookie: await logIn(ctx, DEMO_VOLUNTEER.email, DEMO_VOLUNTEER.password) },
      { name: 'facility start page', url: `${app.baseUrl}/facility`, cookie: await logIn(ctx, 'tilbud@frivilligbro.test', DEMO_VOLUNTEER.password) },
      { name: 'coordinator start page', url: `${app.baseUrl}/centre`, cookie: await logIn(ctx, 'koordinator@frivilligbro.test', DEMO_VOLUNTEER.password) },
    ]
    return await runLighthouse(pages)
  } finally {
    await app.stop()
    stopServer = undefined
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function parseOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '2' },
      only: { type: 'string', multiple: true },
      reseed: { type: 'boolean', default: false },
      database: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
      'baseline-seconds': { type: 'string', default: '5' },
      'baseline-rounds': { type: 'string', default: '2' },
      'baseline-connections': { type: 'string', default: '1' },
      'no-burst': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      'burst-seconds': { type: 'string', default: '10' },
      'burst-rounds': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  })
  const number = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}"`)
    return value
  }
  const only = (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)
  return {
    help: values.help,
    duration: Math.round(number('duration', values.duration, 1, 600)),
    connections: Math.round(number('connections', values.connections, 1, 1000)),
    warmup: Math.round(number('warmup', values.warmup, 0, 120)),
    only,
    reseed: values.reseed,
    database: values.database ? path.resolve(process.cwd(), values.database) : defaultDatabase,
    seed: !values['no-seed'],
    build: values.build,
    baseline: !values['no-baseline'],
    baselineSeconds: Math.round(number('baseline-seconds', values['baseline-seconds'], 1, 120)),
    baselineRounds: Math.round(number('baseline-rounds', values['baseline-rounds'], 1, 10)),
    baselineConnections: Math.round(number('baseline-connections', values['baseline-connections'], 1, 100)),
    burst: !values['no-burst'],
    lighthouse: !values['no-lighthouse'],
    burstSeconds: Math.round(number('burst-seconds', values['burst-seconds'], 1, 120)),
    burstRounds: Math.round(number('burst-rounds', values['burst-rounds'], 1, 9)),
  }
}

function selectScenarios(only: string[]) {
  if (only.length === 0) return scenarios
  const chosen = new Set<Scenario>()
  for (const wanted of only) {
    const w = wanted.toLowerCase()
    const exact = scenarios.filter((s) => s.name.toLowerCase() === w)
    const matches = exact.length ? exact : scenarios.filter((s) => s.name.toLowerCase().includes(w))
    if (matches.length === 0) throw new Error(`--only "${wanted}" matches no scenario; there are: ${scenarios.map((s) => s.name).join(', ')}`)
    for (const match of matches) chosen.add(match)
  }
  return scenarios.filter((s) => chosen.has(s))
}

async function main() {
  const options = parseOptions()
  if (options.help) {
    const source = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8')
    const lines = source.split('\n')
    const end = lines.findIndex((l) => !l.startsWith('//'))
    console.log(lines.slice(0, end).map((l) => l.slice(3)).join('\n'))
    return 0
  }
  const chosen = selectScenarios(options.only)

  if (options.reseed && !options.database.startsWith(path.join(root, 'tests', '.tmp') + path.sep)) {
    throw new Error(`--reseed deletes the database; it is only allowed for files under tests/.tmp/, not ${options.database}`)
  }
  if (options.seed) ensureLargeDatabase(options.database, options.reseed)
  else console.log(`Using ${options.database} as it is (--no-seed); the server seeds the demo into it if it is empty.`)
  ensureBuild(options.build)

  const server = await startServer(options.database)
  stopServer = server.stop
  const ctx: ScenarioContext = { baseUrl: server.baseUrl, origin: server.baseUrl, databaseFile: options.database }
  const results: ScenarioResult[] = []
  const targets = new Map<string, Target>()
  try {
    const perScenario = options.warmup + options.duration
    console.log(
      `Running ${chosen.length} scenario(s): ${options.warmup} s warm-up + ${options.duration} s measured at ${options.connections} connections (≈ ${chosen.length * perScenario} s).`,
    )
    for (const scenario of chosen) {
      process.stdout.write(`  ${scenario.name} … `)
      try {
        const result = await runScenario(scenario, ctx, options, targets)
        results.push(result)
        const statuses = Object.entries(result.statusCodes).map(([s, n]) => `${s}×${n}`).join(' ')
        console.log(`${result.requestsPerSecond.toFixed(1)} req/s, p95 ${result.p95Ms.toFixed(1)} ms (${statuses || 'no responses'}${result.errors ? `, ${result.errors} errors` : ''})`)
      } catch (error) {
        const failed = failedResult(scenario, options, error)
        results.push(failed)
        console.log(`FAILED: ${failed.failure}`)
      }
    }
  } finally {
    await server.stop()
    stopServer = undefined
  }

  // Signed-in pages (a session cookie) that answered without errors, against their bare baseline.
  const signedIn = chosen
    .filter((s) => (s.method ?? 'GET') === 'GET' && targets.get(s.name)?.headers.cookie && results.some((r) => r.name === s.name && !r.flagged))
    .map((s) => ({ name: s.name, target: targets.get(s.name)! }))
  const comparison = options.baseline && signedIn.length > 0
    ? await compareWithBaseline(options.database, signedIn, { seconds: options.baselineSeconds, rounds: options.baselineRounds, connections: options.baselineConnections })
    : []
  const myVisits = signedIn.find((s) => s.name === 'my visits')
  const burst = options.burst && myVisits ? await reminderBurst(options.database, myVisits.target, options.burstSeconds, options.burstRounds) : undefined

  const lighthouseScores = options.lighthouse ? await lighthousePhase(options.database) : []

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  }
  const databaseSize = fs.existsSync(options.database) ? fs.statSync(options.database).size : 0
  console.log('')
  console.log(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, ${machine.platform}`)
  console.log(`Database: ${displayPath(options.database)} (${formatBytes(databaseSize)})`)
  console.log(`Load: ${options.connections} connections, ${options.duration} s per scenario after a ${options.warmup} s warm-up`)
  console.log('')
  console.log(table(results))
  if (comparison.length) {
    console.log('')
    console.log(`CPU per request, the app against the bare baseline (node:http + better-sqlite3 replaying the page's captured SQL), ${options.baselineRounds} × ${options.baselineSeconds} s each, interleaved, ${options.baselineConnections} connection(s):`)
    console.log('')
    console.log(ratioTable(comparison, 8))
    const smallest = comparison.find((row) => row.name === 'centre start page')
    const largest = comparison.find((row) => row.name === 'centre start page (largest centre)')
    if (smallest && largest) {
      const growth = largest.appCpuMsPerRequest / smallest.appCpuMsPerRequest
      console.log(`\nThe largest centre's start page costs ${growth.toFixed(2)}× the smallest's (goal ≤ 1.5×).`)
    }
  }
  if (lighthouseScores.length) {
    console.log('\nLighthouse 12 (mobile preset, simulated throttling), one run per page:\n')
    console.log(lighthouseTable(lighthouseScores))
  }
  if (burst) {
    const each = burst.rounds.map((round) => `${round.ratio.toFixed(2)}×`).join(', ')
    console.log(`\nReminder burst: "my visits" p95 ${burst.burst.p95.toFixed(1)} ms during the burst, ${burst.quiet.p95.toFixed(1)} ms quiet: ${burst.ratio.toFixed(2)}×, the median of ${burst.rounds.length} round(s) (${each}; goal ≤ 1.5×).`)
  }
  const flagged = results.filter((r) => r.flagged)
  if (flagged.length) {
    console.log('')
    for (const r of flagged) {
      const detail = r.failure ?? `expected ${r.expect.join('/')}, got ${JSON.stringify(r.statusCodes)}; ${r.transportErrors} connection errors, ${r.timeouts} timeouts`
      console.log(`✗ ${r.name}: ${detail}`)
    }
  }

  fs.mkdirSync(benchDir, { recursive: true })
  const report = {
    finishedAt: new Date().toISOString(),
    machine,
    database: { file: options.database, bytes: databaseSize },
    options: { connections: options.connections, durationSeconds: options.duration, warmupSeconds: options.warmup },
    results,
    baseline: comparison,
    burst,
    lighthouse: lighthouseScores,
  }
  fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nResults written to ${path.relative(root, resultsFile)}`)
  return flagged.length ? 1 : 0
}

let stopServer: (() => Promise<void>) | undefined

async function interrupted(signal: NodeJS.Signals) {
  console.error(`\n${signal}: stopping the server …`)
  if (stopServer) await stopServer().catch(() => {})
  else if (liveChild) killChild(liveChild, 'SIGKILL')
  process.exit(130)
}

// Runs only as a script, so that other code may import `scenarios` and the helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.once('SIGINT', () => void interrupted('SIGINT'))
  process.once('SIGTERM', () => void interrupted('SIGTERM'))
  // Last resort (e.g. an uncaught error): never leave the server running.
  process.on('exit', () => {
    if (liveChild) killChild(liveChild, 'SIGKILL')
  })
  main().then(
    (code) => {
      process.exitCode = code
    },
    async (error) => {
      console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`)
      if (stopServer) await stopServer().catch(() => {})
      process.exitCode = 1
    },
  )
}
