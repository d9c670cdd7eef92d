/**
 * For search engines: the public board, events and the privacy page may be indexed; signed-in
 * areas, e-mailed links (tokens) and the accounts' own pages may not. Crawlers that ignore it meet
 * the same guards as anyone else: this only keeps private addresses out of search results.
 */
const PRIVATE = [
  '/admin',
  '/centre',
  '/facility',
  '/volunteer',
  '/municipality',
  '/settings',
  '/visits',
  '/threads',
  '/matches',
  '/mailbox',
  '/who-comes',
  '/follow-up',
  '/unfollow',
  '/calendar',
  '/photos',
  '/invitation',
  '/reset-password',
  '/verify-email',
  '/signup/check-email',
  '/healthz',
]

export const ROBOTS_TXT = ['User-agent: *', ...PRIVATE.map((path) => `Disallow: ${path}`), ''].join('\n')

export function loader() {
  return new Response(ROBOTS_TXT, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } })
}
