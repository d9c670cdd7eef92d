// The coordinator's workbench lists through their loaders, on the hand-made centre of
// tests/setup/fixtures-workbench.ts: search, filters, sort and pages give the rows written here;
// only the centre's coordinators get them, and a coordinator of another centre sees none of them.
import { beforeAll, describe, expect, test } from 'vitest'
import { createUser, getRequest, sessionCookieFor } from '../setup/fixtures'
import { workbenchWorld } from '../setup/fixtures-workbench'
import { callRoute, type RouteHandler } from '../setup/routes'
import * as adsPage from '~/routes/centre+/ads._index'
import * as applicationsPage from '~/routes/centre+/applications._index'
import * as facilitiesPage from '~/routes/centre+/facilities'
import * as matchesPage from '~/routes/centre+/matches._index'
import * as startPage from '~/routes/centre+/_index'
import * as volunteersPage from '~/routes/centre+/volunteers._index'
import * as volunteersCsv from '~/routes/centre+/volunteers[.]csv'
import * as matchesCsv from '~/routes/centre+/matches[.]csv'
import { parseCsv } from '~/utils/csv'
import { centreDashboard, dashboardQueries } from '~/models/workbench.server'
import { all } from '~/utils/sql.server'

let world: Awaited<ReturnType<typeof workbenchWorld>>
let cookie: string
let otherCookie: string

beforeAll(async () => {
  world = await workbenchWorld()
  cookie = await sessionCookieFor(world.coordinator.id)
  otherCookie = await sessionCookieFor(world.otherCoordinator.id)
})

type Page<Row> = { page: number; pages: number; total: number; from: number; to: number; rows: Row[] }

