import { expect, nextWeekday, test } from './fixtures'
import { expectAccessible, logOut } from './helpers'

test('the leader opens a visit time with room for two, after being told plainly what made no sense; matched volunteers can then book it', async ({ page, make, signIn }) => {
  // The whole volunteer side (booking, cancelling, logging, the follow-up) is the story in visits.spec.ts.
  test.setTimeout(120_000)
  const centre = await make.centre()
  const facility = await make.facility({ centre })
  const ad = await make.ad({ facility })
  const volunteer = await make.volunteer({ centre })
  await make.match(ad, volunteer)
  const cafe = await make.visitWindow(facility, { title: 'Internetcafé onsdag', weekday: 3, startTime: '14:00', endTime: '16:00', capacity: 3 })
  // The volunteer has already booked the café next Wednesday.
  await make.booking(volunteer, cafe, nextWeekday(3))

  await signIn(page, facility.leader)
  await page.goto('/facility')
  await page.getByRole('link', { name: 'Besøgstider, som frivillige kan booke' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Besøgstider' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Internetcafé onsdag' })).toBeVisible()
  await expect(page.getByText('Hver onsdag kl. 14:00–16:00, plads til 3 frivillige')).toBeVisible()
  await expectAccessible(page)
  const newWindow = page.getByRole('region', { name: 'Åbn en ny besøgstid' })
  await newWindow.getByLabel('Navn').fill('Spilcafé fredag')
  await newWindow.getByLabel('Ugedag').selectOption({ label: 'fredag' })
  await newWindow.getByLabel('Fra kl.').fill('16:00')
  await newWindow.getByLabel('Til kl.').fill('15:00')
  await newWindow.getByLabel('Plads til antal frivillige').fill('0')
  await newWindow.getByRole('button', { name: 'Åbn besøgstiden' }).click()
  await expect(newWindow.locator('.field-errors').getByText('Sluttidspunktet skal ligge efter starttidspunktet.')).toBeVisible()
  await expect(newWindow.locator('.field-errors').getByText('Der skal være plads til mindst 1 frivillig.')).toBeVisible()
  await expect(newWindow.getByLabel('Navn')).toHaveValue('Spilcafé fredag')
  await expectAccessible(page)

  await newWindow.getByLabel('Til kl.').fill('18:00')
  await newWindow.getByLabel('Plads til antal frivillige').fill('2')
  await newWindow.getByRole('button', { name: 'Åbn besøgstiden' }).click()
  await expect(page.getByText('Besøgstiden »Spilcafé fredag« er åbnet.')).toBeVisible()
  await expect(page.getByText('Hver fredag kl. 16:00–18:00, plads til 2 frivillige')).toBeVisible()
  await expectAccessible(page)

  // The matched volunteer sees the new time beside the café already booked.
  await logOut(page)
  await signIn(page, volunteer)
  await page.goto('/visits/book')
  await expect(page.getByRole('region', { name: /Internetcafé onsdag/ }).getByRole('link', { name: 'Du er booket – se besøget' }).first()).toBeVisible()
  const friday = page.getByRole('region', { name: /Spilcafé fredag/ })
  await expect(friday).toContainText('Hver fredag kl. 16:00–18:00 · plads til 2 frivillige')
  await expect(friday.getByRole('button', { name: /^Book/ }).first()).toBeVisible()
  await expectAccessible(page)
})
