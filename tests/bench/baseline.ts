// The app against a bare baseline (issue 15), part of `npm run bench`:
//
//   1. capture: the app is started with BENCH_SQL_CAPTURE, each signed-in page is asked twice and
//      the SQL statements of the second answer are kept, with the answer's byte size;
//   2. the app (without capture) and tests/bench/baseline-server.ts run side by side on the same
//      database; once the app's background work is idle, each page is measured app / baseline /
//      app / baseline, and the CPU time of each server's processes (from /proc) is divided by the
//      requests it answered. The machine's load average is printed beside each figure.
//   3. the burst: "my visits" one request at a time while the background thread renders a backlog of
//      reminder e-mails, against the same page when the background is quiet.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BaselinePage, CapturedStatement } from './baseline-server'

export type CpuSample = { ticks: number; at: number }

const CLOCK_TICKS_PER_SECOND = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  const value = Number(result.stdout?.trim())
  return Number.isFinite(value) && value > 0 ? value : 100
})()

/** CPU time (user + system, every thread) of all processes in a process group, in ms. */
export function groupCpuMs(processGroup: number) {
  let ticks = 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== processGroup) continue
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}

/**
 * CPU time of the server's web thread alone (the main thread of the group's process with the most
 * threads: the one that answers requests), in ms: the burst tells the web thread's own CPU per
 * request apart from the time it waited for a core.
 */
export function webThreadCpuMs(processGroup: number) {
  let best: { pid: string; threads: number } | undefined
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== processGroup) continue
      const threads = fs.readdirSync(`/proc/${entry}/task`).length
      if (!best || threads > best.threads) best = { pid: entry, threads }
    } catch {
      continue // gone meanwhile
    }
  }
  if (!best) return 0
  const stat = fs.readFileSync(`/proc/${best.pid}/task/${best.pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits until the server's processes use under 3 % of a core for three seconds in a row (the
 * background thread has finished its start-up sweep: reminders, digests, plan horizons). Returns
 * how long that took; gives up after `timeoutMs` and says so.
 */
export async function waitUntilIdle(processGroup: number, { timeoutMs = 300_000, log = console.log } = {}) {
  const started = Date.now()
  let quiet = 0
  let before = groupCpuMs(processGroup)
  while (Date.now() - started < timeoutMs) {
    await sleep(1000)
    const now = groupCpuMs(processGroup)
    quiet = now - before < 30 ? quiet + 1 : 0
    before = now
    if (quiet >= 3) return { idle: true, waitedMs: Date.now() - started }
  }
  log(`  (the app was still busy after ${timeoutMs / 1000} s; measuring anyway)`)
  return { idle: false, waitedMs: Date.now() - started }
}

export function loadAverage() {
  return os.loadavg()[0]
}

/** The statements written to the capture file since `offset`. */
export function readCapture(file: string, offset: number): { statements: CapturedStatement[]; end: number } {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  const statements = text
    .slice(offset)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedStatement)
  return { statements, end: text.length }
}

export function sessionIdOf(cookie: string | undefined) {
  const match = /(?:^|;\s*)frivilligbro_session=([^;]+)/.exec(cookie ?? '')
  return match ? match[1] : null
}

export type BaselineServer = { baseUrl: string; processGroup: number; stop: () => Promise<void> }

/** Starts tests/bench/baseline-server.ts for these pages on a free port. */
export async function startBaselineServer(options: {
  root: string
  databaseFile: string
  pages: BaselinePage[]
  port: number
  pagesFile: string
}): Promise<BaselineServer> {
  fs.writeFileSync(options.pagesFile, JSON.stringify(options.pages))
  const child = spawn(path.join(options.root, 'node_modules', '.bin', 'tsx'), ['tests/bench/baseline-server.ts', options.databaseFile, options.pagesFile, String(options.port)], {
    cwd: options.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the baseline server did not start within 30 s')), 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('baseline ready')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`the baseline server exited (${code})`)))
  })
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  return { baseUrl: `http://127.0.0.1:${options.port}`, processGroup: child.pid!, stop }
}

export type RatioRow = {
  name: string
  statements: number
  bytes: number
  appCpuMsPerRequest: number
  baselineCpuMsPerRequest: number
  ratio: number
  appRequests: number
  baselineRequests: number
  load: number[]
}

export function ratioTable(rows: RatioRow[], goal: number) {
  const header = ['scenario', 'SQL', 'KB', 'app CPU ms/req', 'baseline CPU ms/req', 'app ÷ baseline', `≤ ${goal}×`, 'load (1 min) per run']
  const lines = rows.map((row) => [
    row.name,
    String(row.statements),
    (row.bytes / 1024).toFixed(0),
    row.appCpuMsPerRequest.toFixed(2),
    row.baselineCpuMsPerRequest.toFixed(2),
    `${row.ratio.toFixed(1)}×`,
    row.ratio <= goal ? 'yes' : 'no',
    row.load.map((l) => l.toFixed(2)).join(' / '),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)))
  const format = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 || i === 7 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 || i === 7 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [format(header), rule, ...lines.map(format)].join('\n')
}
