import { afterEach, describe, expect, test, vi } from 'vitest'
import { createCentre, createFacility, addStaff, createUser, TEST_PASSWORD } from '../../tests/setup/fixtures'
import { afterResponseWorkDone } from '~/utils/after-response.server'
import { prisma } from '~/utils/db.server'
import { resetRateLimits } from '~/utils/rate-limit.server'
import { hashToken } from '~/utils/tokens.server'
import {
  acceptInvitation,
  changePassword,
  checkCurrentPassword,
  confirmEmailChange,
  inviteUser,
  login,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  signUpFacilityStaff,
  signUpVolunteer,
  verifyEmail,
} from './user.server'
import { profileCompleteness, volunteerProfile } from './volunteer.server'

afterEach(async () => {
  vi.useRealTimers()
  await resetRateLimits()
})

/** The link token of the newest outbox message to an address. */
async function tokenFromMail(to: string, path: string) {
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: to }, orderBy: { createdAt: 'desc' } })
  const match = message.text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`))
  if (!match) throw new Error(`no ${path} link in "${message.subject}"`)
  return match[1]
}

const account = (email: string) => ({ name: 'Mette Frivillig', email, password: 'en god lang adgangskode', phone: null, locale: 'da' as const })

describe('signing up and confirming the address', () => {
  test('a volunteer signs up, gets a verification link, and can log in only after following it', async () => {
    const email = 'mette@example.test'
    expect(await signUpVolunteer(account(email))).toMatchObject({ created: true })
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { volunteerProfile: true } })
    expect(user.role).toBe('volunteer')
    expect(user.volunteerProfile).not.toBeNull()
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)

    expect(await login({ email, password: 'en god lang adgangskode', ip: '1.1.1.1' })).toMatchObject({ ok: false, reason: 'unverified' })

    const token = await tokenFromMail(email, '/verify-email')
    expect(await verifyEmail(token)).toMatchObject({ ok: true })
    expect(await verifyEmail(token)).toMatchObject({ ok: false }) // single use
    expect(await login({ email, password: 'en god lang adgangskode', ip: '1.1.1.1' })).toMatchObject({ ok: true })
    const welcome = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: email, template: 'welcome' } })
    expect(welcome.subject).toBe('Velkommen til Frivilligbro')
  })

  test('the consent given at sign-up is the profile data consent: the profile does not ask again and counts it', async () => {
    const email = 'samtykke@example.test'
    await signUpVolunteer(account(email))
    const user = await prisma.user.findUniqueOrThrow({ where: { email } })
    const profile = await volunteerProfile(user.id)
    expect(profile?.consentDataAt).toBeInstanceOf(Date)
    const completeness = profileCompleteness(profile!)
    expect(completeness.missing).not.toContain('consent')
    expect(completeness.percent).toBeGreaterThan(0)
  })

  test('signing up with a taken address looks the same, and the owner is told instead', async () => {
    const existing = await createUser('volunteer', { email: 'taken@example.test', locale: 'en' })
    expect(await signUpVolunteer(account('taken@example.test'))).toMatchObject({ created: false })
    expect(await prisma.user.count({ where: { email: 'taken@example.test' } })).toBe(1)
    const note = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: existing.email } })
    expect(note.subject).toBe('You already have an account with Frivilligbro')
  })

  test('staff creating a facility make it pending; the centre hears once the address is confirmed', async () => {
    const centre = await createCentre(['Gribskov Kommune'])
    const coordinator = await createUser('coordinator', { centreId: centre.id })
    const gribskov = await prisma.municipality.findUniqueOrThrow({ where: { name: 'Gribskov Kommune' } })
    const email = 'leder@skovbrynet.test'
    await signUpFacilityStaff(account(email), {
      create: { name: 'Bostedet Skovbrynet', kind: 'bosted', address: 'Skovvej 2', postcode: '3200', town: 'Helsinge', municipalityId: gribskov.id },
    })
    const membership = await prisma.facilityMembership.findFirstOrThrow({ where: { user: { email } }, include: { facility: true } })
    expect(membership).toMatchObject({ role: 'leader', isContactPerson: true, status: 'active' })
    expect(membership.facility.status).toBe('pending')
    expect(await prisma.outboxMessage.count({ where: { toEmail: coordinator.email } })).toBe(0)

    await verifyEmail(await tokenFromMail(email, '/verify-email'))
    const notice = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: coordinator.email } })
    expect(notice.subject).toContain('Bostedet Skovbrynet')
  })

  test('staff asking to join wait for the leader, who is told', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    await addStaff(facility.id, leader.id, 'leader')
    const email = 'kollega@example.test'
    await signUpFacilityStaff(account(email), { joinFacilityId: facility.id })
    expect(await prisma.facilityMembership.findFirstOrThrow({ where: { user: { email } } })).toMatchObject({ status: 'requested', role: 'staff' })
    await verifyEmail(await tokenFromMail(email, '/verify-email'))
    const notice = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: leader.email } })
    expect(notice.subject).toContain('Mette Frivillig')
  })
})

describe('logging in', () => {
  test('a wrong password and an unknown address get the same answer', async () => {
    const user = await createUser('volunteer')
    expect(await login({ email: user.email, password: 'forkert-adgangskode', ip: '2.2.2.2' })).toEqual({ ok: false, reason: 'invalid' })
    expect(await login({ email: 'nobody@example.test', password: 'forkert-adgangskode', ip: '2.2.2.2' })).toEqual({ ok: false, reason: 'invalid' })
    expect(await login({ email: user.email, password: TEST_PASSWORD, ip: '2.2.2.2' })).toMatchObject({ ok: true })
  })

  test("an attacker's wrong passwords do not lock the owner out from another address", async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'))
    const owner = await createUser('volunteer')
    const attacker = '203.0.113.66'
    const waits: number[] = []
    let failures = 0
    while (failures < 50) {
      const result = await login({ email: owner.email, password: `guess-number-${failures}`, ip: attacker })
      if (result.ok === false && result.reason === 'rate-limited') {
        // Refused without even checking; the attacker has to wait it out.
        waits.push(result.retryAfterSeconds!)
        vi.setSystemTime(Date.now() + result.retryAfterSeconds! * 1000)
        continue
      }
      expect(result).toEqual({ ok: false, reason: 'invalid' })
      failures++
    }
    // A few free tries, then each wait is longer than the one before, up to 15 minutes.
    expect(waits.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 64, 128])
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1])
    expect(waits.at(-1)).toBe(900)
    // Even the right password waits on the attacker's address, without being checked.
    expect(await login({ email: owner.email, password: TEST_PASSWORD, ip: attacker })).toMatchObject({ ok: false, reason: 'rate-limited' })

    // The owner, from home, is not affected.
    expect(await login({ email: owner.email, password: TEST_PASSWORD, ip: '198.51.100.7' })).toEqual({ ok: true, userId: owner.id, role: 'volunteer' })
  })

  test('a successful log-in clears the wait for that address', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'))
    const user = await createUser('volunteer')
    const ip = '192.0.2.10'
    for (let i = 0; i < 6; i++) {
      await login({ email: user.email, password: 'not-the-password', ip })
      vi.setSystemTime(Date.now() + 60_000)
    }
    expect(await login({ email: user.email, password: 'not-the-password', ip })).toEqual({ ok: false, reason: 'invalid' })
    expect(await login({ email: user.email, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterSeconds: 4 })
    vi.setSystemTime(Date.now() + 4_000)
    expect(await login({ email: user.email, password: TEST_PASSWORD, ip })).toMatchObject({ ok: true })
    // A fresh start: a typo right after is checked at once and costs nothing.
    expect(await login({ email: user.email, password: 'typo-password', ip })).toEqual({ ok: false, reason: 'invalid' })
    expect(await login({ email: user.email, password: TEST_PASSWORD, ip })).toMatchObject({ ok: true })
  })

  test('parallel guesses cannot slip past the count: only the free tries are checked', async () => {
    const user = await createUser('volunteer')
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login({ email: user.email, password: `parallel-guess-${i}`, ip: '192.0.2.20' })))
    expect(results.filter((result) => result.ok === false && result.reason === 'invalid')).toHaveLength(5)
    expect(results.filter((result) => result.ok === false && result.reason === 'rate-limited')).toHaveLength(7)
  })

  test('an unknown address is throttled exactly like a real one', async () => {
    const user = await createUser('volunteer')
    const answers = async (email: string) => {
      const seen = []
      for (let i = 0; i < 7; i++) seen.push(await login({ email, password: 'wrong-password', ip: '192.0.2.30' }))
      return seen
    }
    expect(await answers('ghost@example.test')).toEqual(await answers(user.email))
  })
})

describe('checking the current password on a signed-in page', () => {
  test('wrong answers slow down; the right one during the wait is not even checked; after it, it works', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'))
    const user = await createUser('volunteer')
    for (let i = 0; i < 4; i++) expect(await checkCurrentPassword(user.id, `wrong-${i}`, '192.0.2.40')).toEqual({ ok: false, reason: 'wrong' })
    // The session holder cannot dodge the wait by changing address.
    expect(await checkCurrentPassword(user.id, TEST_PASSWORD, '192.0.2.41')).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 })
    vi.setSystemTime(Date.now() + 1000)
    expect(await checkCurrentPassword(user.id, TEST_PASSWORD, '192.0.2.41')).toEqual({ ok: true })
    expect(await checkCurrentPassword(user.id, 'wrong-again', '192.0.2.41')).toEqual({ ok: false, reason: 'wrong' })
  })

  test('changing the password and the e-mail go through the same check', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'))
    const user = await createUser('volunteer')
    for (let i = 0; i < 2; i++) expect(await changePassword(user.id, `wrong-${i}`, 'blå cykel synger langsomt', '192.0.2.50')).toEqual({ ok: false, reason: 'wrong' })
    for (let i = 0; i < 2; i++) expect(await requestEmailChange(user.id, 'other@example.test', `wrong-${i}`, '192.0.2.50')).toEqual({ ok: false, reason: 'wrong' })
    expect(await changePassword(user.id, TEST_PASSWORD, 'blå cykel synger langsomt', '192.0.2.50')).toMatchObject({ ok: false, reason: 'throttled' })
    await afterResponseWorkDone()
    expect(await prisma.outboxMessage.count({ where: { toEmail: 'other@example.test' } })).toBe(0)
  })
})

describe('password reset', () => {
  test('the link is single use, sets the password and ends every session', async () => {
    const user = await createUser('volunteer')
    await prisma.session.create({ data: { id: 'old-session', userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } })
    expect(await requestPasswordReset({ email: user.email, ip: '4.4.4.4' })).toEqual({ ok: true })
    await afterResponseWorkDone()
    const token = await tokenFromMail(user.email, '/reset-password')
    expect(await resetPassword(token, 'helt ny adgangskode')).toMatchObject({ ok: true })
    expect(await resetPassword(token, 'endnu en adgangskode')).toMatchObject({ ok: false })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await login({ email: user.email, password: 'helt ny adgangskode', ip: '4.4.4.4' })).toMatchObject({ ok: true })
  })

  test('an expired link does not work', async () => {
    const user = await createUser('volunteer')
    await requestPasswordReset({ email: user.email, ip: '5.5.5.5' })
    await afterResponseWorkDone()
    const token = await tokenFromMail(user.email, '/reset-password')
    await prisma.oneTimeToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await resetPassword(token, 'helt ny adgangskode')).toMatchObject({ ok: false })
  })

  test('an unknown address gets the same answer and no e-mail', async () => {
    expect(await requestPasswordReset({ email: 'ghost@example.test', ip: '6.6.6.6' })).toEqual({ ok: true })
    await afterResponseWorkDone()
    expect(await prisma.outboxMessage.count({ where: { toEmail: 'ghost@example.test' } })).toBe(0)
  })

  test('only the newest link works', async () => {
    const user = await createUser('volunteer')
    await requestPasswordReset({ email: user.email, ip: '7.7.7.7' })
    await afterResponseWorkDone()
    const first = await tokenFromMail(user.email, '/reset-password')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await requestPasswordReset({ email: user.email, ip: '7.7.7.7' })
    await afterResponseWorkDone()
    const second = await tokenFromMail(user.email, '/reset-password')
    expect(second).not.toBe(first)
    expect(await resetPassword(first, 'helt ny adgangskode')).toMatchObject({ ok: false })
    expect(await resetPassword(second, 'helt ny adgangskode')).toMatchObject({ ok: true })
  })
})

describe('invitations', () => {
  test('an admin invites a coordinator, who sets a password from the link', async () => {
    const admin = await createUser('admin', { name: 'Anne Admin' })
    const centre = await createCentre(['Halsnæs Kommune'])
    const result = await inviteUser(admin, { name: 'Karin', email: 'karin@example.test', role: 'coordinator', centreId: centre.id, locale: 'da' })
    expect(result.ok).toBe(true)
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: 'karin@example.test' } })
    expect(mail.text).toContain('Anne Admin')
    expect(mail.text).toContain(centre.name)
    expect(await login({ email: 'karin@example.test', password: 'karins nye adgangskode', ip: '8.8.8.8' })).toMatchObject({ ok: false })
    const token = await tokenFromMail('karin@example.test', '/invitation')
    expect(await acceptInvitation(token, 'karins nye adgangskode')).toMatchObject({ ok: true })
    expect(await login({ email: 'karin@example.test', password: 'karins nye adgangskode', ip: '8.8.8.8' })).toMatchObject({ ok: true })
    const karin = await prisma.user.findUniqueOrThrow({ where: { email: 'karin@example.test' } })
    expect(karin).toMatchObject({ role: 'coordinator', centreId: centre.id })
  })

  test('an address that already has an account cannot be invited', async () => {
    const admin = await createUser('admin')
    const existing = await createUser('volunteer')
    expect(await inviteUser(admin, { name: 'X', email: existing.email, role: 'admin', centreId: null, locale: 'da' })).toEqual({ ok: false, reason: 'email-taken' })
  })
})

describe('settings', () => {
  test('changing the password needs the current one', async () => {
    const user = await createUser('volunteer')
    expect(await changePassword(user.id, 'not-my-password', 'a brand new password', '9.9.9.9')).toEqual({ ok: false, reason: 'wrong' })
    expect(await changePassword(user.id, TEST_PASSWORD, 'a brand new password', '9.9.9.9')).toEqual({ ok: true })
    expect(await login({ email: user.email, password: 'a brand new password', ip: '9.9.9.9' })).toMatchObject({ ok: true })
  })

  test('a new address takes effect when the link sent to it is followed', async () => {
    const user = await createUser('volunteer')
    expect(await requestEmailChange(user.id, 'new@example.test', 'wrong', '9.9.9.9')).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await requestEmailChange(user.id, 'new@example.test', TEST_PASSWORD, '9.9.9.9')).toEqual({ ok: true })
    await afterResponseWorkDone()
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email)
    const token = await tokenFromMail('new@example.test', '/verify-email')
    expect(await confirmEmailChange(token)).toMatchObject({ ok: true })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe('new@example.test')
  })
})
