import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, logIn } from './helpers'

// Issue 11: after a failed submit every form shows the GOV.UK error summary at its top, which takes
// focus and links to each field, in Danish and English, with and without JavaScript. A sample of
// the forms that got it late (the shared ethics-entry form on both its pages, wishes, the photo,
// a public event sign-up, follow-up meetings, the ethics review). Every submit here fails
// validation, so the demo data is only read and the spec stands alone beside the others.

const STAFF = 'tilbud@frivilligbro.test'
const COORDINATOR = 'koordinator@frivilligbro.test'
const MUNICIPALITY = 'kommune@frivilligbro.test'
const VOLUNTEER = 'frivillig@frivilligbro.test'

/** The language cookie as remix-i18next writes it (an unsigned cookie holding JSON, base64). */
async function useEnglish(page: Page) {
  const url = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url())
  await page.context().addCookies([{ name: 'lng', value: encodeURIComponent(Buffer.from(JSON.stringify('en')).toString('base64')), url: url.origin }])
}

/** The path of a page linked from the staff member's start page ("…/ethics", "…/wishes"). */
async function facilityPage(page: Page, suffix: string) {
  await page.goto('/facility')
  const href = await page.locator(`main a[href^="/facility/"][href$="/${suffix}"]`).first().getAttribute('href')
  expect(href, `a link to …/${suffix} on the start page`).toBeTruthy()
  return href!
}

/** Every link of the summary leads to an element on the page. */
async function expectLinksResolve(page: Page) {
  const hrefs = await page.locator('.error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  expect(hrefs.length).toBeGreaterThan(0)
  for (const href of hrefs) await expect(page.locator(href!), `${href} exists once`).toHaveCount(1)
}

test.describe('with JavaScript', () => {
  test('the shared ethics-entry form: the facility gets a summary in Danish, the municipality the same form in English', async ({ page }) => {
    await logIn(page, STAFF)
    await page.goto(await facilityPage(page, 'ethics'))
    const add = page.locator('section[aria-labelledby="ethics-add"]')
    await add.getByRole('button', { name: 'Tilføj punkt' }).click()
    const summary = add.locator('.error-summary')
    await expect(summary.getByRole('heading', { name: 'Der er et problem' })).toBeVisible()
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link')).toHaveText(['Teknologi: Skal udfyldes.', 'Dilemma: Skal udfyldes.', 'Det er vi enige om: Skal udfyldes.'])
    await expectLinksResolve(page)
    await expectAccessible(page)
    await summary.getByRole('link', { name: /^Dilemma:/ }).click()
    await expect(add.getByLabel('Dilemma')).toBeFocused()
    // The errors stay after following a link.
    await expect(summary).toBeVisible()

    await page.context().clearCookies()
    await logIn(page, MUNICIPALITY)
    await useEnglish(page)
    await page.goto('/municipality/ethics-template')
    const form = page.locator('section[aria-labelledby="template-add"]')
    await form.getByLabel('Technology').fill('Tablets')
    await form.getByRole('button', { name: 'Add entry' }).click()
    const english = form.locator('.error-summary')
    await expect(english.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
    await expect(english).toBeFocused()
    await expect(english.getByRole('link')).toHaveText([/^Dilemma: /, /^What we agreed: /])
    // What was typed is kept.
    await expect(form.getByLabel('Technology')).toHaveValue('Tablets')
    await english.getByRole('link', { name: /^What we agreed:/ }).click()
    await expect(form.getByLabel('What we agreed')).toBeFocused()
    await expectAccessible(page)
  })

  test('a wish without words or topics: the summary links the topics to their first checkbox', async ({ page }) => {
    await logIn(page, STAFF)
    await page.goto(await facilityPage(page, 'wishes'))
    const add = page.locator('section[aria-labelledby="add-heading"]')
    await add.getByRole('button', { name: 'Tilføj ønsket' }).click()
    const summary = add.locator('.error-summary')
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: /^Hvad vil beboeren gerne\?: / })).toBeVisible()
    const topics = summary.getByRole('link', { name: /^Hvad handler det om\?: / })
    await expectLinksResolve(page)
    await topics.click()
    await expect(add.getByRole('group', { name: 'Hvad handler det om?' }).getByRole('checkbox').first()).toBeFocused()
    await expectAccessible(page)
  })

  test('a photo sent without a file or consent: the summary names both and leads to the file field', async ({ page }) => {
    await logIn(page, VOLUNTEER)
    await page.goto('/volunteer/photo')
    await page.getByRole('button', { name: /^Gem billedet|Skift billedet/ }).click()
    const summary = page.locator('.error-summary')
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: 'Billede: Vælg et billede.' })).toBeVisible()
    await expect(summary.getByRole('link', { name: /^Sæt kryds, hvis du giver lov/ })).toBeVisible()
    await expectLinksResolve(page)
    await summary.getByRole('link', { name: 'Billede: Vælg et billede.' }).click()
    await expect(page.getByLabel('Billede', { exact: true })).toBeFocused()
    await expectAccessible(page)
  })
})

