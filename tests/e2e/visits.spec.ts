import { addDays, copenhagenDate, isoWeekday } from '../../app/utils/time'
import { expect, test, type Factories } from './fixtures'
import { expectAccessible, linkPath, logIn, waitForMail } from './helpers'

/**
 * Nikolaj has an active match with the gaming club at Nordlys (contact person Camilla) and no
 * visit plan yet; he came to last Friday's game café, and nobody has logged it. His first check-in
 * fell due today. All of it in a centre of the story's own.
 */
async function story(make: Factories) {
  const centre = await make.centre()
  const facility = await make.facility({ centre, name: `Klubhuset Nordlys ${make.unique('f')}`, leaderName: 'Camilla Bech', kind: 'aktivitetstilbud' })
  const ad = await make.ad({ facility, title: `Spilklub ${make.unique('ad')}`, tasks: ['games'] })
  const volunteer = await make.volunteer({ centre, name: 'Nikolaj Bang', skills: ['games'] })
  // Approved 29 days ago: the first check-in (after 28 days) is due.
  const match = await make.match(ad, volunteer, { approvedAt: new Date(Date.now() - 29 * 86_400_000) })
  const cafe = await make.visitWindow(facility, { title: 'Spilcafé fredag', weekday: 5, startTime: '16:00', endTime: '18:00', capacity: 2, location: 'Klubhuset' })
  let lastFriday = addDays(copenhagenDate(), -1)
  while (isoWeekday(lastFriday) !== 5) lastFriday = addDays(lastFriday, -1)
  await make.pastVisit(match, cafe, lastFriday)
  await make.runFollowUps()
  return { CONTACT: facility.leader.email, VOLUNTEER: volunteer.email, COORDINATOR: centre.coordinator.email }
}

