import { expect, test } from './fixtures'
import { expectAccessible } from './helpers'

// The whole life of a new ad, from the builder to an approved match, is marketplace.spec.ts.

test('staff pause, resume and renew a published ad from their list; a volunteer cannot open the builder', async ({ page, make, signIn }) => {
  test.setTimeout(120_000)
  const centre = await make.centre()
  const facility = await make.facility({ centre })
  const { title } = await make.ad({ facility, title: `Tablethjælp om fredagen ${make.unique('ad')}` })
  await signIn(page, facility.leader)
  await page.goto('/facility/ads')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await card.getByRole('button', { name: 'Sæt på pause' }).click()
  await expect(page.getByText(`»${title}« er sat på pause.`)).toBeVisible()
  await expect(page.getByRole('heading', { name: /På pause/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Status: På pause')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Genoptag' }).click()
  await expect(page.getByText(`»${title}« er offentligt igen.`)).toBeVisible()
  await page.getByRole('button', { name: 'Forny opslaget' }).click()
  await expect(page.getByText(`»${title}« er fornyet.`)).toBeVisible()
  await expectAccessible(page)

  await page.context().clearCookies()
  await signIn(page, await make.volunteer({ centre }))
  const response = await page.goto('/facility/ads/new')
  expect(response?.status()).toBe(403)
  await expectAccessible(page)
})
