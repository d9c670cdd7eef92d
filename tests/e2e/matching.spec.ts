import { expect, test } from '@playwright/test'
import { expectAccessible, logIn, waitForMail } from './helpers'

/** A date a week from now, as the date input wants it (the browser runs in Copenhagen time). */
function inAWeek() {
  const date = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}
function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}

test('the coordinator works the queue: reasons, missing checks, approval with an intro meeting; the facility then sees the phone', async ({ page }) => {
  // A long story with axe on eight pages; the default minute is too tight on a busy machine.
  test.setTimeout(240_000)
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre')
  await expect(page.getByRole('heading', { level: 2, name: 'Ansøgninger, der venter' })).toBeVisible()
  await expectAccessible(page)

  // Oldest first: Mikkel has waited four days and is flagged in words, not only by colour.
  const queue = page.getByRole('region', { name: 'Ansøgninger, der venter' }).getByRole('listitem')
  const first = queue.first()
  await expect(first).toContainText('Mikkel Thomsen')
  await expect(first).toContainText('venter i 4 dage')
  await expect(first).toContainText('Over 48 timer – svar snart')
  await expect(queue.filter({ hasText: 'Aisha Rahman' })).not.toContainText('Over 48 timer')
  await first.getByRole('link', { name: 'Åbn ansøgningen fra Mikkel Thomsen' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Ansøgning fra Mikkel Thomsen' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /Hvorfor de passer/ })).toBeVisible()
  await expect(page.getByText('Bor i samme kommune')).toBeVisible()
  await expect(page.getByText(/Har tid, når tilbuddet ønsker det: tirsdag eftermiddag/)).toBeVisible()
  await expect(page.getByText('26 90 14 57')).toBeVisible()
  await expect(page.getByText('Mangler: Tavshedserklæring')).toBeVisible()
  await expect(page.getByText('Mangler: Straffeattest')).toBeVisible()
  await expectAccessible(page)

  // The ranked candidates for the same ad, with reasons in words.
  await page.getByRole('link', { name: 'Se alle kandidater til opslaget' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Kandidater til/ })).toBeVisible()
  const applicants = page.getByRole('region', { name: 'Har søgt' })
  await expect(applicants.getByRole('listitem').first()).toContainText('Score:')
  await expect(applicants).toContainText('Mikkel Thomsen')
  await expect(applicants).toContainText('Aisha Rahman')
  await expectAccessible(page)
  await page.goBack()

  // Approving before the checks are in order is refused, and the screen says which are missing.
  await page.getByLabel('Dato for intromøde').fill(inAWeek())
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByRole('alert')).toContainText('Matchet kan ikke godkendes, før disse tjek er i orden')
  await expect(page.getByRole('alert')).toContainText('Straffeattest')
  await expectAccessible(page)

  for (const kind of ['Tavshedserklæring', 'Straffeattest']) {
    await page.getByLabel('Hvilket tjek?').selectOption({ label: kind })
    await page.getByLabel('Underskrevet eller set den').fill(today())
    if (kind === 'Straffeattest') await page.getByLabel('Udløber (valgfrit)').fill(`${Number(today().slice(0, 4)) + 2}${today().slice(4)}`)
    await page.getByRole('button', { name: 'Registrér tjek' }).click()
    await expect(page.getByText(`${kind} er registreret.`)).toBeVisible()
  }
  await expect(page.getByText('Alle krævede tjek er i orden.')).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Dato for intromøde').fill(inAWeek())
  await page.getByLabel('Klokkeslæt').fill('15:00')
  await page.getByLabel('Sted', { exact: true }).fill('Bostedet Skovbrynet, fællesstuen i hus B')
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText(/Matchet er godkendt/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Ansøgninger, der venter' })).not.toContainText('Mikkel Thomsen')
  // Mikkel took the video ad's last place: Aisha, who also applied, is answered at once.
  await expect(page.getByText('de øvrige ansøgere (1) har fået et venligt svar')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Ansøgninger, der venter' })).not.toContainText('Aisha Rahman')
  await waitForMail('aisha.rahman@frivilligbro.test', 'Opgaven er besat')
  await expectAccessible(page)

  // Both parties get the other one's contact details and a calendar file at 15:00 Copenhagen time.
  const toVolunteer = await waitForMail('mikkel.thomsen@frivilligbro.test', 'Godkendt match')
  expect(toVolunteer.text).toContain('Jonas Berg')
  expect(toVolunteer.text).toContain('48 79 40 02')
  expect(toVolunteer.text).toContain('jonas.skovbrynet@frivilligbro.test')
  // The marketplace story also tells Jonas about a match (Emma); this one is about Mikkel.
  const toContact = await waitForMail('jonas.skovbrynet@frivilligbro.test', 'Godkendt match', { containing: 'Mikkel Thomsen' })
  expect(toContact.text).toContain('26 90 14 57')
  for (const mail of [toVolunteer, toContact]) {
    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'))
    expect(ics?.contentType).toContain('text/calendar')
    expect(ics?.content).toContain(`DTSTART;TZID=Europe/Copenhagen:${inAWeek().replace(/-/g, '')}T150000`)
    expect(ics?.content).toContain('BEGIN:VTIMEZONE')
  }

  // The facility's leader now sees Mikkel's phone.
  await page.context().clearCookies()
  await logIn(page, 'tilbud@frivilligbro.test')
  await page.goto('/facility/volunteers')
  await expect(page.getByRole('heading', { level: 1, name: 'Vores frivillige' })).toBeVisible()
  const mikkel = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Mikkel Thomsen' }) })
  await expect(mikkel).toContainText('26 90 14 57')
  await expect(mikkel).toContainText('mikkel.thomsen@frivilligbro.test')
  await expectAccessible(page)
})

test('the coordinator sees a volunteer\'s checks and ranked ads', async ({ page }) => {
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre')
  // Not Aisha: approving Mikkel above filled the video ad, which answered her application to it.
  await page.getByRole('region', { name: 'Ansøgninger, der venter' }).getByRole('listitem').filter({ hasText: 'Hjælp til e-mail og Digital Post' }).getByRole('link', { name: 'Åbn ansøgningen fra Emma Larsen' }).click()
  await page.getByRole('link', { name: 'Se frivilliges profil og andre opslag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Emma Larsen' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Opslag, der passer' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Opslag, der passer' }).getByRole('listitem').first()).toContainText('Score:')
  await expectAccessible(page)
})
