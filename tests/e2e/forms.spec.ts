import { expect, test, type Factories } from './fixtures'
import { expectAccessible, logOut } from './helpers'

// Forms that fail loudly: an error summary at the top that takes focus and links to each field,
// with and without JavaScript, and the municipality picker that follows the postcode.

/** A volunteer living at 3200 Helsinge, a postcode shared by Gribskov and Hillerød. */
async function helsingeVolunteer(make: Factories) {
  return make.volunteer({ centre: await make.centre({ demo: 'Frivilligcenter Gribskov' }), postcode: '3200' })
}

test('a failed profile save puts focus on the error summary, and its link moves focus to the field', async ({ page, make, signIn }) => {
  // Two languages and axe twice: more than the default minute on a busy two-core machine.
  test.setTimeout(120_000)
  await signIn(page, await helsingeVolunteer(make))
  await page.goto('/volunteer/profile')
  await page.getByLabel('Postnummer').fill('12')
  // The button is at the very bottom of a long form: the error is far above it.
  await page.getByRole('button', { name: 'Gem profil' }).click()

  const summary = page.locator('.error-summary')
  await expect(summary.getByRole('heading', { name: 'Der er et problem' })).toBeVisible()
  await expect(summary).toBeFocused()
  await expect(summary).toBeInViewport()
  const link = summary.getByRole('link', { name: 'Postnummer: Skriv et postnummer med 4 cifre.' })
  await expect(link).toHaveAttribute('href', '#profile-postcode')
  await expectAccessible(page)

  await link.click()
  await expect(page.getByLabel('Postnummer')).toBeFocused()
  await expect(page.getByLabel('Postnummer')).toHaveValue('12')
  // The errors stay on the page after following a link (no navigation dropped them).
  await expect(summary).toBeVisible()

  // In English too.
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByLabel('Postcode').fill('x')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
  await expect(summary).toBeFocused()
  await page.getByRole('button', { name: 'Dansk' }).click()
})

test('a failed sign-up lists every missing field in the summary, each linked to its field', async ({ page }) => {
  await page.goto('/signup')
  await page.getByRole('button', { name: 'Opret profil' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  const links = summary.getByRole('link')
  await expect(links.first()).toHaveText(/^Navn: /)
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    await expect(page.locator(href!)).toHaveCount(1)
  }
  await summary.getByRole('link', { name: /^Samtykke: / }).click()
  await expect(page.getByLabel(/Jeg giver lov/)).toBeFocused()
  await expectAccessible(page)
})

test('the ad builder shows the summary at the top after a failed save', async ({ page, make, signIn }) => {
  await signIn(page, (await make.facility({ centre: await make.centre() })).leader)
  await page.goto('/facility/ads/new')
  await page.getByLabel('Overskrift').fill('')
  await page.getByRole('button', { name: 'Gem kladde' }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#ad-title')
  await summary.getByRole('link').first().click()
  await expect(page.locator('#ad-title')).toBeFocused()
  await expectAccessible(page)
})

test('the municipality picker appears as soon as a postcode shared by several municipalities is typed', async ({ page, make, signIn }) => {
  const facility = await make.facility({ centre: await make.centre() })
  await signIn(page, await helsingeVolunteer(make))
  await page.goto('/volunteer/profile')
  const picker = page.getByLabel('Kommune', { exact: true })
  // Frederik's 3200 Helsinge lies in Gribskov and Hillerød: the picker is there from the start.
  await expect(picker).toHaveValue(/.+/)
  await page.getByLabel('Postnummer').fill('3250')
  await expect(picker).toHaveCount(0)
  await page.getByLabel('Postnummer').fill('3400')
  await expect(picker).toBeVisible()
  await expect(picker.locator('option')).toHaveText(['Vælg …', 'Allerød Kommune', 'Fredensborg Kommune', 'Hillerød Kommune'])
  await expectAccessible(page)

  // The same on the facility's profile.
  await logOut(page)
  await signIn(page, facility.leader)
  await page.goto('/facility')
  await page.getByRole('link', { name: /Redigér profil|Profil/ }).first().click()
  await page.getByLabel('Postnummer').fill('3300')
  await expect(page.getByLabel('Kommune', { exact: true }).locator('option')).toHaveText(['Vælg …', 'Gribskov Kommune', 'Halsnæs Kommune'])
  await expectAccessible(page)
})

test('the staff sign-up shows the part that applies to the chosen answer, and the picker for a shared postcode', async ({ page }) => {
  await page.goto('/signup/facility')
  const create = page.getByRole('group', { name: 'Nyt tilbud' })
  const join = page.getByRole('group', { name: 'Eksisterende tilbud' })
  await expect(create).toBeVisible()
  await expect(join).toBeHidden()
  await page.getByLabel('Vores tilbud er her allerede – jeg vil være med').check()
  await expect(join).toBeVisible()
  await expect(create).toBeHidden()
  await page.getByLabel('Vi er nye – opret vores tilbud').check()
  await create.getByLabel('Postnummer').fill('3200')
  await expect(create.getByLabel('Kommune', { exact: true }).locator('option')).toHaveText(['Vælg …', 'Gribskov Kommune', 'Hillerød Kommune'])
  await expectAccessible(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a failed profile save shows the summary at the top of the form, focused, with working links', async ({ page, make, signIn }) => {
    await signIn(page, await helsingeVolunteer(make))
    await page.goto('/volunteer/profile')
    // The stored postcode is shared: the server-rendered page already has the picker.
    await expect(page.getByLabel('Kommune', { exact: true })).toBeVisible()
    await page.getByLabel('Postnummer').fill('12')
    await page.getByRole('button', { name: 'Gem profil' }).click()
    const summary = page.locator('.error-summary')
    await expect(summary.getByRole('heading', { name: 'Der er et problem' })).toBeVisible()
    await expect(summary).toBeFocused()
    await expect(summary).toBeInViewport()
    // First thing in the form.
    await expect(page.locator('form.stack > :not(input[type=hidden])').first()).toHaveClass(/error-summary/)
    await summary.getByRole('link', { name: /^Postnummer: / }).click()
    await expect(page.getByLabel('Postnummer')).toBeFocused()
  })

  test('the staff sign-up keeps both parts on the page, as the answer cannot reveal anything', async ({ page }) => {
    await page.goto('/signup/facility')
    await expect(page.getByRole('group', { name: 'Nyt tilbud' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Eksisterende tilbud' })).toBeVisible()
  })
})
