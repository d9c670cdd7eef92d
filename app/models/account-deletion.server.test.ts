import fs from 'node:fs'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { addStaff, createFacility, createUser, formRequest, sessionCookieFor, TEST_PASSWORD } from '../../tests/setup/fixtures'
import { createAd } from '../../tests/setup/fixtures-matching'
import { richVolunteer } from '../../tests/setup/fixtures-rights'
import { smtpCatcherForFile } from '../../tests/setup/smtp-catcher-for-file'
import { anonymizeAccount, deletionBlocks } from './account-deletion.server'
import { threadPage } from './thread.server'
import { saveVolunteerPhoto } from './who-comes.server'
import { login } from './user.server'
import * as dataPage from '~/routes/settings+/data'
import { getUser } from '~/utils/auth.server'
import { databaseFilePath } from '~/utils/database-url'
import { checkpointDatabase, prisma } from '~/utils/db.server'
import { shownName } from '~/utils/former-person'
import { getFixedT } from '~/utils/i18n.server'
import { createMailer, deliverDueMessages } from '~/utils/outbox.server'
import { resetRateLimits } from '~/utils/rate-limit.server'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'
const catcher = smtpCatcherForFile()


/** The database file and its write-ahead log as raw bytes, lower-cased (ASCII) for a case-blind search. */
function databaseBytes() {
  const file = databaseFilePath(process.env.DATABASE_URL!)
  return ['', '-wal']
    .filter((suffix) => fs.existsSync(file + suffix))
    .map((suffix) => fs.readFileSync(file + suffix).toString('latin1').toLowerCase())
    .join('\n')
}
/** How a string's UTF-8 bytes look in databaseBytes(). */
const asStored = (value: string) => Buffer.from(value, 'utf8').toString('latin1').toLowerCase()