/** The first Thursday at least three days ahead, as the date input wants it (Copenhagen time). */
function nextThursday() {
  const date = new Date(Date.now() + 3 * 86_400_000)
  while (date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Europe/Copenhagen' }) !== 'Thursday') date.setTime(date.getTime() + 86_400_000)
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}

test('regular visits: a plan proposed and confirmed, visits for both, a calendar feed, an extra café visit booked, a visit cancelled, a visit logged, and the follow-up that reaches the coordinator', async ({ page, browser, make }) => {
  // One long story across three people with axe on every page; a busy machine needs minutes.
  test.setTimeout(360_000)
  const { CONTACT, VOLUNTEER, COORDINATOR } = await story(make)
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
  await expect(page.locator('.field-errors').getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(page.locator('.field-errors').getByText('Startdatoen kan ikke ligge i fortiden.')).toBeVisible()
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

  // Nikolaj books an extra visit at the Friday game café; Camilla gets it with a calendar file.
  await volunteerPage.goto('/volunteer')
  await volunteerPage.getByRole('link', { name: 'Book et besøg i en besøgstid' }).click()
  await expect(volunteerPage.getByRole('heading', { level: 1, name: 'Book et besøg' })).toBeVisible()
  await expectAccessible(volunteerPage)
  const cafe = volunteerPage.getByRole('region', { name: /Spilcafé fredag/ })
  await expect(cafe).toContainText('plads til 2 frivillige')
  const free = cafe.getByRole('listitem').filter({ has: volunteerPage.getByRole('button', { name: /^Book/ }) }).first()
  await free.getByRole('button', { name: /^Book/ }).click()
  await expect(volunteerPage.getByText('Du er booket.')).toBeVisible()
  await expect(volunteerPage.getByRole('heading', { level: 1, name: 'Besøg på Klubhuset Nordlys' })).toBeVisible()
  await expectAccessible(volunteerPage)
  const booked = await waitForMail(CONTACT, 'Besøg booket')
  expect(booked.text).toContain('Nikolaj Bang har booket en plads til »Spilcafé fredag« hos jer på Klubhuset Nordlys')
  expect(booked.attachments.find((a) => a.filename.endsWith('.ics'))?.content).toContain('METHOD:REQUEST')

  // He cancels the first Thursday of the plan with a reason; Camilla is told at once, and the
  // calendar file takes the event out of her calendar.
  await volunteerPage.goto('/visits')
  await volunteerPage.getByRole('table', { name: /Kommende besøg/ }).getByRole('row').filter({ hasText: '19:00–21:00' }).first().getByRole('link').first().click()
  const cancel = volunteerPage.getByRole('region', { name: 'Aflys besøget' })
  await cancel.getByRole('button', { name: 'Aflys besøget' }).click()
  await expect(cancel.locator('.field-errors').getByText('Skal udfyldes.')).toBeVisible()
  await expectAccessible(volunteerPage)
  await cancel.getByLabel('Hvorfor aflyser du?').fill('Jeg er på kursus med arbejdet den aften.')
  await cancel.getByRole('button', { name: 'Aflys besøget' }).click()
  await expect(volunteerPage.getByText(/Besøget er aflyst, og den anden part har fået besked/)).toBeVisible()
  const cancelled = await waitForMail(CONTACT, 'Aflyst:')
  expect(cancelled.text).toContain('Nikolaj Bang har aflyst besøget på Klubhuset Nordlys')
  expect(cancelled.text).toContain('Jeg er på kursus med arbejdet den aften.')
  const cancelIcs = cancelled.attachments.find((a) => a.filename.endsWith('.ics'))?.content ?? ''
  expect(cancelIcs).toContain('METHOD:CANCEL')
  expect(cancelIcs).toContain('STATUS:CANCELLED')
  expect(cancelIcs).toContain('SEQUENCE:1')

  // The coordinator sees last Friday's café visit, which nobody has logged.
  const coordinatorPage = await (await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' })).newPage()
  await logIn(coordinatorPage, COORDINATOR)
  await coordinatorPage.goto('/centre/visits')
  const unlogged = coordinatorPage.getByRole('region', { name: 'Besøg, som ingen har registreret' }).getByRole('listitem').filter({ hasText: 'Nikolaj Bang' })
  await expect(unlogged).toContainText('Klubhuset Nordlys')
  await expectAccessible(coordinatorPage)

  // Nikolaj finds it on his visits page and logs it; a CPR number in the note is refused and
  // nothing he typed is lost.
  await volunteerPage.goto('/visits')
  const toLog = volunteerPage.getByRole('region', { name: 'Besøg, der mangler registrering' })
  await expectAccessible(volunteerPage)
  await toLog.getByRole('link', { name: /Registrér besøget .* kl\. 16:00–18:00 · Klubhuset Nordlys/ }).click()
  const log = volunteerPage.getByRole('region', { name: 'Registrér besøget' })
  // The volunteer logs their own visit: the no-show choice speaks in the first person.
  await expect(log.getByLabel('Nej, jeg kom ikke')).toBeVisible()
  await expect(log.getByText('Nej, den frivillige kom ikke')).toHaveCount(0)
  await log.getByLabel('Antal timer').fill('2')
  await log.getByLabel('Spil').check()
  await log.getByLabel('Note (valgfri)').fill('Hjalp 010190-1234 med at sætte konsollen op.')
  await log.getByRole('button', { name: 'Gem registreringen' }).click()
  await expect(log.locator('.field-errors').getByText(/ser ud til at indeholde et CPR-nummer/)).toBeVisible()
  await expect(log.getByLabel('Spil')).toBeChecked()
  await expectAccessible(volunteerPage)
  await log.getByLabel('Note (valgfri)').fill('Vi satte den nye konsol op og spillede Mario Kart i to hold.')
  await log.getByRole('button', { name: 'Gem registreringen' }).click()
  await expect(volunteerPage.getByText('Tak! Besøget er registreret.')).toBeVisible()
  await expect(volunteerPage.getByText('gennemført', { exact: true })).toBeVisible()
  await expectAccessible(volunteerPage)
  await volunteerPage.goto('/visits')
  await expect(volunteerPage.getByRole('region', { name: 'Besøg, der mangler registrering' })).toHaveCount(0)
  await coordinatorPage.reload()
  await expect(coordinatorPage.getByRole('region', { name: 'Besøg, som ingen har registreret' })).not.toContainText('Nikolaj Bang')

  // His check-in from the centre came when it fell due; Camilla got her own. He answers through
  // the link, and the answer reaches the coordinator's start page.
  const checkIn = await waitForMail(VOLUNTEER, 'Hvordan går det på Klubhuset Nordlys')
  await waitForMail(CONTACT, 'Hvordan går det på Klubhuset Nordlys')
  const checkInPath = linkPath(checkIn, '/follow-up/')
  await volunteerPage.goto(checkInPath)
  await expect(volunteerPage.getByRole('heading', { level: 1, name: 'Hvordan går det?' })).toBeVisible()
  await expectAccessible(volunteerPage)
  await volunteerPage.getByRole('button', { name: 'Send svar' }).click()
  await expect(volunteerPage.getByRole('group', { name: 'Hvor tilfreds er du alt i alt?' }).locator('.field-errors').getByText('Vælg en af mulighederne.')).toBeVisible()
  await volunteerPage.getByLabel('5 – meget tilfreds').check()
  await volunteerPage.getByLabel('Ja', { exact: true }).check()
  const wish = `Vi kunne godt bruge en ekstra controller (${Date.now().toString(36)}).`
  await volunteerPage.getByLabel('Er der noget, der skal ændres? (valgfrit)').fill(wish)
  await volunteerPage.getByRole('button', { name: 'Send svar' }).click()
  await expect(volunteerPage.getByText(/Tak for dit svar! Frivilligcentret kan nu se det/)).toBeVisible()
  await expectAccessible(volunteerPage)
  await volunteerPage.goto(checkInPath)
  await expect(volunteerPage.getByText('Du har allerede svaret på dette tjek. Tak!')).toBeVisible()

  await coordinatorPage.goto('/centre')
  const followUp = coordinatorPage.getByRole('region', { name: 'Opfølgning' })
  await expect(followUp.getByText(wish)).toBeVisible()
  await expect(followUp.getByText(/Nikolaj Bang \(frivillig\)/).first()).toBeVisible()
  await expect(followUp.getByText('tilfredshed 5 af 5, forventningerne passer').first()).toBeVisible()
  await expectAccessible(coordinatorPage)
  await coordinatorPage.context().close()
  await volunteerPage.context().close()
})
