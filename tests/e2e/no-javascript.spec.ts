import { expect, PASSWORD, test } from './fixtures'

// Core forms are plain HTML forms: they work with JavaScript turned off. (axe needs JavaScript to
// run, so these same pages are checked for accessibility in the other specs.)
test.use({ javaScriptEnabled: false })

test('without JavaScript: a bad log-in shows the error, a good one logs in, the language switches', async ({ page, make }) => {
  // The language is kept on the account: a volunteer of the story's own, not a demo account.
  const volunteer = await make.volunteer()
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(volunteer.email)
  await page.getByLabel('Adgangskode', { exact: true }).fill('forkert adgangskode')
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('alert')).toHaveText('E-mail eller adgangskode er forkert.')
  await expect(page.getByLabel('E-mail')).toHaveValue(volunteer.email)

  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible()

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
  await page.getByRole('button', { name: 'Dansk' }).click()
  await page.getByRole('button', { name: 'Log ud' }).click()
  await expect(page.getByText('Du er logget ud.')).toBeVisible()
})

test('without JavaScript: sign-up errors are shown next to the fields', async ({ page }) => {
  await page.goto('/signup')
  await page.getByLabel('E-mail').fill('ikke-en-adresse')
  await page.getByRole('button', { name: 'Opret profil' }).click()
  await expect(page.locator('.field-errors').getByText('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.')).toBeVisible()
  await expect(page.getByLabel('Navn')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('E-mail')).toHaveValue('ikke-en-adresse')
})
