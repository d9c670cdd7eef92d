import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, linkPath, logIn, logOut, uniqueEmail, waitForMail } from './helpers'

type Db = {
  prepare(sql: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown }
  close(): void
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { fileMustExist: boolean; timeout: number }) => Db

const port = Number(process.env.E2E_PORT ?? 3100)
const databaseFile = path.resolve(`tests/.tmp/e2e-${port}/db/e2e.db`)
const instant = (date: Date) => date.toISOString().replace('Z', '+00:00')
const id = () => `e2e${crypto.randomBytes(10).toString('hex')}`

type Person = { id: string; name: string; email: string }

/**
 * The story's own facility in Gribskov (the demo coordinator's centre) with a leader as contact
 * person, a published ad with one place for a task few demo volunteers have (so the story's
 * candidate ranks among the suggestions), a volunteer who fits it and has not applied, and
 * another who has. Written straight into the server's database so no other story is touched;
 * every password is the demo password.
 */
function seedStory() {
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 })
  try {
    const stamp = instant(new Date())
    const { passwordHash } = db.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = 'frivillig@frivilligbro.test'`).get() as { passwordHash: string }
    const { municipalityId, postcode, town } = db
      .prepare(`SELECT p."municipalityId", p."code" AS "postcode", p."town" FROM "Postcode" p JOIN "Municipality" m ON m."id" = p."municipalityId" WHERE m."name" = 'Gribskov Kommune' LIMIT 1`)
      .get() as { municipalityId: string; postcode: string; town: string }
    const suffix = crypto.randomBytes(3).toString('hex')
    const person = (name: string, prefix: string, role: string): Person => {
      const p = { id: id(), name: `${name} ${suffix}`, email: uniqueEmail(prefix) }
      db.prepare(
        `INSERT INTO "User" ("id", "email", "emailVerifiedAt", "passwordHash", "name", "phone", "role", "locale", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, '40 50 60 70', ?, 'da', ?, ?)`,
      ).run(p.id, p.email, stamp, passwordHash, p.name, role, stamp, stamp)
      return p
    }
    const volunteer = (name: string, prefix: string) => {
      const p = person(name, prefix, 'volunteer')
      const profileId = id()
      db.prepare(
        `INSERT INTO "VolunteerProfile" ("id", "userId", "bio", "postcode", "municipalityId", "consentDataAt", "createdAt", "updatedAt") VALUES (?, ?, 'Hjælper gerne pårørende.', ?, ?, ?, ?, ?)`,
      ).run(profileId, p.id, postcode, municipalityId, stamp, stamp, stamp)
      db.prepare(`INSERT INTO "VolunteerSkill" ("id", "profileId", "task", "level") VALUES (?, ?, 'relatives_support', 3)`).run(id(), profileId)
      db.prepare(`INSERT INTO "VolunteerAvailability" ("id", "profileId", "weekday", "part") VALUES (?, ?, 2, 'afternoon')`).run(id(), profileId)
      db.prepare(`INSERT INTO "VolunteerArea" ("profileId", "municipalityId") VALUES (?, ?)`).run(profileId, municipalityId)
      return p
    }
    const contact = person('Kirsten Kontakt', 'kirsten', 'facility_staff')
    const facility = { id: id(), name: `Bostedet Lyngbakken ${suffix}` }
    db.prepare(
      `INSERT INTO "Facility" ("id", "name", "kind", "address", "postcode", "town", "municipalityId", "status", "approvedAt", "createdAt", "updatedAt") VALUES (?, ?, 'bosted', 'Lyngvej 4', ?, ?, ?, 'active', ?, ?, ?)`,
    ).run(facility.id, facility.name, postcode, town, municipalityId, stamp, stamp, stamp)
    db.prepare(
      `INSERT INTO "FacilityMembership" ("id", "facilityId", "userId", "role", "isContactPerson", "status", "createdAt") VALUES (?, ?, ?, 'leader', 1, 'active', ?)`,
    ).run(id(), facility.id, contact.id, stamp)
    const ad = { id: id(), title: `Pårørendecafé med IT ${suffix}` }
    db.prepare(
      `INSERT INTO "JobAd" ("id", "facilityId", "municipalityId", "title", "tasks", "description", "weekdays", "timeFrom", "timeTo", "volunteersWanted", "requiresConfidentiality", "contactPersonId", "status", "publishedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, '["relatives_support"]', 'Pårørende vil gerne lære at videoringe med beboerne. Du viser dem hvordan, en tirsdag om måneden.', '[2]', '15:00', '17:00', 1, 0, ?, 'published', ?, ?, ?)`,
    ).run(ad.id, facility.id, municipalityId, ad.title, contact.id, stamp, stamp, stamp)
    const invitee = volunteer('Ingrid Inviteret', 'ingrid')
    const applicant = volunteer('Anders Ansøger', 'anders')
    db.prepare(`INSERT INTO "Application" ("id", "jobAdId", "volunteerId", "motivation", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, 'Jeg kan tirsdage.', 'submitted', ?, ?)`).run(
      id(),
      ad.id,
      applicant.id,
      stamp,
      stamp,
    )
    const leaving = volunteer('Lea Lukkes', 'lea')
    return { ad, facility, invitee, applicant, leaving }
  } finally {
    db.close()
  }
}

function inAWeek() {
  return new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}
