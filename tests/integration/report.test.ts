// The results report through its routes: the page's figures are the model's, the CSV reads back
// to the same figures (BOM, semicolons, decimal commas, CRLF), only the centre's coordinators get
// it, a municipality of another centre is refused, and no volunteer's personal data leaves.
import { beforeAll, describe, expect, test } from 'vitest'
import { createUser, getRequest, sessionCookieFor } from '../setup/fixtures'
import { reportWorld } from '../setup/fixtures-report'
import { resultsReport } from '~/models/report.server'
import * as reportCsv from '~/routes/centre+/report[.]csv'
import * as reportPage from '~/routes/centre+/report'
import { parseCsv } from '~/utils/csv'
import { prisma } from '~/utils/db.server'
import { columnValue, FIGURE_COLUMNS, type Report } from '~/utils/report'
import { callRoute } from '../setup/routes'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

async function run(loader: Loader, path: string, cookie?: string) {
  return callRoute(loader, getRequest(path, cookie))
}

let world: Awaited<ReturnType<typeof reportWorld>>
let cookie: string
const PERIOD = 'from=2026-01-01&to=2026-06-30'

beforeAll(async () => {
  world = await reportWorld()
  cookie = await sessionCookieFor(world.coordinator.id)
})

describe('the report page', () => {
  test('shows the model’s figures for the period and the centre’s municipalities', async () => {
    const response = await run(reportPage.loader as Loader, `/centre/report?${PERIOD}`, cookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const data = (await response.json()) as { report: Report; municipalities: { name: string }[]; period: { adjusted: boolean } }
    expect(data.report).toEqual(resultsReport({ municipalityIds: [world.municipalityIds.halsnaes, world.municipalityIds.furesoe], ...world.period }))
    expect(data.report.totals).toMatchObject({ visitsDone: 5, hours: 8.75, medianDaysToDecision: 7 })
    expect(data.municipalities.map((m) => m.name)).toEqual(['Furesø Kommune', 'Halsnæs Kommune'])
    expect(data.period.adjusted).toBe(false)
  })

  test('without dates: this year so far in Copenhagen', async () => {
    const data = (await (await run(reportPage.loader as Loader, '/centre/report', cookie)).json()) as { period: { from: string; to: string } }
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date())
    expect(data.period).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: today })
  })

  test('an end before the start is a message, not figures; a date that cannot be read falls back', async () => {
    const backwards = (await (await run(reportPage.loader as Loader, '/centre/report?from=2026-06-30&to=2026-01-01', cookie)).json()) as { report: Report | null; period: { backwards: boolean } }
    expect(backwards.report).toBeNull()
    expect(backwards.period.backwards).toBe(true)
    const odd = (await (await run(reportPage.loader as Loader, '/centre/report?from=2026-02-30&to=2026-06-30', cookie)).json()) as { period: { from: string; adjusted: boolean } }
    expect(odd.period).toMatchObject({ from: '2026-01-01', adjusted: true })
    const csv = await run(reportCsv.loader as Loader, '/centre/report.csv?from=2026-06-30&to=2026-01-01', cookie)
    expect(csv.status).toBe(400)
    expect(await csv.text()).toBe('Slutdatoen ligger før startdatoen.')
  })
})

