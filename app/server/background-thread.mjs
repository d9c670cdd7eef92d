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
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

const { buildPath, nice } = workerData

// A lower priority for this thread alone: on Linux a thread is a task with its own id (the last
// part of /proc/thread-self), and setpriority() on that id leaves the web thread as it is. Where
// that is not available (another OS, a sandbox) the work simply runs at the normal priority.
if (nice > 0) {
  try {
    const taskId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(taskId) && taskId > 0) os.setPriority(taskId, nice)
  } catch {
    // not Linux, or not allowed: keep the normal priority
  }
}
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
