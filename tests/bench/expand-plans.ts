// How long the housekeeping job takes to expand every visit plan on the national-scale data:
// `npx tsx tests/bench/expand-plans.ts [--database tests/.tmp/bench/large.db]`.
//
// Works on a throw-away copy of the benchmark database (tests/.tmp/bench/expand-plans.db), brought
// up to date with the migrations, and times `extendPlanHorizons` three ways:
//   1. as the worker finds the data: the large seed made visits 8 weeks ahead, so every confirmed
//      plan of an active match gets the 4 missing weeks (the worst case: a catch-up of all plans),
//   2. again at once (nothing to do: the idempotent no-op every 10 minutes),
//   3. the next day (the daily increment: the plans whose weekday came round get one more visit).
// The target is under 5 s for each. The machine is shared, so figures are indicative.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values } = parseArgs({ options: { database: { type: 'string', default: path.join(root, 'tests', '.tmp', 'bench', 'large.db') } } })
const source = path.resolve(values.database!)
if (!fs.existsSync(source)) throw new Error(`no benchmark database at ${source} — run \`npm run bench\` once to seed it`)
const copy = path.join(root, 'tests', '.tmp', 'bench', 'expand-plans.db')
fs.mkdirSync(path.dirname(copy), { recursive: true })
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
fs.copyFileSync(source, copy)
process.env.DATABASE_URL = `file:${copy}`
process.env.LOG_LEVEL = 'silent'
execFileSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], { cwd: root, env: process.env, stdio: 'pipe' })

const { prisma, configureDatabase } = await import('../../app/utils/db.server')
const { extendPlanHorizons } = await import('../../app/models/visit-plan.server')
await configureDatabase(prisma)

// CPU seconds of this process (SQLite runs inside it) are printed beside the wall-clock time: on
// a shared, busy machine they say more about the job's own cost than the wall clock does.
async function timed(label: string, now = new Date()) {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = await extendPlanHorizons(now)
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  console.log(`${label.padEnd(48)} ${seconds.toFixed(2).padStart(6)} s (CPU ${cpuSeconds.toFixed(2)} s)   plans ${String(result.plans).padStart(6)}   visits made ${String(result.created).padStart(7)}`)
  return seconds
}

const visitsBefore = await prisma.visit.count()
console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`)
console.log(`${await prisma.visitPlan.count({ where: { status: 'confirmed' } })} confirmed plans, ${visitsBefore} visits in ${path.relative(root, source)}`)
const times = [
  await timed('1. as found (every plan to the 12-week horizon)'),
  await timed('2. again at once (nothing to do)'),
  await timed('3. the next day (the daily increment)', new Date(Date.now() + 86_400_000)),
]
console.log(`${(await prisma.visit.count()) - visitsBefore} visits added in all; slowest run ${Math.max(...times).toFixed(2)} s (target < 5 s).`)
await prisma.$disconnect()
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
