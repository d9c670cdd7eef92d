import { expect, test } from '@playwright/test'
import { expectAccessible, logIn, logOut } from './helpers'

// Stands alone on the demo data: it only reads, except that the demo network meeting's agenda thread
// is unlinked and linked again (the same thread), and forms are sent with mistakes that change nothing.

const MEETING = 'Netværksmøde: tablets, videoopkald og tålmodighed'
const AGENDA = 'Dagsorden og referat: Netværksmøde om tablets og videoopkald'

test('the network meeting and its agenda thread point at each other; the coordinator can unlink, start or choose the thread', async ({ page }) => {
  test.setTimeout(120_000)
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre/events')
  await page.getByRole('link', { name: MEETING }).click()
  const agenda = page.getByRole('region', { name: 'Dagsorden og referat' })
  await expect(agenda.getByRole('link', { name: AGENDA })).toBeVisible()
  await expectAccessible(page)

  // Unlinked, the section offers the centre's network threads and a new thread with its title prefilled.
  await agenda.getByRole('button', { name: 'Fjern koblingen til tråden' }).click()
  await expect(page.getByText('Tråden er ikke længere knyttet til mødet.')).toBeVisible()
  await expect(agenda.getByLabel('Trådens titel')).toHaveValue(`Dagsorden og referat: ${MEETING}`)
  await agenda.getByLabel('Trådens titel').fill('')
  await agenda.getByRole('button', { name: 'Start tråden og knyt den til mødet' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Der er et problem' }).first()).toBeVisible()
  await expectAccessible(page)

  // Choosing the existing thread again puts things back as the demo had them.
  await agenda.getByLabel('En tråd i netværksrummet').selectOption({ label: AGENDA })
  await agenda.getByRole('button', { name: 'Knyt tråden til mødet' }).click()
  await expect(page.getByText('Tråden er knyttet til mødet.')).toBeVisible()
  await agenda.getByRole('link', { name: AGENDA }).click()
  await expect(page.getByRole('heading', { level: 1, name: AGENDA })).toBeVisible()
  await expect(page.getByRole('link', { name: `Dagsorden og referat til netværksmødet ${MEETING}` })).toHaveAttribute('href', /^\/centre\/events\//)
  await expectAccessible(page)
  await logOut(page)

  // A volunteer of the centre finds the thread from the event page, and the way back.
  await logIn(page, 'frivillig@frivilligbro.test')
  await page.goto('/events')
  await page.getByRole('link', { name: MEETING }).click()
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: AGENDA }).click()
  await expect(page.getByRole('heading', { level: 1, name: AGENDA })).toBeVisible()
  await page.getByRole('link', { name: `Dagsorden og referat til netværksmødet ${MEETING}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible()
})

test('the coordinator sees the municipality’s accounts for the centre’s municipalities and gets the errors of a bad invitation next to the fields', async ({ page }) => {
  await logIn(page, 'koordinator@frivilligbro.test')
  await page.goto('/centre/facilities')
  await page.getByRole('link', { name: 'Kommunale tovholdere (adgang for kommunen)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunale tovholdere' })).toBeVisible()
  await expect(page.getByRole('row', { name: /kommune@frivilligbro\.test/ })).toContainText('Gribskov Kommune')
  await expectAccessible(page)

  const invite = page.getByRole('region', { name: 'Invitér en kommunal tovholder' })
  await invite.getByLabel('E-mail', { exact: true }).fill('ikke-en-adresse')
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' })
  await expect(summary).toBeVisible()
  // Name and e-mail; the centre's only municipality is ticked from the start.
  await expect(summary.getByRole('link')).toHaveCount(2)
  await expect(invite.getByLabel('E-mail', { exact: true })).toHaveValue('ikke-en-adresse')
  await expectAccessible(page)
})
