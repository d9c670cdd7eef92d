import { expect, test } from './fixtures-b'
import { expectAccessible } from './helpers'

// A facility of the story's own keeps its residents' wishes: three new ones (the oldest "Høre
// musik"). Jonas works there; Tina leads it; Frederik comes every week and has not logged his
// visit two days ago yet. His five logged visits before that already carry the residents' faces
// (four 😊, 13 residents helped), and he comes again in five days (the common-room screen shows it).
const context = { locale: 'da-DK', timezoneId: 'Europe/Copenhagen' }

test("residents' wishes: added on the common room's tablet, an ad written from them, fulfilled by a logged visit with the residents' 😊, and the volunteer thanked", async ({ browser, make, more, signIn }) => {
  // Four people, axe on every page; a busy machine needs minutes.
  test.setTimeout(420_000)
  const centre = await make.centre()
  const facility = await make.facility({ centre, name: `Bostedet Skovly ${make.unique('').slice(-6)}`, staff: [{ name: `Jonas Berg ${make.unique('').slice(-6)}` }] })
  const [jonas] = facility.staff
  const frederik = await make.volunteer({ centre, name: `Frederik Frivillig ${make.unique('').slice(-6)}` })
  const match = await make.match(await make.ad({ facility }), frederik, { approvedAt: new Date(Date.now() - 60 * 86_400_000) })
  for (const [n, residentsHelped] of [3, 3, 3, 2, 2].entries()) {
    await more.visit(match, { day: -9 - 7 * n, status: 'done', residentsHelped, feedback: n === 2 ? 'neutral' : 'happy' })
  }
  await more.visit(match, { day: -2 })
  await more.visit(match, { day: 5 })
  await more.wish(facility, { what: 'Høre musik', tasks: ['music_streaming'], residentCount: 2, by: jonas })
  await more.wish(facility, { what: 'Ringe video med familien', tasks: ['video_calls'], residentCount: 4, by: jonas })
  await more.wish(facility, { what: 'Se billeder fra turen', tasks: ['photos'], residentCount: 1, by: jonas })
  const screenAddress = await more.whoComesAddress(facility)

  // --- Jonas sits with a resident at the shared tablet (easy-read mode) ------------------------
  const tablet = await (await browser.newContext({ ...context, viewport: { width: 768, height: 1024 } })).newPage()
  await signIn(tablet, jonas)
  await tablet.goto('/facility')
  await tablet.getByRole('navigation', { name: new RegExp(facility.name) }).getByRole('link', { name: 'Beboernes ønsker' }).click()
  await expect(tablet.getByRole('heading', { level: 1, name: `Beboernes ønsker – ${facility.name}` })).toBeVisible()
  await expect(tablet.getByRole('heading', { level: 2, name: 'Nye (3)' })).toBeVisible()
  await expectAccessible(tablet)

  // The staff's own form refuses a CPR number next to the field and keeps what was typed.
  const addForm = tablet.getByRole('region', { name: 'Tilføj et ønske' })
  await addForm.getByLabel('Hvad vil beboeren gerne?').fill('Ringe til 010190-1234')
  await addForm.getByLabel('Billeder').check()
  await addForm.getByRole('button', { name: 'Tilføj ønsket' }).click()
  await expect(addForm.locator('.field-errors').getByText(/ser ud til at indeholde et CPR-nummer/)).toBeVisible()
  await expect(addForm.getByLabel('Hvad vil beboeren gerne?')).toHaveValue('Ringe til 010190-1234')
  await expect(addForm.getByLabel('Hvad vil beboeren gerne?')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(tablet)

  await tablet.getByRole('link', { name: 'Åbn let-læst tilstand til tabletten' }).click()
  await expect(tablet.getByRole('heading', { level: 1, name: 'Hvad vil du gerne?' })).toBeVisible()
  await expect(tablet.locator('.easy-read')).toHaveAttribute('lang', 'da')
  const games = tablet.getByRole('button', { name: 'Spille spil' })
  // A big touch target: far above WCAG's 44 × 44 CSS pixels.
  const box = await games.boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(120)
  expect(box!.width).toBeGreaterThanOrEqual(150)
  await expectAccessible(tablet)
  await games.click()
  await expect(tablet.getByRole('heading', { level: 1, name: 'Tak! Dit ønske er gemt' })).toBeVisible()
  await expect(tablet.getByText('Du ønsker: Spille spil.')).toBeVisible()
  await expectAccessible(tablet)
  // A second resident wants the same: one wish, two residents.
  await tablet.getByRole('link', { name: 'Tilføj et ønske mere' }).click()
  await tablet.getByRole('button', { name: 'Spille spil' }).click()
  await expect(tablet.getByRole('heading', { level: 1, name: 'Tak! Dit ønske er gemt' })).toBeVisible()
  await tablet.getByRole('link', { name: 'Tilbage til ønskelisten' }).click()
  const gamesWish = tablet.getByRole('listitem').filter({ hasText: 'Spille spil' })
  await expect(gamesWish).toContainText('2 beboere · Nyt · Spil')
  await expect(gamesWish).toContainText('Tilføjet af en beboer i let-læst tilstand')

  // The tablet needs no JavaScript: the same, with it switched off (axe itself needs JavaScript,
  // so it ran on the pages above).
  const plainTablet = await (await browser.newContext({ ...context, viewport: { width: 768, height: 1024 }, javaScriptEnabled: false })).newPage()
  await signIn(plainTablet, jonas)
  await plainTablet.goto(tablet.url().replace(/\/wishes.*$/, '/wishes/easy'))
  await plainTablet.getByRole('button', { name: 'Se nyheder og tv' }).click()
  await expect(plainTablet.getByRole('heading', { level: 1, name: 'Tak! Dit ønske er gemt' })).toBeVisible()
  await expect(plainTablet.getByText('Du ønsker: Se nyheder og tv.')).toBeVisible()

  // --- Tina, the leader, writes an ad from the wishes (oldest wish first in the draft) ---------
  const leader = await (await browser.newContext(context)).newPage()
  await signIn(leader, facility.leader)
  await leader.goto(tablet.url())
  await leader.getByLabel('Brug »Spille spil« i opslaget').check()
  await leader.getByLabel('Brug »Høre musik« i opslaget').check()
  await leader.getByRole('button', { name: 'Lav et opslag ud fra disse ønsker' }).click()
  await expect(leader.getByRole('heading', { level: 1, name: 'Nyt jobopslag' })).toBeVisible()
  await expect(leader.getByText('Opslaget skrives ud fra 2 ønsker fra beboerne.', { exact: false })).toBeVisible()
  const tasks = leader.getByRole('group', { name: 'Hvad skal den frivillige hjælpe med?' })
  await expect(tasks.getByLabel('Spil', { exact: true })).toBeChecked()
  await expect(tasks.getByLabel('Musik og streaming')).toBeChecked()
  await expect(tasks.getByLabel('Videoopkald')).not.toBeChecked()
  await expect(leader.getByLabel('Beskrivelse af opgaven')).toHaveValue(/- Høre musik \(2 beboere\)\n- Spille spil \(2 beboere\)/)
  await expectAccessible(leader)
  await leader.getByRole('button', { name: 'Gem kladde' }).click()
  await expect(leader.getByText('Kladden »IT-hjælp til beboernes ønsker« er gemt.')).toBeVisible()
  const answers = leader.getByRole('region', { name: 'Ønsker, opslaget svarer på' })
  await expect(answers.getByRole('listitem')).toHaveText(['Høre musik · 2 beboere · Nyt', 'Spille spil · 2 beboere · Nyt'])
  await expectAccessible(leader)

  // --- After last Tuesday's visit, Frederik logs it: 3 residents helped, a 😊, a wish fulfilled --
  const volunteer = await (await browser.newContext(context)).newPage()
  await signIn(volunteer, frederik)
  await volunteer.goto('/visits')
  await volunteer
    .getByRole('region', { name: 'Besøg, der mangler registrering' })
    .getByRole('link', { name: new RegExp(`Registrér besøget .* kl\\. 15:00–17:00 · .*${facility.name}`) })
    .click()
  const log = volunteer.getByRole('region', { name: 'Registrér besøget' })
  await log.getByLabel('Videoopkald').check()
  await log.getByLabel('Hvor mange beboere fik hjælp?').fill('3')
  const faces = log.getByRole('group', { name: 'Hvad syntes beboerne?' })
  await expect(faces.getByRole('radio')).toHaveCount(3)
  await faces.getByRole('radio', { name: 'Glad', exact: true }).check()
  await log.getByRole('group', { name: 'Hvem svarede?' }).getByLabel('Beboerne selv').check()
  await log.getByLabel('Beboernes egne ord (valgfri)').fill('Jeg så min datter 311299-1234')
  await log.getByLabel('Ringe video med familien (4 beboere)').check()
  await log.getByRole('button', { name: 'Gem registreringen' }).click()
  // The residents' words are guarded like the note: refused next to the field, nothing lost.
  await expect(log.locator('.field-errors').getByText(/ser ud til at indeholde et CPR-nummer/)).toBeVisible()
  await expect(faces.getByRole('radio', { name: 'Glad', exact: true })).toBeChecked()
  await expect(log.getByLabel('Ringe video med familien (4 beboere)')).toBeChecked()
  await expect(log.getByLabel('Hvor mange beboere fik hjælp?')).toHaveValue('3')
  await expectAccessible(volunteer)
  await log.getByLabel('Beboernes egne ord (valgfri)').fill('Jeg så min datter på skærmen!')
  await log.getByRole('button', { name: 'Gem registreringen' }).click()
  await expect(volunteer.getByText('Tak! Besøget er registreret.')).toBeVisible()
  const details = volunteer.getByRole('region', { name: 'Om besøget' })
  await expect(details).toContainText('3 beboere fik hjælp')
  await expect(details).toContainText('Beboerne: 😊 Glad (svaret af beboerne selv)')
  await expect(details).toContainText('»Jeg så min datter på skærmen!«')
  await expect(details).toContainText('Opfyldte ønsker: Ringe video med familien')
  await expectAccessible(volunteer)

  // The wish list shows the wish fulfilled by that visit.
  await tablet.reload()
  const fulfilled = tablet.getByRole('region', { name: /^Opfyldt/ })
  await expect(fulfilled.getByRole('listitem').filter({ hasText: 'Ringe video med familien' })).toContainText('ved et besøg')

  // --- The common room: the screen by its secret address (signed out), then the poster -------------
  const screen = await (await browser.newContext(context)).newPage()
  expect((await screen.goto(screenAddress))?.status()).toBe(200)
  await expect(screen.getByRole('region', { name: 'Næste besøg' }).getByText('Frederik', { exact: true }).first()).toBeVisible()
  expect(await screen.content()).not.toMatch(/@example\.test|Frederik Frivillig/)
  await expectAccessible(screen)
  const facilityPath = /^\/facility\/[^/]+/.exec(new URL(tablet.url()).pathname)![0]
  await tablet.goto(`${facilityPath}/who-comes/poster`)
  await expect(tablet.getByText('Frederik', { exact: true }).first()).toBeVisible()
  await expectAccessible(tablet)
  const poster = (await tablet.pdf({ format: 'A4' })).toString('latin1')
  expect((poster.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length).toBe(1)

  // --- Frederik's start page thanks him -----------------------------------------------------------
  await volunteer.goto('/volunteer')
  const thanks = volunteer.getByRole('region', { name: 'Tak fra beboerne' })
  await expect(thanks).toContainText('Beboerne gav 😊en glad smiley ved 5 af dine 6 seneste besøg.')
  await expect(thanks).toContainText('Dine besøg har hjulpet 16 beboere i alt.')
  await expectAccessible(volunteer)

  // --- The centre sees where help is missing ------------------------------------------------------
  const coordinator = await (await browser.newContext(context)).newPage()
  await signIn(coordinator, centre.coordinator)
  await coordinator.goto('/centre')
  await coordinator.getByRole('link', { name: 'Beboernes ønsker – hvor mangler der hjælp?' }).click()
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Beboernes ønsker' })).toBeVisible()
  const needs = coordinator.getByRole('table', { name: 'Åbne ønsker efter emne og kommune' })
  await expect(needs.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: 'Spil', exact: true }) })).toContainText(centre.municipalityName)
  await expect(coordinator.getByRole('table', { name: 'Åbne ønsker pr. tilbud' })).toContainText('Spille spil')
  await expectAccessible(coordinator)
})
