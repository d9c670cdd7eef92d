/**
 * The background thread: the e-mail outbox worker, housekeeping (plan expansion, reminders,
 * check-ins, expired ads, retention, nightly backups) and the digest sweep run here, in a worker
 * thread of the server process, never on the event loop that answers requests. Rendering a burst
 * of reminder e-mails takes tens of seconds of CPU on a national installation; pages no longer
 * wait behind it. Started and supervised by ./background.ts.
 *
 * Plain JavaScript on purpose: a worker thread does not inherit tsx's loader, and all this file
 * does is load the built app (build/index.js) and start its background work.
 */
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

const { buildPath } = workerData
// The work lives in the app's build (its models, templates and translations), like the pages.
const build = await import(pathToFileURL(path.resolve(buildPath)).href)
/** @type {{ startBackgroundWork: () => void, stopBackgroundWork: () => Promise<void> }} */
const entry = build.entry.module

entry.startBackgroundWork()
parentPort?.postMessage({ type: 'started' })

parentPort?.on('message', (message) => {
  if (message?.type !== 'stop') return
  void entry
    .stopBackgroundWork()
    .catch(() => undefined)
    .finally(() => {
      parentPort?.postMessage({ type: 'stopped' })
      process.exit(0)
    })
})
