import { beforeAll, describe, expect, test } from 'vitest'
import { boardAd, boardFacility } from '../../tests/setup/fixtures-board'
import { createUser } from '../../tests/setup/fixtures'
import { prisma } from '~/utils/db.server'
import { boardFiltersFromUrl } from '~/utils/job-board-query'
import { boardChoices, feedAds, ftsTerms, municipalitiesOutsideRegion, publishedAd, searchBoard } from './job-board.server'

const search = (query: string) => searchBoard(boardFiltersFromUrl(new URLSearchParams(query)))
const titles = async (query: string) => (await search(query)).ads.map((ad) => ad.title)

let ids: Record<string, string> = {}

beforeAll(async () => {
  const contact = await createUser('facility_staff', { name: 'Hemmelig Kontaktperson', email: 'hemmelig@example.test' })
  await prisma.user.update({ where: { id: contact.id }, data: { phone: '99887766' } })
  const graested = await boardFacility({ postcode: '3230', municipality: 'Gribskov Kommune', name: 'Plejehjemmet Solsikken', targetGroups: ['ældre', 'demens'] })
  const hilleroed = await boardFacility({ postcode: '3400', municipality: 'Hillerød Kommune', name: 'Bostedet Lyngen', targetGroups: ['autisme'] })
  const aarhus = await boardFacility({ postcode: '8000', municipality: 'Aarhus Kommune', name: 'Værestedet Havnen' })
  const silkeborg = await boardFacility({ postcode: '8600', municipality: 'Silkeborg Kommune', name: 'Caféen Søen' })
  const kitchen = await boardAd(graested, {
    title: 'Køkkenhjælp med iPad-opskrifter',
    description: 'Find opskrifter på tabletten sammen med beboerne.',
    tasks: ['tablets_phones'],
    weekdays: [2],
    frequency: 'weekly',
    publishedDaysAgo: 1,
    contactPersonId: contact.id,
  })
  const video = await boardAd(hilleroed, {
    title: 'Videoopkald med familien',
    tasks: ['video_calls', 'relatives_support'],
    weekdays: [4],
    frequency: 'biweekly',
    targetGroup: 'Unge voksne',
    publishedDaysAgo: 2,
  })
  const games = await boardAd(aarhus, { title: 'Spil og musik i caféen', tasks: ['games', 'music_streaming'], weekdays: [6], frequency: 'monthly', publishedDaysAgo: 3 })
  const lake = await boardAd(silkeborg, { title: 'Billeder fra turen', tasks: ['photos'], weekdays: [1, 3], frequency: 'weekly', publishedDaysAgo: 4 })
  // Never on the board: every other status, and a published ad past its expiry.
  for (const status of ['draft', 'submitted', 'paused', 'filled', 'closed']) {
    await boardAd(graested, { title: `Køkken ${status}`, status })
  }
  await boardAd(graested, { title: 'Køkken udløbet', expiresInDays: -1 })
  ids = { kitchen: kitchen.id, video: video.id, games: games.id, lake: lake.id }
})

describe('free-text search', () => {
  test('Danish letters are letters: "køkken", "Græsted" and "ældre" find the right ad, "kokken" does not', async () => {
    expect(await titles('q=køkken')).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles('q=KØKKENHJÆLP')).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles('q=Græsted')).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles('q=ældre')).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles('q=kokken')).toEqual([])
    expect(await titles('q=grasted')).toEqual([])
  })

  test('words are prefixes, all must match, and task names and places are searchable', async () => {
    expect(await titles('q=køk')).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles('q=videoopkald hillerød')).toEqual(['Videoopkald med familien'])
    expect(await titles('q=videoopkald aarhus')).toEqual([])
    // "pårørende" is the Danish word for the relatives_support task, not in the ad's own text.
    expect(await titles('q=pårørende')).toEqual(['Videoopkald med familien'])
    expect(await titles('q=Lyngen')).toEqual(['Videoopkald med familien'])
  })

  test('the search index follows changes to an ad and to its facility, made by anyone', async () => {
    await prisma.jobAd.update({ where: { id: ids.lake }, data: { title: 'Billeder og fotobøger' } })
    expect(await titles('q=fotobøger')).toEqual(['Billeder og fotobøger'])
    await prisma.facility.update({ where: { id: (await prisma.jobAd.findUniqueOrThrow({ where: { id: ids.lake } })).facilityId }, data: { name: 'Caféen Ådalen' } })
    expect(await titles('q=ådalen')).toEqual(['Billeder og fotobøger'])
    expect(await titles('q=søen')).toEqual([])
    const extra = await boardAd((await prisma.facility.findFirstOrThrow({ where: { name: 'Caféen Ådalen' } }))!, { title: 'Midlertidigt strikkeopslag' })
    expect(await titles('q=strikkeopslag')).toEqual(['Midlertidigt strikkeopslag'])
    await prisma.jobAd.delete({ where: { id: extra.id } })
    expect(await titles('q=strikkeopslag')).toEqual([])
    expect(await prisma.$queryRaw<unknown[]>`SELECT 1 FROM "JobAdSearch" WHERE "jobAdId" = ${extra.id}`).toEqual([])
  })

  test('hostile and odd input never throws and never widens the search', async () => {
    // Nothing searchable left (only quotes, stars, brackets): the same as no search at all.
    for (const q of ['"', '*', '(((', '^', '\u0000', '🙂', '" * ( ) : ^ -']) {
      expect((await search(`q=${encodeURIComponent(q)}`)).total, q).toBe(4)
    }
    // Operators and quotes are just words, every one of which must match.
    for (const q of ['OR', 'NEAR(', 'køkken"', '" OR "1"="1', 'AND OR NOT', 'title:x', '{title}: køkken', "'; DROP TABLE JobAd; --", 'x'.repeat(500)]) {
      expect((await search(`q=${encodeURIComponent(q)}`)).total, q).toBeLessThanOrEqual(1)
    }
    expect(await titles(`q=${encodeURIComponent('køkken"')}`)).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles(`q=${encodeURIComponent('køkken" OR "spil')}`)).toEqual([])
    expect(await titles(`q=${encodeURIComponent('NEAR(køkken')}`)).toEqual([])
    expect(ftsTerms('" * OR NEAR( ')).toBe('"or"* "near"*')
    expect(ftsTerms('"*(')).toBeNull()
    expect(ftsTerms('a køk')).toBe('"a" "køk"*')
    expect(await prisma.jobAd.count()).toBeGreaterThan(4)
  })
})

