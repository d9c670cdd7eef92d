// The event page's reads (issue 15) moved from Prisma to the read connection: on the demo data,
// with a waiting list added, they return what the Prisma reads returned (tests/setup/reads-before.ts)
// for every demo person and a visitor, and every event.
import { beforeAll, expect, test } from 'vitest'
import { seedDemo } from '../../prisma/seed'
import { eventForViewerBefore, eventViewerBefore } from '../../tests/setup/reads-before'
import { eventForViewer, eventViewer, signUp } from './event.server'
import { prisma } from '~/utils/db.server'

type Person = { id: string; role: string; centreId: string | null }
let people: (Person | null)[] = []

/** The viewer with its centre lists sorted: the Prisma read did not order them either. */
const sorted = <V extends { volunteerOf: string[]; staffOf: string[] } | null>(viewer: V) =>
  viewer && { ...viewer, volunteerOf: [...viewer.volunteerOf].sort(), staffOf: [...viewer.staffOf].sort() }

beforeAll(async () => {
  await seedDemo(prisma)
  people = [...(await prisma.user.findMany({ select: { id: true, role: true, centreId: true }, orderBy: { email: 'asc' } })), null]
  // A waiting list: the demo's volunteer event gets room for one, and every volunteer who may join signs up.
  const event = await prisma.event.findFirstOrThrow({ where: { audience: 'volunteers', status: 'published' }, select: { id: true } })
  await prisma.event.update({ where: { id: event.id }, data: { capacity: 1 } })
  for (const person of people) {
    if (person?.role !== 'volunteer') continue
    await signUp((await eventViewer(person))!, event.id)
  }
}, 120_000)

test('who is asking: the centres a volunteer lives or travels in, a staff member works in', async () => {
  for (const person of people) expect(sorted(await eventViewer(person))).toEqual(sorted(await eventViewerBefore(person)))
  const viewers = await Promise.all(people.map((person) => eventViewer(person)))
  // The comparison met volunteers and staff with centres, and a visitor.
  expect(viewers.some((viewer) => (viewer?.volunteerOf.length ?? 0) > 0)).toBe(true)
  expect(viewers.some((viewer) => (viewer?.staffOf.length ?? 0) > 0)).toBe(true)
  expect(viewers).toContain(null)
})

test('each event as each person sees it: hidden, open, confirmed, waiting with people ahead', async () => {
  const events = await prisma.event.findMany({ select: { id: true } })
  const seen: unknown[] = []
  for (const { id } of [...events, { id: 'no-such-event' }]) {
    for (const person of people) {
      const viewer = await eventViewerBefore(person)
      const after = await eventForViewer(id, viewer)
      expect(after).toEqual(await eventForViewerBefore(id, viewer))
      seen.push(after)
    }
  }
  const shown = seen.filter((event): event is NonNullable<Awaited<ReturnType<typeof eventForViewer>>> => event !== null)
  expect(shown.length).toBeGreaterThan(0)
  expect(seen.length).toBeGreaterThan(shown.length)
  expect(shown.some((event) => event.myStatus === 'confirmed')).toBe(true)
  expect(shown.some((event) => event.waitingAhead > 0)).toBe(true)
  expect(shown.some((event) => event.sessions.length > 1)).toBe(true)
})
