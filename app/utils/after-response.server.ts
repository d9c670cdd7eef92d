import { logger } from './logger.server'

/**
 * Work an action hands off so its answer does not wait for it, and cannot show by its timing
 * what the work found. A password-reset request for a known address writes a token and renders
 * an e-mail; for an unknown one it does nothing — done inside the request, that difference was
 * ~80 ms and told anyone which addresses have an account.
 *
 * Jobs run one at a time, in order, in this process, starting on a timer after the action
 * returned (so the response is written first). A job that fails is logged and dropped: the
 * person sees the same page either way and can ask again. A crash loses jobs still waiting,
 * which costs at most a reset or sign-up e-mail the person can ask for again.
 */
type Job = { label: string; run: () => Promise<unknown> }

const queue: Job[] = []
let draining: Promise<void> | undefined
let timer: NodeJS.Timeout | undefined

/** How long after the action the queue starts: enough for the answer to leave the process. */
const START_DELAY_MS = 5

export function runAfterResponse(label: string, run: () => Promise<unknown>) {
  queue.push({ label, run })
  timer ??= setTimeout(() => {
    timer = undefined
    draining ??= drain().finally(() => {
      draining = undefined
    })
  }, START_DELAY_MS)
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
  while (queue.length > 0 || draining || timer) {
    if (timer) await new Promise((resolve) => setTimeout(resolve, START_DELAY_MS))
    else await draining
  }
}
