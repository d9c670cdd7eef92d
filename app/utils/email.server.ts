import { isMainThread } from 'node:worker_threads'
import { render } from '@react-email/render'
import { createElement } from 'react'
import { subjectKey, templates, type EmailTemplates, type EmailT, type TemplateName } from '../../emails/index'
import { prisma, type Tx } from './db.server'
import type { Locale } from './domain'
import { getFixedT } from './i18n.server'
import { wakeOutbox } from './outbox.server'

export type Attachment = { filename: string; contentType: string; content: string }

export type EmailRequest<N extends TemplateName> = {
  to: string
  toName?: string | null
  locale: Locale
  template: N
  props: EmailTemplates[N]
  /** Makes the message idempotent: a second request with the same key is ignored. */
  dedupeKey?: string
  attachments?: Attachment[]
}

/** How long the worker keeps retrying before a message is marked failed for an admin to see. */
export const DELIVERY_DEADLINE_MS = 48 * 60 * 60 * 1000

// html-to-text writes headings in capitals by default; in a plain-text e-mail that reads as
// shouting, so headings keep their case (they still stand on their own line).
const PLAIN_TEXT_OPTIONS = {
  selectors: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
}

export async function renderEmail<N extends TemplateName>(template: N, props: EmailTemplates[N], locale: Locale) {
  const t = (await getFixedT(locale, 'emails')) as unknown as EmailT
  const element = createElement(templates[template] as never, { ...props, t } as never)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT_OPTIONS })])
  const values = { ...(props as Record<string, unknown>), ...((props as { values?: Record<string, string> }).values ?? {}) }
  return { subject: t(subjectKey(template, props), values), html, text }
}

/**
 * Renders a message in the recipient's language and writes it to the outbox inside the caller's
 * transaction, so the message exists exactly when the change that caused it does.
 */
export async function queueEmail<N extends TemplateName>(tx: Tx, request: EmailRequest<N>) {
  if (request.dedupeKey && (await alreadyQueued(tx, request.dedupeKey))) return null
  return writeToOutbox(tx, request, await renderEmail(request.template, request.props, request.locale))
}

export type PreparedEmail = { request: EmailRequest<TemplateName>; rendered: Awaited<ReturnType<typeof renderEmail>> }

/**
 * Renders a message ahead of its transaction (queuePreparedEmail writes it). For background work
 * that sends many: rendering takes milliseconds of CPU per message, and done inside the
 * transaction it would hold SQLite's single write lock all that time, keeping every request that
 * writes (a log-in, a booking) waiting.
 */
export async function prepareEmail<N extends TemplateName>(request: EmailRequest<N>): Promise<PreparedEmail> {
  return { request: request as EmailRequest<TemplateName>, rendered: await renderEmail(request.template, request.props, request.locale) }
}

/** Writes a message rendered by prepareEmail to the outbox inside the caller's transaction (a short write). */
export async function queuePreparedEmail(tx: Tx, { request, rendered }: PreparedEmail) {
  if (request.dedupeKey && (await alreadyQueued(tx, request.dedupeKey))) return null
  return writeToOutbox(tx, request, rendered)
}

/** A request for any template, its props checked against that template's. */
export type AnyEmailRequest = { [N in TemplateName]: EmailRequest<N> }[TemplateName]

/**
 * One step of a background job that sends many e-mails: renders `requests` first (prepareEmail),
 * then in one short transaction runs `claim` and, only if it returns true, writes the messages
 * (queuePreparedEmail, with its dedupe check). `claim` re-checks that the row is still due and
 * marks it taken with a guarded update (e.g. `FollowUp` due → sent), plus any writes that belong
 * with the e-mails; when it fails — another run or process took the row after it was read, or it
 * was cancelled meanwhile — the rendered messages are dropped. The transaction holds SQLite's
 * write lock for the claim and the inserts only, not for the rendering.
 * In the background thread each step is followed by a pause as long as the step took
 * (pauseAsLongAsWorked). Returns how many messages were written, or null when the claim failed.
 */
export async function queueAfterClaim(requests: AnyEmailRequest[], claim: (tx: Tx) => Promise<boolean>): Promise<number | null> {
  const started = performance.now()
  const emails: PreparedEmail[] = []
  for (const request of requests) emails.push(await prepareEmail(request))
  const written = await prisma.$transaction(async (tx) => {
    if (!(await claim(tx))) return null
    let count = 0
    for (const email of emails) if (await queuePreparedEmail(tx, email)) count++
    return count
  })
  await pauseAsLongAsWorked(started)
  return written
}

/**
 * A burst of background e-mails (two thousand reminders at the start of a day) keeps the
 * background thread busy for half a minute or more. On two cores the pages answered meanwhile
 * slowed by ~1.45× at the 95th percentile even at the lowest priority (BACKGROUND_NICE), since
 * what they share is the machine's caches and memory, not a core; idle half the time, the burst
 * takes twice as long and the pages slow by ~1.3× ("Measured speed", 2026-11-30, late). Only in
 * the background thread: a step run in a request (or a test) does not wait.
 */
function pauseAsLongAsWorked(started: number) {
  if (isMainThread) return
  const worked = performance.now() - started
  return new Promise<void>((resolve) => setTimeout(resolve, Math.min(worked, MAX_PAUSE_MS)))
}
const MAX_PAUSE_MS = 1_000

async function alreadyQueued(tx: Tx, dedupeKey: string) {
  return Boolean(await tx.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } }))
}

async function writeToOutbox(tx: Tx, request: EmailRequest<TemplateName>, { subject, html, text }: PreparedEmail['rendered']) {
  const now = new Date()
  const message = await tx.outboxMessage.create({
    data: {
      dedupeKey: request.dedupeKey ?? null,
      toEmail: request.to,
      toName: request.toName ?? null,
      locale: request.locale,
      template: request.template,
      subject,
      html,
      text,
      attachments: request.attachments ? JSON.stringify(request.attachments) : null,
      nextAttemptAt: now,
      deadlineAt: new Date(now.getTime() + DELIVERY_DEADLINE_MS),
    },
    select: { id: true },
  })
  // The transaction commits right after; the worker then picks the message up without waiting.
  setTimeout(wakeOutbox, 25).unref?.()
  return message
}
