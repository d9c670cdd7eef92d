import type { LoaderFunctionArgs } from '@remix-run/node'
import { photoForViewer } from '~/models/who-comes.server'
import { requireUser } from '~/utils/auth.server'
import { loadActor } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  // A volunteer's board photo for someone signed in: the volunteer themself, or staff of a facility
  // they have an active match with (the poster). Everybody else gets the same 404 as for no photo.
  const user = await requireUser(request)
  const image = photoForViewer(await loadActor(user), params.photoId ?? '')
  if (!image) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(image), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=300' } })
}
