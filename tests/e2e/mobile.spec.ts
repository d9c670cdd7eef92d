import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { DEMO_PASSWORD, expectAccessible } from './helpers'

// Issue 11: every key page on a 375 px phone, for every role: no sideways scrolling, axe clean,
// and a full-page screenshot kept as an artefact (under the run's test-results/, git-ignored).
test.use({ viewport: { width: 375, height: 812 } })

async function logInOnPhone(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

async function checkPage(page: Page, testInfo: TestInfo, role: string, path: string) {
  const response = await page.goto(path)
  expect(response?.status(), `${path} for ${role}`).toBeLessThan(400)
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `horizontal scroll on ${path} for ${role}`).toBeLessThanOrEqual(clientWidth)
  await expectAccessible(page)
  const name = `${role}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.png`
  const file = testInfo.outputPath(name)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
}

const ROLES: { role: string; email: string | null; pages: string[] }[] = [
  { role: 'anonymous', email: null, pages: ['/', '/jobs', '/login', '/signup', '/privacy'] },
  {
    role: 'volunteer',
    email: 'frivillig@frivilligbro.test',
    pages: ['/volunteer', '/jobs', '/visits', '/visits?view=week', '/visits?view=month', '/threads', '/volunteer/profile', '/volunteer/applications', '/events', '/settings'],
  },
  { role: 'staff', email: 'tilbud@frivilligbro.test', pages: ['/facility', '/facility/ads', '/facility/volunteers', '/visits', '/visits?view=month', '/threads', '/settings'] },
  {
    role: 'coordinator',
    email: 'koordinator@frivilligbro.test',
    pages: ['/centre', '/centre/volunteers', '/centre/matches', '/centre/applications', '/centre/ads', '/centre/facilities', '/centre/visits', '/centre/events', '/centre/report', '/centre/reports', '/threads', '/settings'],
  },
  { role: 'admin', email: 'admin@frivilligbro.test', pages: ['/admin', '/admin/users', '/admin/outbox', '/mailbox', '/settings'] },
]

for (const { role, email, pages } of ROLES) {
  test(`at 375 px the ${role}'s key pages fit the screen and pass axe`, async ({ page }, testInfo) => {
    // Many pages, each with axe and a full-page screenshot.
    test.setTimeout(180_000)
    if (email) await logInOnPhone(page, email)
    for (const path of pages) await checkPage(page, testInfo, role, path)
    if (role === 'anonymous') {
      // An ad's own page, reached from the board.
      await page.goto('/jobs')
      const href = await page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }).getByRole('link').first().getAttribute('href')
      await checkPage(page, testInfo, role, href ?? '/jobs')
    }
    if (role === 'staff') {
      // The facility's own pages (profile, staff, visit windows) through the start page's links.
      await page.goto('/facility')
      const hrefs = await Promise.all(['profile', 'staff', 'windows'].map((page_) => page.locator(`main a[href^="/facility/"][href$="/${page_}"]`).first().getAttribute('href')))
      for (const href of hrefs) await checkPage(page, testInfo, role, href!)
    }
  })
}

