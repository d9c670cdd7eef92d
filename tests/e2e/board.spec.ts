import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectAccessible } from './helpers'

const cards = (page: Page) => page.getByRole('main').locator('.card-list > li').getByRole('heading', { level: 2 })

test('the board: search, filters in the URL, no-result state, feeds advertised', async ({ page }) => {
  await page.goto('/jobs')
  await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^\d+ opslag$/ })).toBeVisible()
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', '/jobs.rss')
  await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute('href', '/jobs.json')
  await expectAccessible(page)

  // Free text with Danish letters.
  await page.getByLabel('Søg i opslagene').fill('videoopkald')
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(/[?&]q=videoopkald/)
  await expect(page.getByRole('status').filter({ hasText: /opslag passer til din søgning/ })).toBeVisible()
  await expect(cards(page).filter({ hasText: 'Fast IT-ven til beboerne' })).toBeVisible()
  await expect(cards(page).filter({ hasText: 'Internetcafé om onsdagen' })).toHaveCount(0)
  await expect(page.getByLabel('Søg i opslagene')).toHaveValue('videoopkald')
  await expectAccessible(page)

  // Municipality and task together; the form keeps its values.
  await page.getByRole('link', { name: 'Nulstil søgning og filtre' }).first().click()
  await expect(page).toHaveURL(/\/jobs$/)
  await page.getByLabel('Kommune', { exact: true }).selectOption('Hillerød Kommune')
  await page.getByLabel('Opgave', { exact: true }).selectOption('video_calls')
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(/municipality=Hiller%C3%B8d\+Kommune/)
  await expect(cards(page)).toHaveText(['IT-frivillig til bostedets tablets'])
  await expect(page.getByLabel('Kommune', { exact: true })).toHaveValue('Hillerød Kommune')
  await expect(page.getByLabel('Opgave', { exact: true })).toHaveValue('video_calls')
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /municipality=Hiller/)
  await expectAccessible(page)

  // A search without hits says so and offers a way back.
  await page.goto('/jobs?q=zebrastribet&weekday=7')
  await expect(page.getByText('Ingen opslag passer til din søgning.')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Søndage' })).toBeChecked()
  await expectAccessible(page)
})

test('the board works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/jobs')
  await page.getByLabel('Søg i opslagene').fill('internetcafé')
  await page.getByRole('checkbox', { name: 'Onsdage' }).check()
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(/q=internetcaf%C3%A9&.*weekday=3/)
  await expect(cards(page).filter({ hasText: 'Internetcafé om onsdagen' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Onsdage' })).toBeChecked()
  await context.close()
})

test('an ad: schedule in words, ethics policy, only the contact person’s role, JSON-LD, apply and print', async ({ page }) => {
  await page.goto('/jobs?q=fast+it-ven')
  await cards(page).getByRole('link', { name: 'Fast IT-ven til beboerne – videoopkald og tablets' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Fast IT-ven til beboerne – videoopkald og tablets' })).toBeVisible()
  await expect(page.getByText('Tirsdage kl. 15–17, hver uge')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Stedets politik for digital etik' })).toBeVisible()
  await expect(page.getByText('Du får en fast kontaktperson på stedet.')).toBeVisible()
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>
  expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Fast IT-ven til beboerne – videoopkald og tablets', employmentType: 'VOLUNTEER' })
  const adPath = new URL(page.url()).pathname
  await expect(page.getByRole('link', { name: 'Søg opgaven' })).toHaveAttribute('href', `${adPath}/apply`)
  await expectAccessible(page)

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByText(/Se opslaget og søg på http/)).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  const missing = await page.goto('/jobs/findes-ikke')
  expect(missing?.status()).toBe(404)
})

test('the feeds answer with the right content types and the board’s filters', async ({ request, baseURL }) => {
  const rss = await request.get('/jobs.rss')
  expect(rss.status()).toBe(200)
  expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8')
  expect(rss.headers()['cache-control']).toBe('public, max-age=300')
  expect(await rss.text()).toContain('<title>Fast IT-ven til beboerne – videoopkald og tablets</title>')

  const json = await request.get('/jobs.json?municipality=Hiller%C3%B8d%20Kommune')
  expect(json.status()).toBe(200)
  expect(json.headers()['content-type']).toBe('application/feed+json; charset=utf-8')
  const feed = (await json.json()) as { version: string; items: { title: string; url: string }[] }
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  expect(feed.items.map((item) => item.title)).toContain('IT-frivillig til bostedets tablets')
  expect(feed.items.map((item) => item.title)).not.toContain('Fast IT-ven til beboerne – videoopkald og tablets')
  expect(feed.items[0].url.startsWith(`${baseURL}/jobs/`)).toBe(true)
})
