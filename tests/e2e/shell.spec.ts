import { expect, test } from './fixtures'
import { expectAccessible, logIn } from './helpers'

// The demo accounts are used read-only here (their start pages, the admin's mailbox); the one
// story that ends sessions does it to a person of its own.

test('the home page explains the programme and the skip link moves focus to the content', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Frivilligbro/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  for (const name of ['Til dig, der vil være frivillig', 'Til bosteder og dagtilbud', 'Til frivilligcentret']) {
    await expect(page.getByRole('heading', { name })).toBeVisible()
  }
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Gå til indhold' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  await expectAccessible(page)
})

test('the job board lists published ads and an ad has its own page', async ({ page }) => {
  await page.goto('/jobs')
  await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
  await expectAccessible(page)
  const first = page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }).getByRole('link').first()
  const title = await first.textContent()
  await first.click()
  await expect(page.getByRole('heading', { level: 1, name: title ?? '' })).toBeVisible()
  await expectAccessible(page)
})

test('each demo account sees its own start page; other areas answer 403', async ({ page }) => {
  const accounts = [
    { email: 'frivillig@frivilligbro.test', link: 'Min side', heading: 'Min side', forbidden: '/centre' },
    { email: 'tilbud@frivilligbro.test', link: 'Vores tilbud', heading: 'Vores tilbud', forbidden: '/admin' },
    { email: 'koordinator@frivilligbro.test', link: 'Frivilligcenter', heading: 'Frivilligcenter', forbidden: '/facility' },
    { email: 'admin@frivilligbro.test', link: 'Administration', heading: 'Administration', forbidden: '/volunteer' },
  ]
  for (const account of accounts) {
    await page.context().clearCookies()
    await logIn(page, account.email)
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: account.link, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: account.heading })).toBeVisible()
    await expectAccessible(page)
    const response = await page.goto(account.forbidden)
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Det har du ikke adgang til' })).toBeVisible()
  }
})

test('an unknown page is a friendly 404; with real mail (SMTP_URL) the mailbox is for admins only', async ({ page }) => {
  const response = await page.goto('/findes-ikke')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Siden findes ikke' })).toBeVisible()
  await expect(page.getByRole('main').getByText(/opslag/i)).toHaveCount(0)
  await expectAccessible(page)
  // The suite's server sends mail over SMTP, so demo data or not, a stranger cannot read reset links here.
  await expect(page.getByRole('contentinfo').getByRole('link', { name: /Postkasse/ })).toHaveCount(0)
  const closed = await page.goto('/mailbox')
  expect(closed?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Det har du ikke adgang til' })).toBeVisible()
  await logIn(page, 'admin@frivilligbro.test')
  await page.getByRole('contentinfo').getByRole('link', { name: /Postkasse/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Postkasse' })).toBeVisible()
  await expectAccessible(page)
})

test('the health check answers, and a cross-site post is refused', async ({ request, baseURL }) => {
  const health = await request.get('/healthz')
  expect(health.status()).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' })
  const forged = await request.post('/login', { form: { email: 'a@b.dk', password: 'x' }, headers: { Origin: 'https://evil.example' } })
  expect(forged.status()).toBe(403)
  const own = await request.post('/login', { form: { email: 'a@b.dk', password: 'x' }, headers: { Origin: baseURL ?? '' } })
  expect(own.status()).toBe(400)
})

test('settings: "log out on all devices" ends the other sessions too', async ({ page, browser, make }) => {
  const centre = await make.centre()
  const { leader } = await make.facility({ centre })
  await logIn(page, leader.email)
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await logIn(other, leader.email)
  await page.goto('/settings')
  await page.getByRole('button', { name: 'Log ud på alle enheder' }).click()
  await expect(page.getByText('Du er logget ud på alle enheder.')).toBeVisible()
  await other.goto('/settings')
  await expect(other).toHaveURL(/\/login\?redirectTo=%2Fsettings/)
  await otherContext.close()
})
