import { addDays, copenhagenDate } from '../../app/utils/time'
import { expect, test } from './fixtures'
import { expectAccessible, linkPath, logIn, logOut, uniqueEmail, waitForMail } from './helpers'

test('the coordinator publishes a course with two sessions; a volunteer signs up from /events and gets the calendar files by e-mail; a moved evening reaches everyone signed up', async ({ page, make }) => {
  test.setTimeout(180_000)
  const title = `Kursus i MitID-hjælp ${make.unique('kursus')}`
  const first = addDays(copenhagenDate(), 12)
  const second = addDays(copenhagenDate(), 19)
  // A new coordinator of the demo's Gribskov centre, whose full network meeting the pages show (read only),
  // and a new volunteer living in Gribskov.
  const centre = await make.centre({ demo: 'Frivilligcenter Gribskov' })
  const volunteer = await make.volunteer({ centre })

  await logIn(page, centre.coordinator.email)
  // The start page lists the coming events with places taken and the waiting lines.
  await page.goto('/centre')
  const upcoming = page.getByRole('region', { name: 'Kommende arrangementer' })
  await expect(upcoming.getByRole('listitem').filter({ hasText: 'Netværksmøde: tablets' })).toContainText('4 af 4 · 2 på venteliste')
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arrangementer', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Arrangementer' })).toBeVisible()
  // The demo's full network meeting shows its waiting list in the overview.
  await expect(page.getByRole('row', { name: /Netværksmøde: tablets/ })).toContainText('4 af 4')
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Opret arrangement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Opret arrangement' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Slags').selectOption({ label: 'Kursus for frivillige' })
  await page.getByLabel('Titel').fill(title)
  await page.getByLabel('Beskrivelse').fill('To aftener om at hjælpe med MitID og Digital Post.')
  await page.getByLabel('Antal pladser').fill('10')
  await page.getByLabel('Hvem kan tilmelde sig').selectOption({ label: 'Centrets frivillige' })
  const session = (n: number) => page.getByRole('group', { name: `Gang ${n}` })
  await session(1).getByLabel('Dato').fill(first)
  await session(1).getByLabel('Starter kl.').fill('17:00')
  await session(1).getByLabel('Slutter kl.').fill('16:00')
  await session(1).getByLabel('Sted').fill('Frivilligcenter Gribskov')
  await session(2).getByLabel('Dato').fill(second)
  await session(2).getByLabel('Starter kl.').fill('17:00')
  await session(2).getByLabel('Slutter kl.').fill('19:00')
  await session(2).getByLabel('Sted').fill('Frivilligcenter Gribskov')
  await page.getByRole('button', { name: 'Opret som kladde' }).click()
  // The mistake is named next to the field, and nothing typed is lost.
  await expect(session(1).locator('.field-errors').getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(page.getByLabel('Titel')).toHaveValue(title)
  await expect(session(2).getByLabel('Dato')).toHaveValue(second)
  await expectAccessible(page)
  await session(1).getByLabel('Slutter kl.').fill('19:00')
  await page.getByRole('button', { name: 'Opret som kladde' }).click()

  await expect(page.getByText(`»${title}« er oprettet som kladde.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Offentliggør' }).click()
  await expect(page.getByText('Arrangementet er offentliggjort.')).toBeVisible()
  await logOut(page)

  await logIn(page, volunteer.email)
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arrangementer og kurser' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Arrangementer og kurser' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Slags').selectOption({ label: 'Kursus for frivillige' })
  await page.getByRole('button', { name: 'Vis' }).click()
  await expect(page.getByRole('link', { name: 'Introkursus for nye IT-frivillige' })).toHaveCount(0)
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const eventId = new URL(page.url()).pathname.split('/').pop()!
  await expect(page.getByText('10 ledige pladser')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Tilmeld mig' }).click()
  await expect(page.getByText('Du er tilmeldt. Du får en bekræftelse på e-mail.')).toBeVisible()
  await expect(page.getByText('9 ledige pladser')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Meld fra' })).toBeVisible()
  await expectAccessible(page)

  // The volunteer's start page shows the next event.
  await page.goto('/volunteer')
  await expect(page.getByRole('region', { name: 'Dit næste arrangement' }).getByRole('link', { name: title })).toBeVisible()

  const mail = await waitForMail(volunteer.email, `Du er tilmeldt: ${title}`)
  expect(mail.attachments.map((a) => a.filename)).toEqual(['arrangement-1.ics', 'arrangement-2.ics'])
  expect(mail.attachments[0].content).toContain('DTSTART;TZID=Europe/Copenhagen:' + first.replace(/-/g, '') + 'T170000')
  expect(mail.attachments[1].content).toContain('DTSTART;TZID=Europe/Copenhagen:' + second.replace(/-/g, '') + 'T170000')

  // A second volunteer takes a place too; then the coordinator moves the second evening a day on.
  // Both are told, with calendar files that move the evening in their calendars.
  const other = await make.volunteer({ centre })
  await make.signUp({ id: eventId }, other)
  await waitForMail(other.email, `Du er tilmeldt: ${title}`)
  const moved = addDays(second, 1)
  await logOut(page)
  await logIn(page, centre.coordinator.email)
  await page.goto('/centre/events')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tilmeldte' })).toContainText(volunteer.name)
  await expect(page.getByRole('region', { name: 'Tilmeldte' })).toContainText(other.name)
  await expectAccessible(page)
  await session(2).getByLabel('Dato').fill(moved)
  await page.getByRole('button', { name: 'Gem ændringer' }).click()
  await expect(page.getByText(`»${title}« er gemt.`)).toBeVisible()
  await expect(session(2).getByLabel('Dato')).toHaveValue(moved)
  await expectAccessible(page)
  for (const person of [volunteer, other]) {
    const changed = await waitForMail(person.email, `Ændret: ${title}`)
    const secondEvening = changed.attachments.find((a) => a.content.includes('DTSTART;TZID=Europe/Copenhagen:' + moved.replace(/-/g, '') + 'T170000'))
    expect(secondEvening, `${person.email} gets the moved evening`).toBeDefined()
    expect(changed.attachments.some((a) => a.content.includes(second.replace(/-/g, '') + 'T170000'))).toBe(false)
  }
})

test('a member of the public signs up for the open internet café with name and e-mail and confirms by the link', async ({ page, make }) => {
  const email = uniqueEmail('grete')
  const centre = await make.centre()
  const cafe = await make.event({
    centre,
    kind: 'internet_cafe',
    audience: 'public',
    capacity: 14,
    title: `Åben internetcafé på biblioteket ${make.unique('cafe')}`,
    sessions: [{ localDate: addDays(copenhagenDate(), 9), startTime: '10:00', endTime: '12:00', place: 'Biblioteket' }],
  })
  await page.goto('/events')
  await expect(page.getByRole('heading', { level: 1, name: 'Arrangementer og kurser' })).toBeVisible()
  await page.getByRole('link', { name: cafe.title }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Tilmeld dig' })).toBeVisible()
  await expect(page.getByText('14 ledige pladser')).toBeVisible()
  await expectAccessible(page)
  // A mistyped address is named next to the field; the name stays.
  await page.getByLabel('Navn').fill('Grete Nielsen')
  await page.getByLabel('E-mail').fill('grete-at-example')
  await page.getByRole('button', { name: 'Tilmeld mig' }).click()
  await expect(page.getByLabel('Navn')).toHaveValue('Grete Nielsen')
  await expectAccessible(page)
  await page.getByLabel('E-mail').fill(email)
  await page.getByRole('button', { name: 'Tilmeld mig' }).click()
  await expect(page.getByText(`Tjek din e-mail: vi har sendt et link til ${email}.`)).toBeVisible()
  // Asking holds no place until the link is used.
  await expect(page.getByText('14 ledige pladser')).toBeVisible()

  const mail = await waitForMail(email, `Bekræft din tilmelding: ${cafe.title}`)
  await page.goto(linkPath(mail, '/events/'))
  await expect(page.getByText('Hej Grete Nielsen')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Bekræft tilmeldingen' }).click()
  await expect(page.getByText('Du er tilmeldt. Du får en bekræftelse på e-mail.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Meld fra' })).toBeVisible()
  const placed = await waitForMail(email, `Du er tilmeldt: ${cafe.title}`)
  expect(placed.attachments.map((a) => a.filename)).toEqual(['arrangement-1.ics'])
  await page.getByRole('link', { name: 'Se arrangementet' }).click()
  await expect(page.getByText('13 ledige pladser')).toBeVisible()
})

test('the coordinator ticks who came to the intro course; it shows on the volunteer’s profile, and only then can a match for an ad that requires it be approved', async ({ page, make, signIn }) => {
  test.setTimeout(120_000)
  const centre = await make.centre()
  const facility = await make.facility({ centre })
  const ad = await make.ad({ facility, title: `IT-ven med introkursus ${make.unique('ad')}`, requiresIntroCourse: true })
  const volunteer = await make.volunteer({ centre, name: `Vera Frivillig ${make.unique('v')}` })
  const application = await make.application(ad, volunteer)
  // Yesterday's intro course, which the volunteer signed up for last week.
  const yesterday = addDays(copenhagenDate(), -1)
  const course = await make.event({ centre, kind: 'intro_meeting', title: `Introkursus for nye IT-frivillige ${make.unique('k')}`, sessions: [{ localDate: yesterday, startTime: '17:00', endTime: '19:00' }] })
  await make.signUp(course, volunteer, { at: new Date(Date.now() - 7 * 86_400_000) })

  // Before the course is completed, approval is refused, naming the missing course.
  await signIn(page, centre.coordinator)
  await page.goto(`/centre/applications/${application.id}`)
  await expect(page.getByRole('heading', { level: 1, name: `Ansøgning fra ${volunteer.name}` })).toBeVisible()
  const inAWeek = addDays(copenhagenDate(), 7)
  await page.getByLabel('Dato for intromøde').fill(inAWeek)
  await page.getByLabel('Klokkeslæt').fill('15:00')
  await page.getByLabel('Sted', { exact: true }).fill('Fællesstuen')
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByRole('alert')).toContainText('opslaget kræver, at den frivillige har gennemført introduktionskurset')
  await expectAccessible(page)

  // The coordinator ticks who came: yesterday's course is among the past events, not the coming ones.
  await page.goto('/centre/events')
  await expect(page.getByText('Centret har ingen kommende arrangementer.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Se de tidligere arrangementer' })).toBeVisible()
  await expect(page.getByRole('link', { name: course.title })).toHaveCount(0)
  await expectAccessible(page)
  await page.getByRole('navigation', { name: 'Kommende eller tidligere arrangementer' }).getByRole('link', { name: 'Tidligere (1)' }).click()
  await expect(page.getByText('Viser 1–1 af 1')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: course.title }).click()
  const attendance = page.getByRole('region', { name: 'Fremmøde' })
  await expect(attendance).toBeVisible()
  await expectAccessible(page)
  await attendance.getByLabel(volunteer.name).check()
  await attendance.getByRole('button', { name: 'Gem fremmøde' }).click()
  await expect(page.getByText('Fremmødet er gemt. 1 har gennemført kurset.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tilmeldte' })).toContainText(`${volunteer.name} (${volunteer.email}) · gennemført`)

  // The course is on the volunteer's profile as the centre sees it.
  await page.goto(`/centre/volunteers/${volunteer.id}`)
  await expect(page.getByText(course.title)).toBeVisible()
  await expectAccessible(page)

  // Now the match can be approved.
  await page.goto(`/centre/applications/${application.id}`)
  await page.getByLabel('Dato for intromøde').fill(inAWeek)
  await page.getByLabel('Klokkeslæt').fill('15:00')
  await page.getByLabel('Sted', { exact: true }).fill('Fællesstuen')
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText(/Matchet er godkendt/)).toBeVisible()
  await expectAccessible(page)
  await waitForMail(volunteer.email, `Godkendt match: ${ad.title}`)
})
