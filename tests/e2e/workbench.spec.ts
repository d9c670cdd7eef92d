// The coordinator's workbench: the start page says what needs doing today; the lists find a
// volunteer by part of the name, filter matches by state and page through, with and through the
// URL. The story's centre is its own (Odense, which no demo centre covers), written straight into
// the server's database, so it has enough volunteers for two pages and no other story sees it.
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, logIn, uniqueEmail } from './helpers'

type Db = {
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown }
  transaction(fn: () => void): () => void
  close(): void
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { fileMustExist: boolean; timeout: number }) => Db

const port = Number(process.env.E2E_PORT ?? 3100)
const databaseFile = path.resolve(`tests/.tmp/e2e-${port}/db/e2e.db`)
const instant = (date: Date) => date.toISOString().replace('Z', '+00:00')
const id = () => `e2e${crypto.randomBytes(10).toString('hex')}`
const DAY = 86_400_000

/** A centre for Odense with a coordinator, 31 volunteers, a facility, an ad, three matches and an application waiting 3 days. */
function seedOdenseCentre() {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 })
  const coordinatorEmail = uniqueEmail('odense-koordinator')
  try {
    const now = Date.now()
    const stamp = instant(new Date(now))
    const { passwordHash } = db.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = 'koordinator@frivilligbro.test'`).get() as { passwordHash: string }
    const { municipalityId, postcode, town } = db
      .prepare(`SELECT p."municipalityId", p."code" AS "postcode", p."town" FROM "Postcode" p JOIN "Municipality" m ON m."id" = p."municipalityId" WHERE m."name" = 'Odense Kommune' LIMIT 1`)
      .get() as { municipalityId: string; postcode: string; town: string }
    const centreId = id()
    const user = db.prepare(
      `INSERT INTO "User" ("id", "email", "emailVerifiedAt", "passwordHash", "name", "role", "locale", "centreId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 'da', ?, ?, ?)`,
    )
    const profile = db.prepare(`INSERT INTO "VolunteerProfile" ("id", "userId", "municipalityId", "postcode", "consentDataAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`)
    const match = db.prepare(`INSERT INTO "Match" ("id", "jobAdId", "facilityId", "volunteerId", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    db.transaction(() => {
      db.prepare(`INSERT INTO "Centre" ("id", "name", "email", "createdAt") VALUES (?, ?, ?, ?)`).run(centreId, `Frivilligcenter Odense ${centreId.slice(-4)}`, 'odense@centre.test', stamp)
      db.prepare(`UPDATE "Municipality" SET "centreId" = ? WHERE "id" = ?`).run(centreId, municipalityId)
      user.run(id(), coordinatorEmail, stamp, passwordHash, 'Olga Odense', 'coordinator', centreId, stamp, stamp)
      const volunteers: string[] = []
      const names = ['Ulla Østerbro', ...Array.from({ length: 30 }, (_, n) => `Testperson ${String(n + 1).padStart(2, '0')}`)]
      for (const [n, name] of names.entries()) {
        const volunteerId = id()
        const created = instant(new Date(now - (n + 1) * DAY))
        user.run(volunteerId, uniqueEmail(`odense-${n}`), created, passwordHash, name, 'volunteer', null, created, created)
        profile.run(id(), volunteerId, municipalityId, postcode, created, created, created)
        volunteers.push(volunteerId)
      }
      const facilityId = id()
      db.prepare(
        `INSERT INTO "Facility" ("id", "name", "kind", "address", "postcode", "town", "municipalityId", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, 'Bostedet Odinshøj', 'bosted', 'Odinsvej 1', ?, ?, ?, 'active', ?, ?, ?)`,
      ).run(facilityId, postcode, town, municipalityId, stamp, stamp, stamp)
      const adId = id()
      db.prepare(
        `INSERT INTO "JobAd" ("id", "facilityId", "municipalityId", "title", "tasks", "status", "submittedAt", "publishedAt", "expiresAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'Tablets i Odinshøj', '["tablets_phones"]', 'published', ?, ?, ?, ?, ?)`,
      ).run(adId, facilityId, municipalityId, stamp, stamp, instant(new Date(now + 90 * DAY)), stamp, stamp)
      match.run(id(), adId, facilityId, volunteers[0], 'active', instant(new Date(now - 40 * DAY)), stamp, stamp)
      match.run(id(), adId, facilityId, volunteers[1], 'paused', instant(new Date(now - 50 * DAY)), stamp, stamp)
      match.run(id(), adId, facilityId, volunteers[2], 'ended', instant(new Date(now - 300 * DAY)), stamp, stamp)
      const waiting = instant(new Date(now - 3 * DAY))
      db.prepare(`INSERT INTO "Application" ("id", "jobAdId", "volunteerId", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, 'submitted', ?, ?)`).run(id(), adId, volunteers[3], waiting, waiting)
    })()
  } finally {
    db.close()
  }
  return coordinatorEmail
}

