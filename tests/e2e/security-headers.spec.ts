import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectAccessible } from './helpers'

// The Content-Security-Policy (app/server/security.ts) allows inline scripts only with the
// response's nonce. These stories walk the app as each role does and fail on anything the browser
// refused: a script without the nonce, a blocked style, a frame.

/** Every CSP refusal the browser reports on the page or its frames, and every uncaught error. */
function watchForRefusals(page: Page) {
  const refusals: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => refusals.push(`${page.url()}: ${error.message}`))
  return refusals
}

/** Proves the page is hydrated: a client-side navigation keeps the same document. */
async function expectHydrated(page: Page, linkName: string | RegExp) {
  // The menu button gets its aria-expanded from React (app/root.tsx): present once the page has hydrated.
  await expect(page.locator('summary.menu-button')).toHaveAttribute('aria-expanded', 'false')
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: linkName, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
}

test('public pages come without scripts; other anonymous pages hydrate and run under the policy; the language switch works', async ({ page, make }) => {
  // The reset link goes to a person of the story's own.
  const volunteer = await make.volunteer()
  const refusals = watchForRefusals(page)
  const response = await page.goto('/')
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/)
  // Home, the board and an ad need no JavaScript (handle.scripts = false in their routes).
  const scripts = () => page.locator('script:not([type="application/ld+json"])').count()
  expect(await scripts()).toBe(0)
  // From a page with scripts, the board is reached by a client-side navigation. The page's
  // messages are fetched once: the script finds the file the page preloaded.
  const messageRequests: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/locales/')) messageRequests.push(request.url())
  })
  await page.goto('/login')
  const preloaded = await page.locator('link[rel="preload"][as="fetch"]').getAttribute('href')
  expect(preloaded).toMatch(/^\/locales\/da\.json\?v=\w+$/)
  await expectHydrated(page, 'Jobopslag')
  expect(messageRequests).toEqual([new URL(preloaded!, page.url()).href])
  await expect(page).toHaveURL(/\/jobs$/)
  // An ad page (with its JSON-LD data block and the inline flex layouts).
  await page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 }).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The board again, now from the anonymous page cache: still no scripts, nothing refused.
  await page.goto('/jobs')
  await page.goto('/jobs')
  expect(await scripts()).toBe(0)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Job ads' })).toBeVisible()
  await page.getByRole('button', { name: 'Dansk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
  // A form that answers through Remix's fetch (JavaScript on): errors come back next to the field.
  await page.goto('/login')
  await page.getByLabel('E-mail').fill('ukendt@example.test')
  await page.getByLabel('Adgangskode', { exact: true }).fill('forkert adgangskode')
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('alert')).toHaveText('E-mail eller adgangskode er forkert.')
  await page.goto('/signup')
  await page.goto('/forgot-password')
  await page.getByLabel('E-mail').fill(volunteer.email)
  await page.getByRole('button', { name: 'Send link' }).click()
  await expect(page.getByRole('heading', { name: 'Tjek din e-mail' })).toBeVisible()
  expect(refusals).toEqual([])
})

test('each role\'s pages run under the policy, the mailbox\'s e-mail preview included', async ({ page, make, signIn }) => {
  const refusals = watchForRefusals(page)
  // One person of each role, the story's own: a volunteer with a match, the facility's leader, the centre's coordinator, an admin.
  const centre = await make.centre()
  const facility = await make.facility({ centre })
  const volunteer = await make.volunteer({ centre })
  await make.match(await make.ad({ facility }), volunteer)
  const tours = [
    { person: volunteer, links: ['Min side', 'Besøg', 'Erfaringer', 'Indstillinger'] },
    { person: facility.leader, links: ['Vores tilbud', 'Vores jobopslag', 'Besøg', 'Erfaringer'] },
    { person: centre.coordinator, links: ['Frivilligcenter', 'Frivillige', 'Match', 'Opslag', 'Tilbud', 'Erfaringer'] },
    { person: await make.person('admin'), links: ['Administration', 'E-mail-kø'] },
  ]
  for (const tour of tours) {
    await page.context().clearCookies()
    await signIn(page, tour.person)
    // A signed-in page (home has no scripts, so it could not prove the client-side navigation).
    await page.goto('/settings')
    for (const link of tour.links) await expectHydrated(page, link)
  }
  // Still the admin: an e-mail in the mailbox, whose HTML preview is an iframe with inline styles.
  await page.goto('/mailbox')
  await page.getByRole('main').getByRole('link').first().click()
  await expect(page.locator('iframe.mail-frame')).toBeVisible()
  // (No axe here: it cannot run inside a sandboxed frame without scripts, and waits for it forever.)
  await expect(page.frameLocator('iframe.mail-frame').getByText('Frivilligbro').first()).toBeVisible()
  expect(refusals).toEqual([])
})

test('a form body above the limit gets a friendly page, not a broken one', async ({ page, baseURL }) => {
  await page.goto('/login')
  // What a browser sends for an oversized form: a real form post with a declared length.
  await page.evaluate(() => {
    const form = document.createElement('form')
    form.method = 'post'
    form.action = '/login'
    const field = document.createElement('input')
    field.type = 'hidden'
    field.name = 'email'
    field.value = 'x'.repeat(2 * 1024 * 1024)
    form.append(field)
    document.body.append(form)
    form.submit()
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Det var for meget på én gang' })).toBeVisible()
  await expect(page).toHaveURL(`${baseURL}/login`)
  await expectAccessible(page)

  // The same through Remix's own form submission (JavaScript on): the error page says it in the app.
  await page.goto('/login')
  await page.getByLabel('Adgangskode', { exact: true }).evaluate((input: HTMLInputElement) => (input.value = 'x'.repeat(2 * 1024 * 1024)))
  await page.getByLabel('E-mail').fill('frivillig@frivilligbro.test')
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Det var for meget på én gang' })).toBeVisible()
  await expect(page.getByRole('banner')).toBeVisible()
  await expectAccessible(page)
})
