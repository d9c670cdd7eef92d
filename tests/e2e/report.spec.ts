import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { expectAccessible, logIn } from './helpers'

// Issue 14, the results report: the demo coordinator finds it from the centre's start page and
// the navigation, reads figures, narrows the period, and downloads the CSV for Excel.

const COORDINATOR = 'koordinator@frivilligbro.test'

test('the coordinator opens the results report, reads figures and downloads the CSV', async ({ page }) => {
  await logIn(page, COORDINATOR)
  await page.goto('/centre')
  await page.getByRole('link', { name: /Resultatrapport: hvad IT-frivilligheden har givet/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatrapport' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Resultatrapport' })).toHaveAttribute('aria-current', 'page')

  // This year so far by default; the key figures, a chart with its table, the facility table.
  const year = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()).slice(0, 4)
  await expect(page.getByLabel('Fra og med')).toHaveValue(`${year}-01-01`)
  const keyFigures = page.getByRole('region', { name: 'Nøgletal' })
  await expect(keyFigures.getByText('Tilbud med')).toBeVisible()
  await expect(keyFigures.getByText('Gennemførte besøg')).toBeVisible()
  await expect(page.getByRole('img', { name: /Besøg i perioden efter tilstand/ })).toBeVisible()
  const facilities = page.getByRole('region', { name: 'Tilbud for tilbud' })
  await expect(facilities.getByRole('rowheader', { name: 'Bostedet Skovbrynet' })).toBeVisible()
  await expect(facilities.getByRole('rowheader', { name: 'Alle tilbud' })).toBeVisible()
  await expectAccessible(page)

  // An end before the start is said on the page, not answered with an error.
  await page.getByLabel('Til og med').fill(`${Number(year) - 1}-12-31`)
  await page.getByRole('button', { name: 'Vis rapporten' }).click()
  await expect(page.getByRole('alert')).toContainText('Slutdatoen')
  await expectAccessible(page)

  await page.getByLabel('Fra og med').fill(`${Number(year) - 1}-01-01`)
  await page.getByLabel('Til og med').fill(`${year}-12-31`)
  await page.getByRole('button', { name: 'Vis rapporten' }).click()
  await expect(page).toHaveURL(new RegExp(`from=${Number(year) - 1}-01-01&to=${year}-12-31`))
  await expect(facilities.getByRole('rowheader', { name: 'Bostedet Skovbrynet' })).toBeVisible()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som CSV (til Excel)' }).click()])
  expect(download.suggestedFilename()).toBe(`frivilligbro-rapport-${Number(year) - 1}-01-01-${year}-12-31.csv`)
  const bytes = fs.readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  const lines = text.split('\r\n')
  expect(lines[0].startsWith('Tilbud;Kommune;Nyt i perioden;Opslag offentliggjort;')).toBe(true)
  expect(lines.some((line) => line.startsWith('Bostedet Skovbrynet;Gribskov Kommune;'))).toBe(true)
  expect(lines.some((line) => line.startsWith('Alle tilbud;'))).toBe(true)
  // No volunteer's name: the demo volunteer is Emma Larsen among others.
  expect(text).not.toContain('Larsen')
})