/** The list's count (the toast region is a status region too). */
const summary = (page: Page) => page.locator('.list-summary[role="status"]')

let coordinator: string
test.beforeAll(() => {
  coordinator = seedOdenseCentre()
})

test('a coordinator sees what to do today, finds a volunteer by part of the name, filters matches and pages through', async ({ page }) => {
  await logIn(page, coordinator)
  await page.goto('/centre')
  const todo = page.getByRole('region', { name: 'Det skal du gøre i dag' })
  await expect(todo.getByRole('link', { name: '1 ansøgning har ventet over 48 timer' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Overblik' }).getByRole('link', { name: /31\s*Frivillige/ })).toBeVisible()
  await expectAccessible(page)
  await todo.getByRole('link', { name: '1 ansøgning har ventet over 48 timer' }).click()
  await expect(page).toHaveURL(/\/centre\/applications\?waiting=1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Ansøgninger' })).toBeVisible()
  await expect(page.getByRole('table').getByRole('link', { name: 'Behandl ansøgningen fra Testperson 03' })).toBeVisible()
  await expectAccessible(page)

  // Find Ulla by a part of her surname, in lower case.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Frivillige', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Frivillige' })).toBeVisible()
  await expect(summary(page)).toHaveText('Viser 1–25 af 31')
  await expect(page.getByLabel('Mangler eller udløber attester/erklæringer (30 dage)')).not.toBeChecked()
  await expectAccessible(page)
  await page.getByLabel('Navn, e-mail eller opgave').fill('østerb')
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page).toHaveURL(/q=%C3%B8sterb/)
  await expect(summary(page)).toHaveText('Viser 1–1 af 1')
  await page.getByRole('link', { name: 'Ulla Østerbro' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ulla Østerbro' })).toBeVisible()
  await expectAccessible(page)

  // Nothing found: a friendly line and a way back to the whole list.
  await page.goto('/centre/volunteers?q=ingen-hedder-s%C3%A5dan')
  await expect(summary(page)).toContainText('Ingen passer på søgningen og filtrene.')
  await summary(page).getByRole('link', { name: 'Ryd søgning og filtre' }).click()
  await expect(page).toHaveURL(/\/centre\/volunteers$/)

  // Page through: 25, then the last 6; the page is in the URL.
  await page.getByRole('link', { name: 'Næste side' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(summary(page)).toHaveText('Viser 26–31 af 31')
  await expect(page.getByRole('navigation', { name: 'Sider' }).getByText('2', { exact: true })).toBeVisible()
  await expect(page.getByRole('row')).toHaveCount(7)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Side 1' }).click()
  await expect(summary(page)).toHaveText('Viser 1–25 af 31')

  // Matches by state.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Match', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Match' })).toBeVisible()
  await expect(summary(page)).toHaveText('Viser 1–3 af 3')
  await expectAccessible(page)
  await page.getByLabel('Status').selectOption('paused')
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page).toHaveURL(/state=paused/)
  await expect(summary(page)).toHaveText('Viser 1–1 af 1')
  await expect(page.getByRole('cell', { name: 'Testperson 01' })).toBeVisible()
  await expect(page.getByLabel('Status')).toHaveValue('paused')
  await expectAccessible(page)

  // The ads and facilities lists.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Opslag', exact: true }).click()
  await expect(page.getByRole('link', { name: 'Tablets i Odinshøj' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tilbud', exact: true }).click()
  await expect(page.getByRole('cell', { name: /Bostedet Odinshøj/ })).toBeVisible()
  await expectAccessible(page)
})

test('the lists work without JavaScript: the form is a GET and the pages are links', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' })
  const page = await context.newPage()
  await logIn(page, coordinator)
  await page.goto('/centre/matches')
  await page.getByLabel('Status').selectOption('active')
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page).toHaveURL(/state=active/)
  await expect(summary(page)).toHaveText('Viser 1–1 af 1')
  await page.goto('/centre/volunteers?page=2')
  await expect(summary(page)).toHaveText('Viser 26–31 af 31')
  await context.close()
})
