import { createRequire } from 'node:module'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, logIn, logOut } from './helpers'

// Issue 14, the municipality's view: the municipality's contact (kommunal tovholder) lands on its
// own overview, reads the same report figures as the centre's coordinator for Gribskov and never a
// volunteer's name, e-mail or phone; a facility adopts the municipal ethics template and records a
// review; the volunteer prints their statement on one A4 page.

type Db = { prepare(sql: string): { all(...args: unknown[]): unknown[]; get(...args: unknown[]): unknown }; close(): void }
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => Db
const databaseFile = path.resolve(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 3100}/db/e2e.db`)

/** Reads (never writes) the server's database: every volunteer's personal strings, and a demo id. */
function fromDatabase<T>(read: (db: Db) => T): T {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}
const volunteersPersonalData = () =>
  fromDatabase((db) => db.prepare(`SELECT "name", "email", "phone" FROM "User" WHERE "role" = 'volunteer'`).all() as { name: string; email: string; phone: string | null }[]).flatMap(
    (v) => [v.name, v.email, v.phone].filter((value): value is string => Boolean(value)),
  )

async function expectNoPersonalData(page: Page) {
  const html = await page.content()
  const strings = volunteersPersonalData()
  expect(strings.length).toBeGreaterThan(20)
  for (const value of strings) expect(html, `${page.url()} shows "${value}"`).not.toContain(value)
}

const KOMMUNE = 'kommune@frivilligbro.test'
const COORDINATOR = 'koordinator@frivilligbro.test'

test('the municipality lands on its overview, reads the coordinator’s figures for Gribskov and no names', async ({ page }) => {
  await logIn(page, KOMMUNE)
  await expect(page).toHaveURL(/\/municipality$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunens overblik' })).toBeVisible()
  const facilities = page.getByRole('region', { name: 'Tilbud' })
  await expect(facilities.getByRole('rowheader', { name: /Bostedet Skovbrynet/ })).toBeVisible()
  await expect(facilities.getByRole('row', { name: /Aktivitetshuset Tværs/ })).toContainText('Aldrig gennemgået')
  await expect(facilities.getByRole('row', { name: /Bostedet Lindehuset/ })).toHaveCount(0) // Hillerød is not theirs
  await expect(page.getByRole('heading', { level: 2, name: 'Jobopslag' })).toBeVisible()
  await expectAccessible(page)
  await expectNoPersonalData(page)

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Resultatrapport' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatrapport' })).toBeVisible()
  await expectAccessible(page)
  await expectNoPersonalData(page)
  const keyFigures = await page.getByRole('region', { name: 'Nøgletal' }).innerText()
  const table = await page.getByRole('region', { name: 'Tilbud for tilbud' }).innerText()
  expect(table).toContain('Bostedet Skovbrynet')
  expect(table).not.toContain('Hillerød')

  // Nothing to change there: no forms that write, and the centre's pages stay closed.
  const response = await page.goto('/centre')
  expect(response?.status()).toBe(403)

  // The residents' wishes across its facilities, against the volunteers who could help; no one named.
  await page.goto('/municipality')
  await page.getByRole('link', { name: 'Beboernes ønsker' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beboernes ønsker i kommunen' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Åbne ønsker pr. tilbud' })).toContainText('Bostedet Skovbrynet')
  await expectAccessible(page)
  await expectNoPersonalData(page)

  // The municipality keeps its ethics template.
  await page.goto('/municipality/ethics-template')
  await expect(page.getByRole('heading', { level: 1, name: /Skabelon for digital etik – Gribskov Kommune/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Kunstig intelligens og chatbots' })).toBeVisible()
  await expectAccessible(page)
  await logOut(page)

  // The centre's coordinator sees the same figures for Gribskov (the centre covers only Gribskov).
  await logIn(page, COORDINATOR)
  await page.goto('/centre/report')
  expect(await page.getByRole('region', { name: 'Nøgletal' }).innerText()).toBe(keyFigures)
  expect(await page.getByRole('region', { name: 'Tilbud for tilbud' }).innerText()).toBe(table)
})

test('a facility adopts the municipality’s template and records a review; another sees the template changed', async ({ page }) => {
  await logIn(page, 'tilbud@frivilligbro.test')
  await expect(page.getByRole('heading', { level: 2, name: 'Jeres tal det seneste år' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Politik for digital etik' }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: 'Gribskov Kommunes skabelon' })).toBeVisible()
  await page.getByRole('button', { name: 'Tag kommunens skabelon i brug' }).click()
  await expect(page.getByText('Skabelonen er taget i brug. Punkter tilføjet til jeres politik: 3.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Kunstig intelligens og chatbots' })).toBeVisible()
  await expect(page.getByText('Skabelonen er ikke ændret siden.')).toBeVisible()
  await expectAccessible(page)

  // A review in the future is refused next to the field; then a real one is kept.
  const review = page.getByRole('region', { name: 'Gennemgang med beboere og personale' })
  await review.getByLabel('Dato for gennemgangen').fill('2099-01-01')
  await review.getByRole('button', { name: 'Gem gennemgangen' }).click()
  await expect(page.getByText('Datoen må ikke ligge i fremtiden.')).toBeVisible()
  await expectAccessible(page)
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date())
  await review.getByLabel('Dato for gennemgangen').fill(today)
  await review.getByLabel('Antal beboere, der var med').fill('6')
  await review.getByLabel('Antal ansatte, der var med').fill('3')
  await review.getByLabel('Andre, der var med (roller)').fill('IT-frivillig')
  await review.getByRole('button', { name: 'Gem gennemgangen' }).click()
  await expect(page.getByText('Gennemgangen er gemt.')).toBeVisible()
  await expect(review.getByText('6 beboere, 3 ansatte · IT-frivillig')).toBeVisible()
  await logOut(page)

  // Fyrtårnet took an earlier version in use: the template has changed since.
  await logIn(page, 'birgitte.fyrtaarnet@frivilligbro.test')
  await page.getByRole('link', { name: 'Politik for digital etik' }).first().click()
  await expect(page.getByText('Kommunens skabelon er ændret siden I tog den i brug — se ændringerne.')).toBeVisible()
  await page.getByText('Se ændringerne', { exact: true }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Nye punkter i skabelonen' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Vi har set ændringerne' }).click()
  await expect(page.getByText('Skabelonen er ikke ændret siden.')).toBeVisible()
  await logOut(page)

  // The municipality sees Skovbrynet's policy built on the template and reviewed today.
  await logIn(page, KOMMUNE)
  const row = page.getByRole('region', { name: 'Tilbud' }).getByRole('row', { name: /Bostedet Skovbrynet/ })
  await expect(row).toContainText('bygget på kommunens skabelon')
  await expect(row).toContainText('(0 måneder siden)')
})

test('the volunteer sees what they have given and prints the statement on one A4 page; the centre signs it', async ({ page }) => {
  const frederik = fromDatabase((db) => db.prepare(`SELECT "id" FROM "User" WHERE "email" = 'frivillig@frivilligbro.test'`).get() as { id: string })
  await logIn(page, COORDINATOR)
  await page.goto(`/centre/volunteers/${frederik.id}`)
  await page.getByRole('link', { name: 'Udtalelse om den frivilliges arbejde (skriv under)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Udtalelse om frivilligt IT-arbejde' })).toBeVisible()
  await page.getByRole('button', { name: 'Skriv under' }).click()
  await expect(page.getByText('Skal udfyldes')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Frivilligcentrets linje').fill('Frederik har været stabil, tålmodig og god til at forklare.')
  await page.getByRole('button', { name: 'Skriv under' }).click()
  await expect(page.getByText('Udtalelsen er skrevet under.')).toBeVisible()
  await logOut(page)

  await logIn(page, 'frivillig@frivilligbro.test')
  const record = page.getByRole('region', { name: 'Det har du givet' })
  await expect(record.getByRole('rowheader', { name: 'Bostedet Skovbrynet' })).toBeVisible()
  await expect(record.getByRole('rowheader', { name: 'Fyrtårnet', exact: false })).toBeVisible()
  await expect(record.getByRole('rowheader', { name: 'I alt' })).toBeVisible()
  await expectAccessible(page)
  await record.getByRole('link', { name: /Udtalelse om dit frivillige arbejde/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Udtalelse om frivilligt IT-arbejde' })).toBeVisible()
  await expect(page.getByText('Frederik har været stabil, tålmodig og god til at forklare.')).toBeVisible()
  await expect(page.getByText(/Karin Koordinator, Frivilligcenter Gribskov/)).toBeVisible()
  await expectAccessible(page)

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden()
  const pdf = await page.pdf({ format: 'A4' })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
  expect(pages).toHaveLength(1)
})
