// How long the housekeeping job takes to expand every visit plan on the national-scale data:
// `npx tsx tests/bench/expand-plans.ts [--database tests/.tmp/bench/large.db]`.
//
// Works on a throw-away copy of the benchmark database (tests/.tmp/bench/expand-plans.db), brought
// up to date with the migrations, and times `extendPlanHorizons` three ways:
//   1. as the worker finds the data (plans generated 8 weeks ahead: it adds the missing weeks),
//   2. again at once (nothing to do: the idempotent no-op every 10 minutes),
//   3. with every plan's `generatedUntil` cleared, so every confirmed plan of an active match is
//      expanded from today to the 12-week horizon (most rows then meet INSERT OR IGNORE).
// The target is under 5 s for each. The machine is shared, so figures are indicative.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
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

async function timed(label: string) {
  const started = performance.now()
  const result = await extendPlanHorizons()
  const seconds = (performance.now() - started) / 1000
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s   plans ${String(result.plans).padStart(6)}   visits made ${String(result.created).padStart(7)}`)
  return seconds
}

const visitsBefore = await prisma.visit.count()
console.log(`${await prisma.visitPlan.count({ where: { status: 'confirmed' } })} confirmed plans, ${visitsBefore} visits in ${path.relative(root, source)}`)
const times = [await timed('1. as found (extend to the 12-week horizon)'), await timed('2. again at once (nothing to do)')]
await prisma.visitPlan.updateMany({ data: { generatedUntil: null } })
times.push(await timed('3. every plan from today (generatedUntil cleared)'))
console.log(`${(await prisma.visit.count()) - visitsBefore} visits added in all; slowest run ${Math.max(...times).toFixed(2)} s (target < 5 s).`)
await prisma.$disconnect()
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
