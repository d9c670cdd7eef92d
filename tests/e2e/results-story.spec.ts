import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, isoDate, pdfPageCount, test, type More } from './fixtures-b'
import { expectAccessible, linkPath, logIn, waitForMail } from './helpers'

// Issue 14 as one story, on its own data: a fresh centre with a municipality of its own, a facility
// there with its leader as contact person, a volunteer who has applied to its ad (and who earlier
// helped at another facility of the municipality), and the municipality's own contact person.
// The match is approved → both parties accept the agreement → the volunteer answers a check-in
// "not aligned" → the coordinator sees the flag and records the meeting → the coordinator opens the
// report and downloads the CSV → the municipality reads the same figures and no names → the
// volunteer prints the statement. Axe on every page.

test('issue 14: from an approved match to the agreement, a flagged check-in, the report, the municipality’s figures and the printed statement', async ({ page, make, more, signIn }) => {
  // Five people, about thirty pages with axe: 3.4 minutes alone on this 2-core machine under load.
  test.setTimeout(480_000)
  const centre = await make.centre()
  const facility = await make.facility({ centre, name: `Bostedet Lindely ${make.unique('').slice(-6)}` })
  await more.db.facility.update({ where: { id: facility.id }, data: { practicalInfo: 'Parkering på Lindevej. Meld dig ved personalekontoret i stuen.' } })
  const ad = await make.ad({ facility, title: `IT-frivillig til bostedets tablets ${make.unique('').slice(-6)}`, tasks: ['tablets_phones'], requiresConfidentiality: true })
  await more.db.jobAd.update({ where: { id: ad.id }, data: { requiresCriminalRecord: true } })
  const volunteer = await make.volunteer({ centre, name: `Yusuf Demir ${make.unique('').slice(-6)}` })
  await make.application(ad, volunteer)
  // Earlier this year the volunteer helped at another facility of the municipality (three logged visits).
  const earlier = await make.facility({ centre, name: `Aktivitetshuset Fyrrebo ${make.unique('').slice(-6)}` })
  const earlierMatch = await make.match(await make.ad({ facility: earlier }), volunteer, { approvedAt: new Date(Date.now() - 60 * 86_400_000) })
  for (const day of [-40, -33, -26]) await more.visit(earlierMatch, { day, status: 'done', residentsHelped: 2, feedback: 'happy' })
  await more.db.match.update({ where: { id: earlierMatch.id }, data: { status: 'ended', endedAt: new Date(Date.now() - 20 * 86_400_000), endReason: 'Opgaven er løst.' } })
  const kommune = await more.municipalityAccount(centre.municipalityId)
  const coordinator = centre.coordinator
  const leader = facility.leader
  const pairing = `${volunteer.name} hos ${facility.name}`

  async function as(person: { id: string }) {
    await page.context().clearCookies()
    await signIn(page, person)
  }

  // --- The coordinator records the checks and approves the match -----------------------------------
  await as(coordinator)
  await page.goto('/centre')
  await page.getByRole('link', { name: `Åbn ansøgningen fra ${volunteer.name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ansøgning fra ${volunteer.name}` })).toBeVisible()
  await expectAccessible(page)
  for (const check of ['Tavshedserklæring', 'Straffeattest']) {
    await page.getByLabel('Hvilket tjek?').selectOption({ label: check })
    await page.getByLabel('Underskrevet eller set den').fill(isoDate(0))
    await page.getByRole('button', { name: 'Registrér tjek' }).click()
    await expect(page.getByText(`${check} er registreret.`)).toBeVisible()
  }
  await page.getByLabel('Dato for intromøde').fill(isoDate(5))
  await page.getByLabel('Klokkeslæt').fill('10:00')
  await page.getByLabel('Sted', { exact: true }).fill(`Personalekontoret på ${facility.name}`)
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText(/Matchet er godkendt/)).toBeVisible()
  await expectAccessible(page)

  // The approval e-mail links to the agreement; until both accept, the start page says so.
  const approval = await waitForMail(volunteer.email, `Godkendt match: ${ad.title}`)
  const agreementPath = linkPath(approval, '/matches/')
  expect(agreementPath).toMatch(/^\/matches\/[^/]+\/agreement$/)
  const matchId = agreementPath.split('/')[2]
  await page.goto('/centre')
  const missing = page.getByRole('region', { name: 'Aftale mangler' })
  await expect(missing.getByRole('listitem').filter({ hasText: pairing })).toContainText('Venter på: den frivillige, tilbuddet')
  await expectAccessible(page)

  // The coordinator reads the agreement but cannot accept it.
  await page.goto(agreementPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Samarbejdsaftale' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Jeg godkender aftalen/ })).toHaveCount(0)
  await expectAccessible(page)

  // --- The volunteer reads it from the start page and accepts it ------------------------------------
  await as(volunteer)
  await page.goto('/volunteer')
  await expectAccessible(page)
  await page.getByRole('link', { name: `Samarbejdsaftalen med ${facility.name}` }).click()
  const agreement = page.getByRole('article', { name: 'Samarbejdsaftale' })
  await expect(agreement).toContainText(`Mellem ${facility.name} og ${volunteer.name} om »${ad.title}«`)
  await expect(agreement.getByRole('region', { name: `${facility.name} sørger for` })).toContainText(`En navngiven kontaktperson (${leader.name})`)
  await expect(agreement.getByRole('region', { name: `${volunteer.name} siger ja til` })).toContainText('Tavshedspligt')
  await expect(agreement).toContainText('Meld dig ved personalekontoret i stuen')
  await expect(agreement).toContainText('Straffeattest')
  await expectAccessible(page)
  await page.getByLabel(/Nyt punkt til listen/).fill('Jeg tager min egen oplader med.')
  await page.getByRole('button', { name: 'Tilføj punktet' }).click()
  await expect(page.getByText('Punktet er tilføjet.')).toBeVisible()
  await page.getByRole('button', { name: 'Jeg godkender aftalen (udgave 1)' }).click()
  await expect(page.getByText('Tak! Du har godkendt samarbejdsaftalen.')).toBeVisible()
  await expect(page.getByText('Du har godkendt denne udgave.')).toBeVisible()
  await expect(agreement).toContainText(new RegExp(`godkendt af ${volunteer.name}`))
  await expectAccessible(page)

  // --- The contact person accepts from the facility's volunteers page -------------------------------
  await as(leader)
  await page.goto('/facility/volunteers')
  await expect(page.getByRole('heading', { level: 1, name: 'Vores frivillige' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: `Samarbejdsaftalen med ${volunteer.name}` }).click()
  await expect(agreement).toContainText('Jeg tager min egen oplader med.')
  await page.getByRole('button', { name: 'Jeg godkender aftalen (udgave 1)' }).click()
  await expect(page.getByText('Tak! Du har godkendt samarbejdsaftalen.')).toBeVisible()
  await expect(agreement).toContainText('Aftalen er godkendt af begge parter.')
  await expectAccessible(page)
  // It prints on one or two A4 pages.
  const pages = pdfPageCount(await page.pdf({ format: 'A4' }))
  expect(pages).toBeGreaterThanOrEqual(1)
  expect(pages).toBeLessThanOrEqual(2)
  // Every version has its own page.
  await expect(page.getByRole('region', { name: 'Udgaver' })).toContainText('Udgave 1 fra')
  await page.goto(`${agreementPath}/versions/1`)
  await expect(agreement).toContainText('Aftalen er godkendt af begge parter.')
  await expectAccessible(page)

  await as(coordinator)
  await page.goto('/centre')
  await expect(page.getByRole('heading', { level: 1, name: 'Frivilligcenter' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Aftale mangler' }).getByText(pairing)).toHaveCount(0)
  await expectAccessible(page)

  // --- The check-in falls due; the volunteer answers from the e-mail: expectations not aligned -------
  await more.checkInSent({ id: matchId })
  const checkIn = await waitForMail(volunteer.email, `Hvordan går det på ${facility.name}`)
  await page.context().clearCookies()
  await page.goto(linkPath(checkIn, '/follow-up/'))
  await page.getByLabel('4 – tilfreds').check()
  await page.getByLabel('Nej, vi bør tale om det').check()
  await page.getByLabel('Er der noget, der skal ændres? (valgfrit)').fill('Jeg vil gerne vide fra starten, hvilke beboere der kommer i caféen.')
  await expect(page.getByLabel(/Kun til frivilligcentret/)).not.toBeChecked()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText(/Tak for dit svar! Frivilligcentret kan nu se det/)).toBeVisible()
  await expectAccessible(page)

  // The contact person sees the answer on their agreement.
  await as(leader)
  await page.goto('/facility/volunteers')
  await page.getByRole('link', { name: `Samarbejdsaftalen med ${volunteer.name}` }).click()
  const checkIns = page.getByRole('region', { name: 'Tjek fra frivilligcentret' })
  await expect(checkIns).toContainText(`${volunteer.name}s svar`)
  await expect(checkIns).toContainText('tilfredshed 4 af 5, forventningerne passer ikke')
  await expect(checkIns).toContainText('hvilke beboere der kommer i caféen')
  await expectAccessible(page)

  // --- The coordinator sees the flag and records the meeting -----------------------------------------
  await as(coordinator)
  await page.goto('/centre')
  const flagged = page.getByRole('region', { name: 'Opfølgningsmøde foreslået' })
  await expect(flagged.getByRole('link', { name: pairing })).toBeVisible()
  await expectAccessible(page)
  await flagged.getByRole('link', { name: pairing }).click()
  const meetings = page.getByRole('region', { name: 'Opfølgningsmøder' })
  await expect(meetings).toContainText('Foreslået opfølgningsmøde')
  await expectAccessible(page)
  await meetings.getByLabel('Dato for mødet').fill(isoDate(0))
  await meetings.getByLabel('Hvem deltog').fill('Yusuf, kontaktpersonen og koordinatoren')
  await meetings.getByLabel('Kort note (valgfri)').fill('Beboer 010190-1234 var med.')
  await meetings.getByRole('button', { name: 'Registrér mødet' }).click()
  await expect(meetings.locator('.field-errors').getByText(/CPR-nummer/)).toBeVisible()
  await expect(meetings.getByLabel('Hvem deltog')).toHaveValue('Yusuf, kontaktpersonen og koordinatoren')
  await expectAccessible(page)
  await meetings.getByLabel('Kort note (valgfri)').fill('Kontaktpersonen sender en liste over caféens faste gæster før hver onsdag.')
  await meetings.getByRole('button', { name: 'Registrér mødet' }).click()
  await expect(page.getByText('Mødet er registreret.')).toBeVisible()
  await expect(meetings).not.toContainText('Foreslået opfølgningsmøde')
  await expect(meetings).toContainText('Yusuf, kontaktpersonen og koordinatoren')
  await expectAccessible(page)
  await page.goto('/centre')
  await expect(page.getByRole('heading', { level: 1, name: 'Frivilligcenter' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Opfølgningsmøde foreslået' })).toHaveCount(0)
  await expectAccessible(page)

  // --- The coordinator opens the report and downloads the CSV -----------------------------------------
  await page.getByRole('link', { name: /Resultatrapport: hvad IT-frivilligheden har givet/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatrapport' })).toBeVisible()
  await expectAccessible(page)
  const keyFigures = page.getByRole('region', { name: 'Nøgletal' })
  const table = page.getByRole('region', { name: 'Tilbud for tilbud' })
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: facility.name }) })
  await expect(row).toBeVisible()
  await expect(table.getByRole('rowheader', { name: earlier.name })).toBeVisible()
  const coordinatorFigures = await keyFigures.innerText()
  const coordinatorTable = await table.innerText()
  const reportUrl = new URL(page.url())
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som CSV (til Excel)' }).click()])
  expect(download.suggestedFilename()).toMatch(/^frivilligbro-rapport-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = fs.readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const csv = bytes.subarray(3).toString('utf8')
  const lines = csv.split('\r\n')
  expect(lines[0].startsWith('Tilbud;Kommune;Nyt i perioden;Opslag offentliggjort;')).toBe(true)
  expect(lines.some((line) => line.startsWith(`${facility.name};${centre.municipalityName};`))).toBe(true)
  expect(lines.some((line) => line.startsWith('Alle tilbud;'))).toBe(true)
  for (const personal of [volunteer.name, volunteer.email, 'Yusuf']) expect(csv).not.toContain(personal)

  // --- The municipality's contact sees the same figures, and no names ---------------------------------
  await page.context().clearCookies()
  await logIn(page, kommune.email)
  await expect(page).toHaveURL(/\/municipality$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunens overblik' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tilbud' }).getByRole('rowheader', { name: new RegExp(facility.name) })).toBeVisible()
  await expectAccessible(page)
  await expectNoPersonalData(page, more)
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Resultatrapport' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatrapport' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tilbud for tilbud' }).getByRole('rowheader', { name: facility.name })).toBeVisible()
  // The coordinator's report may have been opened on another period's URL: compare like with like.
  expect(new URL(page.url()).search).toBe(reportUrl.search)
  expect(await page.getByRole('region', { name: 'Nøgletal' }).innerText()).toBe(coordinatorFigures)
  expect(await page.getByRole('region', { name: 'Tilbud for tilbud' }).innerText()).toBe(coordinatorTable)
  await expectAccessible(page)
  await expectNoPersonalData(page, more)
  // Nothing to change: the centre's pages stay closed.
  expect((await page.goto('/centre'))?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Det har du ikke adgang til' })).toBeVisible()
  await expectAccessible(page)

  // --- The coordinator signs the volunteer's statement; the volunteer prints it on one A4 page ------
  await as(coordinator)
  await page.goto(`/centre/volunteers/${volunteer.id}`)
  await expect(page.getByRole('heading', { level: 1, name: volunteer.name })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Udtalelse om den frivilliges arbejde (skriv under)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Udtalelse om frivilligt IT-arbejde' })).toBeVisible()
  await page.getByRole('button', { name: 'Skriv under' }).click()
  await expect(page.locator('.field-errors').getByText('Skal udfyldes')).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Frivilligcentrets linje').fill('Yusuf har været stabil, tålmodig og god til at forklare.')
  await page.getByRole('button', { name: 'Skriv under' }).click()
  await expect(page.getByText('Udtalelsen er skrevet under.')).toBeVisible()
  await expectAccessible(page)

  await as(volunteer)
  await page.goto('/volunteer')
  const record = page.getByRole('region', { name: 'Det har du givet' })
  await expect(record.getByRole('rowheader', { name: earlier.name })).toBeVisible()
  await expect(record.getByRole('rowheader', { name: 'I alt' })).toBeVisible()
  await expectAccessible(page)
  await record.getByRole('link', { name: /Udtalelse om dit frivillige arbejde/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Udtalelse om frivilligt IT-arbejde' })).toBeVisible()
  await expect(page.getByText('Yusuf har været stabil, tålmodig og god til at forklare.')).toBeVisible()
  await expect(page.getByText(new RegExp(`${coordinator.name}, ${centre.name}`))).toBeVisible()
  await expectAccessible(page)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden()
  expect(pdfPageCount(await page.pdf({ format: 'A4' }))).toBe(1)
})

/** No volunteer's name, e-mail or phone anywhere in the page (every volunteer in the database, this story's included). */
async function expectNoPersonalData(page: Page, more: More) {
  const html = await page.content()
  const strings = await more.volunteersPersonalData()
  expect(strings.length).toBeGreaterThan(20)
  for (const value of strings) expect(html, `${page.url()} shows "${value}"`).not.toContain(value)
}
