import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { getEnv, secureCookies } from './env.server'

/** A one-time message shown on the next page after a successful change ("Gemt", "Du er logget ud"). */
export type Toast = { key: string; values?: Record<string, string>; kind?: 'success' | 'info' | 'error' }

type ToastStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { toast: Toast }>>
let storage: ToastStorage | undefined
function toastStorage() {
  return (storage ??= createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
    cookie: {
      name: 'frivilligbro_toast',
      sameSite: 'lax',
      path: '/',
      httpOnly: true,
      secrets: [getEnv().SESSION_SECRET],
      secure: secureCookies(),
    },
  }))
}

export async function toastCookie(toast: Toast) {
  const session = await toastStorage().getSession()
  session.flash('toast', toast)
  return toastStorage().commitSession(session)
}

export async function redirectWithToast(url: string, toast: Toast, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie(toast))
  return redirect(url, { headers })
}

/** Reads and clears the pending toast; the returned header must be sent with the response. */
export async function readToast(request: Request) {
  const session = await toastStorage().getSession(request.headers.get('Cookie'))
  const toast = session.get('toast') ?? null
  return { toast, setCookie: toast ? await toastStorage().destroySession(session) : null }
}
