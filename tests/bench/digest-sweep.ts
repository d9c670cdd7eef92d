// Times the followers' digest sweep (sendThreadDigests) on the national-scale data:
//
//   npx tsx tests/bench/digest-sweep.ts [--database tests/.tmp/bench/large.db]
//
// Works on a copy of the database (the sweep writes lastNotifiedAt and outbox rows) and sweeps at
// the seed's "now" — a day of posts to tell followers about — until a sweep finds nothing due (the
// cost of the sweep that runs every minute on a quiet day). Beside each sweep's time it prints how
// long its transactions took (the time SQLite's write lock is held, and web requests that write
// wait): in total, the longest one, and the median.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values } = parseArgs({ options: { database: { type: 'string', default: path.join(root, 'tests', '.tmp', 'bench', 'large.db') } } })
const source = path.resolve(values.database)
if (!fs.existsSync(source)) throw new Error(`No database at ${source}; run npm run bench once (it seeds one).`)
const copy = path.join(os.tmpdir(), `digest-sweep-${process.pid}.db`)
fs.copyFileSync(source, copy)
process.env.DATABASE_URL = `file:${copy}`
process.env.LOG_LEVEL = 'silent'

try {
  const { prisma } = await import('~/utils/db.server')
  const { sendThreadDigests } = await import('~/models/thread-digest.server')
  const held: number[] = []
  const transaction = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>
  ;(prisma as unknown as { $transaction: unknown }).$transaction = async (...args: unknown[]) => {
    const started = performance.now()
    try {
      return await transaction(...args)
    } finally {
      held.push(performance.now() - started)
    }
  }
  const [latest] = await prisma.$queryRaw<{ at: string }[]>`SELECT max("createdAt") AS "at" FROM "Post"`
  const now = new Date(new Date(latest.at).getTime() + 60_000)
  const counts = {
    subscriptions: await prisma.threadSubscription.count(),
    postsLastDay: await prisma.post.count({ where: { createdAt: { gt: new Date(now.getTime() - 86_400_000) } } }),
  }
  console.log(`Subscriptions ${counts.subscriptions.toLocaleString('en')}, posts in the last 24 h ${counts.postsLastDay.toLocaleString('en')}`)
  // Sweeps as the server runs them (one a minute), until one finds nothing due.
  for (let sweep = 1; sweep <= 20; sweep++) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const result = await sendThreadDigests(now)
    const used = process.cpuUsage(cpu)
    const sorted = held.splice(0).sort((a, b) => a - b)
    const lock = sorted.length
      ? `; ${sorted.length} transactions, ${sorted.reduce((sum, ms) => sum + ms, 0).toFixed(0)} ms in all, longest ${sorted[sorted.length - 1].toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms`
      : ''
    console.log(`sweep ${sweep}: ${(performance.now() - started).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms${lock}) — ${JSON.stringify(result)}`)
    if (result.checked === 0) break
  }
  await prisma.$disconnect()
} finally {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
}
