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

/**
 * Picks the next page of a tour from the page just checked, so pages with ids use the demo data's
 * own ids without a second visit. A picker returns a path, or null when the page has nothing to
 * follow (the tour then says so in the test's annotations rather than failing on demo data).
 */
type Pick = { name: string; pick: (page: Page) => Promise<string | null> }

/** The first link in the main content whose path matches. */
function link(name: string, pattern: RegExp, within = 'main'): Pick {
  return {
    name,
    pick: (page) =>
      page.evaluate(
        ({ source, flags, within }) => {
          const wanted = new RegExp(source, flags)
          for (const anchor of document.querySelectorAll<HTMLAnchorElement>(`${within} a[href]`)) {
            const url = new URL(anchor.href, location.href)
            if (url.origin === location.origin && wanted.test(url.pathname)) return url.pathname + url.search
          }
          return null
        },
        { source: pattern.source, flags: pattern.flags, within },
      ),
  }
}

type Stop = { path: string; then?: Pick[] }
type Tour = { role: string; email: string | null; stops: (string | Stop)[] }

const ID = '[^/?#]+'
const re = (path: string) => new RegExp(`^${path}$`)

/** Checks one page: it loads, has no sideways scroll, passes axe, and a full-page screenshot is kept. */
async function checkPage(page: Page, testInfo: TestInfo, role: string, path: string) {
  const response = await page.goto(path)
  expect(response?.status(), `${path} for ${role}`).toBeLessThan(400)
  // The screenshot first, so a page that fails is kept too.
  const name = `${role}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.png`
  const file = testInfo.outputPath(name)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(name, { path: file, contentType: 'image/png' })
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `horizontal scroll on ${path} for ${role}`).toBeLessThanOrEqual(clientWidth)
  // An e-mail's HTML is shown in a frame sandboxed without scripts, which axe cannot enter (it
  // waits for the frame until the test times out). The frame must have its title; its content is
  // the e-mail, checked by the e-mail tests, so it is taken out before axe looks at the page.
  const mailFrame = page.locator('iframe.mail-frame')
  if (await mailFrame.count()) {
    await expect(mailFrame).toHaveAttribute('title', /\S/)
    await mailFrame.evaluate((frame) => frame.remove())
  }
  await expectAccessible(page)
}

/**
 * Visits every stop once, following the pickers, and fails at the end with every page that did
 * not pass, so one run shows them all.
 */