describe('deleting an account', () => {
  test('anonymises a volunteer: no trace of name, e-mail or phone in the database file; visits and hours stay; the contact person is told', async () => {
    const identity = { name: 'Ærtebjørg Qwistgaard-Unikum', email: 'aertebjorg.qwist@example.test', phone: '71 93 28 46', oldEmail: 'aebq.tidligere@example.test' }
    const world = await richVolunteer(identity)
    const cookie = await sessionCookieFor(world.volunteer.id)
    // The planner's statistics sample index keys (User.email among them): they must forget too.
    await prisma.$executeRawUnsafe('ANALYZE')
    const secrets = [identity.name, identity.email, identity.phone, '71932846', identity.oldEmail]
    // A board photo with consent: a picture of their face, which must go with the account.
    const portrait = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c0ffee', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .png()
      .toBuffer()
    expect(await saveVolunteerPhoto(world.volunteer.id, portrait)).toEqual({ ok: true })
    const photo = await prisma.volunteerPhoto.findUniqueOrThrow({ where: { userId: world.volunteer.id } })
    // A stretch from the middle of the stored JPEG (a noisy picture: no run of zeros that a page
    // header could also hold) to look for in the file afterwards.
    const image = Buffer.from(photo.image)
    const photoBytes = image.subarray(image.length >> 1, (image.length >> 1) + 64).toString('latin1').toLowerCase()

    // The search can see them before: otherwise the check after would prove nothing.
    await checkpointDatabase()
    const before = databaseBytes()
    for (const secret of [identity.name, identity.email, identity.phone, identity.oldEmail]) expect(before.includes(asStored(secret)), secret).toBe(true)
    expect(before.includes(photoBytes), 'photo').toBe(true)

    expect(await anonymizeAccount(world.volunteer.id, { reason: 'self' })).toEqual({ ok: true })
    await deliverDueMessages({ mailer: createMailer(catcher.url), from: FROM })

    // The contact person gets the usual "match ended" e-mail, naming nobody.
    const ended = await catcher.waitFor((mail) => mail.to.includes(world.contact.email.toLowerCase()) && mail.subject.startsWith('Afsluttet'))
    expect(ended.subject).toBe(`Afsluttet: Tidligere frivillig på ${world.facility.name}`)
    expect(ended.text).toContain(`Den frivillige på »${world.ad.title}« hos ${world.facility.name} har slettet sin konto i Frivilligbro, så samarbejdet er afsluttet.`)
    expect(ended.text).not.toContain('Begrundelse')
    expect(ended.text).toContain('De 2 planlagte besøg herefter er aflyst.')
    // The intro e-mail about them that was still waiting is emptied and never sent.
    expect(catcher.messages.some((mail) => mail.subject.includes(identity.name))).toBe(false)
    const approvedMail = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'match-approved', toEmail: world.contact.email } })
    expect(approvedMail).toMatchObject({ status: 'failed', subject: '[…]', html: '', text: '', attachments: null })
    expect(await prisma.outboxMessage.count({ where: { toEmail: { in: [identity.email, identity.oldEmail] } } })).toBe(0)

    // Nothing of them anywhere in the file, nor in the log.
    await checkpointDatabase()
    const after = databaseBytes()
    for (const secret of secrets) expect(after.includes(asStored(secret)), secret).toBe(false)
    // Nor as single words in the thread search index (FTS5 keeps tokens, lower-cased).
    for (const word of ['qwistgaard', 'ærtebjørg']) expect(after.includes(asStored(word)), word).toBe(false)
    // Nor their photo, down to its bytes.
    expect(after.includes(photoBytes), 'photo').toBe(false)

    // What they did stays countable.
    const visits = await prisma.visit.groupBy({ by: ['status'], where: { volunteerId: world.volunteer.id }, _count: { _all: true }, _sum: { hours: true } })
    expect(Object.fromEntries(visits.map((row) => [row.status, [row._count._all, row._sum.hours]]))).toEqual({ done: [1, 2], cancelled: [2, null] })
    expect(await prisma.match.findUniqueOrThrow({ where: { id: world.match.id } })).toMatchObject({ status: 'ended', endReason: 'Den frivillige har slettet sin konto.' })
    expect(await prisma.visitPlan.findUniqueOrThrow({ where: { id: world.plan.id } })).toMatchObject({ status: 'ended' })
    expect(await prisma.application.findUniqueOrThrow({ where: { id: world.openApplication.id } })).toMatchObject({ status: 'withdrawn', motivation: '' })
    expect(await prisma.followUpResponse.findFirstOrThrow({ where: { respondentId: world.volunteer.id } })).toMatchObject({ satisfaction: 5, wishes: null })

    // Their posts stay, by "Tidligere frivillig", without the signature.
    const page = await threadPage(world.thread.threadId, { userId: world.contact.id, moderator: false })
    const t = await getFixedT('da', 'threads')
    expect(page!.posts.map((post) => [shownName(t, post.author), post.body])).toEqual([
      ['Tidligere frivillig', 'Prøv Zoom. Hilsen […]'],
      ['Jonas Kontakt', 'Tak! Ring gerne til […] på […].'],
    ])

    // The account: a placeholder, no way in.
    const user = await prisma.user.findUniqueOrThrow({ where: { id: world.volunteer.id } })
    expect(user).toMatchObject({ name: '', phone: null, passwordHash: null, calendarToken: null })
    expect(user.email).toMatch(/^deleted-[0-9a-f]+@invalid$/)
    expect(user.anonymizedAt).not.toBeNull()
    for (const [table, count] of Object.entries({
      checks: await prisma.volunteerCheck.count({ where: { volunteerId: user.id } }),
      sessions: await prisma.session.count({ where: { userId: user.id } }),
      tokens: await prisma.oneTimeToken.count({ where: { userId: user.id } }),
      subscriptions: await prisma.threadSubscription.count({ where: { userId: user.id } }),
      reads: await prisma.threadRead.count({ where: { userId: user.id } }),
      photos: await prisma.volunteerPhoto.count({ where: { userId: user.id } }),
    })) {
      expect(count, table).toBe(0)
    }
    expect(await getUser(new Request('http://localhost:3000/settings', { headers: { Cookie: cookie } }))).toBeNull()
    expect(await login({ email: identity.email, password: TEST_PASSWORD, ip: 'after-deletion' })).toEqual({ ok: false, reason: 'invalid' })
    expect(await anonymizeAccount(world.volunteer.id, { reason: 'self' })).toEqual({ ok: false, reason: 'already-deleted' })
  })

  test('a coordinator, an admin and the last leader of a facility are told what must happen first', async () => {
    const coordinator = await createUser('coordinator')
    const admin = await createUser('admin')
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    await addStaff(facility.id, leader.id, 'leader')
    expect(await deletionBlocks(coordinator.id)).toEqual([{ kind: 'coordinator' }])
    expect(await deletionBlocks(admin.id)).toEqual([{ kind: 'admin' }])
    expect(await deletionBlocks(leader.id)).toEqual([{ kind: 'last-leader', facilities: [{ id: facility.id, name: facility.name }] }])
    for (const id of [coordinator.id, admin.id, leader.id]) expect((await anonymizeAccount(id, { reason: 'inactive' })).ok).toBe(false)
    expect(await prisma.user.count({ where: { id: { in: [coordinator.id, admin.id, leader.id] }, anonymizedAt: { not: null } } })).toBe(0)

    // With a second leader the first may go; their ads fall back to the facility's leader.
    const second = await createUser('facility_staff')
    await addStaff(facility.id, second.id, 'leader')
    const ad = await createAd(facility, leader.id)
    expect(await deletionBlocks(leader.id)).toEqual([])
    expect(await anonymizeAccount(leader.id, { reason: 'inactive' })).toEqual({ ok: true })
    expect(await prisma.jobAd.findUniqueOrThrow({ where: { id: ad.id } })).toMatchObject({ contactPersonId: null })
    expect(await prisma.facilityMembership.findFirstOrThrow({ where: { userId: leader.id } })).toMatchObject({ status: 'removed', isContactPerson: false })
    const t = await getFixedT('en', 'threads')
    expect(shownName(t, await prisma.user.findUniqueOrThrow({ where: { id: leader.id }, select: { name: true, role: true } }))).toBe('Former staff member')
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityId: leader.id, action: 'user.anonymized' } })).toMatchObject({ actorId: null })
  })

  test('the settings page asks for the password, limits attempts, then signs out to the home page', async () => {
    resetRateLimits()
    const identity = { name: 'Bodil Sletmig', email: 'bodil.sletmig@example.test', phone: '22 33 44 55', oldEmail: 'bodil.gammel@example.test' }
    const world = await richVolunteer(identity)
    const cookie = await sessionCookieFor(world.volunteer.id)
    const submit = (password: string, context: Record<string, unknown> = {}) =>
      dataPage.action({ request: formRequest('/settings/data', { intent: 'delete', password }, { cookie }), params: {}, context })

    const wrong = await submit('forkert-kode')
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ fieldErrors: { password: ['auth:settings.wrongPassword'] }, values: { intent: 'delete' } })
    const empty = await submit('')
    expect(await empty.json()).toMatchObject({ fieldErrors: { password: ['validation.required'] } })

    // Five tries per account in a quarter of an hour, whatever the address.
    for (let i = 0; i < 4; i++) await submit('forkert-kode', { clientIp: `10.0.0.${i}` })
    const limited = await submit(TEST_PASSWORD, { clientIp: '10.0.0.9' })
    expect(limited.status).toBe(429)
    expect(await limited.json()).toMatchObject({ fieldErrors: { password: [expect.stringMatching(/^common:limits\.tryAgainIn(Seconds|Minutes)\?count=\d+$/)] } })
    expect(await prisma.user.findUniqueOrThrow({ where: { id: world.volunteer.id }, select: { anonymizedAt: true } })).toEqual({ anonymizedAt: null })

    resetRateLimits()
    const done = await submit(TEST_PASSWORD)
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/')
    const cookies = done.headers.get('Set-Cookie') ?? ''
    expect(cookies).toMatch(/frivilligbro_session=;/)
    expect(cookies).toContain('frivilligbro_toast=')
    expect(await prisma.user.findUniqueOrThrow({ where: { id: world.volunteer.id }, select: { anonymizedAt: true } })).not.toEqual({ anonymizedAt: null })
  })
})
