import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { expect, test, type FacilityWorld, type Person } from './fixtures-b'
import { expectAccessible, logIn, logOut } from './helpers'

// The common-room board of a facility of the story's own: Sofie (with her photo) comes later
// today, Frederik (no photo: his initial) tomorrow and in a week; the screen has its address.

/** Pages in a PDF: each page is one "/Type /Page" object ("/Type /Pages" is the tree that holds them). */
function pdfPages(pdf: Buffer) {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
}

async function mainText(page: Page) {
  return page.locator('main').innerText()
}

/**
 * A visit later today that has not begun when staff cancel it a few minutes on: from the next
 * quarter hour at least 15 minutes ahead (10:00 at the earliest), 90 minutes or until 23:59. Null
 * in the last quarter hour of the day, when no visit is left to start today.
 */
function laterToday() {
  const [hour, minute] = new Date().toLocaleTimeString('sv-SE', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).split(':').map(Number)
  const start = Math.max(Math.ceil((hour * 60 + minute + 15) / 15) * 15, 10 * 60)
  const lastMinute = 23 * 60 + 59
  if (start + 10 > lastMinute) return null
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
  return { from: clock(start), to: clock(Math.min(start + 90, lastMinute)) }
}

test('staff make the screen address; signed out the screen shows first names, a cancellation today in words; the poster prints on one A4 page; a revoked address is a 404', async ({ page, browser, make, more }) => {
  // The screen refreshes by itself within a minute; with axe on six pages, minutes under load.
  test.setTimeout(300_000)
  const centre = await make.centre()
  const facility: FacilityWorld = await make.facility({ centre })
  const ad = await make.ad({ facility })
  const tag = make.unique('').slice(-6)
  const sofie: Person = await make.volunteer({ centre, name: `Sofie Nielsen ${tag}`, phone: '20 45 67 89' })
  const frederik: Person = await make.volunteer({ centre, name: `Frederik Frivillig ${tag}`, phone: '31 22 84 10' })
  const sofieMatch = await make.match(ad, sofie)
  const frederikMatch = await make.match(ad, frederik)
  const later = laterToday()
  test.skip(later === null, 'in the last quarter hour of the day no visit is left to start today')
  await more.visit(sofieMatch, { day: 0, ...later!, location: 'Fællesstuen i hus B' })
  for (const day of [1, 7]) await more.visit(frederikMatch, { day })
  await more.photo(sofie)
  const oldAddress = await more.whoComesAddress(facility)

  await logIn(page, facility.leader.email)
  await page.goto('/facility')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: facility.name }) })
  await card.getByRole('link', { name: 'Hvem kommer hvornår: plakat og skærm til fællesstuen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hvem kommer hvornår' })).toBeVisible()
  await expectAccessible(page)

  // The address made earlier works until staff make a new one; then it is a plain 404.
  const demoAddress = new URL(await page.getByLabel('Skærmens adresse').inputValue()).pathname
  expect(demoAddress).toBe(oldAddress)
  await page.getByRole('button', { name: 'Lav en ny adresse' }).click()
  await expect(page.getByText('Skærmens adresse er klar.')).toBeVisible()
  const address = new URL(await page.getByLabel('Skærmens adresse').inputValue()).pathname
  expect(address).not.toBe(demoAddress)
  expect(address).toMatch(/^\/who-comes\/[A-Za-z0-9_-]{32}$/)

  // A screen in the common room: nobody signed in.
  const screenContext = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 800 } })
  const screen = await screenContext.newPage()
  expect((await screen.goto(demoAddress))?.status()).toBe(404)
  const opened = await screen.goto(address)
  expect(opened?.status()).toBe(200)
  expect(opened?.headers()['cache-control']).toBe('no-store')
  await expect(screen.getByRole('heading', { level: 1, name: 'Hvem kommer i dag?' })).toBeVisible()
  await expect(screen.getByRole('navigation')).toHaveCount(0)
  await expect(screen.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  // Today Sofie comes, with her photo; the next visits name Frederik, with his initial.
  const today = screen.locator('.who-screen-today')
  await expect(today.getByText('Sofie', { exact: true })).toBeVisible()
  const photo = today.locator('img.who-face').first()
  await expect(photo).toBeVisible()
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400)
  const next = screen.getByRole('region', { name: 'Næste besøg' })
  await expect(next.getByText('Frederik', { exact: true }).first()).toBeVisible()
  const shown = await mainText(screen)
  for (const secret of ['Nielsen', 'Frederik Frivillig', sofie.email, frederik.email, '20 45 67 89', '31 22 84 10']) expect(shown).not.toContain(secret)
  expect(await screen.content()).not.toMatch(/Nielsen|Frederik Frivillig|@example\.test/)
  await expectAccessible(screen)

  // Staff cancel today's visit; the screen says so plainly.
  await page.getByRole('link', { name: /^Åbn besøget \(Sofie, / }).first().click()
  await page.getByLabel('Hvorfor aflyser du?').fill('Sofie er syg i dag.')
  await page.getByRole('button', { name: 'Aflys besøget' }).click()
  await expect(page.getByText(/Besøget er aflyst/)).toBeVisible()
  // Nobody touches the screen: it fetches fresh data by itself within a minute.
  await expect(screen.getByText('Sofie kommer ikke i dag')).toBeVisible({ timeout: 75_000 })
  expect(await mainText(screen)).not.toContain('syg')
  await expectAccessible(screen)

  // The poster: this week and next, on one A4 page.
  await page.goto('/facility')
  await card.getByRole('link', { name: 'Hvem kommer hvornår: plakat og skærm til fællesstuen' }).click()
  await page.getByRole('link', { name: 'Åbn plakaten til print' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hvem kommer hvornår?' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Denne uge/ })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Næste uge/ })).toBeVisible()
  await expect(page.locator('.who-poster').getByText('Frederik', { exact: true }).first()).toBeVisible()
  expect(await page.locator('.who-poster').innerText()).not.toMatch(/Nielsen|Frivillig\b/)
  await expectAccessible(page)
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  expect(pdfPages(pdf)).toBe(1)

  // Revoked: the screen's address is a plain 404.
  await page.getByRole('link', { name: 'Tilbage' }).click()
  await page.getByRole('button', { name: 'Slå adressen fra' }).click()
  await expect(page.getByText('Skærmens adresse er slået fra. Den virker ikke længere.')).toBeVisible()
  await expect(page.getByText('Der er ingen adresse til skærmen endnu.')).toBeVisible()
  await expectAccessible(page)
  expect((await screen.goto(address))?.status()).toBe(404)
  await screenContext.close()
  await logOut(page)
})

test('a volunteer adds a photo for the board only with consent, and deletes it again', async ({ page, make, signIn }) => {
  const centre = await make.centre()
  const volunteer = await make.volunteer({ centre })
  await make.match(await make.ad({ facility: await make.facility({ centre }) }), volunteer)
  await signIn(page, volunteer)
  await page.goto('/volunteer/profile')
  await page.getByRole('link', { name: 'Billede til opslagstavlen i fællesstuen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dit billede på opslagstavlen' })).toBeVisible()
  await expectAccessible(page)

  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a9d8f' } }).jpeg().toBuffer()
  await page.getByLabel('Billede', { exact: true }).setInputFiles({ name: 'mig.jpg', mimeType: 'image/jpeg', buffer: photo })
  await page.getByRole('button', { name: 'Gem billedet' }).click()
  await expect(page.locator('.field-errors').getByText('Sæt kryds, hvis du giver lov til, at billedet vises. Uden din tilladelse gemmer vi det ikke.')).toBeVisible()
  await expectAccessible(page)

  // A text file with an image's name is refused next to the field.
  await page.getByLabel('Billede', { exact: true }).setInputFiles({ name: 'ferie.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('bare tekst') })
  await page.getByLabel('Jeg giver lov til at mit billede vises på opslagstavlen hos de bosteder, jeg er matchet med').check()
  await page.getByRole('button', { name: 'Gem billedet' }).click()
  await expect(page.locator('.field-errors').getByText('Filen er ikke et billede, vi kan læse. Vælg et foto i JPEG, PNG eller WebP.')).toBeVisible()

  await page.getByLabel('Billede', { exact: true }).setInputFiles({ name: 'mig.jpg', mimeType: 'image/jpeg', buffer: photo })
  await page.getByLabel('Jeg giver lov til at mit billede vises på opslagstavlen hos de bosteder, jeg er matchet med').check()
  await page.getByRole('button', { name: 'Gem billedet' }).click()
  await expect(page.getByText('Dit billede er gemt. Det vises nu på opslagstavlerne.')).toBeVisible()
  const shown = page.getByRole('img', { name: 'Dit billede på opslagstavlen' })
  await expect(shown).toBeVisible()
  expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400)
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Slet billedet og træk min tilladelse tilbage' }).click()
  await expect(page.getByText('Dit billede er slettet. Tavlerne viser dit forbogstav i stedet.')).toBeVisible()
  await expect(page.getByText('Du har ikke et billede på opslagstavlen.')).toBeVisible()
})
