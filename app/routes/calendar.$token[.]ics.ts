import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarFeedFor } from '~/models/visit.server'

export async function loader({ params }: LoaderFunctionArgs) {
  // Deliberately without a log-in: calendar apps cannot sign in. The secret token in the URL is
  // the key (made, replaced and revoked on /visits); an unknown or revoked token is a plain 404.
  const ics = await calendarFeedFor(params.token ?? '')
  if (!ics) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="frivilligbro.ics"',
      // Personal data: never in a shared cache.
      'Cache-Control': 'private, max-age=300',
      'X-Robots-Tag': 'noindex',
    },
  })
}