/** "30.11." as the candidate list writes today's date. */
function todayShort() {
  const [, month, day] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).split('-')
  return `${Number(day)}.${Number(month)}.`
}

async function freshLogIn(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

test('a coordinator invites a candidate who applies; the approval that fills the ad answers the other applicant', async ({ page }) => {
  test.setTimeout(180_000)
  const story = seedStory()

  // --- The coordinator invites a suggested candidate, with a personal line ----------------------
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto(`/centre/ads/${story.ad.id}/candidates`)
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(story.ad.title) })).toBeVisible()
  const suggestions = page.getByRole('region', { name: 'Andre frivillige, der passer' })
  const card = suggestions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(story.invitee.name) }) })
  await card.getByText('Invitér til at søge').click()
  await card.getByLabel('Personlig hilsen (valgfri)').fill('Du skrev, at du hjælper pårørende — det er lige det her.')
  await expectAccessible(page)
  await card.getByRole('button', { name: `Invitér ${story.invitee.name}` }).click()
  await expect(page.getByText(`${story.invitee.name} er inviteret til at søge opgaven.`)).toBeVisible()
  await expect(card).toContainText(`Inviteret ${todayShort()}`)
  await expect(card.getByRole('button', { name: /Invitér/ })).toHaveCount(0)
  await expectAccessible(page)

  // --- The candidate reads the e-mail, sees the invitation on the ad, and applies ----------------
  const invitation = await waitForMail(story.invitee.email, `Invitation til at søge: ${story.ad.title}`)
  expect(invitation.text).toContain(story.facility.name)
  expect(invitation.text).toContain('Du skrev, at du hjælper pårørende — det er lige det her.')
  expect(invitation.text).toContain('Pårørende vil gerne lære at videoringe med beboerne.')
  const adPath = linkPath(invitation, '/jobs/')
  await logOut(page)
  await logIn(page, story.invitee.email)
  await page.goto(adPath)
  await expect(page.getByText('Du er inviteret til at søge denne opgave')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Søg opgaven' }).click()
  await page.getByLabel('Hvorfor vil du gerne hjælpe her?').fill('Tak for invitationen. Jeg hjælper min egen mor med FaceTime hver uge.')
  await page.getByLabel('Jeg har læst stedets politik for digital etik').check()
  await page.getByRole('button', { name: 'Send ansøgning' }).click()
  await expect(page.getByText('Tak! Din ansøgning er sendt.')).toBeVisible()

  // --- The coordinator sees the invitation on the application, and is told who will be answered --
  await freshLogIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre')
  await page.getByRole('link', { name: `Åbn ansøgningen fra ${story.invitee.name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ansøgning fra ${story.invitee.name}` })).toBeVisible()
  await expect(page.getByText(/Søgte efter invitation fra Karin .+ den \d+\. \p{L}+ \d{4}\./u)).toBeVisible()
  await expect(page.getByText('Godkender du, er opslaget besat.')).toBeVisible()
  await expect(page.getByText(/Én anden ansøger får så automatisk et venligt svar/)).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Dato for intromøde').fill(inAWeek())
  await page.getByLabel('Klokkeslæt').fill('15:00')
  await page.getByLabel('Sted', { exact: true }).fill('Lyngvej 4, fællesstuen')
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText('de øvrige ansøgere (1) har fået et venligt svar')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Ansøgninger, der venter' })).not.toContainText(story.applicant.name)
  await expectAccessible(page)

  // --- The other applicant is answered kindly, with a way to the other tasks ---------------------
  const answer = await waitForMail(story.applicant.email, 'Opgaven er besat — tak for din interesse')
  expect(answer.text).toContain(story.ad.title)
  await freshLogIn(page, story.applicant.email)
  await page.goto(linkPath(answer, '/jobs'))
  await expect(page).toHaveURL(/\/jobs/)
  await page.goto('/volunteer/applications')
  await expect(page.getByText('Opgaven er nu besat')).toBeVisible()
  await expectAccessible(page)
})

test('an admin finds an account by part of its e-mail and deactivates it; that person cannot log in', async ({ page }) => {
  test.setTimeout(120_000)
  const story = seedStory()
  const part = story.leaving.email.split('@')[0].slice(0, 12)

  await logIn(page, 'admin@frivilligbro.test')
  // The centre's edit page: contact details and the municipalities it covers.
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Frivilligcenter Gribskov' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Redigér Frivilligcenter Gribskov' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Gribskov Kommune' })).toBeChecked()
  await expectAccessible(page)

  await page.goto('/admin/users')
  await expectAccessible(page)
  await page.getByLabel('Søgeord').fill(part)
  await page.getByLabel('Profiltype').selectOption({ label: 'Frivillig' })
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`q=${part}`))
  await expect(page.getByText('1 profil fundet.')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: story.leaving.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Profil: ${story.leaving.name}` })).toBeVisible()
  await expect(page.getByText('1 åben ansøgning trækkes tilbage.')).toHaveCount(0)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Deaktivér profilen' }).click()
  await expect(page.getByText(`${story.leaving.name} er deaktiveret og logget ud alle steder.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Genaktivér profilen' })).toBeVisible()
  await expectAccessible(page)

  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(story.leaving.email)
  await page.getByLabel('Adgangskode', { exact: true }).fill('Demo-adgang-2026')
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('alert')).toContainText('Din profil er lukket af en administrator')
  await expectAccessible(page)
})
