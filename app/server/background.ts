import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { logger } from '../utils/logger.server'

// fileURLToPath, not URL.pathname: a project folder with a space or æøå in its name stays readable.
const THREAD_FILE = fileURLToPath(new URL('./background-thread.mjs', import.meta.url))
const FIRST_RESTART_MS = 1_000
const MAX_RESTART_MS = 60_000

export type BackgroundThread = { stop: () => Promise<void>; started: Promise<void>; threadId: () => number | undefined }

/**
 * Starts the background work in its own worker thread and keeps it running: a thread that dies
 * (an uncaught error) is started again after 1 s, doubling up to a minute while it keeps dying.
 * Every background job is idempotent by claim and dedupe key, so a restart repeats nothing.
 * `nice` lowers the thread's CPU priority (BACKGROUND_NICE): on a busy machine the web thread's
 * answers are scheduled first and the background work takes the time left over.
 */
export function startBackgroundThread({ buildPath, nice = 0 }: { buildPath: string; nice?: number }): BackgroundThread {
  let worker: Worker | undefined
  let stopping = false
  let restartDelay = FIRST_RESTART_MS
  let restartTimer: NodeJS.Timeout | undefined
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => {
    markStarted = resolve
  })

  const spawn = () => {
    const thread = new Worker(THREAD_FILE, { workerData: { buildPath, nice } })
    worker = thread
    thread.on('message', (message: { type?: string }) => {
      if (message?.type === 'started') {
        logger.info({ threadId: thread.threadId }, 'background work started in its own thread')
        markStarted()
      }
    })
    thread.on('error', (error) => logger.error({ err: error }, 'background thread failed'))
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined
      if (stopping) return
      logger.error({ code, restartInMs: restartDelay }, 'background thread stopped; starting it again')
      restartTimer = setTimeout(spawn, restartDelay)
      restartDelay = Math.min(MAX_RESTART_MS, restartDelay * 2)
    })
  }
  spawn()

  return {
    started,
    threadId: () => worker?.threadId,
    async stop() {
      stopping = true
      if (restartTimer) clearTimeout(restartTimer)
      const thread = worker
      if (!thread) return
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()))
      thread.postMessage({ type: 'stop' })
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())
      await Promise.race([exited, timeout])
      await thread.terminate()
    },
  }
}
