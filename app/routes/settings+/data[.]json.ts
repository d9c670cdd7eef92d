import type { LoaderFunctionArgs } from '@remix-run/node'
import { personalData } from '~/models/personal-data.server'
import { requireUser } from '~/utils/auth.server'

/** Everything held about the signed-in person, as a file to keep (shape: app/models/personal-data.server.ts). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const now = new Date()
  const data = await personalData(user.id, now)
  const day = now.toISOString().slice(0, 10)
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="frivilligbro-data-${day}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
