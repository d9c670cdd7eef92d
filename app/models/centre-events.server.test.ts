import { beforeAll, describe, expect, test } from 'vitest'
import { createCentre, createUser } from '../../tests/setup/fixtures'
import { centreEventCountsQuery, centreEventPage, centreEventPageQuery, centreEvents, createEvent, setEventStatus, upcomingCentreEvents, type EventInput } from './event.server'
import { prisma } from '~/utils/db.server'
import { queryPlan } from '~/utils/sql.server'
import { addDays, sqliteInstant, wallClockInstant } from '~/utils/time'
import { PAGE_SIZE } from '~/utils/workbench'

const TODAY = '2026-03-02'
const NOW = wallClockInstant(TODAY, '10:00')

function event(title: string, sessions: [days: number, time: string][]): EventInput {
  return {
    kind: 'intro_meeting',
    title,
    description: '',
    capacity: 10,
    audience: 'volunteers',
    signupDeadlineDate: null,
    sessions: sessions.map(([days, time]) => ({ localDate: addDays(TODAY, days), startTime: time, endTime: '23:00', place: 'Frivilligcentret', onlineUrl: null })),
  }
}

let centreId: string
let otherCentreId: string
/** Event ids by title in the centre under test. */
const ids = new Map<string, string>()

/**
 * The centre: 26 coming events (two of them start at the very same minute, the 25th and 26th in
 * order, so the tie falls on the page boundary), 27 past ones (one a course whose first evening
 * is past and whose second is still ahead, one that began an hour ago) and a draft and a
 * cancelled one among them. Another centre holds events on the same days, which must never show.
 */
beforeAll(async () => {
  const centre = await createCentre(['Gribskov Kommune'])
  const other = await createCentre(['Furesø Kommune'])
  centreId = centre.id
  otherCentreId = other.id
  const coordinator = await createUser('coordinator', { centreId })
  const otherCoordinator = await createUser('coordinator', { centreId: other.id })
  const make = async (title: string, sessions: [number, string][], centre = centreId, by = coordinator.id) => {
    const { eventId } = await createEvent(by, centre, event(title, sessions))
    if (centre === centreId) ids.set(title, eventId)
    return eventId
  }
  for (let day = 1; day <= 24; day++) await make(`Kommende ${day}`, [[day, '17:00']])
  await make('Samme minut A', [[30, '17:00']])
  await make('Samme minut B', [[30, '17:00']])
  for (let day = 1; day <= 25; day++) await make(`Tidligere ${day}`, [[-day, '17:00']])
  await make('Kursus i gang', [[-3, '18:00'], [4, '18:00']])
  await make('Begyndt for en time siden', [[0, '09:00']])
  for (let day = -30; day <= 30; day += 3) await make(`Andet center ${day}`, [[day, '16:00']], other.id, otherCoordinator.id)

  await setEventStatus(coordinator.id, ids.get('Kommende 1')!, 'published')
  await setEventStatus(coordinator.id, ids.get('Kommende 2')!, 'published')
  await setEventStatus(coordinator.id, ids.get('Kommende 2')!, 'cancelled')
  await setEventStatus(coordinator.id, ids.get('Tidligere 1')!, 'published')
  const signups = (eventId: string, status: string, count: number) =>
    prisma.eventSignup.createMany({ data: Array.from({ length: count }, (_, i) => ({ eventId, status, position: i + 1, name: `Deltager ${i}`, email: `${status}-${i}-${eventId}@example.test` })) })
  await signups(ids.get('Kommende 1')!, 'confirmed', 3)
  await signups(ids.get('Kommende 1')!, 'waiting', 2)
  await signups(ids.get('Kommende 1')!, 'cancelled', 4)
  await signups(ids.get('Tidligere 1')!, 'confirmed', 7)
}, 60_000)

const titles = (rows: { id: string }[]) => rows.map((row) => [...ids].find(([, id]) => id === row.id)?.[0] ?? `another centre's ${row.id}`)

