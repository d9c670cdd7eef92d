// queueAfterClaim: e-mails rendered before the short transaction that claims their row.
import { describe, expect, test } from 'vitest'
import { createUser } from '../../tests/setup/fixtures'
import { smtpCatcherForFile } from '../../tests/setup/smtp-catcher-for-file'
import { prisma, type Tx } from './db.server'
import { queueAfterClaim, type AnyEmailRequest } from './email.server'
import { createMailer, deliverDueMessages } from './outbox.server'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'
const catcher = smtpCatcherForFile()


function verification(to: string, dedupeKey?: string): AnyEmailRequest {
  return { to, toName: 'Test', locale: 'da', template: 'verify-email', dedupeKey, props: { name: 'Test', url: 'http://localhost:3000/verify-email?token=abc', expiresInHours: 48 } }
}

describe('queueAfterClaim', () => {
  test('two sends of the same row at once: both render, one claims and writes, the other writes nothing; one e-mail arrives', async () => {
    const user = await createUser('volunteer')
    // A claim as the jobs make them: a guarded update that only one transaction can win.
    const claim = async (tx: Tx) => (await tx.user.updateMany({ where: { id: user.id, inactivityWarnedAt: null }, data: { inactivityWarnedAt: new Date() } })).count > 0
    const results = await Promise.all([queueAfterClaim([verification(user.email)], claim), queueAfterClaim([verification(user.email)], claim)])
    expect(results.sort()).toEqual([1, null])
    expect(await prisma.outboxMessage.count({ where: { toEmail: user.email } })).toBe(1)
    await deliverDueMessages({ mailer: createMailer(catcher.url), from: FROM })
    expect(catcher.messages.filter((mail) => mail.to.includes(user.email.toLowerCase()))).toHaveLength(1)
  })

  test('a failed claim writes none of the messages; a message already queued is not written again', async () => {
    const user = await createUser('volunteer')
    const other = await createUser('volunteer')
    // Already claimed (e.g. by another process) before this send got to its transaction.
    await prisma.user.update({ where: { id: user.id }, data: { inactivityWarnedAt: new Date() } })
    const claim = async (tx: Tx) => (await tx.user.updateMany({ where: { id: user.id, inactivityWarnedAt: null }, data: { inactivityWarnedAt: new Date() } })).count > 0
    expect(await queueAfterClaim([verification(user.email), verification(other.email)], claim)).toBeNull()
    expect(await prisma.outboxMessage.count({ where: { toEmail: { in: [user.email, other.email] } } })).toBe(0)

    const key = `test:${user.id}`
    expect(await queueAfterClaim([verification(user.email, key)], async () => true)).toBe(1)
    expect(await queueAfterClaim([verification(user.email, key), verification(other.email)], async () => true)).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: user.email } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: other.email } })).toBe(1)
  })
})
