import { expect, test, type Factories, type More } from './fixtures-b'
import { expectAccessible, logIn, logOut } from './helpers'

// Thread search and the unfollow page, on threads of the story's own. The digest e-mail itself is
// proven with real SMTP in app/models/thread-digest.server.test.ts and, through the pages, in
// threads.spec.ts.

/**
 * A centre with two facilities; a volunteer matched at the first, where staff started a thread
 * about video calls on the shared iPads; a staff member of the second facility.
 */
async function threadWorld(make: Factories, more: More) {
  const centre = await make.centre()
  const home = await make.facility({ centre })
  const other = await make.facility({ centre, staff: [{ name: `Mette Personale ${make.unique('').slice(-6)}` }] })
  const volunteer = await make.volunteer({ centre })
  await make.match(await make.ad({ facility: home }), volunteer)
  const title = `Videoopkald på fælles-iPad’erne ${make.unique('').slice(-6)}`
  const thread = await more.thread(home.leader, { centreId: centre.id, facilityId: home.id }, { title, body: 'Vi bruger FaceTime til familien om søndagen. Husk opladeren i skabet.', tags: ['ipad'] })
  return { centre, home, other, volunteer, thread }
}

test('a volunteer searches the threads they may read; staff of another facility do not find that facility’s thread', async ({ page, make, more }) => {
  const { volunteer, other, thread } = await threadWorld(make, more)
  await logIn(page, volunteer.email)
  await page.goto('/threads/search')
  await expect(page.getByRole('heading', { level: 1, name: 'Søg i erfaringerne' })).toBeVisible()
  await expect(page.getByText('Skriv et ord')).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Søg efter').fill('facetime')
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(/\/threads\/search\?q=facetime/)
  const result = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: thread.title }) })
  await expect(result).toBeVisible()
  await expect(result.locator('mark').first()).toHaveText(/facetime/i)
  await expect(result.getByRole('link', { name: thread.title })).toHaveAttribute('href', thread.path)
  await expectAccessible(page)

  // Topic filter: the thread has the iPad tag, not the Facebook one.
  await page.getByLabel('Emne', { exact: true }).selectOption({ label: 'Facebook' })
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page.getByText('Ingen tråde passer til søgningen.')).toBeVisible()
  await expectAccessible(page)

  // Hostile input is just words.
  await page.goto(`/threads/search?q=${encodeURIComponent('"NEAR( * OR <script>')}`)
  await expect(page.getByRole('status').filter({ hasText: /tråde? om/ })).toBeVisible()

  // The log-out has finished (helpers.ts waits for it) before the next person logs in.
  await logOut(page)
  await logIn(page, other.staff[0].email)
  await page.goto('/threads/search?q=facetime')
  await expect(page.getByRole('heading', { level: 1, name: 'Søg i erfaringerne' })).toBeVisible()
  await expect(page.getByRole('heading', { name: thread.title })).toHaveCount(0)
  await expectAccessible(page)
})

test('the unfollow link from a digest works signed out: it asks first, then offers to follow again', async ({ page, make, more }) => {
  const { volunteer, centre, thread: facilityThread } = await threadWorld(make, more)
  // The volunteer started a thread in the network, so follows it.
  const thread = await more.thread(volunteer, { centreId: centre.id, facilityId: null }, { title: `Store ikoner ${make.unique('').slice(-6)}`, body: 'Hvordan gør I ikonerne større?' })
  const link = await more.unfollowPath(volunteer, thread.id)

  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Følg ikke længere tråden' })).toBeVisible()
  await expect(page.getByText(thread.title)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Stop med at følge tråden' }).click()
  await expect(page.getByText(`Du følger ikke længere »${thread.title}«.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Følg tråden igen' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Følg tråden igen' }).click()
  await expect(page.getByText(`Du følger »${thread.title}« igen.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Stop med at følge tråden' })).toBeVisible()

  // A link with someone else's id and this signature is refused, as is one for another thread.
  const signature = link.split('.').at(-1)
  for (const forged of [`/unfollow/${thread.id}.${thread.id}.${signature}`, `/unfollow/${volunteer.id}.${facilityThread.id}.${signature}`]) {
    const response = await page.goto(forged)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Linket virker ikke' })).toBeVisible()
  }
  await expectAccessible(page)
})
