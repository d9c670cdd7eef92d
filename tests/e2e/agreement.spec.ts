import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, linkPath, logIn, waitForMail } from './helpers'

// Issue 14's agreement and two-way check-ins in one story. Yusuf (Hillerød) has applied to
// Lindehuset's tablets ad and has no checks yet; Rasmus is the ad's contact person and the leader.
// Sofie's first check-in at Skovbrynet (contact person Jonas) fell due while the server was down,
// so it is sent when the server starts. No other spec touches Yusuf or Sofie.
const HILLEROD_COORDINATOR = 'koordinator.hillerod@frivilligbro.test'
const GRIBSKOV_COORDINATOR = 'koordinator@frivilligbro.test'
const YUSUF = 'yusuf.demir@frivilligbro.test'
const RASMUS = 'rasmus.lindehuset@frivilligbro.test'
const SOFIE = 'sofie.nielsen@frivilligbro.test'
const JONAS = 'jonas.skovbrynet@frivilligbro.test'

function isoDate(daysFromNow: number) {
  return new Date(Date.now() + daysFromNow * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

/** Pages in a PDF made by Chromium (each page object is "/Type /Page"; the tree is "/Type /Pages"). */
function pdfPageCount(pdf: Buffer) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length
}

test('an approved match gets an agreement both parties accept; a check-in answered "not aligned" flags the match until the coordinator records a meeting', async ({ page }) => {
  // Six sign-ins with axe on every page.
  test.setTimeout(300_000)

  // --- The coordinator records Yusuf's checks and approves the match ------------------------------
  await logIn(page, HILLEROD_COORDINATOR)
  await page.goto('/centre')
  await page.getByRole('link', { name: 'Åbn ansøgningen fra Yusuf Demir' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ansøgning fra Yusuf Demir' })).toBeVisible()
  for (const check of ['Tavshedserklæring', 'Straffeattest']) {
    await page.getByLabel('Hvilket tjek?').selectOption({ label: check })
    await page.getByLabel('Underskrevet eller set den').fill(isoDate(0))
    await page.getByRole('button', { name: 'Registrér tjek' }).click()
    await expect(page.getByText(`${check} er registreret.`)).toBeVisible()
  }
  await page.getByLabel('Dato for intromøde').fill(isoDate(5))
  await page.getByLabel('Klokkeslæt').fill('10:00')
  await page.getByLabel('Sted', { exact: true }).fill('Personalekontoret på Lindehuset')
  await page.getByRole('button', { name: 'Godkend match og send e-mails' }).click()
  await expect(page.getByText(/Matchet er godkendt/)).toBeVisible()

  // The approval e-mail links to the agreement; until both accept, the start page says so.
  const approval = await waitForMail(YUSUF, 'Godkendt match: IT-frivillig til bostedets tablets')
  const agreementPath = linkPath(approval, '/matches/')
  expect(agreementPath).toMatch(/^\/matches\/[^/]+\/agreement$/)
  await page.goto('/centre')
  const missing = page.getByRole('region', { name: 'Aftale mangler' })
  await expect(missing.getByRole('listitem').filter({ hasText: 'Yusuf Demir hos Bostedet Lindehuset' })).toContainText('Venter på: den frivillige, tilbuddet')
  await expectAccessible(page)

  // The coordinator reads the agreement but cannot accept it.
  await page.goto(agreementPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Samarbejdsaftale' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Jeg godkender aftalen/ })).toHaveCount(0)
  await expectAccessible(page)

  // --- Yusuf reads it from his start page and accepts it ------------------------------------------
  await switchUser(page, YUSUF)
  await page.goto('/volunteer')
  await page.getByRole('link', { name: 'Samarbejdsaftalen med Bostedet Lindehuset' }).click()
  const agreement = page.getByRole('article', { name: 'Samarbejdsaftale' })
  await expect(agreement).toContainText('Mellem Bostedet Lindehuset og Yusuf Demir om »IT-frivillig til bostedets tablets«')
  await expect(agreement.getByRole('region', { name: 'Bostedet Lindehuset sørger for' })).toContainText('En navngiven kontaktperson (Rasmus Friis)')
  await expect(agreement.getByRole('region', { name: 'Yusuf Demir siger ja til' })).toContainText('Tavshedspligt')
  await expect(agreement).toContainText('Meld dig ved personalekontoret i stuen')
  await expect(agreement).toContainText('Straffeattest')
  await expectAccessible(page)
  await page.getByLabel(/Nyt punkt til listen/).fill('Jeg tager min egen oplader med.')
  await page.getByRole('button', { name: 'Tilføj punktet' }).click()
  await expect(page.getByText('Punktet er tilføjet.')).toBeVisible()
  await page.getByRole('button', { name: 'Jeg godkender aftalen (udgave 1)' }).click()
  await expect(page.getByText('Tak! Du har godkendt samarbejdsaftalen.')).toBeVisible()
  await expect(page.getByText('Du har godkendt denne udgave.')).toBeVisible()
  await expect(agreement).toContainText(/godkendt af Yusuf Demir/)
  await expectAccessible(page)

  // --- Rasmus, the contact person, accepts from the facility's volunteers page ---------------------
  await switchUser(page, RASMUS)
  await page.goto('/facility/volunteers')
  await page.getByRole('link', { name: 'Samarbejdsaftalen med Yusuf Demir' }).click()
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

  await switchUser(page, HILLEROD_COORDINATOR)
  await page.goto('/centre')
  await expect(page.getByRole('region', { name: 'Aftale mangler' }).getByText('Yusuf Demir hos Bostedet Lindehuset')).toHaveCount(0)

  // --- Sofie answers her check-in: expectations not aligned ----------------------------------------
  const checkIn = await waitForMail(SOFIE, 'Hvordan går det på Bostedet Skovbrynet')
  await page.context().clearCookies()
  await page.goto(linkPath(checkIn, '/follow-up/'))
  await page.getByLabel('4 – tilfreds').check()
  await page.getByLabel('Nej, vi bør tale om det').check()
  await page.getByLabel('Er der noget, der skal ændres? (valgfrit)').fill('Jeg vil gerne vide fra starten, hvilke beboere der kommer i caféen.')
  await expect(page.getByLabel(/Kun til frivilligcentret/)).not.toBeChecked()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText(/Tak for dit svar! Frivilligcentret kan nu se det/)).toBeVisible()

  // Jonas sees her answer on their agreement.
  await logIn(page, JONAS)
  await page.goto('/facility/volunteers')
  await page.getByRole('link', { name: 'Samarbejdsaftalen med Sofie Nielsen' }).click()
  const checkIns = page.getByRole('region', { name: 'Tjek fra frivilligcentret' })
  await expect(checkIns).toContainText('Sofie Nielsens svar')
  await expect(checkIns).toContainText('tilfredshed 4 af 5, forventningerne passer ikke')
  await expect(checkIns).toContainText('hvilke beboere der kommer i caféen')
  await expectAccessible(page)

  // --- The coordinator sees the flag and records the meeting ---------------------------------------
  await switchUser(page, GRIBSKOV_COORDINATOR)
  await page.goto('/centre')
  const flagged = page.getByRole('region', { name: 'Opfølgningsmøde foreslået' })
  await expect(flagged).toBeVisible()
  await expectAccessible(page)
  await flagged.getByRole('link', { name: 'Sofie Nielsen hos Bostedet Skovbrynet' }).click()
  const meetings = page.getByRole('region', { name: 'Opfølgningsmøder' })
  await expect(meetings).toContainText('Foreslået opfølgningsmøde')
  await expectAccessible(page)
  await meetings.getByLabel('Dato for mødet').fill(isoDate(0))
  await meetings.getByLabel('Hvem deltog').fill('Sofie, Jonas og Karin')
  await meetings.getByLabel('Kort note (valgfri)').fill('Beboer 010190-1234 var med.')
  await meetings.getByRole('button', { name: 'Registrér mødet' }).click()
  await expect(meetings.getByText(/CPR-nummer/)).toBeVisible()
  await expect(meetings.getByLabel('Hvem deltog')).toHaveValue('Sofie, Jonas og Karin')
  await expectAccessible(page)
  await meetings.getByLabel('Kort note (valgfri)').fill('Jonas sender en liste over caféens faste gæster før hver onsdag.')
  await meetings.getByRole('button', { name: 'Registrér mødet' }).click()
  await expect(page.getByText('Mødet er registreret.')).toBeVisible()
  await expect(meetings).not.toContainText('Foreslået opfølgningsmøde')
  await expect(meetings).toContainText('Sofie, Jonas og Karin')
  await page.goto('/centre')
  await expect(page.getByRole('region', { name: 'Opfølgningsmøde foreslået' })).toHaveCount(0)
})
