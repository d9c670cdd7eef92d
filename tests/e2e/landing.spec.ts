import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, expectAccessible } from './helpers'

// Each demo role logs in from the log-in page and lands where it works, not on the marketing page.
const ACCOUNTS = [
  { email: 'frivillig@frivilligbro.test', path: '/volunteer', heading: 'Min side' },
  { email: 'tilbud@frivilligbro.test', path: '/facility', heading: 'Vores tilbud' },
  { email: 'koordinator@frivilligbro.test', path: '/centre', heading: 'Frivilligcenter' },
  { email: 'admin@frivilligbro.test', path: '/admin', heading: 'Administration' },
]

async function submitLogIn(page: Page, email: string) {
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log ind' }).click()
}

for (const account of ACCOUNTS) {
  test(`${account.email} lands on ${account.path} after log-in, and the home page then offers only the start page`, async ({ page }) => {
    await page.goto('/login')
    await submitLogIn(page, account.email)
    await expect(page).toHaveURL(new RegExp(`${account.path}$`))
    await expect(page.getByRole('heading', { level: 1, name: account.heading })).toBeVisible()
    await expectAccessible(page)

    await page.goto('/')
    const main = page.getByRole('main')
    await expect(main.getByRole('link', { name: 'Gå til din startside' })).toHaveAttribute('href', account.path)
    await expect(main.getByText('Opret en profil som frivillig')).toHaveCount(0)
    await expect(main.getByText('Log ind som koordinator')).toHaveCount(0)
    await expectAccessible(page)
  })
}

test('a page that needed log-in is where you return to after logging in', async ({ page }) => {
  await page.goto('/volunteer/applications')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fvolunteer%2Fapplications/)
  await expectAccessible(page)
  await submitLogIn(page, 'frivillig@frivilligbro.test')
  await expect(page).toHaveURL(/\/volunteer\/applications$/)
})

test('a log-in link pointing at another site lands on the start page instead', async ({ page }) => {
  await page.goto('/login?redirectTo=%2F%2Fevil.example%2Fsteal')
  await submitLogIn(page, 'koordinator@frivilligbro.test')
  await expect(page).toHaveURL(/\/centre$/)
})

test('a closed or unknown ad says so and points to the board; any other unknown address does not talk about ads', async ({ page }) => {
  const ad = await page.goto('/jobs/lukket-opslag')
  expect(ad?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Opslaget findes ikke længere' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Se de åbne jobopslag' })).toHaveAttribute('href', '/jobs')
  await expectAccessible(page)

  const other = await page.goto('/centre/findes-ikke')
  expect(other?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible()
  await expect(page.getByText('Der er ingen side på denne adresse.', { exact: false })).toBeVisible()
  await expect(page.getByRole('main').getByText(/opslag/i)).toHaveCount(0)
})
