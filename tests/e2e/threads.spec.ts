import { expect, test, type Page } from '@playwright/test'
import { expectAccessible, linkPath, logIn, mailsTo, waitForMail } from './helpers'

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies()
  await logIn(page, email)
}

test('experience sharing: a network thread with tags, a reply from another facility, moderation, a CPR number refused, a closed facility space', async ({ page }) => {
  // Five people and axe on every page; the default minute is too tight on a busy machine.
  test.setTimeout(240_000)
  const title = `Store ikoner på iPad ${Date.now().toString(36)}`

  // A volunteer starts a thread in the centre's network, with two tags.
  await logIn(page, 'frivillig@frivilligbro.test')
  await page.getByRole('navigation', { name: /Hovedmenu|menu/i }).getByRole('link', { name: 'Erfaringer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Erfaringsdeling' })).toBeVisible()
  await expectAccessible(page)

  // Remember a thread in Skovbrynet's own space, for the volunteer who is not matched there.
  await page.getByRole('link', { name: 'Bostedet Skovbrynet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bostedet Skovbrynet' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: /Videoopkald på fælles-iPad/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Videoopkald på fælles-iPad/ })).toBeVisible()
  const facilityThread = new URL(page.url()).pathname
  await expectAccessible(page)

  await page.goto('/threads/new')
  await expect(page.getByRole('heading', { level: 1, name: 'Start en ny tråd' })).toBeVisible()
  await expect(page.getByText('Husk beboernes privatliv:')).toBeVisible()
  await page.getByLabel('Hvor skal tråden være?').selectOption({ label: 'Netværket i Frivilligcenter Gribskov' })
  await page.getByLabel('Overskrift').fill(title)
  const tags = page.getByRole('group', { name: 'Emner' })
  await tags.getByLabel('iPad').check()
  await tags.getByLabel('Tablets og telefoner').check()
  await page.getByLabel('Dit indlæg').fill('Hvordan gør I ikonerne større?\n\n- Zoom\n- **Større tekst** under Skærm og lysstyrke')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Start tråden' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Tråden er startet. Du følger den nu.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Emner' })).toContainText('iPad')
  await expect(page.getByRole('list', { name: 'Emner' })).toContainText('Tablets og telefoner')
  await expect(page.locator('.post-body strong')).toHaveText('Større tekst')
  await expect(page.getByRole('button', { name: 'Stop med at følge' })).toBeVisible()
  const threadPath = new URL(page.url()).pathname
  await expectAccessible(page)

  // Staff at another facility find it in the network, marked new, and reply.
  await switchTo(page, 'lars.tvaers@frivilligbro.test')
  await page.goto('/threads')
  await page.getByRole('link', { name: 'Netværket i Frivilligcenter Gribskov' }).click()
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(item).toContainText('Nyt')
  await expectAccessible(page)
  await item.getByRole('link', { name: title }).click()
  await page.getByLabel('Dit svar').fill('Vi bruger Zoom-funktionen: tre fingre, dobbelttryk. Se https://support.apple.com/da-dk/guide/ipad/ipad9a245e3e/ipados')
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText('Dit svar er sendt.')).toBeVisible()
  const reply = page.getByRole('article', { name: 'Indlæg fra Lars Holm' })
  await expect(reply.getByRole('link', { name: /support\.apple\.com/ })).toHaveAttribute('rel', 'nofollow ugc noopener')
  await expectAccessible(page)

  // The volunteer follows the thread they started: one digest e-mail with the reply arrives.
  const digest = await waitForMail('frivillig@frivilligbro.test', `Nyt indlæg i »${title}«`)
  expect(digest.text).toContain('Lars Holm')
  expect(digest.text).toContain('Zoom-funktionen')
  // Signed out, the one-click link from the e-mail stops the e-mails (the page asks once, then it is done).
  await page.context().clearCookies()
  await page.goto(linkPath(digest, '/unfollow/'))
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Stop med at følge tråden' }).click()
  await expect(page.getByRole('button', { name: 'Følg tråden igen' })).toBeVisible()
  await expectAccessible(page)

  // A later reply sends the volunteer nothing more about this thread.
  await logIn(page, 'lars.tvaers@frivilligbro.test')
  await page.goto(threadPath)
  await page.getByLabel('Dit svar').fill('PS: Husk også at slå fed tekst til.')
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText('Dit svar er sendt.')).toBeVisible()

  // A coordinator hides the reply with a reason; they still see it, marked hidden.
  await switchTo(page, 'koordinator@frivilligbro.test')
  await page.goto(threadPath)
  const hidden = page.getByRole('article', { name: 'Indlæg fra Lars Holm' }).first()
  await hidden.locator('summary', { hasText: 'Skjul' }).click()
  await hidden.getByLabel('Begrundelse').fill('Skjult for en sikkerheds skyld – skriv gerne igen uden linket.')
  await expectAccessible(page)
  await hidden.getByRole('button', { name: 'Skjul indlægget' }).click()
  await expect(page.getByText('Indlægget er skjult.')).toBeVisible()
  await expect(hidden.locator('.marker-hidden')).toHaveText('Skjult')
  await expect(hidden).toContainText('Zoom-funktionen')
  await expect(hidden.getByRole('button', { name: 'Vis indlægget igen' })).toBeVisible()
  await expectAccessible(page)

  // Everyone else sees only that the centre hid it. A CPR-like number is refused, the text kept.
  await switchTo(page, 'frivillig@frivilligbro.test')
  await page.goto(threadPath)
  await expect(page.getByRole('button', { name: 'Følg tråden' })).toBeVisible()
  // Several digest sweeps (every 2 s here) have passed since the later reply: still only the one e-mail.
  expect((await mailsTo('frivillig@frivilligbro.test')).filter((mail) => mail.subject.includes(title))).toHaveLength(1)
  const seen = page.getByRole('article', { name: 'Indlæg fra Lars Holm' }).first()
  await expect(seen).toContainText('Skjult af frivilligcentret')
  await expect(seen).not.toContainText('Zoom-funktionen')
  const text = 'Tak! Beboeren med cpr 010190-1234 vil også gerne prøve.'
  await page.getByLabel('Dit svar').fill(text)
  await page.getByRole('button', { name: 'Send svar' }).click()
  const field = page.getByLabel('Dit svar')
  await expect(field).toHaveValue(text)
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('.field-errors').getByText(/ser ud til at indeholde et CPR-nummer/)).toBeVisible()
  await expectAccessible(page)
  await field.fill('Tak! En af beboerne vil også gerne prøve – ring gerne på 20 45 67 89.')
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText('Dit svar er sendt.')).toBeVisible()

  // A volunteer whose only match (at another facility) has ended cannot open Skovbrynet's thread.
  await switchTo(page, 'jens.poulsen@frivilligbro.test')
  const response = await page.goto(facilityThread)
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectAccessible(page)
})
