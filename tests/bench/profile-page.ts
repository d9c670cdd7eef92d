// A CPU profile of the built app serving one bench scenario: `npx tsx tests/bench/profile-page.ts
// "<scenario>" [seconds]` (default 15). Starts the app like `npm run bench` does, on the bench
// database, with `node --cpu-prof`, runs the scenario's setup, warms up, sends requests at one
// connection for the given seconds, stops the app and prints the self time of the measured
// stretch by where it was spent (Prisma, SQLite, React, Remix, Express/HTTP, i18next, GC, the app).
// The .cpuprofile is kept in tests/.tmp/bench/profiles (open it in Chrome's DevTools).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { scenarios, type ScenarioContext } from './run'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const benchDir = path.join(root, 'tests', '.tmp', 'bench')
const profileDir = path.join(benchDir, 'profiles')
const HOST = '127.0.0.1'

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** Where a sampled function belongs; the first matching rule wins. */
const CATEGORIES: [string, (fn: string, url: string) => boolean][] = [
  ['GC', (fn) => fn === '(garbage collector)'],
  ['idle', (fn) => fn === '(idle)'],
  ['program (native, unattributed)', (fn) => fn === '(program)'],
  ['Prisma query compiler (WASM)', (fn, url) => url.includes('query_compiler') || url.startsWith('wasm://') || fn.startsWith('$func') || fn.startsWith('wasm-function')],
  ['Prisma client + adapter', (_fn, url) => url.includes('@prisma/') || url.includes('/app/generated/prisma')],
  ['SQLite (better-sqlite3)', (fn, url) => url.includes('better-sqlite3') || ['all', 'get', 'run', 'iterate', 'prepare', 'exec', 'raw', 'pluck'].includes(fn) && url === ''],
  ['Kysely (compile)', (_fn, url) => url.includes('/kysely/')],
  ['React SSR', (_fn, url) => url.includes('react-dom') || url.includes('/react/')],
  ['Remix server', (_fn, url) => url.includes('@remix-run/') || url.includes('react-router') || url.includes('turbo-stream')],
  ['i18next', (_fn, url) => url.includes('i18next')],
  ['Lucia / oslo', (_fn, url) => url.includes('/lucia/') || url.includes('/oslo/')],
  ['cookie/crypto', (_fn, url) => url.includes('cookie') || url.includes('cookie-signature')],
  ['compression / zlib', (_fn, url) => url.includes('compression') || url.includes('node:zlib')],
  ['Express + middleware', (_fn, url) => ['/express/', 'serve-static', '/send/', 'on-finished', 'finalhandler', 'helmet', 'body-parser', '/router/', 'path-to-regexp'].some((part) => url.includes(part))],
  ['pino (logging)', (_fn, url) => url.includes('pino') || url.includes('sonic-boom')],
  ['date-fns', (_fn, url) => url.includes('date-fns')],
  ['zod', (_fn, url) => url.includes('/zod/')],
  ['the app (build/index.js)', (_fn, url) => url.includes('/build/index.js')],
  ['Node HTTP/streams', (_fn, url) => url.startsWith('node:') && ['http', '_http', 'stream', 'net', 'events', 'buffer', 'internal/streams', 'internal/webstreams'].some((part) => url.includes(part))],
  ['undici (Request/Headers)', (_fn, url) => url.includes('undici') || url.includes('internal/deps/undici')],
  ['Node other', (_fn, url) => url.startsWith('node:')],
  ['native builtins (JSON, RegExp, …)', (_fn, url) => url === ''],
  ['other node_modules', (_fn, url) => url.includes('node_modules')],
]

export function categorise(profilePath: string, lastSeconds: number) {
  const profile = JSON.parse(fs.readFileSync(profilePath, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const categoryOf = new Map<number, string>()
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame
    categoryOf.set(node.id, CATEGORIES.find(([, test]) => test(functionName, url))?.[0] ?? 'other')
  }
  // Only the measured stretch: the samples of the last `lastSeconds` before the app was stopped.
  const times: number[] = []
  let t = profile.startTime
  for (const delta of profile.timeDeltas) times.push((t += delta))
  const from = profile.endTime - lastSeconds * 1e6
  const totals = new Map<string, number>()
  const functions = new Map<string, number>()
  let busy = 0
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < from) continue
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const category = categoryOf.get(profile.samples[i]) ?? 'other'
    totals.set(category, (totals.get(category) ?? 0) + delta)
    if (category !== 'idle') busy += delta
    const frame = byId.get(profile.samples[i])!.callFrame
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/build\//, 'build/')}`
    functions.set(key, (functions.get(key) ?? 0) + delta)
  }
  return { totals, functions, busy }
}

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    }).on('error', reject)
  })
}

async function main() {
  const [name, secondsArg] = process.argv.slice(2)
  const scenario = scenarios.find((s) => s.name === name)
  if (!scenario) throw new Error(`no scenario "${name}"; one of: ${scenarios.map((s) => s.name).join(', ')}`)
  const seconds = Number(secondsArg ?? 15)
  const databaseFile = path.join(benchDir, 'large.db')
  const port = 39000 + Math.floor(Math.random() * 1000)
  const baseUrl = `http://${HOST}:${port}`
  const runDir = path.join(profileDir, `${Date.now()}`)
  fs.mkdirSync(runDir, { recursive: true })
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${runDir}`, '--import', 'tsx', 'app/server.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
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
      DIGEST_INTERVAL_MS: '3600000',
      SESSION_SECRET: 'profile-page-secret-profile-page-secret-0123456789',
    },
  })
  try {
    for (let i = 0; ; i++) {
      if ((await get(`${baseUrl}/healthz`).catch(() => 0)) === 200) break
      if (i > 240) throw new Error('the app did not start')
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const ctx: ScenarioContext = { baseUrl, origin: baseUrl, databaseFile }
    const setup = (await scenario.setup?.(ctx)) ?? {}
    const url = `${baseUrl}${setup.path ?? scenario.path}`
    const headers = { ...scenario.headers, ...setup.headers }
    console.log(`GET ${url} → ${await get(url, headers)}; warming up, then ${seconds} s measured`)
    // Let the start-up's background work (housekeeping on the bench data) settle first.
    await new Promise((resolve) => setTimeout(resolve, 15_000))
    const run = (duration: number) => new Promise<autocannon.Result>((resolve, reject) => autocannon({ url, headers, connections: 1, duration }, (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result))))
    await run(3)
    const result = await run(seconds)
    console.log(`${result.requests.total} requests, ${result.requests.average} req/s, non-2xx ${result.non2xx}`)
    const requests = result.requests.total
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    // One profile per thread (the app, tsx's loader, the background work); the main thread's is numbered first.
    const profiles = fs.readdirSync(runDir).sort().map((file) => path.join(runDir, file))
    const { totals, functions, busy } = categorise(profiles[0], seconds + 0.5)
    console.log(`\n${path.relative(root, profiles[0])}: ${busy.toFixed(0)} ms busy in the measured stretch, ${(busy / requests).toFixed(2)} ms per request (main thread)`)
    for (const [category, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
      if (category === 'idle') continue
      console.log(`${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${(ms / requests).toFixed(2).padStart(6)} ms/req  ${category}`)
    }
    console.log('\nTop functions (self time):')
    for (const [key, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
      if (key.startsWith('(idle)')) continue
      console.log(`${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${key}`)
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
}

await main()
