import { closeExpiredJobAds } from '~/models/job.server'
import { queueVisitReminders } from '~/models/visit.server'
import { extendPlanHorizons } from '~/models/visit-plan.server'
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
    const extended = await extendPlanHorizons()
    if (extended.created) logger.info(extended, 'made visits from visit plans')
  } catch (error) {
    logger.error({ err: error }, 'extending visit plans failed')
  }
  try {
    const reminders = await queueVisitReminders()
    if (reminders.queued) logger.info(reminders, 'queued visit reminders')
  } catch (error) {
    logger.error({ err: error }, 'queueing visit reminders failed')
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
