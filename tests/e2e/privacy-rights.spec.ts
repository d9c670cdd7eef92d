import fs from 'node:fs'
import { expect, PASSWORD, test } from './fixtures-b'
import { expectAccessible, logIn, waitForMail } from './helpers'

test('a volunteer downloads their data, prints it, and deletes their account; the contact person is told', async ({ page, make, more }) => {
  test.setTimeout(180_000)
  // The story's own facility (its leader the contact person), a filled ad, and a volunteer with an
  // approved, active match and a visit planned in ten days.
  const centre = await make.centre()
  const facility = await make.facility({ centre, name: `Bostedet Egelunden ${make.unique('').slice(-6)}` })
  const contact = facility.leader
  const ad = await make.ad({ facility, title: `Tablet-hjælp i Egelunden ${make.unique('').slice(-6)}`, status: 'filled' })
  const volunteer = { ...(await make.volunteer({ centre, name: `Vibeke Sletsen ${make.unique('').slice(-6)}`, phone: '61 72 83 94' })), phone: '61 72 83 94' }
  await more.visit(await make.match(ad, volunteer), { day: 10 })
  await logIn(page, volunteer.email)

  await page.goto('/settings')
  await page.getByRole('link', { name: 'Dine data: hent eller slet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dine data' })).toBeVisible()
  await expectAccessible(page)

  // The JSON file: an attachment with their name, their match and the version of the shape.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som JSON-fil' }).click()])
  expect(download.suggestedFilename()).toMatch(/^frivilligbro-data-\d{4}-\d{2}-\d{2}\.json$/)
  const file = await download.path()
  const data = JSON.parse(fs.readFileSync(file, 'utf8'))
  expect(data.version).toBe(1)
  expect(data.account).toMatchObject({ name: volunteer.name, email: volunteer.email, phone: volunteer.phone })
  expect(data.matches).toEqual([expect.objectContaining({ status: 'active', facility: facility.name, ad: ad.title })])
  expect(JSON.stringify(data)).not.toContain('passwordHash')

  // The same as a page to read and print.
  await page.getByRole('link', { name: 'Se og udskriv' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dine data – udskrift' })).toBeVisible()
  await expect(page.getByText(`Alt, hvad Frivilligbro har gemt om ${volunteer.name}`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Matches' })).toContainText(facility.name)
  await expect(page.getByRole('region', { name: 'Besøg' })).toContainText('Fællesstuen')
  await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible()
  await expectAccessible(page)

  // Deleting: a wrong password is refused next to the field; nothing happens.
  await page.getByRole('link', { name: 'Tilbage til Dine data' }).click()
  const deletion = page.getByRole('region', { name: 'Slet din konto' })
  await deletion.getByLabel('Skriv din adgangskode for at bekræfte').fill('ikke-min-kode')
  await deletion.getByRole('button', { name: 'Slet min konto' }).click()
  await expect(deletion.getByLabel('Skriv din adgangskode for at bekræfte')).toHaveAttribute('aria-invalid', 'true')
  await expect(deletion.locator('.field-errors').getByText('Adgangskoden er forkert.')).toBeVisible()
  await expectAccessible(page)

  await deletion.getByLabel('Skriv din adgangskode for at bekræfte').fill(PASSWORD)
  await deletion.getByRole('button', { name: 'Slet min konto' }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByText('Din konto er slettet.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Log ind', exact: true })).toBeVisible()
  await expectAccessible(page)

  // The facility's contact person gets the usual "match ended" e-mail, without the volunteer's name.
  const ended = await waitForMail(contact.email, `Afsluttet: Tidligere frivillig på ${facility.name}`)
  expect(ended.text).toContain(`Den frivillige på »${ad.title}« hos ${facility.name} har slettet sin konto i Frivilligbro, så samarbejdet er afsluttet.`)
  expect(ended.text).toContain('Det planlagte besøg herefter er aflyst.')
  expect(ended.text).not.toContain(volunteer.name)

  // The old log-in no longer works.
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(volunteer.email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByText('E-mail eller adgangskode er forkert.')).toBeVisible()
})

test('a facility\'s only leader is told to hand the role on before deleting', async ({ page, make, signIn }) => {
  const facility = await make.facility({ centre: await make.centre() })
  await signIn(page, facility.leader)
  await page.goto('/settings/data')
  const deletion = page.getByRole('region', { name: 'Slet din konto' })
  await expect(deletion.getByText('Du kan ikke slette din konto endnu')).toBeVisible()
  await expect(deletion.getByText(new RegExp(`Du er den eneste leder af .*${facility.name}`))).toBeVisible()
  await expect(deletion.getByRole('button', { name: 'Slet min konto' })).toHaveCount(0)
  await expectAccessible(page)
})