describe('the CSV', () => {
  test('reads back to the report’s figures: BOM, semicolons, decimal commas, CRLF, one row per facility', async () => {
    const response = await run(reportCsv.loader as Loader, `/centre/report.csv?${PERIOD}`, cookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="frivilligbro-rapport-2026-01-01-2026-06-30.csv"')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.split('\r\n').length).toBe(6) // header, three facilities, all facilities, and the empty rest after the last CRLF
    expect(text.replaceAll('\r\n', '')).not.toContain('\n')

    const [header, ...rows] = parseCsv(text)
    expect(header.slice(0, 4)).toEqual(['Tilbud', 'Kommune', 'Nyt i perioden', 'Opslag offentliggjort'])
    expect(header).toContain('Dage fra ansøgning til afgørelse (median)')
    const report = resultsReport({ municipalityIds: [world.municipalityIds.halsnaes, world.municipalityIds.furesoe], ...world.period })
    const expected = [...report.facilities.map((f) => ({ name: f.name, figures: f.figures })), { name: 'Alle tilbud', figures: report.totals }]
    expect(rows.map((row) => row[0])).toEqual(expected.map((row) => row.name))
    // The quoted name with a semicolon and quotes comes back whole.
    expect(rows[2][0]).toBe('Huset "Fjorden"; Værløse')
    expect(text).toContain('"Huset ""Fjorden""; Værløse"')
    for (const [index, row] of rows.entries()) {
      FIGURE_COLUMNS.forEach((column, i) => {
        const cell = row[3 + i]
        const value = columnValue(column, expected[index].figures)
        expect(cell, `${expected[index].name}, ${column.key}`).toBe(value === null ? '' : String(value).replace('.', ','))
        if (cell !== '') expect(Number(cell.replace(',', '.'))).toBe(value)
      })
      expect(row.slice(-2)).toEqual(['2026-01-01', '2026-06-30'])
    }
    const totals = rows[3]
    const at = (key: string) => totals[3 + FIGURE_COLUMNS.findIndex((c) => c.key === key)]
    expect([at('hours'), at('satisfactionAverage'), at('medianDaysToFirstVisit'), at('alignedShare'), at('retention3'), at('followUpMeetings')]).toEqual(['8,75', '3,5', '7', '67', '83', '2'])
    expect(header).toContain('Opfølgningsmøder')
    expect(rows[0].slice(0, 3)).toEqual(['Bostedet Skovly', 'Halsnæs Kommune', 'nej'])
  })

  test('in English for an English-speaking coordinator', async () => {
    const english = await createUser('coordinator', { centreId: world.centre.id, locale: 'en' })
    const text = await (await run(reportCsv.loader as Loader, `/centre/report.csv?${PERIOD}`, await sessionCookieFor(english.id))).text()
    expect(parseCsv(text)[0].slice(0, 4)).toEqual(['Facility', 'Municipality', 'New this period', 'Ads published'])
  })
})

describe('who gets the report', () => {
  test('coordinators of the centre; another centre’s coordinator only their own; others 403 or the log-in page', async () => {
    const volunteer = await sessionCookieFor(world.volunteer.id)
    const staff = await sessionCookieFor(world.contact.id)
    const admin = await sessionCookieFor((await createUser('admin')).id)
    const other = await sessionCookieFor(world.otherCoordinator.id)
    for (const loader of [reportPage.loader, reportCsv.loader] as Loader[]) {
      const path = loader === reportPage.loader ? `/centre/report?${PERIOD}` : `/centre/report.csv?${PERIOD}`
      for (const who of [volunteer, staff, admin]) expect((await run(loader, path, who)).status).toBe(403)
      const anonymous = await run(loader, path)
      expect(anonymous.status).toBe(302)
      expect(anonymous.headers.get('Location')).toMatch(/^\/login/)
      // A municipality of another centre, or one that does not exist, is refused whatever its form.
      for (const municipality of [world.municipalityIds.alleroed, 'no-such-municipality', '']) {
        const status = (await run(loader, `${path}&municipality=${encodeURIComponent(municipality)}`, cookie)).status
        expect(status, municipality).toBe(municipality === '' ? 200 : 403)
      }
      expect((await run(loader, `${path}&municipality=${world.municipalityIds.halsnaes}`, other)).status).toBe(403)
      expect((await run(loader, `${path}&municipality=${world.municipalityIds.furesoe}`, cookie)).status).toBe(200)
    }
    const otherReport = (await (await run(reportPage.loader as Loader, `/centre/report?${PERIOD}`, other)).json()) as { report: Report }
    expect(otherReport.report.facilities.map((f) => f.name)).toEqual(['Andet Centers Tilbud'])
  })

  test('the municipality filter narrows the page and the CSV to that municipality', async () => {
    const page = (await (await run(reportPage.loader as Loader, `/centre/report?${PERIOD}&municipality=${world.municipalityIds.furesoe}`, cookie)).json()) as { report: Report }
    expect(page.report.facilities.map((f) => f.name)).toEqual(['Dagtilbuddet Stille', 'Huset "Fjorden"; Værløse'])
    const csv = parseCsv(await (await run(reportCsv.loader as Loader, `/centre/report.csv?${PERIOD}&municipality=${world.municipalityIds.furesoe}`, cookie)).text())
    expect(csv.slice(1).map((row) => row[0])).toEqual(['Dagtilbuddet Stille', 'Huset "Fjorden"; Værløse', 'Alle tilbud'])
  })

  test('no volunteer’s name, e-mail, phone or the words of a check-in in the page data or the CSV', async () => {
    await prisma.followUpResponse.updateMany({ where: { answeredAt: { not: null } }, data: { wishes: 'Hemmeligt ønske fra Vagn' } })
    const people = await prisma.user.findMany({ where: { role: { in: ['volunteer', 'facility_staff'] } }, select: { name: true, email: true, phone: true } })
    const page = await (await run(reportPage.loader as Loader, `/centre/report?${PERIOD}`, cookie)).text()
    const csv = await (await run(reportCsv.loader as Loader, `/centre/report.csv?${PERIOD}`, cookie)).text()
    for (const text of [page, csv]) {
      expect(text).not.toContain('Hemmeligt ønske')
      for (const person of people) {
        expect(text).not.toContain(person.name)
        expect(text).not.toContain(person.email)
        if (person.phone) expect(text).not.toContain(person.phone)
      }
    }
  })
})
