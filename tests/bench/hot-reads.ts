// CPU per call of the hot pages' reads, before (Prisma / $queryRaw, tests/setup/reads-before.ts)
// and after (typed Kysely reads on the read connection, app/utils/sql.server.ts):
//
//   npx tsx tests/bench/hot-reads.ts [--database tests/.tmp/bench/demo.db] [--calls 500]
//
// Works on a copy of the database; without one it seeds the demo (prisma/seed.ts) once into
// tests/.tmp/bench/demo.db. Each read is first checked to return the same as its old version on
// this data, then called `calls` times each way, interleaved in rounds of 50 (old, new, old, new…)
// so that a busy neighbour on the shared machine weighs on both alike; the load average is printed
// beside each line. CPU is this process's (SQLite runs inside it), from process.cpuUsage.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual, parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values } = parseArgs({
  options: { database: { type: 'string', default: path.join(root, 'tests', '.tmp', 'bench', 'demo.db') }, calls: { type: 'string', default: '500' } },
})
const calls = Number(values.calls)
const source = path.resolve(values.database!)
const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma')
if (!fs.existsSync(source)) {
  console.log(`Seeding the demo into ${source} …`)
  fs.mkdirSync(path.dirname(source), { recursive: true })
  const env = { ...process.env, DATABASE_URL: `file:${source}`, LOG_LEVEL: 'silent' }
  execFileSync(prismaBin, ['migrate', 'deploy'], { cwd: root, env, stdio: 'pipe' })
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['prisma/seed.ts'], { cwd: root, env, stdio: 'pipe' })
}
const copy = path.join(os.tmpdir(), `hot-reads-${process.pid}.db`)
fs.copyFileSync(source, copy)
process.env.DATABASE_URL = `file:${copy}`
process.env.LOG_LEVEL = 'silent'

try {
  const { prisma, Prisma } = await import('~/utils/db.server')
  const { buildActor } = await import('~/utils/permissions.server')
  const { upcomingVisits, visitsToLog, nextVisit } = await import('~/models/visit.server')
  const { threadList, threadPage } = await import('~/models/thread.server')
  const { spacesFor } = await import('~/models/space.server')
  const { volunteerOverview, volunteerProfile } = await import('~/models/volunteer.server')
  const before = await import('../setup/reads-before')
  const { copenhagenDate, sqliteInstant, wallClockInstant } = await import('~/utils/time')
  const { LOG_WITHIN_DAYS } = await import('~/models/visit.server')
  type Role = Parameters<typeof buildActor>[0]['role']

  const person = async (email: string) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, centreId: true } })
    return { ...user, role: user.role as Role }
  }
  const volunteer = await person('frivillig@frivilligbro.test')
  const staff = await person('tilbud@frivilligbro.test')
  const volunteerActor = await buildActor(volunteer)
  const staffActor = await buildActor(staff)
  // The demo's liveliest thread, read by its first poster.
  const thread = await prisma.thread.findFirstOrThrow({ orderBy: { postCount: 'desc' }, select: { id: true, centreId: true, facilityId: true, authorId: true } })
  const reader = thread.authorId ?? volunteer.id
  const now = new Date()
  const today = sqliteInstant(wallClockInstant(copenhagenDate(now), '00:00'))
  const since = new Date(now.getTime() - LOG_WITHIN_DAYS * 86_400_000)
  const actorBefore = async (user: typeof staff) => {
    const memberships = await prisma.facilityMembership.findMany({ where: { userId: user.id, status: 'active' }, select: { facilityId: true, role: true, isContactPerson: true } })
    return { id: user.id, role: user.role, centreId: user.centreId, centreMunicipalityIds: [], memberships }
  }

  const cases: { name: string; old: () => Promise<unknown>; new: () => Promise<unknown> }[] = [
    { name: 'my visits, volunteer (upcoming)', old: () => before.visitListBefore(volunteerActor, Prisma.sql`v."startsAt" >= ${today}`, 'asc', 40), new: () => upcomingVisits(volunteerActor, now) },
    { name: 'my visits, staff (upcoming)', old: () => before.visitListBefore(staffActor, Prisma.sql`v."startsAt" >= ${today}`, 'asc', 40), new: () => upcomingVisits(staffActor, now) },
    {
      name: 'visits to log, staff',
      old: () => before.visitListBefore(staffActor, Prisma.sql`v."startsAt" >= ${sqliteInstant(since)} AND v."startsAt" < ${sqliteInstant(now)} AND v."endsAt" < ${sqliteInstant(now)} AND +v."status" = 'planned'`, 'desc', 20),
      new: () => visitsToLog(staffActor, now),
    },
    {
      name: 'next visit, staff (start page)',
      old: async () => (await before.visitListBefore(staffActor, Prisma.sql`v."startsAt" >= ${sqliteInstant(now)} AND +v."status" = 'planned'`, 'asc', 1))[0] ?? null,
      new: () => nextVisit(staffActor, now),
    },
    { name: 'thread page', old: () => before.threadPageBefore(thread.id, { userId: reader, moderator: false }, now), new: () => threadPage(thread.id, { userId: reader, moderator: false }, now) },
    { name: 'thread list', old: () => before.threadListBefore(thread, { userId: reader }), new: () => threadList(thread, { userId: reader }) },
    { name: 'volunteer start page overview', old: () => before.volunteerOverviewBefore(volunteer.id, now), new: () => volunteerOverview(volunteer.id, now) },
    { name: 'volunteer profile (start page)', old: () => before.volunteerProfileBefore(volunteer.id), new: () => volunteerProfile(volunteer.id) },
    { name: 'spaces of a volunteer (/threads)', old: () => before.spacesForBefore(volunteerActor), new: () => spacesFor(volunteerActor) },
    { name: 'actor of a staff request', old: () => actorBefore(staff), new: () => buildActor(staff) },
  ]

  const cpuMs = async (fn: () => Promise<unknown>, n: number) => {
    const start = process.cpuUsage()
    for (let i = 0; i < n; i++) await fn()
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000
  }
  console.log(`${calls} calls each, interleaved in rounds of 50; CPU ms per call\n`)
  console.log('read'.padEnd(34), 'before'.padStart(8), 'after'.padStart(8), 'after÷before'.padStart(13), '  load average')
  for (const c of cases) {
    const [a, b] = [await c.old(), await c.new()]
    if (!isDeepStrictEqual(a, b)) throw new Error(`${c.name}: the new read differs from the old one on this data`)
    // Warm both (statement caches, JIT) before measuring.
    await cpuMs(c.old, 50)
    await cpuMs(c.new, 50)
    let old = 0
    let next = 0
    for (let done = 0; done < calls; done += 50) {
      old += await cpuMs(c.old, 50)
      next += await cpuMs(c.new, 50)
    }
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ')
    console.log(c.name.padEnd(34), (old / calls).toFixed(3).padStart(8), (next / calls).toFixed(3).padStart(8), `${((next / old) * 100).toFixed(0)} %`.padStart(13), ` ${load}`)
  }
  await prisma.$disconnect()
} finally {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
}
