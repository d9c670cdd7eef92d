// The municipality's view (kommunal tovholder): it reads the results report of its own
// municipalities and no other, its facilities' screening and ethics state and its ads, sees no
// volunteer's name, e-mail or phone anywhere, and cannot change anything.
import { beforeAll, describe, expect, test } from 'vitest'
import { createUser, formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { reportWorld } from '../setup/fixtures-report'
import { resultsReport } from '~/models/report.server'
import * as adminUsers from '~/routes/admin+/users'
import * as signStatement from '~/routes/centre+/volunteers.$volunteerId_.statement'
import * as reportCsv from '~/routes/centre+/report[.]csv'
import * as reportPage from '~/routes/centre+/report'
import * as facilityEthics from '~/routes/facility+/$facilityId.ethics'
import * as overview from '~/routes/municipality+/_index'
import * as template from '~/routes/municipality+/ethics-template'
import { prisma } from '~/utils/db.server'
import type { Report } from '~/utils/report'
import { callRoute, type RouteHandler } from '../setup/routes'

let world: Awaited<ReturnType<typeof reportWorld>>
let kommune: { id: string }
let cookie: string
const PERIOD = 'from=2026-01-01&to=2026-06-30'

beforeAll(async () => {
  world = await reportWorld()
  kommune = await createUser('municipality', { name: 'Kirsten Kommune' })
  await prisma.municipalityAccess.create({ data: { userId: kommune.id, municipalityId: world.municipalityIds.halsnaes } })
  cookie = await sessionCookieFor(kommune.id)
  await prisma.facilityItScreening.create({ data: { facilityId: world.facilities.skovly.id, wishedTasks: '["video_calls"]' } })
})

const get = (handler: unknown, path: string, params: Record<string, string> = {}) => callRoute(handler as RouteHandler, getRequest(path, cookie), params)

/** Every volunteer's name, e-mail and phone in the database: none may reach the municipality. */
async function personalStrings() {
  const volunteers = await prisma.user.findMany({ where: { role: 'volunteer' }, select: { name: true, email: true, phone: true } })
  expect(volunteers.length).toBeGreaterThan(3)
  return volunteers.flatMap((v) => [v.name, v.email, v.phone].filter((value): value is string => Boolean(value)))
}

describe('the report', () => {
  test('the municipality sees its own municipality’s figures, the same as the centre’s report for it', async () => {
    const response = await get(reportPage.loader, `/centre/report?${PERIOD}`)
    expect(response.status).toBe(200)
    const data = (await response.json()) as { report: Report; municipalities: { name: string }[] }
    expect(data.report).toEqual(resultsReport({ municipalityIds: [world.municipalityIds.halsnaes], ...world.period }))
    expect(data.report.facilities.map((f) => f.municipality)).toEqual(['Halsnæs Kommune'])
    expect(data.municipalities.map((m) => m.name)).toEqual(['Halsnæs Kommune'])
    // The coordinator's report filtered to Halsnæs gives the same figures.
    const coordinator = await callRoute(reportPage.loader as RouteHandler, getRequest(`/centre/report?${PERIOD}&municipality=${world.municipalityIds.halsnaes}`, await sessionCookieFor(world.coordinator.id)))
    expect(((await coordinator.json()) as { report: Report }).report).toEqual(data.report)
  })

  test('no other municipality: the centre’s other one and another centre’s are refused, page and CSV', async () => {
    for (const other of [world.municipalityIds.furesoe, world.municipalityIds.alleroed]) {
      expect((await get(reportPage.loader, `/centre/report?${PERIOD}&municipality=${other}`)).status).toBe(403)
      expect((await get(reportCsv.loader, `/centre/report.csv?${PERIOD}&municipality=${other}`)).status).toBe(403)
    }
  })

  test('no personal data in the report or the CSV', async () => {
    const page = await (await get(reportPage.loader, `/centre/report?${PERIOD}`)).text()
    const csv = await (await get(reportCsv.loader, `/centre/report.csv?${PERIOD}`)).text()
    expect(csv).toContain('Bostedet Skovly')
    for (const value of await personalStrings()) {
      expect(page).not.toContain(value)
      expect(csv).not.toContain(value)
    }
  })

  test('a municipality account with no municipality gets nothing', async () => {
    const empty = await createUser('municipality')
    const response = await callRoute(reportPage.loader as RouteHandler, getRequest('/centre/report', await sessionCookieFor(empty.id)))
    expect(response.status).toBe(403)
  })
})

describe('the overview', () => {
  test('its facilities with screening and ethics state, its ads; nothing of other municipalities; no person', async () => {
    const response = await get(overview.loader, '/municipality')
    expect(response.status).toBe(200)
    const text = await response.clone().text()
    const data = (await response.json()) as {
      facilities: { name: string; status: string; screening: unknown; policy: unknown }[]
      ads: { facility: string }[]
    }
    expect(data.facilities.map((f) => [f.name, f.status, Boolean(f.screening), f.policy])).toEqual([
      ['Bostedet Skovly', 'active', true, null],
      ['Lukket Tilbud', 'inactive', false, null],
      ['Venter På Godkendelse', 'pending', false, null],
    ])
    expect(new Set(data.ads.map((ad) => ad.facility))).toEqual(new Set(['Bostedet Skovly']))
    for (const value of [...(await personalStrings()), 'Kim Kontakt']) expect(text).not.toContain(value)
  })

  test('other roles are refused', async () => {
    const response = await callRoute(overview.loader as RouteHandler, getRequest('/municipality', await sessionCookieFor(world.coordinator.id)))
    expect(response.status).toBe(403)
  })
})

describe('it writes nothing but its own template', () => {
  test('a facility’s ethics policy, a statement, an invitation: 403', async () => {
    const skovly = world.facilities.skovly.id
    const ethics = await callRoute(
      facilityEthics.action as RouteHandler,
      formRequest(`/facility/${skovly}/ethics`, { intent: 'add', technology: 'X', dilemma: 'Y', agreedValues: 'Z' }, { cookie }),
      { facilityId: skovly },
    )
    expect(ethics.status).toBe(403)
    const adopt = await callRoute(facilityEthics.action as RouteHandler, formRequest(`/facility/${skovly}/ethics`, { intent: 'adopt' }, { cookie }), { facilityId: skovly })
    expect(adopt.status).toBe(403)
    const sign = await callRoute(
      signStatement.action as RouteHandler,
      formRequest(`/centre/volunteers/${world.volunteer.id}/statement`, { text: 'Fin' }, { cookie }),
      { volunteerId: world.volunteer.id },
    )
    expect(sign.status).toBe(403)
    const invite = await callRoute(adminUsers.action as RouteHandler, formRequest('/admin/users', { name: 'X', email: 'x@example.test', role: 'admin', locale: 'da' }, { cookie }))
    expect(invite.status).toBe(403)
    expect(await prisma.ethicsPolicyEntry.count({ where: { facilityId: skovly } })).toBe(0)
    expect(await prisma.volunteerStatementSignoff.count()).toBe(0)
  })

  test('its own municipality’s template, yes; another municipality’s, no', async () => {
    const entry = { intent: 'add', technology: 'Sociale medier', dilemma: 'Venner på Facebook?', agreedValues: 'Ikke med private profiler.' }
    const own = await callRoute(template.action as RouteHandler, formRequest('/municipality/ethics-template', entry, { cookie }))
    expect(own.status).toBe(302)
    const other = await callRoute(template.action as RouteHandler, formRequest(`/municipality/ethics-template?municipality=${world.municipalityIds.furesoe}`, entry, { cookie }))
    expect(other.status).toBe(403)
    const saved = await prisma.ethicsTemplate.findMany({ select: { municipalityId: true, version: true } })
    expect(saved).toEqual([{ municipalityId: world.municipalityIds.halsnaes, version: 1 }])
  })
})

describe('the facility’s review form', () => {
  test('bad values get 400 with errors next to the fields and keep what was typed; the leader’s good review is kept', async () => {
    const skovly = world.facilities.skovly.id
    const leaderCookie = await sessionCookieFor(world.contact.id)
    const bad = await callRoute(
      facilityEthics.action as RouteHandler,
      formRequest(`/facility/${skovly}/ethics`, { intent: 'review', reviewedOn: '2026-02-30', residents: '-1', staff: 'mange', otherRoles: 'pårørende\nrådet', note: 'Beboer 010190-1234 var med' }, { cookie: leaderCookie }),
      { facilityId: skovly },
    )
    expect(bad.status).toBe(400)
    const body = (await bad.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> }
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['note', 'otherRoles', 'residents', 'reviewedOn', 'staff'])
    expect(body.values.note).toBe('Beboer 010190-1234 var med')
    const future = await callRoute(
      facilityEthics.action as RouteHandler,
      formRequest(`/facility/${skovly}/ethics`, { intent: 'review', reviewedOn: '2999-01-01', residents: '1', staff: '1' }, { cookie: leaderCookie }),
      { facilityId: skovly },
    )
    expect(((await future.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.reviewedOn).toEqual(['municipality:policy.reviewInFuture'])
    const good = await callRoute(
      facilityEthics.action as RouteHandler,
      formRequest(`/facility/${skovly}/ethics`, { intent: 'review', reviewedOn: '2026-01-15', residents: '4', staff: '2', otherRoles: 'pårørenderåd', note: '' }, { cookie: leaderCookie }),
      { facilityId: skovly },
    )
    expect(good.status).toBe(302)
    expect(await prisma.ethicsPolicyReview.findMany({ where: { facilityId: skovly }, select: { reviewedOn: true, residents: true, staff: true, otherRoles: true } })).toEqual([
      { reviewedOn: '2026-01-15', residents: 4, staff: 2, otherRoles: 'pårørenderåd' },
    ])
  })
})

describe('an admin creates the account', () => {
  test('with one or more municipalities; none chosen is an error next to the field', async () => {
    const admin = await createUser('admin', { name: 'Anne Admin' })
    const adminCookie = await sessionCookieFor(admin.id)
    const missing = await callRoute(adminUsers.action as RouteHandler, formRequest('/admin/users', { name: 'Ny Tovholder', email: 'ny@kommune.test', role: 'municipality', locale: 'da' }, { cookie: adminCookie }))
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.municipalityIds).toEqual(['municipality:invite.municipalityRequired'])
    const made = await callRoute(
      adminUsers.action as RouteHandler,
      formRequest(
        '/admin/users',
        new URLSearchParams([
          ['name', 'Ny Tovholder'],
          ['email', 'ny@kommune.test'],
          ['role', 'municipality'],
          ['locale', 'da'],
          ['municipalityIds', world.municipalityIds.halsnaes],
          ['municipalityIds', world.municipalityIds.furesoe],
        ]),
        { cookie: adminCookie },
      ),
    )
    expect(made.status).toBe(302)
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'ny@kommune.test' }, select: { role: true, centreId: true, municipalityAccess: { select: { municipalityId: true } } } })
    expect(user.role).toBe('municipality')
    expect(user.centreId).toBeNull()
    expect(user.municipalityAccess.map((a) => a.municipalityId).sort()).toEqual([world.municipalityIds.halsnaes, world.municipalityIds.furesoe].sort())
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: 'ny@kommune.test' }, select: { text: true } })
    expect(mail.text).toContain('kommunal tovholder for Furesø Kommune, Halsnæs Kommune')
  })
})
