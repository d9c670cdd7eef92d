import type { Role } from './domain'

/** Where each role works: the page log-in, an accepted invitation and the home page send them to. */
export const START_PAGES: Record<Role, string> = {
  volunteer: '/volunteer',
  facility_staff: '/facility',
  coordinator: '/centre',
  admin: '/admin',
  municipality: '/municipality',
}

export function startPageFor(role: string) {
  return START_PAGES[role as Role] ?? '/'
}

// Pages that only make sense signed out: returning to them after log-in would bounce or loop.
const SIGNED_OUT_PAGES = ['/login', '/logout', '/signup', '/forgot-password', '/reset-password', '/invitation']

/**
 * A `redirectTo` from the query string or a form is followed only when it is a path on this site.
 * Anything a browser could read as another origin is refused: `//host`, `/\host` (browsers treat
 * the backslash as a slash), `https://…`, `javascript:`, and control characters or whitespace that
 * browsers strip before parsing. The check parses the value against a dummy origin and demands it
 * stays there, so encodings we did not think of are refused too.
 */
export function sameSitePath(to: unknown): string | null {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return null
  if (!to.startsWith('/') || to.startsWith('//') || to.includes('\\')) return null
  // eslint-disable-next-line no-control-regex -- Control characters are what this refuses.
  if (/[\u0000-\u0020\u007f]/.test(to)) return null
  let url: URL
  try {
    url = new URL(to, 'http://same-site.invalid')
  } catch {
    return null
  }
  if (url.origin !== 'http://same-site.invalid') return null
  return `${url.pathname}${url.search}${url.hash}`
}

/** After log-in: the page a guard sent them away from, else their own start page. */
export function landingAfterLogin(role: string, redirectTo: unknown) {
  const path = sameSitePath(redirectTo)
  const signedOutPage = path && SIGNED_OUT_PAGES.some((page) => path === page || path.startsWith(`${page}?`) || path.startsWith(`${page}/`))
  return path && !signedOutPage ? path : startPageFor(role)
}
