import { render } from '@react-email/render'
import { createElement } from 'react'
import { subjectKey, templates, type EmailTemplates, type EmailT, type TemplateName } from '../../emails/index'
import type { Tx } from './db.server'
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
