import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import type { CaughtMail } from '../setup/smtp-catcher'

const MAIL_API = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 2526) + 1}/messages`

export const DEMO_PASSWORD = 'Demo-adgang-2026'

/**
 * Waits for an e-mail to arrive at the test SMTP server. Stories share one server, so when an
 * earlier story may have sent the same kind of e-mail to the same person, pass `containing` with
 * something only this story's e-mail says.
 */
export async function waitForMail(to: string, subject: RegExp | string, { containing, timeoutMs = 15_000 }: { containing?: string; timeoutMs?: number } = {}): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const messages = (await (await fetch(MAIL_API)).json()) as CaughtMail[]
    const found = messages.find(
      (m) =>
        m.to.includes(to.toLowerCase()) &&
        (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)) &&
        (containing === undefined || m.text.includes(containing)),
    )
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`No e-mail to ${to} matching ${subject}${containing ? ` and containing "${containing}"` : ''} arrived`)
}

export async function mailsTo(to: string) {
  const messages = (await (await fetch(MAIL_API)).json()) as CaughtMail[]
  return messages.filter((m) => m.to.includes(to.toLowerCase()))
}

/** The link into the app in a message, as a path the browser can open on the test server. */
export function linkPath(mail: CaughtMail, pathPrefix: string) {
  const match = mail.text.match(/https?:\/\/[^\s\]]+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix))
  if (!match) throw new Error(`No link to ${pathPrefix} in "${mail.subject}":\n${mail.text}`)
  const url = new URL(match)
  return `${url.pathname}${url.search}`
}

/** Every page a test visits is checked with axe against WCAG 2.1 A and AA. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await expect(page.getByRole('button', { name: /Log ud|Log out/ })).toBeVisible()
}

/** Logs out and waits until the log-out has happened, so the next log-in starts signed out. */
export async function logOut(page: Page) {
  await page.getByRole('button', { name: /^(Log ud|Log out)$/ }).click()
  await expect(page.getByText(/Du er logget ud\.|You are logged out\./)).toBeVisible()
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`
}
