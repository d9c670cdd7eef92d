import nodemailer, { type Transporter } from 'nodemailer'
import { prisma, type Db } from './db.server'
import { getEnv } from './env.server'
import { logger } from './logger.server'

/**
 * The outbox worker. Messages are rows in OutboxMessage (written by queueEmail in the same
 * transaction as the change that caused them). The worker delivers due rows through nodemailer,
 * retries with exponential backoff while the SMTP server is unreachable, and marks a row failed
 * once its deadline has passed. Without SMTP_URL rows are marked `kept`: they stay readable in
 * the built-in mailbox (/mailbox) and are not sent.
 */

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'kept'

const BASE_DELAY_MS = 5_000
const MAX_DELAY_MS = 30 * 60_000
const BATCH_SIZE = 25
/** A row stuck in `sending` this long means the process died mid-send; it is tried again. */
const STALE_SENDING_MS = 5 * 60_000

export function retryDelayMs(attempts: number) {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1))
}

export type Mailer = Pick<Transporter, 'sendMail'>

export function createMailer(smtpUrl: string): Mailer {
  return nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
}

type DeliveryOptions = { db?: Db; mailer: Mailer | null; from: string; now?: Date }

/** One pass over the due messages. Returns what happened, for logs and tests. */
export async function deliverDueMessages({ db = prisma, mailer, from, now = new Date() }: DeliveryOptions) {
  const summary = { sent: 0, retried: 0, failed: 0, kept: 0 }
  await db.outboxMessage.updateMany({
    where: { status: 'sending', nextAttemptAt: { lte: new Date(now.getTime() - STALE_SENDING_MS) } },
    data: { status: 'pending' },
  })
  const due = await db.outboxMessage.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH_SIZE,
  })
  for (const message of due) {
    if (!mailer) {
      await db.outboxMessage.update({ where: { id: message.id }, data: { status: 'kept' } })
      summary.kept++
      continue
    }
    // Claim the row so a second pass running at the same time cannot send it too.
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, status: 'pending' },
      data: { status: 'sending', nextAttemptAt: now },
    })
    if (claimed.count === 0) continue
    try {
      await mailer.sendMail({
        from,
        to: message.toName ? { name: message.toName, address: message.toEmail } : message.toEmail,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: `<${message.id}@frivilligbro>`,
        headers: { 'X-Frivilligbro-Template': message.template },
        attachments: message.attachments
          ? (JSON.parse(message.attachments) as { filename: string; contentType: string; content: string }[])
          : undefined,
      })
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: 'sent', sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      })
      summary.sent++
    } catch (error) {
      const attempts = message.attempts + 1
      const reason = error instanceof Error ? error.message : String(error)
      const giveUp = now.getTime() >= message.deadlineAt.getTime()
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: giveUp ? 'failed' : 'pending',
          attempts,
          lastError: reason.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      })
      if (giveUp) summary.failed++
      else summary.retried++
      logger.warn({ messageId: message.id, attempts, giveUp, err: reason }, 'e-mail delivery failed')
    }
  }
  return summary
}

let timer: NodeJS.Timeout | undefined
let running: Promise<unknown> | undefined
let rerun = false
let mailer: Mailer | null = null

async function tick() {
  if (running) {
    rerun = true
    return
  }
  running = deliverDueMessages({ mailer, from: getEnv().MAIL_FROM })
    .then((summary) => {
      if (summary.sent || summary.failed || summary.retried) logger.info(summary, 'outbox pass')
    })
    .catch((error) => logger.error({ err: error }, 'outbox pass crashed'))
    .finally(() => {
      running = undefined
      if (rerun) {
        rerun = false
        void tick()
      }
    })
}

/*
 * The worker runs in the background thread (app/server/background.ts) while mail is queued by
 * requests in the web thread: a queued message is announced on a BroadcastChannel, which reaches
 * every thread of the process, so it goes out at once rather than at the next poll.
 */
const WAKE_CHANNEL = 'frivilligbro:outbox-wake'
let wakeSender: BroadcastChannel | undefined
let wakeListener: BroadcastChannel | undefined

/** Asks the worker, in this thread or another, to look at the outbox now rather than at its next poll. */
export function wakeOutbox() {
  if (timer) {
    void tick()
    return
  }
  if (!wakeSender) {
    wakeSender = new BroadcastChannel(WAKE_CHANNEL)
    ;(wakeSender as unknown as { unref?: () => void }).unref?.()
  }
  wakeSender.postMessage('wake')
}

export function startOutboxWorker(pollMs = 2_000) {
  if (timer) return
  const { SMTP_URL } = getEnv()
  mailer = SMTP_URL ? createMailer(SMTP_URL) : null
  logger.info({ smtp: Boolean(SMTP_URL), pollMs }, SMTP_URL ? 'outbox worker delivering over SMTP' : 'outbox worker keeping mail in the built-in mailbox (no SMTP_URL)')
  timer = setInterval(tick, pollMs)
  timer.unref()
  wakeListener = new BroadcastChannel(WAKE_CHANNEL)
  wakeListener.onmessage = () => void tick()
  ;(wakeListener as unknown as { unref?: () => void }).unref?.()
  void tick()
}

export async function stopOutboxWorker() {
  if (timer) clearInterval(timer)
  timer = undefined
  wakeListener?.close()
  wakeListener = undefined
  await running
}
