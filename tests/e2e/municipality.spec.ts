import type { Page } from '@playwright/test'
import { expect, test, type Factories, type More } from './fixtures-b'
import { expectAccessible, logIn, logOut } from './helpers'

// Issue 14, the municipality's view, on a municipality of the story's own: its contact
// (kommunal tovholder) lands on its overview, never reads a volunteer's name, e-mail or phone,
// keeps the ethics template; a facility adopts the template and records a review. (That the
// municipality reads the same report figures as the centre, and the volunteer's printed
// statement, are in results-story.spec.ts.)

const SOCIAL = { technology: 'Sociale medier', dilemma: 'Beboere vil gerne være venner med personale og frivillige på Facebook.', agreedValues: 'Personale og frivillige bruger ikke deres private profiler sammen med beboerne.' }
const PHOTOS = { technology: 'Billeder og video', dilemma: 'Beboere tager billeder af hinanden og vil dele dem.', agreedValues: 'Man spørger, før man tager og deler et billede af en anden.' }
const AI = { technology: 'Kunstig intelligens og chatbots', dilemma: 'Beboere spørger en chatbot til råds om helbred og penge.', agreedValues: 'Frivillige fortæller, at svarene kan være forkerte. Helbred og penge tages med personalet.' }

/**
 * A centre with a municipality of its own and that municipality's contact; a bosted with a wish
 * and an active match, an activity house that never reviewed its policy, and a facility that took
 * the template in use before its third point was added. A facility of another centre's
 * municipality is there too, to be left out.
 */
async function municipalityWorld(make: Factories, more: More) {
  const centre = await make.centre()
  const kommune = await more.municipalityAccount(centre.municipalityId)
  const suffix = make.unique('').slice(-6)
  const bosted = await make.facility({ centre, name: `Bostedet Egebakken ${suffix}` })
  const house = await make.facility({ centre, name: `Aktivitetshuset Tværvej ${suffix}`, kind: 'aktivitetstilbud' })
  const lighthouse = await make.facility({ centre, name: `Værestedet Fyrlyset ${suffix}`, kind: 'vaerested' })
  const volunteer = await make.volunteer({ centre })
  await make.match(await make.ad({ facility: bosted }), volunteer)
  await more.wish(bosted, { what: 'Ringe video med familien', tasks: ['video_calls'], residentCount: 3 })
  await more.templateEntry(kommune, centre.municipalityId, SOCIAL)
  await more.templateEntry(kommune, centre.municipalityId, PHOTOS)
  await more.adoptTemplate(lighthouse)
  await more.templateEntry(kommune, centre.municipalityId, AI)
  const elsewhere = await make.facility({ centre: await make.centre(), name: `Bostedet Andetsteds ${suffix}` })
  return { centre, kommune, bosted, house, lighthouse, elsewhere }
}

