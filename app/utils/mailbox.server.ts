import { getUser } from './auth.server'
import { isDemo } from './env.server'
import { forbidden } from './permissions.server'
import { can } from './permissions'
import { loadActor } from './permissions.server'

/** The built-in mailbox is for admins — and for everyone while the demo data is on. */
export async function requireMailboxAccess(request: Request) {
  if (isDemo()) return
  const user = await getUser(request)
  if (!user || !can(await loadActor(user), 'mailbox:view')) forbidden()
}