describe("the centre's event list, a page at a time", () => {
  test('coming first, soonest first; 25 to a page; the tie on the page boundary neither lost nor repeated', () => {
    const first = centreEventPage(centreId, { view: 'coming', page: 1 }, NOW)
    expect(first).toMatchObject({ view: 'coming', counts: { coming: 26, past: 27 }, page: 1, pages: 2, total: 26, from: 1, to: 25 })
    expect(first.rows).toHaveLength(PAGE_SIZE)
    expect(titles(first.rows).slice(0, 24)).toEqual(Array.from({ length: 24 }, (_, i) => `Kommende ${i + 1}`))
    const second = centreEventPage(centreId, { view: 'coming', page: 2 }, NOW)
    expect(second).toMatchObject({ page: 2, pages: 2, from: 26, to: 26 })
    expect([titles(first.rows)[24], titles(second.rows)[0]].sort()).toEqual(['Samme minut A', 'Samme minut B'])
    // Asked twice, the same order: the pages do not depend on chance.
    expect(centreEventPage(centreId, { view: 'coming', page: 2 }, NOW).rows).toEqual(second.rows)
  })

  test('past: the latest first, an event counts as past once its first session has begun', () => {
    const first = centreEventPage(centreId, { view: 'past', page: 1 }, NOW)
    expect(first).toMatchObject({ view: 'past', total: 27, pages: 2, from: 1, to: 25 })
    expect(titles(first.rows).slice(0, 6)).toEqual(['Begyndt for en time siden', 'Tidligere 1', 'Tidligere 2', 'Kursus i gang', 'Tidligere 3', 'Tidligere 4'])
    const second = centreEventPage(centreId, { view: 'past', page: 2 }, NOW)
    expect(titles(second.rows)).toEqual(['Tidligere 24', 'Tidligere 25'])
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(27)
  })

  test('each row as the whole list has it: status, sign-ups against capacity and the waiting line, the first start', () => {
    const whole = new Map(centreEvents(centreId).map((row) => [row.id, row]))
    const shown = [1, 2].flatMap((page) => (['coming', 'past'] as const).flatMap((view) => centreEventPage(centreId, { view, page }, NOW).rows))
    expect(shown).toHaveLength(whole.size)
    for (const row of shown) expect(row).toEqual(whole.get(row.id))
    const kommende1 = shown.find((row) => row.id === ids.get('Kommende 1'))
    expect(kommende1).toMatchObject({ status: 'published', confirmed: 3, waiting: 2, capacity: 10, startsAt: sqliteInstant(wallClockInstant(addDays(TODAY, 1), '17:00')) })
    expect(shown.find((row) => row.id === ids.get('Kommende 2'))).toMatchObject({ status: 'cancelled', confirmed: 0, waiting: 0 })
    expect(shown.find((row) => row.id === ids.get('Kursus i gang'))!.startsAt).toBe(sqliteInstant(wallClockInstant(addDays(TODAY, -3), '18:00')))
    // The start page's block reads the same columns: the published coming events only.
    expect(upcomingCentreEvents(centreId, NOW)).toEqual([kommende1])
  })

  test("another centre's events never show, and that centre's counts are its own", () => {
    const other = (['coming', 'past'] as const).map((view) => centreEventPage(otherCentreId, { view, page: 1 }, NOW))
    expect(other.map((page) => page.counts)).toEqual([
      { coming: 11, past: 10 },
      { coming: 11, past: 10 },
    ])
    for (const page of other) expect(page.rows.every((row) => ![...ids.values()].includes(row.id))).toBe(true)
    expect(centreEventPage('no-such-centre', { view: 'coming', page: 1 }, NOW)).toMatchObject({ total: 0, counts: { coming: 0, past: 0 }, rows: [], from: 0, to: 0, pages: 1 })
  })

  test('a page past the end shows the last page; later on, events move from coming to past', () => {
    expect(centreEventPage(centreId, { view: 'past', page: 99 }, NOW)).toMatchObject({ page: 2, from: 26, to: 27 })
    const weekLater = new Date(NOW.getTime() + 7 * 86_400_000)
    expect(centreEventPage(centreId, { view: 'coming', page: 1 }, weekLater).counts).toEqual({ coming: 20, past: 33 })
  })
})

/** Plan lines that would grow with the data: a scan of a table or a sort in a temporary B-tree. */
function growingSteps(plan: string[]) {
  return plan.filter((line) => /TEMP B-TREE/.test(line) || (/^SCAN /.test(line) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(line)))
}

describe('the paged reads walk indexes and never sort the centre’s history', () => {
  test.each(['coming', 'past'] as const)('%s page: from now along the sessions’ start index', (view) => {
    const plan = queryPlan(centreEventPageQuery(centreId, view, NOW, 25))
    expect(plan[0]).toMatch(/^SEARCH s USING INDEX EventSession_startsAt_idx/)
    expect(plan.join('\n')).toContain('SEARCH e USING INDEX sqlite_autoindex_Event_1 (id=?)')
    expect(growingSteps(plan)).toEqual([])
  })

  test('the counts: the centre’s events on its index, one probe each', () => {
    const plan = queryPlan(centreEventCountsQuery(centreId, NOW))
    expect(plan.join('\n')).toContain('Event_centreId_status_idx (centreId=?)')
    expect(growingSteps(plan)).toEqual([])
  })
})