describe('filters', () => {
  test('municipality and region', async () => {
    expect(await titles('municipality=Hillerød Kommune')).toEqual(['Videoopkald med familien'])
    expect(await titles('municipality=Hillerød Kommune&municipality=Aarhus Kommune')).toEqual(['Videoopkald med familien', 'Spil og musik i caféen'])
    expect((await titles('region=Region Midtjylland')).sort()).toEqual(['Billeder og fotobøger', 'Spil og musik i caféen'].sort())
    expect(await titles('municipality=Findes ikke')).toEqual([])
  })

  test('a municipality outside the chosen region is left out, and the board says so, instead of finding nothing', async () => {
    const matching = await search('region=Region Hovedstaden&municipality=Hillerød Kommune')
    expect(matching.ads.map((ad) => ad.title)).toEqual(['Videoopkald med familien'])
    expect(matching.ignoredMunicipalities).toEqual([])
    const mismatched = await search('region=Region Midtjylland&municipality=Hillerød Kommune')
    expect(mismatched.ignoredMunicipalities).toEqual(['Hillerød Kommune'])
    expect(mismatched.ads.map((ad) => ad.title).sort()).toEqual(['Billeder og fotobøger', 'Spil og musik i caféen'].sort())
    expect(municipalitiesOutsideRegion({ region: 'Region Sjælland', municipality: ['Roskilde Kommune', 'Gribskov Kommune'] }, await boardChoices())).toEqual(['Gribskov Kommune'])
  })

  test('task, weekday, frequency and target group (the ad’s or the facility’s)', async () => {
    expect(await titles('task=video_calls')).toEqual(['Videoopkald med familien'])
    expect(await titles('task=games&task=photos')).toEqual(['Spil og musik i caféen', 'Billeder og fotobøger'])
    expect(await titles('weekday=3')).toEqual(['Billeder og fotobøger'])
    expect(await titles('weekday=4&weekday=6')).toEqual(['Videoopkald med familien', 'Spil og musik i caféen'])
    expect(await titles('frequency=monthly')).toEqual(['Spil og musik i caféen'])
    expect(await titles('targetGroup=demens')).toEqual(['Køkkenhjælp med iPad-opskrifter'])
    expect(await titles('targetGroup=unge')).toEqual(['Videoopkald med familien'])
    expect(await titles('targetGroup=autisme&task=video_calls&weekday=4')).toEqual(['Videoopkald med familien'])
  })

  test('unknown filter values are ignored; the result says when no ad matches', async () => {
    expect((await search('task=hacking&weekday=9&frequency=daily&sort=evil&page=-3')).total).toBe(4)
    const none = await search('q=zebra')
    expect(none).toMatchObject({ total: 0, ads: [], anyPublished: true })
  })
})

