import { expect, test } from '@playwright/test'
import { expectAccessible } from './helpers'

test('the privacy policy opens from the footer in Danish and in English', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privatlivspolitik' }).click()
  await expect(page).toHaveURL(/\/privacy$/)
  await expect(page).toHaveTitle('Privatlivspolitik · Frivilligbro')
  await expect(page.getByRole('heading', { level: 1, name: 'Privatlivspolitik' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Hvor længe vi gemmer det' })).toBeVisible()
  await expect(page.getByText(/Har du ikke logget ind i 24 måneder/)).toBeVisible()
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Hvilke oplysninger Frivilligbro gemmer/)
  await expectAccessible(page)

  await page.getByRole('button', { name: 'English' }).click()
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy policy' }).click()
  await expect(page).toHaveTitle('Privacy policy · Frivilligbro')
  await expect(page.getByRole('heading', { level: 2, name: 'How long we keep it' })).toBeVisible()
  await expect(page.getByText(/not logged in for 24 months/)).toBeVisible()
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^What Frivilligbro keeps/)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Go to your settings' }).click()
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/)
})
