import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, logIn } from './helpers'

// The whole life of a new ad, from the builder to an approved match, is marketplace.spec.ts.
const STAFF = 'tilbud@frivilligbro.test'

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

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
