import { runFollowUps } from '~/models/follow-up.server'
import { closeExpiredJobAds } from '~/models/job.server'
import { logger } from './logger.server'
import { startOutboxWorker, stopOutboxWorker } from './outbox.server'

const HOUSEKEEPING_EVERY_MS = 10 * 60_000
let housekeeping: NodeJS.Timeout | undefined

/** Periodic domain work that needs no person to trigger it (e.g. ads past their expiry close). */
async function runHousekeeping() {
  try {
    const closed = await closeExpiredJobAds()
    if (closed) logger.info({ closed }, 'closed expired job ads')
  } catch (error) {
    logger.error({ err: error }, 'housekeeping failed')
  }
  try {
    const followUps = await runFollowUps()
    if (followUps.scheduled || followUps.sent) logger.info(followUps, 'follow-ups scheduled and sent')
  } catch (error) {
    logger.error({ err: error }, 'follow-ups failed')
  }
}

/** Everything that runs beside the web server in the same process. */
export function startBackgroundWork() {
  startOutboxWorker()
  if (!housekeeping) {
    void runHousekeeping()
    housekeeping = setInterval(runHousekeeping, HOUSEKEEPING_EVERY_MS)
    housekeeping.unref()
  }
}

export async function stopBackgroundWork() {
  if (housekeeping) clearInterval(housekeeping)
  housekeeping = undefined
  await stopOutboxWorker()
}