test('the municipality lands on its overview, reads its report, wishes and template, and no names', async ({ page, make, more }) => {
  const { kommune, centre, bosted, house, elsewhere } = await municipalityWorld(make, more)
  await logIn(page, kommune.email)
  await expect(page).toHaveURL(/\/municipality$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunens overblik' })).toBeVisible()
  const facilities = page.getByRole('region', { name: 'Tilbud' })
  await expect(facilities.getByRole('rowheader', { name: new RegExp(bosted.name) })).toBeVisible()
  await expect(facilities.getByRole('row', { name: new RegExp(house.name) })).toContainText('Aldrig gennemgået')
  await expect(facilities.getByRole('row', { name: new RegExp(elsewhere.name) })).toHaveCount(0) // another municipality's
  await expect(page.getByRole('heading', { level: 2, name: 'Jobopslag' })).toBeVisible()
  await expectAccessible(page)
  await expectNoPersonalData(page, more)

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Resultatrapport' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatrapport' })).toBeVisible()
  await expectAccessible(page)
  await expectNoPersonalData(page, more)
  const table = await page.getByRole('region', { name: 'Tilbud for tilbud' }).innerText()
  expect(table).toContain(bosted.name)
  expect(table).not.toContain(elsewhere.name)

  // Nothing to change there: no forms that write, and the centre's pages stay closed.
  const response = await page.goto('/centre')
  expect(response?.status()).toBe(403)

  // The residents' wishes across its facilities, against the volunteers who could help; no one named.
  await page.goto('/municipality')
  await page.getByRole('link', { name: 'Beboernes ønsker' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beboernes ønsker i kommunen' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Åbne ønsker pr. tilbud' })).toContainText(bosted.name)
  await expectAccessible(page)
  await expectNoPersonalData(page, more)

  // The municipality keeps its ethics template.
  await page.goto('/municipality/ethics-template')
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Skabelon for digital etik – ${centre.municipalityName}`) })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Kunstig intelligens og chatbots' })).toBeVisible()
  await expectAccessible(page)
})

test('a facility adopts the municipality’s template and records a review; another sees the template changed', async ({ page, make, more }) => {
  const { kommune, centre, bosted, lighthouse } = await municipalityWorld(make, more)
  await logIn(page, bosted.leader.email)
  await expect(page.getByRole('heading', { level: 2, name: 'Jeres tal det seneste år' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Politik for digital etik' }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: `${centre.municipalityName}s skabelon` })).toBeVisible()
  await page.getByRole('button', { name: 'Tag kommunens skabelon i brug' }).click()
  await expect(page.getByText('Skabelonen er taget i brug. Punkter tilføjet til jeres politik: 3.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Kunstig intelligens og chatbots' })).toBeVisible()
  await expect(page.getByText('Skabelonen er ikke ændret siden.')).toBeVisible()
  await expectAccessible(page)

  // A review in the future is refused next to the field; then a real one is kept.
  const review = page.getByRole('region', { name: 'Gennemgang med beboere og personale' })
  await review.getByLabel('Dato for gennemgangen').fill('2099-01-01')
  await review.getByRole('button', { name: 'Gem gennemgangen' }).click()
  await expect(page.locator('.field-errors').getByText('Datoen må ikke ligge i fremtiden.')).toBeVisible()
  await expectAccessible(page)
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date())
  await review.getByLabel('Dato for gennemgangen').fill(today)
  await review.getByLabel('Antal beboere, der var med').fill('6')
  await review.getByLabel('Antal ansatte, der var med').fill('3')
  await review.getByLabel('Andre, der var med (roller)').fill('IT-frivillig')
  await review.getByRole('button', { name: 'Gem gennemgangen' }).click()
  await expect(page.getByText('Gennemgangen er gemt.')).toBeVisible()
  await expect(review.getByText('6 beboere, 3 ansatte · IT-frivillig')).toBeVisible()
  await logOut(page)

  // The værested took an earlier version in use: the template has changed since.
  await logIn(page, lighthouse.leader.email)
  await page.getByRole('link', { name: 'Politik for digital etik' }).first().click()
  await expect(page.getByText('Kommunens skabelon er ændret siden I tog den i brug — se ændringerne.')).toBeVisible()
  await page.getByText('Se ændringerne', { exact: true }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Nye punkter i skabelonen' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Vi har set ændringerne' }).click()
  await expect(page.getByText('Skabelonen er ikke ændret siden.')).toBeVisible()
  await logOut(page)

  // The municipality sees the bosted's policy built on the template and reviewed today.
  await logIn(page, kommune.email)
  const row = page.getByRole('region', { name: 'Tilbud' }).getByRole('row', { name: new RegExp(bosted.name) })
  await expect(row).toContainText('bygget på kommunens skabelon')
  await expect(row).toContainText('(0 måneder siden)')
})

/** No volunteer's name, e-mail or phone anywhere in the page (every volunteer in the database). */
async function expectNoPersonalData(page: Page, more: More) {
  const html = await page.content()
  const strings = await more.volunteersPersonalData()
  expect(strings.length).toBeGreaterThan(20)
  for (const value of strings) expect(html, `${page.url()} shows "${value}"`).not.toContain(value)
}
