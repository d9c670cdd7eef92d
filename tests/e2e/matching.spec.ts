import { expect, isoDate, test } from './fixtures-b'
import { expectAccessible, waitForMail } from './helpers'

// The coordinator's queue on a centre of the story's own: a video ad with one place at a facility
// whose leader is the contact person; Mikkel applied four days ago (flagged), Aisha yesterday.
// Neither has the checks the ad requires.

/** A date a week from now, as the date input wants it (the browser runs in Copenhagen time). */
const inAWeek = () => isoDate(7)
const today = () => isoDate(0)

test('the coordinator works the queue: reasons, missing checks, approval with an intro meeting; the facility then sees the phone', async ({ page, make, more, signIn }) => {
  // A long story with axe on eight pages; the default minute is too tight on a busy machine.
  test.setTimeout(240_000)
  const centre = await make.centre()
  const facility = await make.facility({ centre })
  const ad = await make.ad({ facility, title: `Videoopkald med familien ${make.unique('').slice(-6)}`, requiresConfidentiality: true, volunteersWanted: 1 })
  await more.db.jobAd.update({ where: { id: ad.id }, data: { requiresCriminalRecord: true } })
  const mikkel = await make.volunteer({ centre, name: `Mikkel Thomsen ${make.unique('').slice(-6)}`, phone: '26 90 14 57' })
  const aisha = await make.volunteer({ centre, name: `Aisha Rahman ${make.unique('').slice(-6)}`, phone: '31 22 84 10' })
  await more.sentDaysAgo((await make.application(ad, mikkel)).id, 4)
  await more.sentDaysAgo((await make.application(ad, aisha)).id, 1)
  const contact = facility.leader
  await signIn(page, centre.coordinator)
  await page.goto('/centre')
  await expect(page.getByRole('heading', { level: 2, name: 'Ansøgninger, der venter' })).toBeVisible()
  await expectAccessible(page)

  // Oldest first: Mikkel has waited four days and is flagged in words, not only by colour.
  const queue = page.getByRole('region', { name: 'Ansøgninger, der venter' }).getByRole('listitem')
  const first = queue.first()
  await expect(first).toContainText(mikkel.name)
  await expect(first).toContainText('venter i 4 dage')
  await expect(first).toContainText('Over 48 timer – svar snart')
  await expect(queue.filter({ hasText: aisha.name })).not.toContainText('Over 48 timer')
  await first.getByRole('link', { name: `Åbn ansøgningen fra ${mikkel.name}` }).click()

  await expect(page.getByRole('heading', { level: 1, name: `Ansøgning fra ${mikkel.name}` })).toBeVisible()
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
  await expect(applicants).toContainText(mikkel.name)
  await expect(applicants).toContainText(aisha.name)
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
  await page.getByLabel('Sted', { exact: true }).fill(`${facility.name}, fællesstuen i hus B`)
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText(/Matchet er godkendt/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Ansøgninger, der venter' })).not.toContainText(mikkel.name)
  // Mikkel took the video ad's last place: Aisha, who also applied, is answered at once.
  await expect(page.getByText('de øvrige ansøgere (1) har fået et venligt svar')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Ansøgninger, der venter' })).not.toContainText(aisha.name)
  await waitForMail(aisha.email, 'Opgaven er besat')
  await expectAccessible(page)

  // Both parties get the other one's contact details and a calendar file at 15:00 Copenhagen time.
  const toVolunteer = await waitForMail(mikkel.email, 'Godkendt match')
  expect(toVolunteer.text).toContain(contact.name)
  expect(toVolunteer.text).toContain('48 79 40 01')
  expect(toVolunteer.text).toContain(contact.email)
  const toContact = await waitForMail(contact.email, 'Godkendt match', { containing: mikkel.name })
  expect(toContact.text).toContain('26 90 14 57')
  for (const mail of [toVolunteer, toContact]) {
    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'))
    expect(ics?.contentType).toContain('text/calendar')
    expect(ics?.content).toContain(`DTSTART;TZID=Europe/Copenhagen:${inAWeek().replace(/-/g, '')}T150000`)
    expect(ics?.content).toContain('BEGIN:VTIMEZONE')
  }

  // The facility's leader now sees Mikkel's phone.
  await page.context().clearCookies()
  await signIn(page, contact)
  await page.goto('/facility/volunteers')
  await expect(page.getByRole('heading', { level: 1, name: 'Vores frivillige' })).toBeVisible()
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: mikkel.name }) })
  await expect(card).toContainText('26 90 14 57')
  await expect(card).toContainText(mikkel.email)
  await expectAccessible(page)
})

test('the coordinator sees a volunteer\'s checks and ranked ads', async ({ page, make, signIn }) => {
  const centre = await make.centre()
  const facility = await make.facility({ centre })
  const ad = await make.ad({ facility, title: `Hjælp til e-mail og Digital Post ${make.unique('').slice(-6)}`, tasks: ['email'] })
  await make.ad({ facility, title: `Tablets i fællesstuen ${make.unique('').slice(-6)}`, tasks: ['tablets_phones'] })
  const emma = await make.volunteer({ centre, name: `Emma Larsen ${make.unique('').slice(-6)}`, skills: ['email', 'tablets_phones'] })
  await make.application(ad, emma)
  await signIn(page, centre.coordinator)
  await page.goto('/centre')
  await page.getByRole('region', { name: 'Ansøgninger, der venter' }).getByRole('listitem').filter({ hasText: ad.title }).getByRole('link', { name: `Åbn ansøgningen fra ${emma.name}` }).click()
  await page.getByRole('link', { name: 'Se frivilliges profil og andre opslag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: emma.name })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Opslag, der passer' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Opslag, der passer' }).getByRole('listitem').first()).toContainText('Score:')
  await expectAccessible(page)
})