describe('sorting and pages', () => {
  test('newest first by default; only published, unexpired ads', async () => {
    const result = await search('')
    expect(result.total).toBe(4)
    expect(result.ads.map((ad) => ad.id)).toEqual([ids.kitchen, ids.video, ids.games, ids.lake])
    expect(result.ads[3]).toMatchObject({ weekdays: [1, 3], timeFrom: '15:00', timeTo: '17:00', frequency: 'weekly', tasks: ['photos'] })
  })

  test('nearest to a postcode: by distance between the towns, not between the postcode numbers', async () => {
    const result = await search('sort=nearest&postcode=8000')
    expect(result.nearestTo).toEqual({ postcode: '8000', town: 'Aarhus C' })
    // Aarhus itself, then Silkeborg; across the Kattegat Græsted (3230) lies a little nearer than Hillerød (3400).
    expect(result.ads.map((ad) => ad.id)).toEqual([ids.games, ids.lake, ids.kitchen, ids.video])
    // From 3250 Gilleleje, Græsted (about 6 km) before Hillerød (about 22 km); from 3400 Hillerød, its own ad first.
    expect((await search('sort=nearest&postcode=3250')).ads.map((ad) => ad.id).slice(0, 2)).toEqual([ids.kitchen, ids.video])
    expect((await search('sort=nearest&postcode=3400')).ads.map((ad) => ad.id).slice(0, 2)).toEqual([ids.video, ids.kitchen])
    const unknown = await search('sort=nearest&postcode=0001')
    expect(unknown.nearestTo).toBeNull()
    expect(unknown.ads.map((ad) => ad.id)).toEqual([ids.kitchen, ids.video, ids.games, ids.lake])
  })

  test('pages of 20 with the total counted across pages', async () => {
    const facility = await boardFacility({ postcode: '5000', name: 'Sidebostedet' })
    for (let i = 0; i < 25; i++) await boardAd(facility, { title: `Sideopslag ${i}`, publishedDaysAgo: 10 + i })
    const first = await search('q=sideopslag')
    expect(first).toMatchObject({ total: 25, pages: 2, page: 1 })
    expect(first.ads).toHaveLength(20)
    const second = await search('q=sideopslag&page=2')
    expect(second.ads.map((ad) => ad.title)).toEqual(['Sideopslag 20', 'Sideopslag 21', 'Sideopslag 22', 'Sideopslag 23', 'Sideopslag 24'])
    expect((await search('q=sideopslag&page=9')).ads).toEqual([])
    // The total is kept between requests, and follows a new ad and a paused one at once.
    await boardAd(facility, { title: 'Sideopslag 25', publishedDaysAgo: 1 })
    expect(await search('q=sideopslag')).toMatchObject({ total: 26 })
    await prisma.jobAd.updateMany({ where: { facilityId: facility.id, title: 'Sideopslag 0' }, data: { status: 'paused' } })
    expect(await search('q=sideopslag&page=2')).toMatchObject({ total: 25 })
    await prisma.jobAd.deleteMany({ where: { facilityId: facility.id } })
  })
})

describe('privacy and the ad page', () => {
  test('board, feed and ad page carry no private contact data', async () => {
    const serialised = JSON.stringify([await search(''), await feedAds(boardFiltersFromUrl(new URLSearchParams())), await publishedAd(ids.kitchen)])
    for (const secret of ['Hemmelig', 'hemmelig@example.test', '99887766', '11223344', 'stedet-privat@example.test', 'Skovvej']) {
      expect(serialised).not.toContain(secret)
    }
    expect(await publishedAd(ids.kitchen)).toMatchObject({ hasContactPerson: true, facility: { targetGroups: ['ældre', 'demens'] } })
  })

  test('an ad that is not published (or has expired) has no public page', async () => {
    const hidden = await prisma.jobAd.findMany({ where: { title: { startsWith: 'Køkken ' } }, select: { id: true } })
    expect(hidden).toHaveLength(6)
    for (const ad of hidden) expect(await publishedAd(ad.id)).toBeNull()
    expect(await publishedAd('does-not-exist')).toBeNull()
  })

  test('an empty board is told apart from a search without hits', async () => {
    await prisma.jobAd.updateMany({ where: { status: 'published' }, data: { status: 'paused' } })
    try {
      expect(await search('')).toMatchObject({ total: 0, anyPublished: false })
      expect(await search('q=køkken')).toMatchObject({ total: 0, anyPublished: false })
    } finally {
      await prisma.jobAd.updateMany({ where: { id: { in: Object.values(ids) } }, data: { status: 'published' } })
    }
  })
})

describe('expiry', () => {
  test('an ad expiring at this very millisecond is off the board; one expiring a millisecond later is on it', async () => {
    // The board's raw SQL compares DateTime text as Prisma stores it ("…000+00:00"), so the edge is exact.
    const now = new Date('2031-06-01T10:00:00.000Z')
    const facility = await boardFacility({ postcode: '6000', municipality: 'Kolding Kommune', name: 'Huset ved Fjorden' })
    const [atNow, later] = await Promise.all([boardAd(facility, { title: 'Udløber nu' }), boardAd(facility, { title: 'Udløber om et øjeblik' })])
    await prisma.jobAd.update({ where: { id: atNow.id }, data: { expiresAt: now, publishedAt: new Date(now.getTime() - 86_400_000) } })
    await prisma.jobAd.update({ where: { id: later.id }, data: { expiresAt: new Date(now.getTime() + 1), publishedAt: new Date(now.getTime() - 86_400_000) } })
    try {
      const titles = (await searchBoard(boardFiltersFromUrl(new URLSearchParams('q=udløber')), now)).ads.map((ad) => ad.title)
      expect(titles).toEqual(['Udløber om et øjeblik'])
    } finally {
      await prisma.jobAd.deleteMany({ where: { id: { in: [atNow.id, later.id] } } })
    }
  })
})