test('at 375 px the header is one short row and the menu opens and closes with the keyboard', async ({ page }) => {
  // Home is sent without scripts (handle.scripts = false): the menu is the plain <details> there.
  await page.goto('/')
  const header = page.getByRole('banner')
  const box = await header.boundingBox()
  expect(box?.height).toBeLessThanOrEqual(64)
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' })
  await expect(nav).toBeHidden()
  await expect(header.getByRole('link', { name: 'Frivilligbro' })).toBeVisible()

  const menu = header.locator('summary', { hasText: 'Menu' })
  // Skip link first, then the logo, then the menu button.
  const tabToMenu = async () => {
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(header.getByRole('link', { name: 'Frivilligbro' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(menu).toBeFocused()
  }
  await tabToMenu()
  await expect(menu).toHaveAttribute('aria-controls', 'site-menu-panel')
  // Without scripts no explicit aria-expanded that could go stale: the native summary tells the state.
  await expect(menu).not.toHaveAttribute('aria-expanded')
  await page.keyboard.press('Enter')
  await expect(nav.getByRole('link', { name: 'Jobopslag' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(nav).toBeHidden()

  // On a page with scripts (log-in) the button says whether it is expanded, Escape closes the
  // menu and a navigation does too.
  await page.goto('/login')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await tabToMenu()
  await expect(menu).toHaveAttribute('aria-controls', 'site-menu-panel')
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await expect(nav.getByRole('link', { name: 'Jobopslag' })).toBeVisible()
  await expect(header.getByRole('link', { name: 'Log ind' })).toBeVisible()
  // The menu's links come next in the focus order.
  await page.keyboard.press('Tab')
  await expect(nav.getByRole('link', { name: 'Jobopslag' })).toBeFocused()
  await expectAccessible(page)
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press('Escape')
  await expect(nav).toBeHidden()
  await expect(menu).toBeFocused()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  // Following a link closes it too.
  await page.keyboard.press('Enter')
  await nav.getByRole('link', { name: 'Jobopslag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
  await expect(nav).toBeHidden()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('at 375 px the menu is a disclosure that opens, leads somewhere and closes', async ({ page }) => {
    await page.goto('/')
    const header = page.getByRole('banner')
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' })
    const menu = header.locator('summary', { hasText: 'Menu' })
    await expect(nav).toBeHidden()
    await menu.click()
    await expect(nav.getByRole('link', { name: 'Jobopslag' })).toBeVisible()
    await menu.click()
    await expect(nav).toBeHidden()
    // With the keyboard: Enter on the summary opens it.
    await menu.focus()
    await page.keyboard.press('Enter')
    await expect(nav.getByRole('link', { name: 'Jobopslag' })).toBeVisible()
    await nav.getByRole('link', { name: 'Jobopslag' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
    await expect(nav).toBeHidden()
    // The board's filters are folded too, and open without JavaScript.
    await expect(page.getByLabel('Kommune')).toBeHidden()
    await page.locator('summary', { hasText: 'Filtrér' }).click()
    await expect(page.getByLabel('Kommune')).toBeVisible()
  })
})

test('at 375 px the job board shows results first with the filters behind "Filtrér", which counts the active ones', async ({ page }) => {
  await page.goto('/jobs')
  const count = page.locator('.result-count')
  const filter = page.locator('summary', { hasText: 'Filtrér' })
  await expect(filter).toBeVisible()
  await expect(page.getByLabel('Kommune')).toBeHidden()
  // The first result is on the first screen.
  const firstAd = page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }).first()
  expect((await firstAd.boundingBox())!.y).toBeLessThan(812)
  await expect(count).toBeVisible()
  await filter.click()
  await page.getByLabel('Opgave', { exact: true }).selectOption({ index: 1 })
  await page.getByRole('checkbox', { name: 'Onsdag' }).check()
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(/task=/)
  await expect(page.locator('summary', { hasText: 'Filtrér' })).toContainText('2')
  await expect(page.getByText('2 filtre er valgt')).toBeAttached()
  await expect(page.getByLabel('Kommune')).toBeHidden()
  await expectAccessible(page)
})

test('at 1280 px the board shows its filters and the header its navigation, with no menu button', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/jobs')
  await expect(page.getByLabel('Kommune')).toBeVisible()
  await expect(page.locator('summary', { hasText: 'Filtrér' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Jobopslag' })).toBeVisible()
  await expect(page.getByRole('banner').locator('summary', { hasText: 'Menu' })).toBeHidden()
  await expectAccessible(page)
  const file = testInfo.outputPath('desktop-jobs.png')
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach('desktop-jobs.png', { path: file, contentType: 'image/png' })
})

test('at 375 px a visit is a card with its contact person and place, and the month is an agenda with its holidays', async ({ page }) => {
  await logInOnPhone(page, 'frivillig@frivilligbro.test')
  await page.goto('/visits')
  const row = page.locator('table.visit-table tbody tr').first()
  for (const label of ['Kontaktperson', 'Sted']) {
    const cell = row.locator(`td[data-label="${label}"]`)
    await expect(cell).toBeVisible()
    const box = (await cell.boundingBox())!
    expect(box.x + box.width, `${label} within the screen`).toBeLessThanOrEqual(375)
  }
  // The label is shown before the value.
  expect(await row.locator('td[data-label="Sted"]').evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Sted"')

  await page.goto(`/visits?view=month&month=${new Date().getFullYear()}-12`)
  await expect(page.locator('table.month-table')).toBeHidden()
  const agenda = page.locator('.month-agenda')
  await expect(agenda.getByRole('heading', { level: 3, name: /24\. december/ })).toBeVisible()
  await expect(agenda.getByText('Juledag', { exact: true })).toBeVisible()
  await expect(agenda.getByText('Juleaften', { exact: true })).toBeVisible()
  await expectAccessible(page)
})
