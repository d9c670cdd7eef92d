import { type Page } from '@playwright/test'
import { expect, PASSWORD, test, type Factories } from './fixtures'
import { expectAccessible, linkPath, logIn, logOut, waitForMail } from './helpers'

/**
 * The story's own centre (a municipality of its own) with a coordinator, a facility with a leader
 * as contact person, a published ad with one place, a volunteer who fits it and has not applied,
 * another who has, and one who is about to leave.
 */
async function story(make: Factories) {
  const centre = await make.centre()
  const facility = await make.facility({ centre, name: `Bostedet Lyngbakken ${make.unique('f')}` })
  const ad = await make.ad({
    facility,
    title: `Pårørendecafé med IT ${make.unique('ad')}`,
    tasks: ['relatives_support'],
    volunteersWanted: 1,
    description: 'Pårørende vil gerne lære at videoringe med beboerne. Du viser dem hvordan, en tirsdag om måneden.',
  })
  const fits = { centre, skills: ['relatives_support'], availability: [{ weekday: 2, part: 'afternoon' as const }] }
  const invitee = await make.volunteer({ ...fits, name: `Ingrid Inviteret ${make.unique('i')}` })
  const applicant = await make.volunteer({ ...fits, name: `Anders Ansøger ${make.unique('a')}` })
  await make.application(ad, applicant, 'Jeg kan tirsdage.')
  const leavingPart = make.unique('lea')
  const leaving = await make.volunteer({ ...fits, name: `Lea Lukkes ${leavingPart}` })
  return { centre, ad, facility, invitee, applicant, leaving }
}

function inAWeek() {
  return new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}
/** "30.11." as the candidate list writes today's date. */
function todayShort() {
  const [, month, day] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).split('-')
  return `${Number(day)}.${Number(month)}.`
}

async function freshLogIn(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

test('a coordinator invites a candidate who applies; the approval that fills the ad answers the other applicant', async ({ page, make }) => {
  test.setTimeout(180_000)
  const world = await story(make)

  // --- The coordinator invites a suggested candidate, with a personal line ----------------------
  await logIn(page, world.centre.coordinator.email)
  await page.goto(`/centre/ads/${world.ad.id}/candidates`)
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(world.ad.title) })).toBeVisible()
  const suggestions = page.getByRole('region', { name: 'Andre frivillige, der passer' })
  const card = suggestions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(world.invitee.name) }) })
  await card.getByText('Invitér til at søge').click()
  await card.getByLabel('Personlig hilsen (valgfri)').fill('Du skrev, at du hjælper pårørende — det er lige det her.')
  await expectAccessible(page)
  await card.getByRole('button', { name: `Invitér ${world.invitee.name}` }).click()
  await expect(page.getByText(`${world.invitee.name} er inviteret til at søge opgaven.`)).toBeVisible()
  await expect(card).toContainText(`Inviteret ${todayShort()}`)
  await expect(card.getByRole('button', { name: /Invitér/ })).toHaveCount(0)
  await expectAccessible(page)

  // --- The candidate reads the e-mail, sees the invitation on the ad, and applies ----------------
  const invitation = await waitForMail(world.invitee.email, `Invitation til at søge: ${world.ad.title}`)
  expect(invitation.text).toContain(world.facility.name)
  expect(invitation.text).toContain('Du skrev, at du hjælper pårørende — det er lige det her.')
  expect(invitation.text).toContain('Pårørende vil gerne lære at videoringe med beboerne.')
  const adPath = linkPath(invitation, '/jobs/')
  await logOut(page)
  await logIn(page, world.invitee.email)
  await page.goto(adPath)
  await expect(page.getByText('Du er inviteret til at søge denne opgave')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Søg opgaven' }).click()
  await page.getByLabel('Hvorfor vil du gerne hjælpe her?').fill('Tak for invitationen. Jeg hjælper min egen mor med FaceTime hver uge.')
  await page.getByLabel('Jeg har læst stedets politik for digital etik').check()
  await page.getByRole('button', { name: 'Send ansøgning' }).click()
  await expect(page.getByText('Tak! Din ansøgning er sendt.')).toBeVisible()

  // --- The coordinator sees the invitation on the application, and is told who will be answered --
  await freshLogIn(page, world.centre.coordinator.email)
  await page.goto('/centre')
  await page.getByRole('link', { name: `Åbn ansøgningen fra ${world.invitee.name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ansøgning fra ${world.invitee.name}` })).toBeVisible()
  await expect(page.getByText(/Søgte efter invitation fra Karin .+ den \d+\. \p{L}+ \d{4}\./u)).toBeVisible()
  await expect(page.getByText('Godkender du, er opslaget besat.')).toBeVisible()
  await expect(page.getByText(/Én anden ansøger får så automatisk et venligt svar/)).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Dato for intromøde').fill(inAWeek())
  await page.getByLabel('Klokkeslæt').fill('15:00')
  await page.getByLabel('Sted', { exact: true }).fill('Lyngvej 4, fællesstuen')
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText('de øvrige ansøgere (1) har fået et venligt svar')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Ansøgninger, der venter' })).not.toContainText(world.applicant.name)
  await expectAccessible(page)

  // --- The other applicant is answered kindly, with a way to the other tasks ---------------------
  const answer = await waitForMail(world.applicant.email, 'Opgaven er besat — tak for din interesse')
  expect(answer.text).toContain(world.ad.title)
  await freshLogIn(page, world.applicant.email)
  await page.goto(linkPath(answer, '/jobs'))
  await expect(page).toHaveURL(/\/jobs/)
  await page.goto('/volunteer/applications')
  await expect(page.getByText('Opgaven er nu besat')).toBeVisible()
  await expectAccessible(page)
})

test('an admin finds an account by part of its e-mail and deactivates it; that person cannot log in', async ({ page, make, signIn }) => {
  test.setTimeout(120_000)
  const world = await story(make)
  // Part of the e-mail that only this person's address has.
  const part = world.leaving.email.split('@')[0].split('-').slice(1).join('-')

  await signIn(page, await make.person('admin'))
  // The centre's edit page: contact details and the municipalities it covers.
  await page.goto('/admin')
  await page.getByRole('link', { name: world.centre.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Redigér ${world.centre.name}` })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: world.centre.municipalityName })).toBeChecked()
  await expectAccessible(page)

  await page.goto('/admin/users')
  await expectAccessible(page)
  await page.getByLabel('Søgeord').fill(part)
  await page.getByLabel('Profiltype').selectOption({ label: 'Frivillig' })
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`q=${part}`))
  await expect(page.getByText('1 profil fundet.')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: world.leaving.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Profil: ${world.leaving.name}` })).toBeVisible()
  await expect(page.getByText('1 åben ansøgning trækkes tilbage.')).toHaveCount(0)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Deaktivér profilen' }).click()
  await expect(page.getByText(`${world.leaving.name} er deaktiveret og logget ud alle steder.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Genaktivér profilen' })).toBeVisible()
  await expectAccessible(page)

  await page.context().clearCookies()
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(world.leaving.email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('alert')).toContainText('Din profil er lukket af en administrator')
  await expectAccessible(page)
})