async function tour(page: Page, testInfo: TestInfo, { role, email, stops }: Tour) {
  if (email) await logInOnPhone(page, email)
  const queue: Stop[] = stops.map((stop) => (typeof stop === 'string' ? { path: stop } : stop))
  const seen = new Set<string>()
  const failures: string[] = []
  while (queue.length > 0) {
    const { path, then = [] } = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    try {
      await checkPage(page, testInfo, role, path)
    } catch (error) {
      failures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    for (const { name, pick } of then) {
      const next = await pick(page)
      if (next) queue.push({ path: next, then: FOLLOW[name] })
      else testInfo.annotations.push({ type: 'not reached', description: `${role}: no ${name} linked from ${path}` })
    }
  }
  testInfo.annotations.push({ type: 'pages', description: `${role}: ${[...seen].join(' ')}` })
  expect(failures, `pages that failed for ${role}`).toEqual([])
}

// Pages reached from a page that was itself picked (a thread from its space, a version from the agreement).
const FOLLOW: Record<string, Pick[]> = {
  space: [
    {
      // A thread already read if there is one: opening a thread moves the reader's "read up to"
      // mark (the unread markers of this demo account only; no content changes).
      name: 'thread',
      pick: (page) =>
        page.evaluate(() => {
          const links = (selector: string) => [...document.querySelectorAll<HTMLAnchorElement>(selector)].map((anchor) => new URL(anchor.href).pathname)
          const read = links('main li.card:not(.unread) a[href^="/threads/"]')
          const any = links('main li.card a[href^="/threads/"]')
          return [...read, ...any].find((path) => /^\/threads\/(?!spaces|new|search)[^/?#]+$/.test(path)) ?? null
        }),
    },
  ],
  agreement: [link('agreement version', re(`/matches/${ID}/agreement/versions/\\d+`))],
  'visit plan': [link('plan edit', re(`/visits/plans/${ID}/edit`))],
  event: [link('certificate', re(`/events/${ID}/certificate`))],
  'centre volunteer': [link('statement', re(`/centre/volunteers/${ID}/statement`))],
  'centre ad': [link('candidates', re(`/centre/ads/${ID}/candidates`))],
  'board ad': [link('apply', re(`/jobs/${ID}/apply`))],
  'facility who-comes': [link('poster', re(`/facility/${ID}/who-comes/poster`))],
  'facility wishes': [link('easy-read wishes', re(`/facility/${ID}/wishes/easy`))],
}

const threads: Stop = { path: '/threads', then: [link('space', re(`/threads/spaces/${ID}`))] }
const COMMON_SIGNED_IN: (string | Stop)[] = [threads, '/threads/new', '/threads/search', '/settings', '/settings/data', '/settings/data/print', '/privacy']

// Every page each role can reach (collected from app/routes). Pages behind a token sent by e-mail
// (invitation, password reset, follow-up, unfollow, public sign-up, who-comes screen) and files
// (CSV, iCalendar, RSS, JSON, photos) are left out: they are not pages a role navigates to.
const TOURS: Tour[] = [
  {
    role: 'anonymous',
    email: null,
    stops: [
      '/',
      { path: '/jobs', then: [link('board ad', re(`/jobs/${ID}`))] },
      { path: '/events', then: [link('event', re(`/events/${ID}`))] },
      '/login',
      '/signup',
      '/signup/facility',
      '/forgot-password',
      '/privacy',
    ],
  },
  {
    role: 'volunteer',
    email: 'frivillig@frivilligbro.test',
    stops: [
      {
        path: '/volunteer',
        then: [link('agreement', re(`/matches/${ID}/agreement`)), link('visit', re(`/visits/(?!plans|book)${ID}`)), link('booking', re('/visits/book'))],
      },
      '/volunteer/profile',
      '/volunteer/applications',
      '/volunteer/photo',
      '/volunteer/statement',
      { path: '/jobs', then: [link('board ad', re(`/jobs/${ID}`))] },
      { path: '/visits', then: [link('visit plan', re(`/visits/plans/(?!new)${ID}`)), link('new plan', re('/visits/plans/new'))] },
      '/visits?view=week',
      '/visits?view=month',
      { path: '/events', then: [link('event', re(`/events/${ID}`))] },
      ...COMMON_SIGNED_IN,
    ],
  },
  {
    role: 'staff',
    email: 'tilbud@frivilligbro.test',
    stops: [
      {
        path: '/facility',
        then: ['profile', 'screening', 'staff', 'ethics', 'who-comes', 'windows', 'wishes'].map((page) =>
          link(`facility ${page}`, re(`/facility/${ID}/${page}`)),
        ),
      },
      { path: '/facility/ads', then: [link('facility ad', re(`/facility/ads/(?!new)${ID}`))] },
      '/facility/ads/new',
      { path: '/facility/volunteers', then: [link('agreement', re(`/matches/${ID}/agreement`))] },
      {
        path: '/visits',
        then: [link('visit', re(`/visits/(?!plans|book)${ID}`)), link('visit plan', re(`/visits/plans/(?!new)${ID}`)), link('new plan', re('/visits/plans/new'))],
      },
      '/visits?view=month',
      '/events',
      ...COMMON_SIGNED_IN,
    ],
  },
  {
    role: 'coordinator',
    email: 'koordinator@frivilligbro.test',
    stops: [
      '/centre',
      { path: '/centre/volunteers', then: [link('centre volunteer', re(`/centre/volunteers/${ID}`))] },
      { path: '/centre/matches', then: [link('centre match', re(`/centre/matches/${ID}`))] },
      {
        path: '/centre/applications',
        then: [
          {
            // One already in review: opening a new application marks it "in review".
            name: 'application in review',
            pick: (page) =>
              page.evaluate(() => {
                for (const row of document.querySelectorAll('main tbody tr')) {
                  const anchor = row.querySelector<HTMLAnchorElement>('a[href^="/centre/applications/"]')
                  if (anchor && !/modtaget/.test(row.textContent ?? '')) return new URL(anchor.href).pathname
                }
                return null
              }),
          },
        ],
      },
      // A published ad first: its candidates page is linked from it.
      { path: '/centre/ads?state=published', then: [link('centre ad', re(`/centre/ads/${ID}`))] },
      '/centre/ads',
      '/centre/facilities',
      '/centre/visits',
      { path: '/centre/events', then: [link('centre event', re(`/centre/events/(?!new)${ID}`))] },
      '/centre/events/new',
      '/centre/report',
      '/centre/reports',
      '/centre/wishes',
      '/municipality/ethics-template',
      '/jobs',
      '/events',
      ...COMMON_SIGNED_IN,
    ],
  },
  {
    role: 'municipality',
    email: 'kommune@frivilligbro.test',
    stops: ['/municipality', '/municipality/wishes', '/municipality/ethics-template', '/centre/report', '/jobs', '/settings', '/settings/data', '/privacy'],
  },
  {
    role: 'admin',
    email: 'admin@frivilligbro.test',
    stops: [
      { path: '/admin', then: [link('centre', re(`/admin/centres/${ID}`))] },
      { path: '/admin/users', then: [link('account', re(`/admin/users/${ID}`))] },
      '/admin/outbox',
      { path: '/mailbox', then: [link('mail message', re(`/mailbox/${ID}`))] },
      '/settings',
    ],
  },
]

test.describe('every page at 375 px', () => {
  // The roles' tours are independent (each signs in once and only reads), so they may share out over workers.
  test.describe.configure({ mode: 'parallel' })
  for (const stops of TOURS) {
    test(`at 375 px every page the ${stops.role} reaches fits the screen and passes axe`, async ({ page }, testInfo) => {
      // Many pages, each with axe and a full-page screenshot, on a machine shared with others.
      test.setTimeout(600_000)
      await tour(page, testInfo, stops)
    })
  }
})

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
