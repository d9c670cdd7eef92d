import { purgePublicSignups, queueEventReminders } from '~/models/event.server'
import { runFollowUps } from '~/models/follow-up.server'
import { anonymizeAccount } from '~/models/account-deletion.server'
import { queueEthicsReviewReminders } from '~/models/ethics-template.server'
import { runRetentionIfDue } from '~/models/retention.server'
import { closeExpiredJobAds } from '~/models/job.server'
import { sendThreadDigests } from '~/models/thread-digest.server'
import { queueVisitReminders } from '~/models/visit.server'
import { extendPlanHorizons } from '~/models/visit-plan.server'
import { startNightlyBackups, stopNightlyBackups } from './utils/backup-schedule.server'
import { prisma, refreshPlannerStatistics } from './utils/db.server'
import { getEnv } from './utils/env.server'
import { logger } from './utils/logger.server'
import { startOutboxWorker, stopOutboxWorker } from './utils/outbox.server'

const HOUSEKEEPING_EVERY_MS = 10 * 60_000
let housekeeping: NodeJS.Timeout | undefined
let digests: NodeJS.Timeout | undefined
let digestSweep: Promise<void> | undefined

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
  try {
    const events = await queueEventReminders()
    if (events.queued) logger.info(events, 'queued event reminders')
    const purged = await purgePublicSignups()
    if (purged.unconfirmed || purged.anonymised) logger.info(purged, 'public event sign-ups purged')
  } catch (error) {
    logger.error({ err: error }, 'queueing event reminders failed')
  }
  try {
    const ethics = await queueEthicsReviewReminders()
    if (ethics.queued) logger.info(ethics, 'queued yearly ethics-policy review reminders')
  } catch (error) {
    logger.error({ err: error }, 'queueing ethics-policy review reminders failed')
  }
  try {
    const followUps = await runFollowUps()
    if (followUps.scheduled || followUps.sent) logger.info(followUps, 'follow-ups scheduled and sent')
  } catch (error) {
    logger.error({ err: error }, 'follow-ups failed')
  }
  try {
    // Nightly: purges, warnings, and the deletion of accounts whose warning went unanswered.
    const retention = await runRetentionIfDue(new Date(), { anonymize: (userId, options) => anonymizeAccount(userId, options) })
    if (retention) logger.info(retention, 'retention pass')
  } catch (error) {
    logger.error({ err: error }, 'retention failed')
  }
  try {
    await refreshPlannerStatistics(prisma)
  } catch (error) {
    logger.error({ err: error }, 'PRAGMA optimize failed')
  }
}

/** Followers' digest e-mails, on their own short interval; a sweep still running is not started twice. */
function runDigestSweep() {
  digestSweep ??= sendThreadDigests()
    .then((result) => {
      if (result.sent || result.noAccess || result.failed) logger.info(result, 'thread digests')
    })
    .catch((error: unknown) => logger.error({ err: error }, 'thread digests failed'))
    .finally(() => {
      digestSweep = undefined
    })
  return digestSweep
}

/** Everything that runs beside the web server: in the background thread (app/server/background.ts). */
export function startBackgroundWork() {
  startOutboxWorker()
  if (!housekeeping) {
    void runHousekeeping()
    housekeeping = setInterval(runHousekeeping, HOUSEKEEPING_EVERY_MS)
    housekeeping.unref()
  }
  if (!digests) {
    digests = setInterval(runDigestSweep, getEnv().DIGEST_INTERVAL_MS)
    digests.unref()
  }
  startNightlyBackups()
}

export async function stopBackgroundWork() {
  if (housekeeping) clearInterval(housekeeping)
  housekeeping = undefined
  if (digests) clearInterval(digests)
  digests = undefined
  await digestSweep
  await stopNightlyBackups()
  await stopOutboxWorker()
}
