import { addDays, addMonths, addYears, subDays, subMonths, subYears } from 'date-fns'
import { describe, expect, test } from 'vitest'
import { createUser, formRequest, sessionCookieFor } from '../../tests/setup/fixtures'
import { createApplication, createVolunteer, matchingWorld } from '../../tests/setup/fixtures-matching'
import { linkIn } from '../../tests/setup/smtp-catcher'
import { smtpCatcherForFile } from '../../tests/setup/smtp-catcher-for-file'
import * as loginRoute from '~/routes/_auth+/login'
import * as mailboxPage from '~/routes/mailbox+/_index'
import * as messagePage from '~/routes/mailbox+/$messageId'
import { formatDate } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { createMailer, deliverDueMessages } from '~/utils/outbox.server'
import {
  accountsDueForAnonymisation,
  deleteOldAuditEntries,
  deleteStaleChecks,
  emptyDeliveredMessages,
  nightStart,
  purgeSessionsAndTokens,
  runRetention,
  runRetentionIfDue,
  warnInactiveAccounts,
  type Anonymizer,
} from './retention.server'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'
const catcher = smtpCatcherForFile()


async function message(data: { status: string; sentAt?: Date | null; createdAt?: Date; subject?: string }) {
  return prisma.outboxMessage.create({
    data: {
      toEmail: 'mette@example.test',
      toName: 'Mette Frivillig',
      locale: 'da',
      template: 'reset-password',
      subject: data.subject ?? 'Vælg en ny adgangskode',
      html: '<p>Ring til Mette på 20 30 40 50: https://app/reset?token=abc</p>',
      text: 'Ring til Mette på 20 30 40 50: https://app/reset?token=abc',
      attachments: JSON.stringify([{ filename: 'visit.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }]),
      status: data.status,
      sentAt: data.sentAt ?? null,
      createdAt: data.createdAt,
      deadlineAt: addDays(new Date(), 2),
    },
  })
}

const body = (id: string) =>
  prisma.outboxMessage.findUniqueOrThrow({ where: { id }, select: { subject: true, html: true, text: true, attachments: true, toName: true, toEmail: true, status: true } })

describe('delivered e-mail bodies are emptied after the outbox period', () => {
  test('day 29 keeps the body, day 30 empties it; pending and failed messages keep theirs', async () => {
    const deliveredAt = new Date('2026-03-01T10:00:00Z')
    const sent = await message({ status: 'sent', sentAt: deliveredAt, createdAt: subDays(deliveredAt, 1) })
    const kept = await message({ status: 'kept', createdAt: deliveredAt })
    const pending = await message({ status: 'pending', createdAt: subDays(deliveredAt, 40) })
    const failed = await message({ status: 'failed', createdAt: subDays(deliveredAt, 40) })

    await emptyDeliveredMessages(addDays(deliveredAt, 29))
    expect((await body(sent.id)).text).toContain('20 30 40 50')
    expect((await body(kept.id)).html).toContain('20 30 40 50')

    await emptyDeliveredMessages(addDays(deliveredAt, 30))
    for (const id of [sent.id, kept.id]) {
      // The row stays for the admin's queue, but nothing personal from the message is left.
      expect(await body(id)).toMatchObject({ subject: '', html: '', text: '', attachments: null, toName: null, toEmail: 'mette@example.test' })
    }
    expect((await body(sent.id)).status).toBe('sent')
    for (const id of [pending.id, failed.id]) {
      expect(await body(id)).toMatchObject({ text: expect.stringContaining('20 30 40 50'), attachments: expect.stringContaining('VCALENDAR'), toName: 'Mette Frivillig' })
    }
  })

  test('the mailbox lists an emptied message as "emptied after N days", not as a blank', async () => {
    const admin = await createUser('admin')
    const sessionCookie = await sessionCookieFor(admin.id)
    const old = await message({ status: 'sent', sentAt: subDays(new Date(), 31), createdAt: subDays(new Date(), 31) })
    await emptyDeliveredMessages(new Date())
    const response = (await mailboxPage.loader({ request: new Request('http://localhost:3000/mailbox', { headers: { Cookie: sessionCookie } }), params: {}, context: {} })) as Response
    const data = (await response.json()) as { outboxDays: number; messages: { id: string; emptied: boolean }[] }
    expect(data.outboxDays).toBe(30)
    expect(data.messages.find((row) => row.id === old.id)).toMatchObject({ emptied: true })
    const page = (await messagePage.loader({ request: new Request(`http://localhost:3000/mailbox/${old.id}`, { headers: { Cookie: sessionCookie } }), params: { messageId: old.id }, context: {} })) as Response
    expect(await page.json()).toMatchObject({ title: 'Tømt efter 30 dage (reset-password)', emptied: true, message: { text: '', html: '' } })
  })
})

describe('sessions and one-time links', () => {
  test('expired sessions and expired or long-used links go; live ones stay', async () => {
    const now = new Date('2026-06-01T03:00:00Z')
    const user = await createUser('volunteer')
    await prisma.session.createMany({
      data: [
        { id: `expired-${user.id}`, userId: user.id, expiresAt: subDays(now, 1) },
        { id: `live-${user.id}`, userId: user.id, expiresAt: addDays(now, 10) },
      ],
    })
    const token = (hash: string, data: { expiresAt: Date; usedAt?: Date }) => ({ tokenHash: `${hash}-${user.id}`, purpose: 'reset_password', userId: user.id, email: user.email, ...data })
    await prisma.oneTimeToken.createMany({
      data: [
        token('expired', { expiresAt: subDays(now, 1) }),
        token('used-long-ago', { expiresAt: addDays(now, 20), usedAt: subDays(now, 8) }),
        token('used-yesterday', { expiresAt: addDays(now, 20), usedAt: subDays(now, 1) }),
        token('valid', { expiresAt: addDays(now, 1) }),
      ],
    })
    await purgeSessionsAndTokens(now)
    expect((await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([`live-${user.id}`])
    const left = await prisma.oneTimeToken.findMany({ where: { userId: user.id }, select: { tokenHash: true }, orderBy: { tokenHash: 'asc' } })
    expect(left.map((t) => t.tokenHash)).toEqual([`used-yesterday-${user.id}`, `valid-${user.id}`])
  })

  test('the pass runs once a night: after 03:00 Copenhagen time, not again until the next night', async () => {
    // Far ahead of every other test's clock, so only these passes count.
    const night = new Date('2100-01-05T02:05:00Z') // 03:05 in Copenhagen (winter, UTC+1)
    expect(nightStart(night).toISOString()).toBe('2100-01-05T02:00:00.000Z')
    expect(nightStart(new Date('2100-01-05T01:55:00Z')).toISOString()).toBe('2100-01-04T02:00:00.000Z')
    const user = await createUser('volunteer')
    await prisma.session.create({ data: { id: `night-${user.id}`, userId: user.id, expiresAt: new Date('2100-01-05T00:00:00Z') } })

    expect(await runRetentionIfDue(night)).toMatchObject({ sessions: expect.any(Number) })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    await prisma.session.create({ data: { id: `night2-${user.id}`, userId: user.id, expiresAt: new Date('2100-01-05T12:00:00Z') } })
    expect(await runRetentionIfDue(new Date('2100-01-05T12:10:00Z'))).toBeNull()
    expect(await runRetentionIfDue(new Date('2100-01-06T01:55:00Z'))).toBeNull() // 02:55 the next night
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    expect(await runRetentionIfDue(new Date('2100-01-06T02:05:00Z'))).not.toBeNull()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('recorded checks', () => {
  test('go six months after the last match ended, unless the volunteer has an open match or application', async () => {
    const world = await matchingWorld()
    const ended = addDays(new Date(), 10)
    const match = (volunteerId: string, status: string) =>
      prisma.match.create({ data: { jobAdId: world.ad.id, facilityId: world.facility.id, volunteerId, status, endedAt: status === 'ended' ? ended : null } })
    const check = (volunteerId: string) => prisma.volunteerCheck.create({ data: { volunteerId, kind: 'criminal_record', checkedAt: new Date() } })

    const done = world.volunteer
    await match(done.id, 'ended')
    const doneCheck = await check(done.id)

    const stillActive = await createVolunteer('Gribskov Kommune', { name: 'Aktiv Frivillig' })
    await match(stillActive.id, 'ended')
    await match(stillActive.id, 'active')
    const activeCheck = await check(stillActive.id)

    const applying = await createVolunteer('Gribskov Kommune', { name: 'Søgende Frivillig' })
    await match(applying.id, 'ended')
    await createApplication(world.ad.id, applying.id, { status: 'submitted' })
    const applyingCheck = await check(applying.id)

    // The application of `done` (matched) closed at creation; the match end is the latest involvement.
    await prisma.application.update({ where: { id: world.application.id }, data: { status: 'matched' } })

    const exists = async (id: string) => (await prisma.volunteerCheck.count({ where: { id } })) === 1
    await deleteStaleChecks(subDays(addMonths(ended, 6), 1))
    expect(await exists(doneCheck.id)).toBe(true)

    await deleteStaleChecks(addDays(addMonths(ended, 6), 1))
    expect(await exists(doneCheck.id)).toBe(false)
    expect(await exists(activeCheck.id)).toBe(true)
    expect(await exists(applyingCheck.id)).toBe(true)
  })
})

describe('accounts nobody uses', () => {
  test('are warned by e-mail once, anonymised 30 days later; coordinators only warned; logging in cancels it', async () => {
    const base = new Date()
    const volunteer = await createUser('volunteer', { name: 'Ib Inaktiv', locale: 'da' })
    await prisma.user.update({ where: { id: volunteer.id }, data: { lastLoginAt: subMonths(base, 25) } })
    const staff = await createUser('facility_staff', { name: 'Staff Never', locale: 'en' })
    await prisma.user.update({ where: { id: staff.id }, data: { lastLoginAt: null, createdAt: subMonths(base, 30) } })
    const coordinator = await createUser('coordinator', { name: 'Karin Gammel' })
    await prisma.user.update({ where: { id: coordinator.id }, data: { lastLoginAt: subMonths(base, 26) } })
    const recent = await createUser('volunteer', { name: 'Rie Nylig' })
    await prisma.user.update({ where: { id: recent.id }, data: { lastLoginAt: subMonths(base, 23) } })
    const returning = await createUser('volunteer', { name: 'Bo Tilbage' })
    await prisma.user.update({ where: { id: returning.id }, data: { lastLoginAt: subMonths(base, 25) } })

    // Two passes at once (a slow pass overlapping the next tick) both render the warnings; the
    // one that claims each account writes its warning, and a second night sends nothing twice.
    await Promise.all([warnInactiveAccounts(base), warnInactiveAccounts(base)])
    await warnInactiveAccounts(addDays(base, 1))
    await deliverDueMessages({ mailer: createMailer(catcher.url), from: FROM, now: addDays(base, 1) })
    const mailTo = (email: string) => catcher.messages.filter((mail) => mail.to.includes(email))

    const [toVolunteer, ...again] = mailTo(volunteer.email)
    expect(again).toHaveLength(0)
    expect(toVolunteer.subject).toBe('Din profil hos Frivilligbro bliver slettet, hvis du ikke logger ind')
    expect(toVolunteer.text).toContain('24 måneder')
    expect(linkIn(toVolunteer, '/login')).toBe('http://localhost:3000/login?lng=da')
    expect(toVolunteer.text.replace(/\s+/g, ' ')).toContain(`inden ${formatDate(addDays(base, 30), 'da')}`)
    expect(mailTo(staff.email)[0].subject).toBe('Your Frivilligbro account will be deleted unless you log in')
    expect(mailTo(coordinator.email)[0].text).toContain('ikke slettet automatisk')
    expect(mailTo(recent.email)).toHaveLength(0)
    expect(mailTo(returning.email)).toHaveLength(1)
    expect(await prisma.auditLog.count({ where: { action: 'user.inactivity_warned', entityId: { in: [volunteer.id, staff.id, coordinator.id, returning.id] } } })).toBe(4)

    // The warned volunteer comes back and logs in with the usual form.
    const login = await loginRoute.action({
      request: formRequest('/login', { email: returning.email, password: 'Test-adgangskode-2026' }),
      params: {},
      context: { clientIp: '10.0.0.9' },
    })
    expect((login as Response).status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: returning.id }, select: { inactivityWarnedAt: true } })).toEqual({ inactivityWarnedAt: null })

    const ours = (ids: string[]) => ids.filter((id) => [volunteer.id, staff.id, coordinator.id, recent.id, returning.id].includes(id))
    expect(ours(await accountsDueForAnonymisation(addDays(base, 29)))).toEqual([])
    expect(ours(await accountsDueForAnonymisation(addDays(base, 30))).sort()).toEqual([volunteer.id, staff.id].sort())

    const anonymised: string[] = []
    const asked: string[] = []
    const anonymize: Anonymizer = async (userId, options) => {
      expect(options.reason).toBe('inactive')
      asked.push(userId)
      // The account deletion may refuse (a facility's last leader) or fail; the others still go.
      if (userId === staff.id) return { ok: false }
      if (userId === volunteer.id) anonymised.push(userId)
      else throw new Error('disk full')
      return { ok: true }
    }
    const summary = await runRetention(addDays(base, 31), { anonymize })
    expect(ours(asked).sort()).toEqual([volunteer.id, staff.id].sort())
    expect(anonymised).toEqual([volunteer.id])
    expect(summary).toMatchObject({ anonymised: 1, anonymiseRefused: asked.length - 1 })
    expect(anonymised).not.toContain(returning.id)
    expect(anonymised).not.toContain(coordinator.id)

    // Without the account deletion wired in, nothing is deleted: the due accounts are only counted.
    expect(await runRetention(addDays(base, 31))).toMatchObject({ anonymised: 0, anonymiseSkipped: expect.any(Number) })
  })
})

describe('the audit log', () => {
  test('keeps entries five years', async () => {
    const now = new Date('2026-06-01T03:00:00Z')
    const old = await prisma.auditLog.create({ data: { action: 'test.old', entityType: 'Test', entityId: 'x', createdAt: subDays(subYears(now, 5), 1) } })
    const young = await prisma.auditLog.create({ data: { action: 'test.young', entityType: 'Test', entityId: 'x', createdAt: addDays(subYears(now, 5), 1) } })
    await deleteOldAuditEntries(now)
    expect(await prisma.auditLog.count({ where: { id: old.id } })).toBe(0)
    expect(await prisma.auditLog.count({ where: { id: young.id } })).toBe(1)
    await deleteOldAuditEntries(addYears(now, 1))
    expect(await prisma.auditLog.count({ where: { id: young.id } })).toBe(0)
  })
})
