import { getUser } from './auth.server'
import { getEnv } from './env.server'
import { can } from './permissions'
import { forbidden, loadActor } from './permissions.server'

/**
 * The built-in mailbox shows every e-mail the app wrote, password-reset links included, so it is
 * open to everyone only for the demo on a developer's machine: demo data on, no SMTP server (the
 * mail goes nowhere else) and plain http. As soon as mail is really sent or the app is served over
 * https, it is a real deployment — whatever DEMO_DATA says — and only admins may read it (anyone
 * could otherwise ask for a reset of someone else's account and follow the link here).
 */
export function mailboxOpenToEveryone() {
  const env = getEnv()
  return env.DEMO_DATA === 'on' && !env.SMTP_URL && !env.APP_URL.startsWith('https://')
}

export async function requireMailboxAccess(request: Request) {
  if (mailboxOpenToEveryone()) return
  const user = await getUser(request)
  if (!user || !can(await loadActor(user), 'mailbox:view')) forbidden()
}
