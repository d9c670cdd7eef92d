import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, logIn, waitForMail } from './helpers'

const STAFF = 'tilbud@frivilligbro.test'
const COORDINATOR = 'koordinator@frivilligbro.test'
const CONTACT = 'jonas.skovbrynet@frivilligbro.test'

function isoDate(daysFromNow: number) {
  const date = new Date(Date.now() + daysFromNow * 86_400_000)
  return date.toISOString().slice(0, 10)
}

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' })

test('staff write and submit an ad, the centre returns it with a comment, staff fix it, the centre publishes it', async ({ page }) => {
  // The whole story of one ad across three sign-ins, with axe on every page: longer than the default.
  test.setTimeout(240_000)
  const title = `Fast IT-ven til videoopkald ${Date.now().toString(36)}`
  const comment = 'Skriv venligst, hvilke tablets beboerne har, og at den frivillige ikke hjælper med MitID.'

  // --- Staff write the ad ------------------------------------------------------------------------
  await logIn(page, STAFF)
  await menu(page).getByRole('link', { name: 'Vores jobopslag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Nyt jobopslag for Bostedet Skovbrynet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt jobopslag' })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Overskrift').fill(title)
  await page.getByRole('group', { name: 'Hvad skal den frivillige hjælpe med?' }).getByLabel('Videoopkald').check()
  await page.getByRole('group', { name: 'Hvad skal den frivillige hjælpe med?' }).getByLabel('Tablets og telefoner').check()
  await page.getByLabel('Beskrivelse af opgaven').fill('Vi søger en frivillig, der vil hjælpe beboerne med at ringe hjem til familien med video.')
  await page.getByLabel('Det skal den frivillige ikke').fill('Ingen personlig pleje, og du håndterer aldrig penge, adgangskoder eller MitID.')
  await page.getByLabel('Målgruppe').fill('Voksne med udviklingshæmning')
  await page.getByRole('group', { name: 'Ugedage' }).getByLabel('tirsdag').check()
  // A mistake: the visit ends before it starts.
  await page.getByLabel('Fra kl.').fill('17:00')
  await page.getByLabel('Til kl.').fill('15:00')
  await page.getByLabel('Startdato').fill(isoDate(14))
  await page.getByLabel('Antal frivillige').fill('2')
  const jonas = await page.locator('select[name=contactPersonId] option', { hasText: 'Jonas Berg' }).getAttribute('value')
  await page.getByLabel('Kontaktperson').selectOption(jonas!)
  await page.getByRole('button', { name: 'Send til godkendelse' }).click()

  await expect(page.getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(page.getByLabel('Til kl.')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Overskrift')).toHaveValue(title)
  await expect(page.getByRole('group', { name: 'Ugedage' }).getByLabel('tirsdag')).toBeChecked()
  await expect(page.getByLabel('Kontaktperson')).toHaveValue(jonas!)
  await expectAccessible(page)

  await page.getByLabel('Fra kl.').fill('15:00')
  await page.getByLabel('Til kl.').fill('17:00')
  await page.getByRole('button', { name: 'Send til godkendelse' }).click()
  await expect(page.getByText(`»${title}« er sendt til godkendelse hos frivilligcentret.`)).toBeVisible()
  await expect(page.getByRole('heading', { name: /Venter på godkendelse/ })).toBeVisible()
  await expectAccessible(page)
  await waitForMail(COORDINATOR, `Jobopslag til godkendelse: ${title}`)

  // --- The coordinator returns it with a comment ---------------------------------------------------
  await switchUser(page, COORDINATOR)
  await menu(page).getByRole('link', { name: 'Opslag til godkendelse' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Opslag til godkendelse' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Godkend: ${title}` })).toBeVisible()
  await expect(page.getByText('Ingen personlig pleje, og du håndterer aldrig penge')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send tilbage med kommentar' }).click()
  await expect(page.getByText('Skriv en kommentar, så tilbuddet ved, hvad de skal rette.')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Kommentar til tilbuddet').fill(comment)
  await page.getByRole('button', { name: 'Send tilbage med kommentar' }).click()
  await expect(page.getByText(`»${title}« er sendt tilbage med din kommentar.`)).toBeVisible()

  const returned = await waitForMail(CONTACT, `Jobopslaget »${title}« er sendt tilbage med en kommentar`)
  expect(returned.text).toContain(comment)
  await waitForMail(STAFF, `Jobopslaget »${title}« er sendt tilbage med en kommentar`)

  // --- Staff fix and resubmit -------------------------------------------------------------------------
  await switchUser(page, STAFF)
  await page.goto('/facility/ads')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(card.getByText('Frivilligcentret har sendt opslaget tilbage med en kommentar.')).toBeVisible()
  await card.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { name: 'Frivilligcentrets kommentar' })).toBeVisible()
  await expect(page.getByText(comment)).toBeVisible()
  await expectAccessible(page)
  await page
    .getByLabel('Beskrivelse af opgaven')
    .fill('Vi søger en frivillig, der vil hjælpe beboerne med at ringe hjem til familien med video på vores to fælles-iPads.')
  await page.getByLabel('Det skal den frivillige ikke').fill('Ingen personlig pleje, og du hjælper ikke med penge, adgangskoder eller MitID.')
  await page.getByRole('button', { name: 'Send til godkendelse' }).click()
  await expect(page.getByText(`»${title}« er sendt til godkendelse hos frivilligcentret.`)).toBeVisible()

  // --- The coordinator publishes ------------------------------------------------------------------------
  await switchUser(page, COORDINATOR)
  await page.goto('/centre/ads')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByText('fælles-iPads')).toBeVisible()
  await page.getByRole('button', { name: 'Offentliggør opslaget' }).click()
  await expect(page.getByText(`»${title}« er offentliggjort.`)).toBeVisible()
  await expectAccessible(page)
  await waitForMail(CONTACT, `Jobopslaget »${title}« er offentliggjort`)

  // --- The ad is on the public board -----------------------------------------------------------------
  await page.context().clearCookies()
  await page.goto('/jobs')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('fælles-iPads')).toBeVisible()
  await expectAccessible(page)
})

test('staff pause, resume and renew a published ad from their list; a volunteer cannot open the builder', async ({ page }) => {
  test.setTimeout(120_000)
  await logIn(page, STAFF)
  await page.goto('/facility/ads')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Internetcafé om onsdagen' }) })
  await card.getByRole('button', { name: 'Sæt på pause' }).click()
  await expect(page.getByText('»Internetcafé om onsdagen« er sat på pause.')).toBeVisible()
  await expect(page.getByRole('heading', { name: /På pause/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Internetcafé om onsdagen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Internetcafé om onsdagen' })).toBeVisible()
  await expect(page.getByText('Status: På pause')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Genoptag' }).click()
  await expect(page.getByText('»Internetcafé om onsdagen« er offentligt igen.')).toBeVisible()
  await page.getByRole('button', { name: 'Forny opslaget' }).click()
  await expect(page.getByText('»Internetcafé om onsdagen« er fornyet.')).toBeVisible()
  await expectAccessible(page)

  await switchUser(page, 'frivillig@frivilligbro.test')
  const response = await page.goto('/facility/ads/new')
  expect(response?.status()).toBe(403)
  await expectAccessible(page)
})
