import type { LoaderFunctionArgs } from '@remix-run/node'
import { photoForBoard } from '~/models/who-comes.server'

export async function loader({ params }: LoaderFunctionArgs) {
  // The screen is signed out: its secret address is the key, and a photo is given only of a
  // volunteer with an active match at that address's facility (and only while they consent: the
  // photo exists only then). Anything else is the same plain 404.
  const image = photoForBoard(params.token ?? '', params.photoId ?? '')
  if (!image) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(image), {
    headers: {
      'Content-Type': 'image/jpeg',
      // A new upload has a new id; a deleted one must not linger in a shared cache.
      'Cache-Control': 'private, max-age=300',
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
    },
  })
}
