import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectAccessible, logIn, waitForMail } from './helpers'

// Issue 3's proof in one continuous story: one new ad from the builder, through the centre's
// review, onto the public board, search and feeds, to an application and an approved match whose
// contact details only the matched facility sees.

const VOLUNTEER_PHONE = '60 12 78 90'

function isoDate(daysFromNow: number) {
  const date = new Date(Date.now() + daysFromNow * 86_400_000)
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' })

test('an ad from the builder to an approved match: return, fix, publish, board, search, feeds, apply, rank, checks, approve', async ({ page, make }) => {
  // Seven sign-ins with axe on every page: far longer than the default minute.
  test.setTimeout(480_000)
  // A centre of the story's own: a facility whose leader writes the ad and whose staff member Jonas
  // is the contact person; Emma lives in the municipality, helps with social media, has Wednesday
  // afternoons and no checks yet; staff at another facility must never see her contact details.
  const centre = await make.centre()
  const facility = await make.facility({ centre, name: `Bostedet Skovbrynet ${make.unique('f')}`, staff: [{ name: 'Jonas Berg' }] })
  const STAFF = facility.leader.email
  const COORDINATOR = centre.coordinator.email
  const CONTACT = facility.staff[0].email
  const VOLUNTEER = (await make.volunteer({ centre, name: 'Emma Larsen', phone: VOLUNTEER_PHONE, skills: ['social_media'], availability: [{ weekday: 3, part: 'afternoon' }] })).email
  const OTHER_STAFF = (await make.facility({ centre, name: `Bostedet Kildevang ${make.unique('f')}` })).leader.email
  const token = Date.now().toString(36)
  const title = `IT-ven til sociale medier ${token}`
  const comment = 'Skriv venligst, hvilke tablets beboerne har, og at den frivillige ikke hjælper med MitID.'

  // --- Staff write the ad --------------------------------------------------------------------------
  await logIn(page, STAFF)
  await menu(page).getByRole('link', { name: 'Vores jobopslag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jobopslag' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: `Nyt jobopslag for ${facility.name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt jobopslag' })).toBeVisible()
  await expectAccessible(page)

  const tasks = page.getByRole('group', { name: 'Hvad skal den frivillige hjælpe med?' })
  await page.getByLabel('Overskrift').fill(title)
  await tasks.getByLabel('Sociale medier').check()
  await tasks.getByLabel('Videoopkald').check()
  await page.getByLabel('Beskrivelse af opgaven').fill('Vi søger en frivillig, der vil hjælpe beboerne med Facebook og med at ringe hjem til familien med video.')
  await page.getByLabel('Det skal den frivillige ikke').fill('Ingen personlig pleje, og du håndterer aldrig penge, adgangskoder eller MitID.')
  await page.getByLabel('Målgruppe').fill('Voksne med udviklingshæmning')
  await page.getByRole('group', { name: 'Ugedage' }).getByLabel('onsdag').check()
  // A mistake: the visit ends before it starts.
  await page.getByLabel('Fra kl.').fill('16:00')
  await page.getByLabel('Til kl.').fill('14:00')
  await page.getByLabel('Startdato').fill(isoDate(14))
  await page.getByLabel('Antal frivillige').fill('2')
  const jonas = await page.locator('select[name=contactPersonId] option', { hasText: 'Jonas Berg' }).getAttribute('value')
  await page.getByLabel('Kontaktperson').selectOption(jonas!)
  // The ad asks for a signed confidentiality agreement (checked by default).
  await expect(page.getByLabel('Tavshedserklæring')).toBeChecked()
  await page.getByRole('button', { name: 'Send til godkendelse' }).click()

  await expect(page.locator('.field-errors').getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(page.getByLabel('Til kl.')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Overskrift')).toHaveValue(title)
  await expect(page.getByRole('group', { name: 'Ugedage' }).getByLabel('onsdag')).toBeChecked()
  await expect(page.getByLabel('Kontaktperson')).toHaveValue(jonas!)
  await expectAccessible(page)

  await page.getByLabel('Fra kl.').fill('14:00')
  await page.getByLabel('Til kl.').fill('16:00')
  await page.getByRole('button', { name: 'Send til godkendelse' }).click()
  await expect(page.getByText(`»${title}« er sendt til godkendelse hos frivilligcentret.`)).toBeVisible()
  await expect(page.getByRole('heading', { name: /Venter på godkendelse/ })).toBeVisible()
  await expectAccessible(page)
  await waitForMail(COORDINATOR, `Jobopslag til godkendelse: ${title}`)

  // --- The coordinator returns it with a comment -----------------------------------------------------
  await switchUser(page, COORDINATOR)
  await menu(page).getByRole('link', { name: 'Opslag', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Opslag' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Godkend: ${title}` })).toBeVisible()
  await expect(page.getByText('Ingen personlig pleje, og du håndterer aldrig penge')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send tilbage med kommentar' }).click()
  await expect(page.locator('.field-errors').getByText('Skriv en kommentar, så tilbuddet ved, hvad de skal rette.')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Kommentar til tilbuddet').fill(comment)
  await page.getByRole('button', { name: 'Send tilbage med kommentar' }).click()
  await expect(page.getByText(`»${title}« er sendt tilbage med din kommentar.`)).toBeVisible()

  const returned = await waitForMail(CONTACT, `Jobopslaget »${title}« er sendt tilbage med en kommentar`)
  expect(returned.text).toContain(comment)
  await waitForMail(STAFF, `Jobopslaget »${title}« er sendt tilbage med en kommentar`)

  // --- Staff fix and resubmit ---------------------------------------------------------------------------
  await switchUser(page, STAFF)
  await page.goto('/facility/ads')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(card.getByText('Frivilligcentret har sendt opslaget tilbage med en kommentar.')).toBeVisible()
  await card.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { name: 'Frivilligcentrets kommentar' })).toBeVisible()
  await expect(page.getByText(comment)).toBeVisible()
  await expectAccessible(page)
  await page
    .getByLabel('Beskrivelse af opgaven')
    .fill('Vi søger en frivillig, der vil hjælpe beboerne med Facebook og videoopkald på vores to fælles-iPads.')
  await page.getByLabel('Det skal den frivillige ikke').fill('Ingen personlig pleje, og du hjælper ikke med penge, adgangskoder eller MitID.')
  await page.getByRole('button', { name: 'Send til godkendelse' }).click()
  await expect(page.getByText(`»${title}« er sendt til godkendelse hos frivilligcentret.`)).toBeVisible()

  // --- The coordinator publishes ----------------------------------------------------------------------------
  await switchUser(page, COORDINATOR)
  await page.goto('/centre/ads')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByText('fælles-iPads')).toBeVisible()
  await page.getByRole('button', { name: 'Offentliggør opslaget' }).click()
  await expect(page.getByText(`»${title}« er offentliggjort.`)).toBeVisible()
  await expectAccessible(page)
  await waitForMail(CONTACT, `Jobopslaget »${title}« er offentliggjort`)

  // --- On the public board, in search and in both feeds -----------------------------------------------------
  await page.context().clearCookies()
  await page.goto('/jobs')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  await page.getByLabel('Søg i opslagene').fill(token)
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]q=${token}`))
  const hits = page.locator('main h2 a[href^="/jobs/"]')
  await expect(hits).toHaveCount(1)
  await expect(hits).toHaveText(title)
  await expectAccessible(page)
  await hits.click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('fælles-iPads')).toBeVisible()
  await expect(page.getByText(/onsdage kl\. 14–16/i).first()).toBeVisible()
  await expectAccessible(page)
  const adPath = new URL(page.url()).pathname

  const rss = await page.request.get('/jobs.rss?task=social_media')
  expect(rss.headers()['content-type']).toContain('xml')
  const rssText = await rss.text()
  expect(rssText).toContain(`<title>${title}</title>`)
  expect(rssText).toContain(adPath)
  const feed = (await (await page.request.get(`/jobs.json?q=${token}`)).json()) as { items: { title: string; url: string }[] }
  expect(feed.items.map((item) => item.title)).toEqual([title])
  expect(new URL(feed.items[0].url).pathname).toBe(adPath)

  // --- A volunteer applies ----------------------------------------------------------------------------------
  await logIn(page, VOLUNTEER)
  await page.goto(adPath)
  await page.getByRole('link', { name: 'Søg opgaven' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
  await expect(page.getByRole('heading', { name: /Læs dette, før du søger/ })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Hvorfor vil du gerne hjælpe her?').fill('Jeg er god til Facebook og har onsdag eftermiddag fri.')
  await page.getByLabel('Jeg har læst stedets politik for digital etik').check()
  await page.getByRole('button', { name: 'Send ansøgning' }).click()
  await expect(page.getByText('Tak! Din ansøgning er sendt.')).toBeVisible()
  await waitForMail(VOLUNTEER, `Tak for din ansøgning: ${title}`)
  await waitForMail(COORDINATOR, `Ny ansøgning: ${title}`)
  // Back on the ad, the volunteer is told they have applied instead of being offered to apply again.
  await page.goto(adPath)
  await expect(page.getByText('Du har søgt denne opgave.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Søg opgaven' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Se dine ansøgninger' })).toHaveAttribute('href', '/volunteer/applications')
  await expectAccessible(page)

  // --- The coordinator sees the ranked suggestion with its reasons, records the check, approves --------------
  await switchUser(page, COORDINATOR)
  await page.goto('/centre')
  await page.getByRole('region', { name: 'Ansøgninger, der venter' }).getByRole('listitem').filter({ hasText: title }).getByRole('link', { name: 'Åbn ansøgningen fra Emma Larsen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ansøgning fra Emma Larsen' })).toBeVisible()
  await page.getByRole('link', { name: 'Se alle kandidater til opslaget' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Kandidater til »${title}«` })).toBeVisible()
  const emma = page.getByRole('region', { name: 'Har søgt' }).getByRole('listitem').filter({ hasText: 'Emma Larsen' })
  await expect(emma).toContainText('Nr. 1')
  await expect(emma).toContainText('Score:')
  await expect(emma).toContainText('Har søgt opslaget')
  await expect(emma).toContainText('Kan hjælpe med sociale medier')
  await expect(emma).toContainText('Har tid, når tilbuddet ønsker det: onsdag eftermiddag')
  await expect(emma).toContainText('Bor i samme kommune')
  await expectAccessible(page)
  await emma.getByRole('link', { name: /Åbn ansøgningen/ }).click()

  await expect(page.getByText('Mangler: Tavshedserklæring')).toBeVisible()
  await page.getByLabel('Dato for intromøde').fill(isoDate(7))
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByRole('alert')).toContainText('Tavshedserklæring')
  await page.getByLabel('Hvilket tjek?').selectOption({ label: 'Tavshedserklæring' })
  await page.getByLabel('Underskrevet eller set den').fill(isoDate(0))
  await page.getByRole('button', { name: 'Registrér tjek' }).click()
  await expect(page.getByText('Tavshedserklæring er registreret.')).toBeVisible()
  await expect(page.getByText('Alle krævede tjek er i orden.')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Dato for intromøde').fill(isoDate(7))
  await page.getByLabel('Klokkeslæt').fill('14:00')
  await page.getByLabel('Sted', { exact: true }).fill(`${facility.name}, fællesstuen i hus B`)
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText(/Matchet er godkendt/)).toBeVisible()
  await expectAccessible(page)

  // --- Both parties get the right e-mails -----------------------------------------------------------------
  const toVolunteer = await waitForMail(VOLUNTEER, `Godkendt match: ${title}`)
  expect(toVolunteer.text).toContain('Jonas Berg')
  expect(toVolunteer.text).toContain('48 79 40 02')
  expect(toVolunteer.text).toContain(CONTACT)
  const toContact = await waitForMail(CONTACT, `Godkendt match: ${title}`)
  expect(toContact.text).toContain('Emma Larsen')
  expect(toContact.text).toContain(VOLUNTEER_PHONE)
  for (const mail of [toVolunteer, toContact]) {
    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'))
    expect(ics?.content).toContain(`DTSTART;TZID=Europe/Copenhagen:${isoDate(7).replace(/-/g, '')}T140000`)
  }

  // --- The facility now sees Emma's phone; another facility and the public do not -----------------------------
  await switchUser(page, STAFF)
  await page.goto('/facility/volunteers')
  const emmaCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Emma Larsen' }) })
  await expect(emmaCard).toContainText(VOLUNTEER_PHONE)
  await expect(emmaCard).toContainText(VOLUNTEER)
  await expectAccessible(page)

  await switchUser(page, OTHER_STAFF)
  await page.goto('/facility/volunteers')
  await expect(page.getByRole('heading', { level: 1, name: 'Vores frivillige' })).toBeVisible()
  await expect(page.locator('main')).not.toContainText('Emma Larsen')
  await expect(page.locator('main')).not.toContainText(VOLUNTEER_PHONE)
  await expectAccessible(page)

  await page.context().clearCookies()
  await page.goto(adPath)
  await expect(page.locator('body')).not.toContainText(VOLUNTEER_PHONE)
  await expect(page.locator('body')).not.toContainText(VOLUNTEER)
})
