import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { expectAccessible, logIn, logOut } from './helpers'

type ReadonlyDb = { prepare(sql: string): { get(...params: unknown[]): unknown }; close(): void }
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => ReadonlyDb

// Thread search and the unfollow page on the demo's threads. The digest e-mail itself is proven
// with real SMTP in app/models/thread-digest.server.test.ts; the threads story (posting through the
// UI, then the digest arriving) joins it once the thread pages exist.

const IPAD_THREAD = 'Videoopkald på fælles-iPad’erne – sådan gør vi'

test('a volunteer searches the threads they may read; staff of another facility do not find that facility’s thread', async ({ page }) => {
  await logIn(page, 'frivillig@frivilligbro.test')
  await page.goto('/threads/search')
  await expect(page.getByRole('heading', { level: 1, name: 'Søg i erfaringerne' })).toBeVisible()
  await expect(page.getByText('Skriv et ord')).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Søg efter').fill('facetime')
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page).toHaveURL(/\/threads\/search\?q=facetime/)
  const result = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: IPAD_THREAD }) })
  await expect(result).toBeVisible()
  await expect(result.locator('mark').first()).toHaveText(/facetime/i)
  await expect(result.getByRole('link', { name: IPAD_THREAD })).toHaveAttribute('href', /^\/threads\/c[a-z0-9]+$/)
  await expectAccessible(page)

  // Topic filter: the iPad thread has the iPad tag, not the Facebook one.
  await page.getByLabel('Emne', { exact: true }).selectOption({ label: 'Facebook' })
  await page.getByRole('button', { name: 'Søg', exact: true }).click()
  await expect(page.getByText('Ingen tråde passer til søgningen.')).toBeVisible()
  await expectAccessible(page)

  // Hostile input is just words.
  await page.goto(`/threads/search?q=${encodeURIComponent('"NEAR( * OR <script>')}`)
  await expect(page.getByRole('status').filter({ hasText: /tråde? om/ })).toBeVisible()

  await logOut(page)
  await logIn(page, 'mette.kildevang@frivilligbro.test')
  await page.goto('/threads/search?q=facetime')
  await expect(page.getByRole('heading', { name: IPAD_THREAD })).toHaveCount(0)
  await expectAccessible(page)
})

test('the unfollow link from a digest works signed out: it asks first, then offers to follow again', async ({ page }) => {
  const { userId, threadId, secret } = demoIds()
  const signature = crypto.createHmac('sha256', secret).update(`thread-unfollow\n${userId}\n${threadId}`).digest('base64url')
  const link = `/unfollow/${userId}.${threadId}.${signature}`

  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Følg ikke længere tråden' })).toBeVisible()
  await expect(page.getByText(IPAD_THREAD)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Stop med at følge tråden' }).click()
  await expect(page.getByText(`Du følger ikke længere »${IPAD_THREAD}«.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Følg tråden igen' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Følg tråden igen' }).click()
  await expect(page.getByText(`Du følger »${IPAD_THREAD}« igen.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Stop med at følge tråden' })).toBeVisible()

  // A link with someone else's id and this signature is refused.
  const response = await page.goto(`/unfollow/${threadId}.${threadId}.${signature}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Linket virker ikke' })).toBeVisible()
  await expectAccessible(page)
})

/** Reads (never writes) the demo's ids and the server's generated secret, as the digest sweep would use them. */
function demoIds() {
  const file = path.resolve(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 3100}/db/e2e.db`)
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const user = db.prepare(`SELECT "id" FROM "User" WHERE "email" = 'frivillig@frivilligbro.test'`).get() as { id: string }
    const thread = db.prepare(`SELECT "id" FROM "Thread" WHERE "title" = ?`).get(IPAD_THREAD) as { id: string }
    const secret = fs.readFileSync(path.join(path.dirname(file), 'session-secret'), 'utf8').trim()
    return { userId: user.id, threadId: thread.id, secret }
  } finally {
    db.close()
  }
}
