import { expect, test } from '@playwright/test'
import { expectAccessible, logIn } from './helpers'

// The demo's Bostedet Skovbrynet keeps its residents' wishes. Jonas works there; Tina leads it;
// Frederik comes every Tuesday and has not logged last Tuesday's visit yet. His five logged
// Tuesdays already carry the residents' faces (four 😊, 13 residents helped). No other spec logs
// that visit or touches Skovbrynet's wishes.
const STAFF = 'jonas.skovbrynet@frivilligbro.test'
const LEADER = 'tilbud@frivilligbro.test'
const VOLUNTEER = 'frivillig@frivilligbro.test'
const COORDINATOR = 'koordinator@frivilligbro.test'
const context = { locale: 'da-DK', timezoneId: 'Europe/Copenhagen' }

test("residents' wishes: added on the common room's tablet, an ad written from them, fulfilled by a logged visit with the residents' 😊, and the volunteer thanked", async ({ browser }) => {
  // Four people, axe on every page; a busy machine needs minutes.
  test.setTimeout(300_000)

  // --- Jonas sits with a resident at the shared tablet (easy-read mode) ------------------------
  const tablet = await (await browser.newContext({ ...context, viewport: { width: 768, height: 1024 } })).newPage()
  await logIn(tablet, STAFF)
  await tablet.goto('/facility')
  await tablet.getByRole('navigation', { name: /Bostedet Skovbrynet/ }).getByRole('link', { name: 'Beboernes ønsker' }).click()
  await expect(tablet.getByRole('heading', { level: 1, name: 'Beboernes ønsker – Bostedet Skovbrynet' })).toBeVisible()
  await expect(tablet.getByRole('heading', { level: 2, name: 'Nye (3)' })).toBeVisible()
  await expectAccessible(tablet)

  // The staff's own form refuses a CPR number next to the field and keeps what was typed.
  const addForm = tablet.getByRole('region', { name: 'Tilføj et ønske' })
  await addForm.getByLabel('Hvad vil beboeren gerne?').fill('Ringe til 010190-1234')
  await addForm.getByLabel('Billeder').check()
  await addForm.getByRole('button', { name: 'Tilføj ønsket' }).click()
  await expect(addForm.getByText(/ser ud til at indeholde et CPR-nummer/)).toBeVisible()
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
  await logIn(plainTablet, STAFF)
  await plainTablet.goto(tablet.url().replace(/\/wishes.*$/, '/wishes/easy'))
  await plainTablet.getByRole('button', { name: 'Se nyheder og tv' }).click()
  await expect(plainTablet.getByRole('heading', { level: 1, name: 'Tak! Dit ønske er gemt' })).toBeVisible()
  await expect(plainTablet.getByText('Du ønsker: Se nyheder og tv.')).toBeVisible()

  // --- Tina, the leader, writes an ad from the wishes (oldest wish first in the draft) ---------
  const leader = await (await browser.newContext(context)).newPage()
  await logIn(leader, LEADER)
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
  await logIn(volunteer, VOLUNTEER)
  await volunteer.goto('/visits')
  await volunteer
    .getByRole('region', { name: 'Besøg, der mangler registrering' })
    .getByRole('link', { name: /Registrér besøget .* kl\. 15:00–17:00 · .*Skovbrynet/ })
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
  expect((await screen.goto('/who-comes/skovbrynet-faellesstue-demo'))?.status()).toBe(200)
  await expect(screen.getByRole('region', { name: 'Næste besøg' }).getByText('Frederik', { exact: true }).first()).toBeVisible()
  expect(await screen.content()).not.toMatch(/@frivilligbro\.test|Frederik Frivillig/)
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
  await logIn(coordinator, COORDINATOR)
  await coordinator.goto('/centre')
  await coordinator.getByRole('link', { name: 'Beboernes ønsker – hvor mangler der hjælp?' }).click()
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Beboernes ønsker' })).toBeVisible()
  const needs = coordinator.getByRole('table', { name: 'Åbne ønsker efter emne og kommune' })
  await expect(needs.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: 'Spil', exact: true }) })).toContainText('Gribskov Kommune')
  await expect(coordinator.getByRole('table', { name: 'Åbne ønsker pr. tilbud' })).toContainText('Spille spil')
  await expectAccessible(coordinator)
})