test.describe('without JavaScript', () => {
  // axe runs as a script in the page, so these pages are checked with axe by the tour in
  // mobile.spec.ts and the summaries above; here only what a browser without scripts does.
  test.use({ javaScriptEnabled: false })

  test('a public event sign-up without name or e-mail: the posted page opens on the summary, in Danish and English', async ({ page }) => {
    // A public event that is open for sign-up, found from the calendar.
    await page.goto('/events')
    const hrefs = await page.locator('main a[href^="/events/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    let found = false
    for (const href of [...new Set(hrefs)].filter((href) => /^\/events\/[^/?#]+$/.test(href))) {
      await page.goto(href)
      if (await page.getByRole('heading', { level: 2, name: 'Tilmeld dig' }).count()) {
        found = true
        break
      }
    }
    expect(found, 'a public event open for sign-up in the demo data').toBe(true)
    const eventPath = new URL(page.url()).pathname
    const form = page.locator('section[aria-labelledby="public-signup-heading"]')
    await form.getByRole('button').click()
    const summary = form.locator('.error-summary')
    await expect(summary.getByRole('heading', { name: 'Der er et problem' })).toBeVisible()
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: /^Navn: / })).toHaveAttribute('href', '#event-signup-name')
    await expect(summary.getByRole('link', { name: /^E-mail: / })).toHaveAttribute('href', '#event-signup-email')
    await expectLinksResolve(page)

    await useEnglish(page)
    await page.goto(eventPath)
    await form.getByLabel('Name').fill('Kim')
    await form.getByRole('button').click()
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link')).toHaveText([/^E-mail: /])
    await expect(form.getByLabel('Name')).toHaveValue('Kim')
  })

  test('a follow-up meeting without date or participants: the summary is on top of the meeting form only', async ({ page }) => {
    await logIn(page, COORDINATOR)
    await page.goto('/centre/matches')
    const href = await page.locator('main a[href^="/centre/matches/"]').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')!).find((href) => /^\/centre\/matches\/[^/?#]+$/.test(href)),
    )
    expect(href, 'a match in the demo data').toBeTruthy()
    await page.goto(href!)
    const meetings = page.locator('section[aria-labelledby="meetings-heading"]')
    await meetings.getByRole('button', { name: 'Registrér mødet' }).click()
    const summary = meetings.locator('.error-summary')
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: /^Dato for mødet: / })).toHaveAttribute('href', '#meeting-heldOn')
    await expect(summary.getByRole('link', { name: /^Hvem deltog: / })).toHaveAttribute('href', '#meeting-participants')
    await expectLinksResolve(page)
    // The status change below has its own form and shows nothing of this failure.
    await expect(page.locator('.error-summary')).toHaveCount(1)
  })

  test('an ethics review dated in the future: the summary links to the date', async ({ page }) => {
    await logIn(page, STAFF)
    await page.goto(await facilityPage(page, 'ethics'))
    const review = page.getByRole('region', { name: 'Gennemgang med beboere og personale' })
    await review.getByLabel('Dato for gennemgangen').fill('2099-01-01')
    await review.getByRole('button', { name: 'Gem gennemgangen' }).click()
    const summary = review.locator('.error-summary')
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: 'Dato for gennemgangen: Datoen må ikke ligge i fremtiden.' })).toHaveAttribute('href', '#review-reviewedOn')
    await expectLinksResolve(page)
  })
})
