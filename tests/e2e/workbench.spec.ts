// The coordinator's workbench: the start page says what needs doing today; the lists find a
// volunteer by part of the name, filter matches by state and page through, with and through the
// URL. The story's centre is its own (a municipality no other centre covers), so it has exactly
// enough volunteers for two pages and no other story sees it.
import type { Page } from '@playwright/test'
import { expect, test, type Factories, type More } from './fixtures-b'
import { expectAccessible } from './helpers'

const DAY = 86_400_000

/** A centre with a coordinator, 31 volunteers, a facility, an ad, three matches (active, paused, ended) and an application waiting 3 days. */
async function workbenchWorld(make: Factories, more: More) {
  const centre = await make.centre()
  const suffix = make.unique('').slice(-6)
  const names = ['Ulla Østerbro', ...Array.from({ length: 30 }, (_, n) => `Testperson ${String(n + 1).padStart(2, '0')}`)]
  const volunteers = []
  for (const name of names) volunteers.push(await make.volunteer({ centre, name }))
  const facility = await make.facility({ centre, name: `Bostedet Odinshøj ${suffix}` })
  const ad = await make.ad({ facility, title: `Tablets i Odinshøj ${suffix}`, tasks: ['tablets_phones'] })
  await make.match(ad, volunteers[0], { approvedAt: new Date(Date.now() - 40 * DAY) })
  const paused = await make.match(ad, volunteers[1], { approvedAt: new Date(Date.now() - 50 * DAY) })
  await more.db.match.update({ where: { id: paused.id }, data: { status: 'paused', pausedAt: new Date(Date.now() - 5 * DAY) } })
  const ended = await make.match(ad, volunteers[2], { approvedAt: new Date(Date.now() - 300 * DAY) })
  await more.db.match.update({ where: { id: ended.id }, data: { status: 'ended', endedAt: new Date(Date.now() - 30 * DAY), endReason: 'Flyttet.' } })
  await more.sentDaysAgo((await make.application(ad, volunteers[3])).id, 3)
  return { centre, facility, ad }
}

/** The list's count (the toast region is a status region too). */
const summary = (page: Page) => page.locator('.list-summary[role="status"]')

test('a coordinator sees what to do today, finds a volunteer by part of the name, filters matches and pages through', async ({ page, make, more, signIn }) => {
  const { centre, facility, ad } = await workbenchWorld(make, more)
  await signIn(page, centre.coordinator)
  await page.goto('/centre')
  const todo = page.getByRole('region', { name: 'Det skal du gøre i dag' })
  await expect(todo.getByRole('link', { name: '1 ansøgning har ventet over 48 timer' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Overblik' }).getByRole('link', { name: /31\s*Frivillige/ })).toBeVisible()
  await expectAccessible(page)
  await todo.getByRole('link', { name: '1 ansøgning har ventet over 48 timer' }).click()
  await expect(page).toHaveURL(/\/centre\/applications\?waiting=1$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Ansøgninger' })).toBeVisible()
  await expect(page.getByRole('table').getByRole('link', { name: 'Behandl ansøgningen fra Testperson 03' })).toBeVisible()
  await expectAccessible(page)

  // Find Ulla by a part of her surname, in lower case.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Frivillige', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Frivillige' })).toBeVisible()
  await expect(summary(page)).toHaveText('Viser 1–25 af 31')
  await expect(page.getByLabel('Mangler eller udløber attester/erklæringer (30 dage)')).not.toBeChecked()
  await expectAccessible(page)
  await page.getByLabel('Navn, e-mail eller opgave').fill('østerb')
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page).toHaveURL(/q=%C3%B8sterb/)
  await expect(summary(page)).toHaveText('Viser 1–1 af 1')
  await page.getByRole('link', { name: 'Ulla Østerbro' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ulla Østerbro' })).toBeVisible()
  await expectAccessible(page)

  // Nothing found: a friendly line and a way back to the whole list.
  await page.goto('/centre/volunteers?q=ingen-hedder-s%C3%A5dan')
  await expect(summary(page)).toContainText('Ingen passer på søgningen og filtrene.')
  await summary(page).getByRole('link', { name: 'Ryd søgning og filtre' }).click()
  await expect(page).toHaveURL(/\/centre\/volunteers$/)

  // Page through: 25, then the last 6; the page is in the URL.
  await page.getByRole('link', { name: 'Næste side' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(summary(page)).toHaveText('Viser 26–31 af 31')
  await expect(page.getByRole('navigation', { name: 'Sider' }).getByText('2', { exact: true })).toBeVisible()
  await expect(page.getByRole('row')).toHaveCount(7)
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Side 1' }).click()
  await expect(summary(page)).toHaveText('Viser 1–25 af 31')

  // Matches by state.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Match', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Match' })).toBeVisible()
  await expect(summary(page)).toHaveText('Viser 1–3 af 3')
  await expectAccessible(page)
  await page.getByLabel('Status').selectOption('paused')
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page).toHaveURL(/state=paused/)
  await expect(summary(page)).toHaveText('Viser 1–1 af 1')
  await expect(page.getByRole('cell', { name: 'Testperson 01' })).toBeVisible()
  await expect(page.getByLabel('Status')).toHaveValue('paused')
  await expectAccessible(page)

  // The ads and facilities lists.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Opslag', exact: true }).click()
  await expect(page.getByRole('link', { name: ad.title })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tilbud', exact: true }).click()
  await expect(page.getByRole('cell', { name: new RegExp(facility.name) })).toBeVisible()
  await expectAccessible(page)
})

test('the lists work without JavaScript: the form is a GET and the pages are links', async ({ browser, make, more, signIn }) => {
  const { centre } = await workbenchWorld(make, more)
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'da-DK' })
  const page = await context.newPage()
  await signIn(page, centre.coordinator)
  await page.goto('/centre/matches')
  await page.getByLabel('Status').selectOption('active')
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page).toHaveURL(/state=active/)
  await expect(summary(page)).toHaveText('Viser 1–1 af 1')
  await page.goto('/centre/volunteers?page=2')
  await expect(summary(page)).toHaveText('Viser 26–31 af 31')
  await context.close()
})
