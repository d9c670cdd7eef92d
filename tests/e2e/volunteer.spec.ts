import { expect, test } from './fixtures'
import { expectAccessible, linkPath, logIn, uniqueEmail, waitForMail } from './helpers'

test('a new volunteer fills the profile, applies to a published ad, sees it, gets the confirmation and withdraws', async ({ page, make }) => {
  // A long story with axe on every page; on a busy two-core machine it needs more than the default minute.
  test.setTimeout(300_000)
  const token = make.unique('ad')
  const ad = await make.ad({ facility: await make.facility({ centre: await make.centre() }), title: `IT-ven til videoopkald ${token}` })
  const email = uniqueEmail('ny-ansoeger')
  const password = 'min cykel er blå'

  // Sign up and confirm, as in accounts.spec.ts.
  await page.goto('/signup')
  await page.getByLabel('Navn').fill('Aisha Frivillig')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Ny adgangskode').fill(password)
  await page.getByLabel(/Jeg giver lov/).check()
  await page.getByRole('button', { name: 'Opret profil' }).click()
  await expect(page.getByRole('heading', { name: 'Tjek din e-mail' })).toBeVisible()
  await page.goto(linkPath(await waitForMail(email, 'Bekræft din e-mail til Frivilligbro'), '/verify-email'))
  await expect(page.getByRole('heading', { name: 'Din e-mail er bekræftet' })).toBeVisible()
  await logIn(page, email, password)

  // The start page: an incomplete profile with the missing items as links, and a call to action.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min side' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible()
  await expect(page.getByText(/Din profil er \d+ % udfyldt/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Hvornår du har tid' })).toBeVisible()
  await expect(page.getByText('Du har ikke søgt nogen opslag endnu.')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Udfyld din profil' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Din profil' })).toBeVisible()
  await expectAccessible(page)

  // A postcode that does not exist first: the error is next to the field and the rest is kept.
  await page.getByRole('group', { name: 'Videoopkald' }).getByLabel('Godt').check()
  await page.getByRole('group', { name: 'Billeder' }).getByLabel('Lidt').check()
  await page.getByLabel('Engelsk').check()
  await page.getByLabel('tirsdag, Eftermiddag').check()
  await page.getByLabel('torsdag, Formiddag').check()
  await page.getByLabel('Postnummer').fill('0001')
  await page.getByLabel('Kort om dig selv').fill('Studerende, vant til at hjælpe min mormor med FaceTime.')
  await page.getByLabel(/Frivilligcentret må gemme mine oplysninger/).check()
  await page.getByRole('button', { name: 'Gem profil' }).click()
  await expect(page.locator('.field-errors').getByText('Postnummeret findes ikke i Danmark.')).toBeVisible()
  await expect(page.getByLabel('Postnummer')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('tirsdag, Eftermiddag')).toBeChecked()
  await expect(page.getByLabel('Kort om dig selv')).toHaveValue(/FaceTime/)
  await expectAccessible(page)

  // 3200 Helsinge lies in two municipalities: the page asks which.
  await page.getByLabel('Postnummer').fill('3200')
  await page.getByRole('button', { name: 'Gem profil' }).click()
  await expect(page.locator('.field-errors').getByText('Postnummeret ligger i flere kommuner. Vælg den, du bor i.')).toBeVisible()
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Gribskov Kommune' })
  // Regions fold away until the volunteer lives in one; open the capital region.
  await page.locator('summary', { hasText: 'Region Hovedstaden' }).click()
  await page.getByRole('checkbox', { name: 'Gribskov Kommune' }).check()
  await page.getByRole('checkbox', { name: 'Hillerød Kommune' }).check()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Gem profil' }).click()
  await expect(page.getByText('Din profil er gemt.')).toBeVisible()
  await expect(page.getByText('Din profil er 100 % udfyldt')).toBeVisible()
  await expectAccessible(page)

  // Apply to a published ad found on the board.
  await page.goto('/jobs')
  await page.getByLabel('Søg i opslagene').fill(token)
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  const adLink = page.locator('main h2 a[href^="/jobs/"]').first()
  await expect(adLink).toHaveText(ad.title)
  const adTitle = (await adLink.textContent())!.trim()
  await adLink.click()
  // Read the address only once the ad's own page is showing (client-side navigation).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(adTitle)
  const adPath = new URL(page.url()).pathname
  await page.goto(`${adPath}/apply`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(adTitle)
  await expect(page.getByRole('heading', { name: /Læs dette, før du søger/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Hvorfor vil du gerne hjælpe her?').fill('Jeg er tålmodig og kan lide at vise, hvordan man ringer med video.')
  await page.getByRole('button', { name: 'Send ansøgning' }).click()
  await expect(page.locator('.field-errors').getByText('Sæt kryds, når du har læst politikken for digital etik.')).toBeVisible()
  await expect(page.getByLabel('Hvorfor vil du gerne hjælpe her?')).toHaveValue(/tålmodig/)
  await expectAccessible(page)
  await page.getByLabel('Jeg har læst stedets politik for digital etik').check()
  await page.getByRole('button', { name: 'Send ansøgning' }).click()

  await expect(page).toHaveURL(/\/volunteer\/applications$/)
  await expect(page.getByText('Tak! Din ansøgning er sendt.')).toBeVisible()
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: adTitle }) })
  await expect(card.getByText('modtaget', { exact: true })).toBeVisible()
  await expectAccessible(page)

  const confirmation = await waitForMail(email, `Tak for din ansøgning: ${adTitle}`)
  expect(confirmation.text).toContain('/volunteer/applications')

  // Applying again is refused with a clear message.
  await page.goto(`${adPath}/apply`)
  await expect(page.getByText('Du har allerede søgt dette opslag').first()).toBeVisible()
  await expectAccessible(page)

  // Withdraw, with a confirmation step.
  await page.goto('/volunteer/applications')
  await card.getByRole('link', { name: /Træk ansøgningen tilbage/ }).click()
  await expect(page.getByText(`Vil du trække din ansøgning til »${adTitle}« tilbage?`)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Ja, træk den tilbage' }).click()
  await expect(page.getByText(`Din ansøgning til »${adTitle}« er trukket tilbage.`)).toBeVisible()
  await expect(card.getByText('trukket tilbage', { exact: true })).toBeVisible()
  await expect(card.getByRole('link', { name: /Træk ansøgningen tilbage/ })).toHaveCount(0)
  await expectAccessible(page)

  // Pause and resume from the profile and the start page.
  await page.goto('/volunteer/profile')
  await page.getByRole('button', { name: 'Hold pause' }).click()
  await expect(page.getByText('Du holder nu pause.')).toBeVisible()
  await page.goto('/volunteer')
  await expect(page.getByRole('heading', { name: 'Du holder pause' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Jeg er klar igen' }).click()
  await expect(page.getByText('Velkommen tilbage!')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Du holder pause' })).toHaveCount(0)
})

test('staff who open an apply page are told kindly that only volunteers apply', async ({ page, make }) => {
  test.setTimeout(120_000)
  const centre = await make.centre()
  const { path: adPath } = await make.ad({ facility: await make.facility({ centre }) })
  const staff = (await make.facility({ centre })).leader
  // Signed out: to the log-in page, and back to the form afterwards.
  await page.goto(`${adPath}/apply`)
  await expect(page).toHaveURL(/\/login\?redirectTo=/)
  await logIn(page, staff.email)
  await page.goto(`${adPath}/apply`)
  await expect(page.getByRole('heading', { level: 1, name: 'Kun frivillige kan søge opslag' })).toBeVisible()
  await expectAccessible(page)
})
