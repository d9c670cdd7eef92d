import { logger } from './logger.server'
import { whenResponseSent } from './request-scope.server'

/**
 * Work an action hands off so its answer does not wait for it, and cannot show by its timing
 * what the work found. A password-reset request for a known address writes a token and renders
 * an e-mail; for an unknown one it does nothing — done inside the request, that difference was
 * ~80 ms and told anyone which addresses have an account.
 *
 * Jobs run one at a time, in order, in this process. In a request (app/server.ts hands each
 * request's response to its scope) the queue starts once the response has been sent, so the job
 * cannot delay the page it was queued from; elsewhere (tests, scripts) on a timer. A job that
 * fails is logged and dropped: the person sees the same page either way and can ask again. A
 * crash loses jobs still waiting, which costs at most a reset or sign-up e-mail the person can
 * ask for again.
 */
type Job = { label: string; run: () => Promise<unknown> }

const queue: Job[] = []
let draining: Promise<void> | undefined
let pending = 0

/** Without a response to wait for, how long after the action the queue starts. */
const START_DELAY_MS = 5

export function runAfterResponse(label: string, run: () => Promise<unknown>) {
  pending++
  // A job joins the queue only once its own response is out, so a burst of requests cannot pull
  // one request's work into another's page.
  const start = () => {
    pending--
    queue.push({ label, run })
    kick()
  }
  // setImmediate: "close" fires while the response is still being torn down.
  if (!whenResponseSent(() => setImmediate(start))) setTimeout(start, START_DELAY_MS)
}

function kick() {
  if (draining) return
  draining = drain().finally(() => {
    draining = undefined
    // A job may have joined between the last one finishing and this line.
    if (queue.length > 0) kick()
  })
}

async function drain() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      await job.run()
    } catch (error) {
      logger.error({ err: error, job: job.label }, 'work after the response failed')
    }
  }
}

/** Resolves once every job queued so far has run (tests, and shutdown). */
export async function afterResponseWorkDone() {
  while (queue.length > 0 || draining || pending > 0) {
    if (draining) await draining
    else if (pending > 0) await new Promise((resolve) => setTimeout(resolve, START_DELAY_MS))
    else break
  }
}
