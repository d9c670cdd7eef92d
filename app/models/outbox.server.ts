import { prisma } from '~/utils/db.server'
import { DELIVERY_DEADLINE_MS } from '~/utils/email.server'
import { wakeOutbox } from '~/utils/outbox.server'

const listSelect = {
  id: true,
  toEmail: true,
  toName: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  deadlineAt: true,
  sentAt: true,
  createdAt: true,
} as const

/** The newest messages, for the built-in mailbox. */
export function recentMessages(take = 100) {
  return prisma.outboxMessage.findMany({ select: listSelect, orderBy: { createdAt: 'desc' }, take })
}

export function messageById(id: string) {
  return prisma.outboxMessage.findUnique({
    where: { id },
    select: { ...listSelect, html: true, text: true, attachments: true, locale: true },
  })
}

/** What an admin needs to see: messages that failed, and those still waiting to go out. */
export async function outboxOverview() {
  const [failed, pending, counts] = await Promise.all([
    prisma.outboxMessage.findMany({ where: { status: 'failed' }, select: listSelect, orderBy: { createdAt: 'desc' }, take: 100 }),
    prisma.outboxMessage.findMany({ where: { status: { in: ['pending', 'sending'] } }, select: listSelect, orderBy: { nextAttemptAt: 'asc' }, take: 100 }),
    prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  return { failed, pending, counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Record<string, number> }
}

/** An admin sends a failed message again, with a fresh deadline. */
export async function retryMessage(id: string) {
  const now = new Date()
  const result = await prisma.outboxMessage.updateMany({
    where: { id, status: 'failed' },
    data: { status: 'pending', nextAttemptAt: now, deadlineAt: new Date(now.getTime() + DELIVERY_DEADLINE_MS), attempts: 0 },
  })
  wakeOutbox()
  return result.count === 1
}
