import { expect, test } from './fixtures-b'
import { expectAccessible, linkPath, logIn, mailsTo, waitForMail } from './helpers'

// Experience sharing in a centre of the story's own: a volunteer matched at a facility (whose
// staff keep a thread in its own space), staff at a second facility, the coordinator, and a
// volunteer whose only match, at the second facility, has ended.

test('experience sharing: a network thread with tags, a reply from another facility, moderation, a CPR number refused, a closed facility space', async ({ page, make, more, signIn }) => {
  // Five people and axe on every page; the default minute is too tight on a busy machine.
  test.setTimeout(240_000)
  const title = `Store ikoner på iPad ${make.unique('').slice(-6)}`
  const centre = await make.centre()
  const home = await make.facility({ centre, name: `Bostedet Skovbo ${make.unique('').slice(-6)}` })
  const other = await make.facility({ centre, staff: [{ name: `Lars Holm ${make.unique('').slice(-6)}` }] })
  const [lars] = other.staff
  const volunteer = await make.volunteer({ centre })
  await make.match(await make.ad({ facility: home }), volunteer)
  const jens = await make.volunteer({ centre })
  const ended = await make.match(await make.ad({ facility: other }), jens, { approvedAt: new Date(Date.now() - 200 * 86_400_000) })
  await more.db.match.update({ where: { id: ended.id }, data: { status: 'ended', endedAt: new Date(Date.now() - 30 * 86_400_000), endReason: 'Flyttet.' } })
  await more.thread(home.leader, { centreId: centre.id, facilityId: home.id }, { title: `Videoopkald på fælles-iPad’erne ${make.unique('').slice(-6)}`, body: 'Sådan gør vi med FaceTime.', tags: ['ipad'] })
  const switchTo = async (person: { id: string }) => {
    await page.context().clearCookies()
    await signIn(page, person)
  }

  // A volunteer starts a thread in the centre's network, with two tags.
  await logIn(page, volunteer.email)
  await page.getByRole('navigation', { name: /Hovedmenu|menu/i }).getByRole('link', { name: 'Erfaringer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Erfaringsdeling' })).toBeVisible()
  await expectAccessible(page)

  // Remember a thread in the facility's own space, for the volunteer who is not matched there.
  await page.getByRole('link', { name: home.name }).click()
  await expect(page.getByRole('heading', { level: 1, name: home.name })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: /Videoopkald på fælles-iPad/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Videoopkald på fælles-iPad/ })).toBeVisible()
  const facilityThread = new URL(page.url()).pathname
  await expectAccessible(page)

  await page.goto('/threads/new')
  await expect(page.getByRole('heading', { level: 1, name: 'Start en ny tråd' })).toBeVisible()
  await expect(page.getByText('Husk beboernes privatliv:')).toBeVisible()
  await page.getByLabel('Hvor skal tråden være?').selectOption({ label: `Netværket i ${centre.name}` })
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
  await switchTo(lars)
  await page.goto('/threads')
  await page.getByRole('link', { name: `Netværket i ${centre.name}` }).click()
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(item).toContainText('Nyt')
  await expectAccessible(page)
  await item.getByRole('link', { name: title }).click()
  await page.getByLabel('Dit svar').fill('Vi bruger Zoom-funktionen: tre fingre, dobbelttryk. Se https://support.apple.com/da-dk/guide/ipad/ipad9a245e3e/ipados')
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText('Dit svar er sendt.')).toBeVisible()
  const reply = page.getByRole('article', { name: `Indlæg fra ${lars.name}` })
  await expect(reply.getByRole('link', { name: /support\.apple\.com/ })).toHaveAttribute('rel', 'nofollow ugc noopener')
  await expectAccessible(page)

  // The volunteer follows the thread they started: one digest e-mail with the reply arrives.
  const digest = await waitForMail(volunteer.email, `Nyt indlæg i »${title}«`)
  expect(digest.text).toContain(lars.name)
  expect(digest.text).toContain('Zoom-funktionen')
  // Signed out, the one-click link from the e-mail stops the e-mails (the page asks once, then it is done).
  await page.context().clearCookies()
  await page.goto(linkPath(digest, '/unfollow/'))
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Stop med at følge tråden' }).click()
  await expect(page.getByRole('button', { name: 'Følg tråden igen' })).toBeVisible()
  await expectAccessible(page)

  // A later reply sends the volunteer nothing more about this thread.
  await signIn(page, lars)
  await page.goto(threadPath)
  await page.getByLabel('Dit svar').fill('PS: Husk også at slå fed tekst til.')
  await page.getByRole('button', { name: 'Send svar' }).click()
  await expect(page.getByText('Dit svar er sendt.')).toBeVisible()

  // A coordinator hides the reply with a reason; they still see it, marked hidden.
  await switchTo(centre.coordinator)
  await page.goto(threadPath)
  const hidden = page.getByRole('article', { name: `Indlæg fra ${lars.name}` }).first()
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
  await switchTo(volunteer)
  await page.goto(threadPath)
  await expect(page.getByRole('button', { name: 'Følg tråden' })).toBeVisible()
  // Several digest sweeps (every 2 s here) have passed since the later reply: still only the one e-mail.
  expect((await mailsTo(volunteer.email)).filter((mail) => mail.subject.includes(title))).toHaveLength(1)
  const seen = page.getByRole('article', { name: `Indlæg fra ${lars.name}` }).first()
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

  // A volunteer whose only match (at another facility) has ended cannot open the facility's thread.
  await switchTo(jens)
  const response = await page.goto(facilityThread)
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectAccessible(page)
})
