import { json } from '@remix-run/node'
import { prisma } from '~/utils/db.server'

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const started = performance.now()
  try {
    await prisma.$queryRawUnsafe('SELECT 1')
    return json(
      { status: 'ok', database: 'ok', latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    return json(
      { status: 'error', database: 'unreachable', error: error instanceof Error ? error.message : String(error) },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
