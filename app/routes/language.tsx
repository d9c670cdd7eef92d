import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { saveLocale } from '~/models/user.server'
import { getUser, safeRedirect } from '~/utils/auth.server'
import { isLocale } from '~/utils/domain'
import { readForm } from '~/utils/forms.server'
import { localeCookie } from '~/utils/i18n.server'

export async function loader() {
  return redirect('/')
}

/** Switches the language: a cookie for this browser, and the account's saved language for e-mails. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const lng = formData.get('lng')
  const to = safeRedirect(formData.get('redirectTo'), '/')
  if (!isLocale(lng)) return redirect(to)
  const user = await getUser(request)
  if (user) await saveLocale(user.id, lng)
  return redirect(to, { headers: { 'Set-Cookie': await localeCookie.serialize(lng) } })
}
