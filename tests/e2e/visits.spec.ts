import { expect, test } from '@playwright/test'
import { expectAccessible, linkPath, logIn, waitForMail } from './helpers'

// The demo's Nikolaj has an active match with the gaming club at Nordlys (contact person Camilla)
// and no visit plan yet; no other spec plans visits for him.
const CONTACT = 'camilla.nordlys@frivilligbro.test'
const VOLUNTEER = 'nikolaj.bang@frivilligbro.test'

/** The first Thursday at least three days ahead, as the date input wants it (Copenhagen time). */
function nextThursday() {
  const date = new Date(Date.now() + 3 * 86_400_000)
  while (date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/Copenhagen' }) !== 'Thursday') date.setTime(date.getTime() + 86_400_000)
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}

test('a contact person proposes a weekly plan, the volunteer confirms from the e-mail, both see the visits, and the calendar feed serves them', async ({ page, browser }) => {
  test.setTimeout(240_000)
  const start = nextThursday()

  // The contact person proposes Thursdays 19–21 from the visits page.
  await logIn(page, CONTACT)
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Besøg' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Besøg' })).toBeVisible()
  await expectAccessible(page)
  const matchCard = page.getByRole('listitem').filter({ hasText: 'Nikolaj Bang' })
  await matchCard.getByRole('link', { name: 'Foreslå en fast aftale' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Foreslå en fast aftale' })).toBeVisible()
  await expectAccessible(page)

  // Bad input first: the end before the start and a start date in the past, each next to its field.
  await page.getByLabel('Ugedag').selectOption({ label: 'torsdag' })
  await page.getByLabel('Fra kl.').fill('19:00')
  await page.getByLabel('Til kl.').fill('18:00')
  await page.getByLabel('Hyppighed').selectOption({ label: 'Hver uge' })
  await page.getByLabel('Første dato').fill('2020-01-02')
  await page.getByLabel('Hvor på tilbuddet').fill('Klubhuset')
  await page.getByRole('button', { name: 'Send forslaget' }).click()
  await expect(page.getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(page.getByText('Startdatoen kan ikke ligge i fortiden.')).toBeVisible()
  await expect(page.getByLabel('Hvor på tilbuddet')).toHaveValue('Klubhuset')
  await expectAccessible(page)

  await page.getByLabel('Til kl.').fill('21:00')
  await page.getByLabel('Første dato').fill(start)
  await page.getByRole('button', { name: 'Send forslaget' }).click()
  await expect(page.getByText('Forslaget er sendt.')).toBeVisible()
  await expect(page.getByText('Venter på, at den anden part bekræfter.')).toBeVisible()
  await expectAccessible(page)

  // The volunteer gets the proposal by e-mail and confirms it through the link.
  const proposal = await waitForMail(VOLUNTEER, /^Bekræft de faste besøg hos Nordlys|^Bekræft de faste besøg hos /)
  expect(proposal.text).toContain('Camilla Bech foreslår faste besøg')
  expect(proposal.text).toContain('Torsdage kl. 19–21, hver uge')
  const volunteerPage = await (await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' })).newPage()
  await logIn(volunteerPage, VOLUNTEER)
  await volunteerPage.goto(linkPath(proposal, '/visits/plans/'))
  await expect(volunteerPage.getByRole('heading', { level: 2, name: 'Passer det?' })).toBeVisible()
  await expectAccessible(volunteerPage)
  await volunteerPage.getByRole('button', { name: 'Bekræft aftalen' }).click()
  await expect(volunteerPage.getByText('Aftalen er bekræftet, og besøgene ligger i kalenderen.')).toBeVisible()

  // Both get the agreement with the visits as a calendar file.
  for (const email of [VOLUNTEER, CONTACT]) {
    const confirmed = await waitForMail(email, /^De faste besøg hos .* er aftalt$/)
    const ics = confirmed.attachments.find((a) => a.filename.endsWith('.ics'))
    expect(ics?.content).toContain('BEGIN:VTIMEZONE')
    expect(ics?.content).toContain(`DTSTART;TZID=Europe/Copenhagen:${start.replaceAll('-', '')}T190000`)
  }

  // The volunteer sees them in the list and in the week view.
  const visitsTable = volunteerPage.getByRole('table', { name: /Kommende besøg/ })
  await expect(visitsTable.getByRole('row').filter({ hasText: '19:00–21:00' }).first()).toContainText('Klubhuset')
  await expectAccessible(volunteerPage)
  await volunteerPage.goto(`/visits?view=week&date=${start}`)
  const week = volunteerPage.getByRole('table', { name: /Besøg fra/ })
  await expect(week.getByRole('link', { name: /19:00–21:00/ })).toHaveCount(1)
  await expectAccessible(volunteerPage)
  await volunteerPage.getByRole('link', { name: 'Næste uge →' }).click()
  await expect(volunteerPage.getByRole('table', { name: /Besøg fra/ }).getByRole('link', { name: /19:00–21:00/ })).toHaveCount(1)
  await volunteerPage.getByRole('link', { name: 'Måned' }).click()
  await expect(volunteerPage.getByRole('heading', { level: 2, name: 'Måneden' })).toBeVisible()
  await expectAccessible(volunteerPage)

  // And so does the contact person.
  await page.goto(`/visits?view=week&date=${start}`)
  await expect(page.getByRole('table', { name: /Besøg fra/ }).getByRole('link', { name: /19:00–21:00 Nikolaj Bang/ })).toHaveCount(1)
  await page.goto('/visits')
  await expect(page.getByRole('table', { name: /Kommende besøg/ }).getByRole('row').filter({ hasText: 'Nikolaj Bang' }).first()).toContainText('19:00–21:00')

  // The next visit is on both start pages.
  await page.goto('/facility')
  await expect(page.getByRole('region', { name: 'Næste besøg' })).toContainText('19:00–21:00 · Nikolaj Bang')
  await expectAccessible(page)
  await volunteerPage.goto('/volunteer')
  await expect(volunteerPage.getByRole('region', { name: 'Næste besøg' }).getByRole('link', { name: 'Alle besøg' })).toBeVisible()

  // The volunteer makes a personal calendar address; it serves the visits, and stops when revoked.
  await volunteerPage.goto('/visits')
  await volunteerPage.getByRole('button', { name: 'Lav min kalenderadresse' }).click()
  await expect(volunteerPage.getByText('Din kalenderadresse er klar.')).toBeVisible()
  const feedUrl = await volunteerPage.getByLabel('Din personlige kalenderadresse').inputValue()
  expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/)
  await expectAccessible(volunteerPage)
  const feed = await volunteerPage.request.get(new URL(feedUrl).pathname)
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toContain('text/calendar')
  const body = await feed.text()
  expect(body).toContain('METHOD:PUBLISH')
  expect(body).toContain(`DTSTART;TZID=Europe/Copenhagen:${start.replaceAll('-', '')}T190000`)
  expect(body).toMatch(/UID:visit-[a-z0-9]+@frivilligbro/)
  await volunteerPage.getByRole('button', { name: 'Slå kalenderen fra' }).click()
  await expect(volunteerPage.getByText('Kalenderadressen virker ikke længere.')).toBeVisible()
  expect((await volunteerPage.request.get(new URL(feedUrl).pathname)).status()).toBe(404)
  await volunteerPage.context().close()
})