async function load<T>(handler: unknown, path: string, who = cookie): Promise<T> {
  const response = await callRoute(handler as RouteHandler, getRequest(path, who))
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

const volunteers = async (query = '', who = cookie) => (await load<{ list: Page<{ name: string }> }>(volunteersPage.loader, `/centre/volunteers${query}`, who)).list
const names = (list: { rows: { name: string }[] }) => list.rows.map((row) => row.name)
const zetas = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Zeta ${String(from + i).padStart(2, '0')}`)

describe('volunteers', () => {
  test('by name, 25 a page: page 1 is Anna to Zeta 22, page 2 the last 11', async () => {
    const first = await volunteers()
    expect(first).toMatchObject({ page: 1, pages: 2, total: 33, from: 1, to: 25 })
    expect(names(first)).toEqual(['Anna Østergaard', 'Bent Hansen', 'Carla Jensen', ...zetas(1, 22)])
    const second = await volunteers('?page=2')
    expect(second).toMatchObject({ page: 2, pages: 2, total: 33, from: 26, to: 33 })
    expect(names(second)).toEqual(zetas(23, 30))
  })

  test('search by part of the name in any case, Danish letters included, by e-mail and by the name of a task', async () => {
    expect(names(await volunteers('?q=%C3%98STERG'))).toEqual(['Anna Østergaard'])
    expect(names(await volunteers('?q=sen'))).toEqual(['Bent Hansen', 'Carla Jensen'])
    expect(names(await volunteers('?q=carla.jensen%40'))).toEqual(['Carla Jensen'])
    // "Videoopkald" is the Danish name of the task video_calls: Anna offers it (Dorte too, in the other centre).
    expect(names(await volunteers('?q=videoopk'))).toEqual(['Anna Østergaard'])
    expect(names(await volunteers('?q=ingen-hedder-s%C3%A5dan'))).toEqual([])
  })

  test('filters: no active match, checks missing or expiring, paused, municipality', async () => {
    // Anna and Zeta 01 have active matches; Zeta 02's is paused and Carla's ended, so they are free.
    const free = await volunteers('?noMatch=1')
    expect(free.total).toBe(31)
    expect(names(free)).toEqual(['Bent Hansen', 'Carla Jensen', ...zetas(2, 24)])
    expect(names(await volunteers('?checks=1'))).toEqual(['Anna Østergaard', 'Bent Hansen'])
    expect(names(await volunteers('?paused=1'))).toEqual(['Bent Hansen'])
    const furesoe = (await load<{ municipalities: { id: string; name: string }[] }>(volunteersPage.loader, '/centre/volunteers')).municipalities.find((m) => m.name === 'Furesø Kommune')!
    expect(names(await volunteers(`?municipality=${furesoe.id}`))).toEqual(['Bent Hansen'])
  })

  test('sorted by newest and by last active', async () => {
    expect(names(await volunteers('?sort=newest')).slice(0, 4)).toEqual(['Bent Hansen', 'Anna Østergaard', 'Carla Jensen', 'Zeta 01'])
    expect(names(await volunteers('?sort=lastActive')).slice(0, 2)).toEqual(['Carla Jensen', 'Anna Østergaard'])
  })

  test('each row says how the checks stand and how many active matches', async () => {
    const rows = (await volunteers('?q=e')).rows as unknown as { name: string; checks: { state: string }; activeMatches: number; skills: string[] }[]
    const row = (name: string) => rows.find((r) => r.name === name)!
    expect(row('Anna Østergaard')).toMatchObject({ checks: { state: 'expiring' }, activeMatches: 1, skills: ['video_calls'] })
    expect(row('Bent Hansen')).toMatchObject({ checks: { state: 'missing' }, activeMatches: 0 })
    expect(row('Carla Jensen')).toMatchObject({ checks: { state: 'ok' }, activeMatches: 0 })
  })
})

const matches = async (query = '', who = cookie) =>
  (await load<{ list: Page<{ volunteerName: string; facilityName: string; status: string }> }>(matchesPage.loader, `/centre/matches${query}`, who)).list
const pairs = (list: { rows: { volunteerName: string; facilityName: string }[] }) => list.rows.map((row) => `${row.volunteerName} @ ${row.facilityName}`)

describe('matches', () => {
  test('newest start first; by state; by facility; quiet ones; search', async () => {
    expect(pairs(await matches())).toEqual(['Zeta 02 @ Bostedet Beta', 'Anna Østergaard @ Bostedet Alfa', 'Zeta 01 @ Bostedet Beta', 'Carla Jensen @ Bostedet Alfa'])
    expect(pairs(await matches('?state=active'))).toEqual(['Anna Østergaard @ Bostedet Alfa', 'Zeta 01 @ Bostedet Beta'])
    expect(pairs(await matches('?state=ended'))).toEqual(['Carla Jensen @ Bostedet Alfa'])
    expect(pairs(await matches(`?facility=${world.facilities.beta.id}`))).toEqual(['Zeta 02 @ Bostedet Beta', 'Zeta 01 @ Bostedet Beta'])
    // Zeta 01 had a visit 5 days ago; Anna has had none in her 60 days.
    expect(pairs(await matches('?quiet=1'))).toEqual(['Anna Østergaard @ Bostedet Alfa'])
    expect(pairs(await matches('?q=beta'))).toEqual(['Zeta 02 @ Bostedet Beta', 'Zeta 01 @ Bostedet Beta'])
    expect(pairs(await matches('?q=carla'))).toEqual(['Carla Jensen @ Bostedet Alfa'])
    expect(pairs(await matches('?sort=facility'))).toEqual(['Anna Østergaard @ Bostedet Alfa', 'Carla Jensen @ Bostedet Alfa', 'Zeta 01 @ Bostedet Beta', 'Zeta 02 @ Bostedet Beta'])
  })

  test('the last logged visit is shown; a facility of another centre is no filter', async () => {
    const list = await matches('?state=active')
    const zeta = list.rows.find((row) => row.volunteerName === 'Zeta 01') as unknown as { lastVisitAt: string | null }
    expect(zeta.lastVisitAt).not.toBeNull()
    expect((await matches(`?facility=${world.facilities.elsewhere.id}`)).total).toBe(4)
  })
})

const ads = async (query = '', who = cookie) => (await load<{ list: Page<{ title: string; status: string; openApplications: number }> }>(adsPage.loader, `/centre/ads${query}`, who)).list
const titles = (list: { rows: { title: string }[] }) => list.rows.map((row) => row.title)

describe('ads', () => {
  test('every state, awaiting review first; filters by state, task, search; sorted by title', async () => {
    expect(titles(await ads())).toEqual(['Hjælp med e-mail', 'Videoopkald med familien', 'Kladde om billeder'])
    expect(titles(await ads('?state=draft'))).toEqual(['Kladde om billeder'])
    expect(titles(await ads('?task=video_calls'))).toEqual(['Videoopkald med familien'])
    expect(titles(await ads('?q=BETA'))).toEqual(['Hjælp med e-mail'])
    expect(titles(await ads('?sort=title'))).toEqual(['Hjælp med e-mail', 'Kladde om billeder', 'Videoopkald med familien'])
    expect(titles(await ads('?sort=newest'))).toEqual(['Kladde om billeder', 'Hjælp med e-mail', 'Videoopkald med familien'])
  })

  test('open applications are counted per ad', async () => {
    const list = await ads()
    expect(list.rows.map((row) => [row.title, row.openApplications])).toEqual([
      ['Hjælp med e-mail', 1],
      ['Videoopkald med familien', 1],
      ['Kladde om billeder', 0],
    ])
  })
})

const facilities = async (query = '', who = cookie) =>
  (await load<{ facilities: { name: string; openAds: number; activeMatches: number; leaders: { name: string }[] }[]; page: { total: number } }>(facilitiesPage.loader, `/centre/facilities${query}`, who))
const facilityNames = (data: { facilities: { name: string }[] }) => data.facilities.map((row) => row.name)

describe('facilities', () => {
  test('awaiting approval first; filters by status, open ads, active matches and search', async () => {
    expect(facilityNames(await facilities())).toEqual(['Gamma Venter', 'Bostedet Alfa', 'Bostedet Beta'])
    expect(facilityNames(await facilities('?status=pending'))).toEqual(['Gamma Venter'])
    expect(facilityNames(await facilities('?openAds=1'))).toEqual(['Bostedet Alfa'])
    expect(facilityNames(await facilities('?activeMatches=1'))).toEqual(['Bostedet Alfa', 'Bostedet Beta'])
    expect(facilityNames(await facilities('?q=alfa'))).toEqual(['Bostedet Alfa'])
    expect(facilityNames(await facilities('?sort=newest'))[0]).toBe('Gamma Venter')
    expect(facilityNames(await facilities('?sort=name'))).toEqual(['Bostedet Alfa', 'Bostedet Beta', 'Gamma Venter'])
    const alfa = (await facilities('?q=alfa')).facilities[0]
    expect(alfa).toMatchObject({ openAds: 1, activeMatches: 1, leaders: [{ name: 'Lise Leder' }] })
  })
})

describe('open applications', () => {
  test('the longest waiting first; over 48 hours; search', async () => {
    const list = async (query = '') => (await load<{ list: Page<{ volunteerName: string; overdue: boolean }> }>(applicationsPage.loader, `/centre/applications${query}`)).list
    expect((await list()).rows.map((row) => [row.volunteerName, row.overdue])).toEqual([
      ['Bent Hansen', true],
      ['Carla Jensen', false],
    ])
    expect((await list('?sort=newest')).rows.map((row) => row.volunteerName)).toEqual(['Carla Jensen', 'Bent Hansen'])
    expect((await list('?waiting=1')).rows.map((row) => row.volunteerName)).toEqual(['Bent Hansen'])
    expect((await list('?q=e-mail')).rows.map((row) => row.volunteerName)).toEqual(['Carla Jensen'])
  })
})

describe('the start page', () => {
  test('says what needs doing today, with counts and links, and shows the queue', async () => {
    const data = await load<{
      actionItems: { id: string; count: number; to: string }[]
      counts: { activeMatches: number; publishedAds: number; volunteers: number }
      queue: { volunteerName: string }[]
    }>(startPage.loader, '/centre')
    const item = (id: string) => data.actionItems.find((i) => i.id === id)
    expect(item('applications')).toMatchObject({ count: 1, to: '/centre/applications?waiting=1' })
    expect(item('ads')).toMatchObject({ count: 1, to: '/centre/ads?state=submitted' })
    expect(item('facilities')).toMatchObject({ count: 1, to: '/centre/facilities?status=pending' })
    expect(data.counts).toEqual({ activeMatches: 2, publishedAds: 1, volunteers: 33 })
    expect(data.queue.map((row) => row.volunteerName)).toEqual(['Bent Hansen', 'Carla Jensen'])
  })

  test('the queue read by age (large centres) gives the same rows as the queue read ad by ad (small ones)', () => {
    const queries = dashboardQueries(municipalityIdsOf())
    expect(all(queries.queueByAge)).toEqual(all(queries.queueByAd))
    expect(centreDashboard(municipalityIdsOf()).queue.map((row) => row.id)).toEqual([world.applications.waiting.id, world.applications.fresh.id])
  })
})

let municipalityIds: string[] = []
function municipalityIdsOf() {
  return municipalityIds
}
beforeAll(async () => {
  const { prisma } = await import('~/utils/db.server')
  municipalityIds = (await prisma.municipality.findMany({ where: { centreId: world.centre.id }, select: { id: true } })).map((m) => m.id)
})

describe('who sees the lists', () => {
  const pages: [string, unknown, string][] = [
    ['volunteers', volunteersPage.loader, '/centre/volunteers'],
    ['matches', matchesPage.loader, '/centre/matches'],
    ['ads', adsPage.loader, '/centre/ads'],
    ['facilities', facilitiesPage.loader, '/centre/facilities'],
    ['applications', applicationsPage.loader, '/centre/applications'],
    ['start page', startPage.loader, '/centre'],
  ]

  test('a volunteer and facility staff are refused (403); nobody signed in is sent to log in', async () => {
    const volunteerCookie = await sessionCookieFor(world.volunteers.anna.id)
    const staffCookie = await sessionCookieFor(world.leader.id)
    for (const [name, loader, path] of pages) {
      expect((await callRoute(loader as RouteHandler, getRequest(path, volunteerCookie))).status, name).toBe(403)
      expect((await callRoute(loader as RouteHandler, getRequest(path, staffCookie))).status, name).toBe(403)
      expect((await callRoute(loader as RouteHandler, getRequest(path))).status, name).toBe(302)
    }
  })

  test("a coordinator of another centre sees only their own centre's rows", async () => {
    expect(names(await volunteers('', otherCookie))).toEqual(['Dorte Andetsteds'])
    expect(names(await volunteers('?q=anna', otherCookie))).toEqual([])
    expect(pairs(await matches('', otherCookie))).toEqual(['Dorte Andetsteds @ Andet Centers Sted'])
    expect(titles(await ads('', otherCookie))).toEqual(['Andet centers opslag'])
    expect(facilityNames(await facilities('', otherCookie))).toEqual(['Andet Centers Sted'])
    // A municipality of the other centre in the URL is no way in: the filter is ignored.
    const halsnaes = municipalityIds[0]
    expect(names(await volunteers(`?municipality=${halsnaes}`, otherCookie))).toEqual(['Dorte Andetsteds'])
  })

  test('a coordinator with no centre is refused', async () => {
    const loose = await createUser('coordinator')
    const looseCookie = await sessionCookieFor(loose.id)
    expect((await callRoute(volunteersPage.loader as RouteHandler, getRequest('/centre/volunteers', looseCookie))).status).toBe(403)
  })
})

describe('odd pages and sorts are a page, never an error', () => {
  test('page=-1, page=abc, page past the end, sort=nonsense, a 5,000-character search', async () => {
    expect(await volunteers('?page=-1')).toMatchObject({ page: 1, from: 1 })
    expect(await volunteers('?page=abc')).toMatchObject({ page: 1 })
    expect(await volunteers('?page=99')).toMatchObject({ page: 2, from: 26, to: 33 })
    expect(names(await volunteers('?sort=nonsense')).slice(0, 1)).toEqual(['Anna Østergaard'])
    expect((await volunteers(`?q=${'a'.repeat(5000)}`)).total).toBe(0)
    expect((await matches(`?q=${'%25'.repeat(5000)}`)).total).toBe(0)
    expect((await ads('?state=expired&task=nope')).total).toBe(3)
  })
})

describe('CSV downloads', () => {
  async function csv(handler: unknown, path: string, who = cookie) {
    const response = await callRoute(handler as RouteHandler, getRequest(path, who))
    return { response, rows: response.status === 200 ? parseCsv(await response.text()) : [] }
  }

  test('the volunteers list as filtered, every row, not one page', async () => {
    const { response, rows } = await csv(volunteersCsv.loader, '/centre/volunteers.csv?checks=1&page=2')
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(rows[0]).toEqual(['Navn', 'E-mail', 'Kommune', 'Opgaver', 'Aktive match', 'Erklæringer og attester', 'På pause', 'Senest logget ind'])
    expect(rows.slice(1).map((row) => [row[0], row[3], row[4], row[6]])).toEqual([
      ['Anna Østergaard', 'Videoopkald', '1', 'Nej'],
      ['Bent Hansen', 'E-mail', '0', 'Ja'],
    ])
    expect((await csv(volunteersCsv.loader, '/centre/volunteers.csv')).rows).toHaveLength(34)
  })

  test('the matches list by state; only coordinators of the centre', async () => {
    const { rows } = await csv(matchesCsv.loader, '/centre/matches.csv?state=active')
    expect(rows.slice(1).map((row) => [row[0], row[1], row[4]])).toEqual([
      ['Anna Østergaard', 'Bostedet Alfa', 'aktiv'],
      ['Zeta 01', 'Bostedet Beta', 'aktiv'],
    ])
    const volunteerCookie = await sessionCookieFor(world.volunteers.anna.id)
    expect((await csv(matchesCsv.loader, '/centre/matches.csv', volunteerCookie)).response.status).toBe(403)
    expect((await csv(volunteersCsv.loader, '/centre/volunteers.csv', volunteerCookie)).response.status).toBe(403)
    expect((await csv(matchesCsv.loader, '/centre/matches.csv', otherCookie)).rows.slice(1).map((row) => row[0])).toEqual(['Dorte Andetsteds'])
  })
})
