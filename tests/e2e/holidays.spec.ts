import { addDays, copenhagenDate, mondayOf } from '../../app/utils/time'
import { expect, test } from './fixtures'
import { expectAccessible } from './helpers'

test('the windows page names the coming holidays and the closure ahead; the leader adds a summer closure after a plain refusal and opens a holiday on purpose', async ({ page, make, signIn }) => {
  test.setTimeout(120_000)
  const summer = new Date().getFullYear() + 1
  const facility = await make.facility({ centre: await make.centre() })
  await make.visitWindow(facility, { title: 'Internetcafé onsdag', weekday: 3, startTime: '14:00', endTime: '16:00', capacity: 3 })
  // Staff days in the week after next: they close the café's Wednesday that week.
  const closureMonday = addDays(mondayOf(copenhagenDate()), 14)
  await make.closure(facility, { fromDate: closureMonday, toDate: addDays(closureMonday, 6), reason: 'Personaledage – caféen holder lukket' })

  await signIn(page, facility.leader)
  await page.goto('/facility')
  await page.getByRole('link', { name: 'Besøgstider, som frivillige kan booke' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Besøgstider' })).toBeVisible()

  // The staff days close the café's Wednesday in that week; the card says so in words.
  const cafe = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Internetcafé onsdag' }) })
  await expect(cafe.getByText('Kan ikke bookes de næste uger:')).toBeVisible()
  await expect(cafe.getByText('Personaledage – caféen holder lukket').first()).toBeVisible()

  const holidays = page.getByRole('region', { name: 'Helligdage' })
  const christmas = holidays.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Juledag', exact: true }) })
  await expect(christmas).toContainText('Lukket for booking')
  await expect(holidays.getByRole('row').filter({ hasText: 'Nytårsdag' })).toContainText('Lukket for booking')
  await expect(holidays.getByRole('row').filter({ hasText: 'Juleaften' })).toContainText('ikke en officiel helligdag')
  await expectAccessible(page)

  const closures = page.getByRole('region', { name: 'Lukkeperioder' })
  await expect(closures.getByRole('heading', { level: 3, name: 'Personaledage – caféen holder lukket' })).toBeVisible()
  await closures.getByLabel('Første lukkedag').fill(`${summer}-07-31`)
  await closures.getByLabel('Sidste lukkedag').fill(`${summer}-07-13`)
  await closures.getByRole('button', { name: 'Tilføj lukkeperiode' }).click()
  await expect(closures.locator('.field-errors').getByText('Sidste lukkedag skal være samme dag som eller efter første lukkedag.')).toBeVisible()
  await expect(closures.locator('.field-errors').getByText('Skal udfyldes.')).toBeVisible()
  await expect(closures.getByLabel('Første lukkedag')).toHaveValue(`${summer}-07-31`)
  await expectAccessible(page)

  await closures.getByLabel('Første lukkedag').fill(`${summer}-07-13`)
  await closures.getByLabel('Sidste lukkedag').fill(`${summer}-07-31`)
  await closures.getByLabel('Hvorfor holder I lukket?').fill('Sommerferie')
  await closures.getByRole('button', { name: 'Tilføj lukkeperiode' }).click()
  await expect(page.getByText('Lukkeperioden »Sommerferie« er gemt. Ingen kan booke besøg i den.')).toBeVisible()
  await expect(closures.getByRole('heading', { level: 3, name: 'Sommerferie' })).toBeVisible()
  await expect(closures.getByText(new RegExp(`^Fra \\S+ 13\\. juli ${summer} til og med \\S+ 31\\. juli ${summer}$`))).toBeVisible()

  await christmas.getByRole('button', { name: 'Hold åbent på Juledag' }).click()
  await expect(page.getByText('Dagen kan nu bookes i jeres besøgstider.')).toBeVisible()
  await expect(christmas).toContainText('Åbent – kan bookes')
  await expect(holidays.getByRole('row').filter({ has: page.getByRole('cell', { name: '2. juledag', exact: true }) })).toContainText('Lukket for booking')
  await expectAccessible(page)

  // The calendar views name holidays and the facility's closure days in words.
  await page.goto(`/visits?view=month&month=${new Date().getFullYear()}-12`)
  await expect(page.getByRole('table').getByText('Juledag', { exact: true })).toBeVisible()
  await expect(page.getByRole('table').getByText('Juleaften', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await page.goto(`/visits?view=week&date=${closureMonday}`)
  await expect(page.getByRole('table').getByText(`Lukket: ${facility.name} – Personaledage – caféen holder lukket`)).toHaveCount(7)
  await expectAccessible(page)
})
