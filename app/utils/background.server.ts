import { startOutboxWorker, stopOutboxWorker } from './outbox.server'

/** Everything that runs beside the web server in the same process. */
export function startBackgroundWork() {
  startOutboxWorker()
}

export async function stopBackgroundWork() {
  await stopOutboxWorker()
}
