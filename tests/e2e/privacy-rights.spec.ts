import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, expectAccessible, logIn, uniqueEmail, waitForMail } from './helpers'

type Db = {
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown }
  pragma(source: string): unknown
  close(): void
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { fileMustExist: boolean; timeout: number }) => Db

const port = Number(process.env.E2E_PORT ?? 3100)
const databaseFile = path.resolve(`tests/.tmp/e2e-${port}/db/e2e.db`)

/** An instant as Prisma stores it in SQLite. */
const instant = (date: Date) => date.toISOString().replace('Z', '+00:00')
const id = () => `e2e${crypto.randomBytes(10).toString('hex')}`

/**
 * The story's own facility (in a municipality no demo centre covers, so no other story sees it),
 * its leader as contact person, a filled ad, and a volunteer with an approved, active match and a
 * planned visit. Written straight into the server's database so the story stands alone and no
 * demo account is deleted; the volunteer's password is the demo password (its hash is copied).
 */
function seedVolunteerWithMatch() {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 })
  try {
    db.pragma('secure_delete = ON')
    const now = new Date()
    const stamp = instant(now)
    const { passwordHash } = db.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = 'frivillig@frivilligbro.test'`).get() as { passwordHash: string }
    const { municipalityId, postcode, town } = db
      .prepare(`SELECT p."municipalityId", p."code" AS "postcode", p."town" FROM "Postcode" p JOIN "Municipality" m ON m."id" = p."municipalityId" WHERE m."name" = 'Aarhus Kommune' LIMIT 1`)
      .get() as { municipalityId: string; postcode: string; town: string }
    const suffix = crypto.randomBytes(3).toString('hex')
    const volunteer = { id: id(), name: `Vibeke Sletsen ${suffix}`, email: uniqueEmail('vibeke'), phone: '61 72 83 94' }
    const contact = { id: id(), name: `Kasper Kontaktsen ${suffix}`, email: uniqueEmail('kasper') }
    const facility = { id: id(), name: `Bostedet Egelunden ${suffix}` }
    const ad = { id: id(), title: `Tablet-hjælp i Egelunden ${suffix}` }

    const user = db.prepare(
      `INSERT INTO "User" ("id", "email", "emailVerifiedAt", "passwordHash", "name", "phone", "role", "locale", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, 'da', ?, ?)`,
    )
    user.run(volunteer.id, volunteer.email, stamp, passwordHash, volunteer.name, volunteer.phone, 'volunteer', stamp, stamp)
    user.run(contact.id, contact.email, stamp, passwordHash, contact.name, '86 12 34 56', 'facility_staff', stamp, stamp)
    db.prepare(
      `INSERT INTO "VolunteerProfile" ("id", "userId", "bio", "postcode", "municipalityId", "consentDataAt", "createdAt", "updatedAt") VALUES (?, ?, 'Pensioneret IT-underviser.', ?, ?, ?, ?, ?)`,
    ).run(id(), volunteer.id, postcode, municipalityId, stamp, stamp, stamp)
    db.prepare(
      `INSERT INTO "Facility" ("id", "name", "kind", "address", "postcode", "town", "municipalityId", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, ?, 'bosted', 'Egevej 3', ?, ?, ?, 'active', ?, ?, ?)`,
    ).run(facility.id, facility.name, postcode, town, municipalityId, stamp, stamp, stamp)
    db.prepare(
      `INSERT INTO "FacilityMembership" ("id", "facilityId", "userId", "role", "isContactPerson", "status", "createdAt") VALUES (?, ?, ?, 'leader', 1, 'active', ?)`,
    ).run(id(), facility.id, contact.id, stamp)
    db.prepare(
      `INSERT INTO "JobAd" ("id", "facilityId", "municipalityId", "title", "contactPersonId", "status", "publishedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'filled', ?, ?, ?)`,
    ).run(ad.id, facility.id, municipalityId, ad.title, contact.id, stamp, stamp, stamp)
    const applicationId = id()
    db.prepare(
      `INSERT INTO "Application" ("id", "jobAdId", "volunteerId", "motivation", "status", "decidedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'Jeg kan lide at forklare.', 'matched', ?, ?, ?)`,
    ).run(applicationId, ad.id, volunteer.id, stamp, stamp, stamp)
    const matchId = id()
    db.prepare(
      `INSERT INTO "Match" ("id", "jobAdId", "facilityId", "volunteerId", "applicationId", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
    ).run(matchId, ad.id, facility.id, volunteer.id, applicationId, stamp, stamp, stamp)
    const startsAt = new Date(now.getTime() + 10 * 86_400_000)
    db.prepare(
      `INSERT INTO "Visit" ("id", "matchId", "facilityId", "volunteerId", "localDate", "startsAt", "endsAt", "location", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, 'Fællesstuen', 'planned', ?, ?)`,
    ).run(id(), matchId, facility.id, volunteer.id, startsAt.toISOString().slice(0, 10), instant(startsAt), instant(new Date(startsAt.getTime() + 7_200_000)), stamp, stamp)
    return { volunteer, contact, facility, ad }
  } finally {
    db.close()
  }
}

test('a volunteer downloads their data, prints it, and deletes their account; the contact person is told', async ({ page }) => {
  test.setTimeout(180_000)
  const { volunteer, contact, facility, ad } = seedVolunteerWithMatch()
  await logIn(page, volunteer.email)

  await page.goto('/settings')
  await page.getByRole('link', { name: 'Dine data: hent eller slet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dine data' })).toBeVisible()
  await expectAccessible(page)

  // The JSON file: an attachment with their name, their match and the version of the shape.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som JSON-fil' }).click()])
  expect(download.suggestedFilename()).toMatch(/^frivilligbro-data-\d{4}-\d{2}-\d{2}\.json$/)
  const file = await download.path()
  const data = JSON.parse(fs.readFileSync(file, 'utf8'))
  expect(data.version).toBe(1)
  expect(data.account).toMatchObject({ name: volunteer.name, email: volunteer.email, phone: volunteer.phone })
  expect(data.matches).toEqual([expect.objectContaining({ status: 'active', facility: facility.name, ad: ad.title })])
  expect(JSON.stringify(data)).not.toContain('passwordHash')

  // The same as a page to read and print.
  await page.getByRole('link', { name: 'Se og udskriv' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dine data – udskrift' })).toBeVisible()
  await expect(page.getByText(`Alt, hvad Frivilligbro har gemt om ${volunteer.name}`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Matches' })).toContainText(facility.name)
  await expect(page.getByRole('region', { name: 'Besøg' })).toContainText('Fællesstuen')
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible()
  await expectAccessible(page)

  // Deleting: a wrong password is refused next to the field; nothing happens.
  await page.getByRole('link', { name: 'Tilbage til Dine data' }).click()
  const deletion = page.getByRole('region', { name: 'Slet din konto' })
  await deletion.getByLabel('Skriv din adgangskode for at bekræfte').fill('ikke-min-kode')
  await deletion.getByRole('button', { name: 'Slet min konto' }).click()
  await expect(deletion.getByLabel('Skriv din adgangskode for at bekræfte')).toHaveAttribute('aria-invalid', 'true')
  await expect(deletion.locator('.field-errors').getByText('Adgangskoden er forkert.')).toBeVisible()
  await expectAccessible(page)

  await deletion.getByLabel('Skriv din adgangskode for at bekræfte').fill(DEMO_PASSWORD)
  await deletion.getByRole('button', { name: 'Slet min konto' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByText('Din konto er slettet.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Log ind', exact: true })).toBeVisible()
  await expectAccessible(page)

  // The facility's contact person gets the usual "match ended" e-mail, without the volunteer's name.
  const ended = await waitForMail(contact.email, `Afsluttet: Tidligere frivillig på ${facility.name}`)
  expect(ended.text).toContain(`Den frivillige på »${ad.title}« hos ${facility.name} har slettet sin konto i Frivilligbro, så samarbejdet er afsluttet.`)
  expect(ended.text).toContain('Det planlagte besøg herefter er aflyst.')
  expect(ended.text).not.toContain(volunteer.name)

  // The old log-in no longer works.
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(volunteer.email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByText('E-mail eller adgangskode er forkert.')).toBeVisible()
})

test('a facility\'s only leader is told to hand the role on before deleting', async ({ page }) => {
  await logIn(page, 'tilbud@frivilligbro.test')
  await page.goto('/settings/data')
  const deletion = page.getByRole('region', { name: 'Slet din konto' })
  await expect(deletion.getByText('Du kan ikke slette din konto endnu')).toBeVisible()
  await expect(deletion.getByText(/Du er den eneste leder af .*Bostedet Skovbrynet/)).toBeVisible()
  await expect(deletion.getByRole('button', { name: 'Slet min konto' })).toHaveCount(0)
  await expectAccessible(page)
})
