import net from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { startSmtpCatcher } from '../../tests/setup/smtp-catcher'
import { prisma } from './db.server'
import { DELIVERY_DEADLINE_MS, queueEmail } from './email.server'
import { createMailer, deliverDueMessages, retryDelayMs } from './outbox.server'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'

async function freePort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo
      server.close(() => resolve(address.port))
    })
  })
}

async function queueVerification(to: string, locale: 'da' | 'en' = 'da') {
  await prisma.$transaction((tx) =>
    queueEmail(tx, { to, toName: 'Test', locale, template: 'verify-email', props: { name: 'Test', url: 'http://localhost:3000/verify-email?token=abc', expiresInHours: 48 } }),
  )
}

afterEach(async () => {
  await prisma.outboxMessage.deleteMany()
})

describe('the outbox', () => {
  test('while the SMTP server is down nothing is lost; once it is up every message arrives exactly once', async () => {
    const port = await freePort()
    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    for (let i = 0; i < 5; i++) await queueVerification(`person${i}@example.test`)

    const start = new Date()
    const down = await deliverDueMessages({ mailer, from: FROM, now: start })
    expect(down).toMatchObject({ sent: 0, retried: 5, failed: 0 })
    const waiting = await prisma.outboxMessage.findMany()
    expect(waiting.every((m) => m.status === 'pending' && m.attempts === 1 && m.lastError)).toBe(true)

    // Still down at the next attempt: the delay doubles.
    const second = new Date(start.getTime() + retryDelayMs(1))
    expect(await deliverDueMessages({ mailer, from: FROM, now: second })).toMatchObject({ retried: 5 })
    const afterTwo = await prisma.outboxMessage.findFirstOrThrow()
    expect(afterTwo.nextAttemptAt.getTime() - second.getTime()).toBe(retryDelayMs(2))
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1))

    const catcher = await startSmtpCatcher(port)
    try {
      const later = new Date(second.getTime() + retryDelayMs(2))
      expect(await deliverDueMessages({ mailer, from: FROM, now: later })).toMatchObject({ sent: 5, retried: 0 })
      // Another pass, and another much later, send nothing more.
      await deliverDueMessages({ mailer, from: FROM, now: new Date(later.getTime() + 60_000) })
      await deliverDueMessages({ mailer, from: FROM, now: new Date(later.getTime() + DELIVERY_DEADLINE_MS * 2) })
      expect(catcher.messages).toHaveLength(5)
      expect(new Set(catcher.messages.map((m) => m.to[0])).size).toBe(5)
      expect(new Set(catcher.messages.map((m) => m.messageId)).size).toBe(5)
      expect(catcher.messages[0].subject).toBe('Bekræft din e-mail til Frivilligbro')
      expect(catcher.messages[0].text).toContain('http://localhost:3000/verify-email?token=abc')
      expect(await prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(5)
    } finally {
      await catcher.close()
    }
  })

  test('a message that cannot be delivered before its deadline is marked failed for an admin to see', async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${await freePort()}`)
    await queueVerification('late@example.test')
    const afterDeadline = new Date(Date.now() + DELIVERY_DEADLINE_MS + 1000)
    expect(await deliverDueMessages({ mailer, from: FROM, now: afterDeadline })).toMatchObject({ failed: 1 })
    const message = await prisma.outboxMessage.findFirstOrThrow()
    expect(message.status).toBe('failed')
    expect(message.lastError).toBeTruthy()
  })

  test('without SMTP the message is kept, rendered, for the built-in mailbox', async () => {
    await queueVerification('kept@example.test', 'en')
    expect(await deliverDueMessages({ mailer: null, from: FROM })).toMatchObject({ kept: 1 })
    const message = await prisma.outboxMessage.findFirstOrThrow()
    expect(message.status).toBe('kept')
    expect(message.subject).toBe('Confirm your e-mail for Frivilligbro')
    expect(message.html).toContain('Confirm my e-mail')
    expect(message.text).toContain('verify-email?token=abc')
  })

  test('a message queued in a transaction that rolls back never exists', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, { to: 'ghost@example.test', locale: 'da', template: 'verify-email', props: { name: 'G', url: 'http://x', expiresInHours: 1 } })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await prisma.outboxMessage.count()).toBe(0)
  })

  test('a dedupe key makes queueing idempotent', async () => {
    for (let i = 0; i < 3; i++) {
      await prisma.$transaction((tx) =>
        queueEmail(tx, { to: 'once@example.test', locale: 'da', template: 'verify-email', props: { name: 'O', url: 'http://x', expiresInHours: 1 }, dedupeKey: 'once' }),
      )
    }
    expect(await prisma.outboxMessage.count()).toBe(1)
  })
})
