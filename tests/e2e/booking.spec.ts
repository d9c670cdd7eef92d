import { expect, test } from '@playwright/test'
import { expectAccessible, linkPath, logIn, mailsTo, waitForMail } from './helpers'

const JONAS = 'jonas.skovbrynet@frivilligbro.test'

test('visit times, booking, cancelling, logging and the follow-up that reaches the coordinator', async ({ page }) => {
  // A long story across four people with axe on every page; a busy machine needs more than a minute.
  test.setTimeout(240_000)

  // The leader of Skovbrynet sees the Wednesday café and is told plainly when a new time makes no sense.
  await logIn(page, 'tilbud@frivilligbro.test')
  await page.goto('/facility')
  await page.getByRole('link', { name: 'Besøgstider, som frivillige kan booke' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Besøgstider' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Internetcafé onsdag' })).toBeVisible()
  await expect(page.getByText('Hver onsdag kl. 14:00–16:00, plads til 3 frivillige')).toBeVisible()
  await expectAccessible(page)
  const newWindow = page.getByRole('region', { name: 'Åbn en ny besøgstid' })
  await newWindow.getByLabel('Navn').fill('Spilcafé fredag')
  await newWindow.getByLabel('Ugedag').selectOption({ label: 'fredag' })
  await newWindow.getByLabel('Fra kl.').fill('16:00')
  await newWindow.getByLabel('Til kl.').fill('15:00')
  await newWindow.getByLabel('Plads til antal frivillige').fill('0')
  await newWindow.getByRole('button', { name: 'Åbn besøgstiden' }).click()
  await expect(newWindow.getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(newWindow.getByText('Der skal være plads til mindst 1 frivillig.')).toBeVisible()
  await expect(newWindow.getByLabel('Navn')).toHaveValue('Spilcafé fredag')
  await expectAccessible(page)

  // Frederik books a free Wednesday at the café: both he and the contact person get a calendar file.
  await page.context().clearCookies()
  await logIn(page, 'frivillig@frivilligbro.test')
  await page.goto('/volunteer')
  await page.getByRole('link', { name: 'Book et besøg i en besøgstid' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Book et besøg' })).toBeVisible()
  const cafe = page.getByRole('region', { name: /Internetcafé onsdag/ })
  await expect(cafe.getByRole('link', { name: 'Du er booket – se besøget' }).first()).toBeVisible()
  await expectAccessible(page)
  const free = cafe.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Book/ }) }).first()
  const dateText = (await free.locator('.date').textContent()) ?? ''
  await free.getByRole('button', { name: /^Book/ }).click()
  await expect(page.getByText('Du er booket.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Besøg på Bostedet Skovbrynet' })).toBeVisible()
  await expect(page.getByText('planlagt', { exact: true })).toBeVisible()
  await expectAccessible(page)
  const booked = await waitForMail(JONAS, 'Besøg booket')
  expect(booked.text).toContain('Frederik Frivillig har booket en plads til »Internetcafé onsdag«')
  expect(booked.attachments.find((a) => a.filename.endsWith('.ics'))?.content).toContain('METHOD:REQUEST')
  await waitForMail('frivillig@frivilligbro.test', 'Besøg booket')

  // He cancels it with a reason; Jonas is told at once, and the calendar file removes the event.
  const cancel = page.getByRole('region', { name: 'Aflys besøget' })
  await cancel.getByRole('button', { name: 'Aflys besøget' }).click()
  await expect(cancel.getByText('Skal udfyldes.')).toBeVisible()
  await cancel.getByLabel('Hvorfor aflyser du?').fill('Jeg skal til tandlæge den dag, desværre.')
  await cancel.getByRole('button', { name: 'Aflys besøget' }).click()
  await expect(page.getByText(/Besøget er aflyst, og den anden part har fået besked/)).toBeVisible()
  await expect(page.getByText('Begrundelse: Jeg skal til tandlæge den dag, desværre.')).toBeVisible()
  await expectAccessible(page)
  const cancelled = await waitForMail(JONAS, 'Aflyst:')
  expect(cancelled.text).toContain('Frederik Frivillig har aflyst besøget på Bostedet Skovbrynet')
  expect(cancelled.text).toContain('Jeg skal til tandlæge den dag, desværre.')
  const ics = cancelled.attachments.find((a) => a.filename.endsWith('.ics'))?.content ?? ''
  expect(ics).toContain('METHOD:CANCEL')
  expect(ics).toContain('STATUS:CANCELLED')
  expect(ics).toContain('SEQUENCE:1')
  expect(dateText).not.toBe('')

  // The coordinator sees last Tuesday's visit that nobody has logged.
  await page.context().clearCookies()
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre/visits')
  await expect(page.getByRole('heading', { level: 1, name: 'Besøg, der kræver opmærksomhed' })).toBeVisible()
  const unlogged = page.getByRole('region', { name: 'Besøg, som ingen har registreret' }).getByRole('listitem').filter({ hasText: 'Frederik Frivillig' }).first()
  await expect(unlogged).toContainText('Bostedet Skovbrynet')
  const visitPath = (await unlogged.getByRole('link').getAttribute('href')) ?? ''
  expect(visitPath).toMatch(/^\/visits\//)
  await expectAccessible(page)

  // Frederik logs it; a CPR number in the note is refused with an explanation, and nothing typed is lost.
  await page.context().clearCookies()
  await logIn(page, 'frivillig@frivilligbro.test')
  await page.goto(visitPath)
  const log = page.getByRole('region', { name: 'Registrér besøget' })
  await expect(log).toBeVisible()
  await log.getByLabel('Antal timer').fill('2')
  await log.getByLabel('Videoopkald').check()
  await log.getByLabel('Note (valgfri)').fill('Hjalp beboer 010190-1234 med videoopkald.')
  await log.getByRole('button', { name: 'Gem registreringen' }).click()
  await expect(log.getByText(/ser ud til at indeholde et CPR-nummer/)).toBeVisible()
  await expect(log.getByLabel('Videoopkald')).toBeChecked()
  await expectAccessible(page)
  await log.getByLabel('Note (valgfri)').fill('Vi øvede videoopkald på den fælles iPad.')
  await log.getByRole('button', { name: 'Gem registreringen' }).click()
  await expect(page.getByText('Tak! Besøget er registreret.')).toBeVisible()
  await expect(page.getByText('gennemført', { exact: true })).toBeVisible()
  await expect(page.getByText('Vi øvede videoopkald på den fælles iPad.')).toBeVisible()
  await expectAccessible(page)

  // Sofie's check-in was sent when the server started; she answers through the link without logging in.
  await page.context().clearCookies()
  const checkIn = await waitForMail('sofie.nielsen@frivilligbro.test', 'Hvordan går det på Bostedet Skovbrynet')
  const checkInPath = linkPath(checkIn, '/follow-up/')
  expect((await mailsTo(JONAS)).some((m) => m.subject.startsWith('Hvordan går det'))).toBe(true)
  await page.goto(checkInPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Hvordan går det?' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByRole('group', { name: 'Hvor tilfreds er du alt i alt?' }).getByText('Vælg en af mulighederne.')).toBeVisible()
  await page.getByLabel('4 – tilfreds').check()
  await page.getByLabel('Ja', { exact: true }).check()
  const wish = `Vi vil gerne have en fast spilleeftermiddag (${Date.now().toString(36)}).`
  await page.getByLabel('Er der noget, der skal ændres? (valgfrit)').fill(wish)
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText(/Tak for dit svar! Frivilligcentret kan nu se det/)).toBeVisible()
  await expectAccessible(page)
  await page.goto(checkInPath)
  await expect(page.getByText('Du har allerede svaret på dette tjek. Tak!')).toBeVisible()

  // The answer reaches the coordinator's start page.
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre')
  const followUp = page.getByRole('region', { name: 'Opfølgning' })
  await expect(followUp.getByText(wish)).toBeVisible()
  await expect(followUp.getByText(/Sofie Nielsen \(frivillig\)/).first()).toBeVisible()
  await expect(followUp.getByText('tilfredshed 4 af 5, forventningerne passer').first()).toBeVisible()
  await expectAccessible(page)
})
