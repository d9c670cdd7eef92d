import { afterEach, describe, expect, test } from 'vitest'
import { createFacility, createUser, formRequest, sessionCookieFor, TEST_PASSWORD } from '../setup/fixtures'
import { smtpCatcherForFile } from '../setup/smtp-catcher-for-file'
import * as forgot from '~/routes/_auth+/forgot-password'
import * as login from '~/routes/_auth+/login'
import * as signup from '~/routes/_auth+/signup'
import * as staffSignup from '~/routes/_auth+/signup_.facility'
import * as settings from '~/routes/settings+/_index'
import { afterResponseWorkDone } from '~/utils/after-response.server'
import { prisma } from '~/utils/db.server'
import { createMailer, deliverDueMessages } from '~/utils/outbox.server'
import { resetRateLimits } from '~/utils/rate-limit.server'
import { callRoute } from '../setup/routes'

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

async function post(action: Action, request: Request, ip = '192.0.2.1') {
  return callRoute(action, request, {}, { clientIp: ip })
}

/** What the person's browser gets: status, headers that matter and the body, with the typed address blanked. */
async function seen(response: Response, typedEmail: string) {
  const headers = [...response.headers].filter(([name]) => name !== 'date')
  return { status: response.status, headers, body: (await response.text()).replaceAll(typedEmail, '<typed address>') }
}

const catcher = smtpCatcherForFile()
afterEach(async () => {
  await afterResponseWorkDone()
  await resetRateLimits()
})

/** Delivers the outbox to the in-process SMTP server, as the worker would. */
async function deliver() {
  await afterResponseWorkDone()
  await deliverDueMessages({ mailer: createMailer(catcher.url), from: 'Frivilligbro <no-reply@frivilligbro.test>' })
}

describe('nobody learns from the answer whether an address has an account', () => {
  test('a reset request answers the same for a known and an unknown address; only the known one gets mail', async () => {
    const known = await createUser('volunteer', { email: 'kendt@example.test' })
    const forKnown = await seen(await post(forgot.action as Action, formRequest('/forgot-password', { email: known.email })), known.email)
    const forUnknown = await seen(await post(forgot.action as Action, formRequest('/forgot-password', { email: 'ukendt@example.test' })), 'ukendt@example.test')
    expect(forKnown).toEqual(forUnknown)
    expect(forKnown.status).toBe(200)

    await deliver()
    const mail = await catcher.waitFor((m) => m.to.includes(known.email))
    expect(mail.text).toMatch(/\/reset-password\?token=/)
    expect(catcher.messages.some((m) => m.to.includes('ukendt@example.test'))).toBe(false)
  })

  test('volunteer sign-up answers the same for a new and a taken address; each gets the right e-mail', async () => {
    const taken = await createUser('volunteer', { email: 'optaget@example.test' })
    const fields = (email: string) => ({ name: 'Mette Jensen', email, password: 'blå cykel synger langsomt', consent: 'on' })
    const forTaken = await seen(await post(signup.action as Action, formRequest('/signup', fields(taken.email))), taken.email)
    const forNew = await seen(await post(signup.action as Action, formRequest('/signup', fields('ny@example.test'))), 'ny@example.test')
    expect(forTaken).toEqual(forNew)
    expect(forNew.status).toBe(302)

    await deliver()
    expect((await catcher.waitFor((m) => m.to.includes('ny@example.test'))).subject).toBe('Bekræft din e-mail til Frivilligbro')
    expect((await catcher.waitFor((m) => m.to.includes(taken.email))).subject).toMatch(/allerede|already/i)
    expect(await prisma.user.findUnique({ where: { email: 'ny@example.test' }, select: { role: true } })).toEqual({ role: 'volunteer' })
    expect(await prisma.user.count({ where: { email: taken.email } })).toBe(1)
  })

  test('staff sign-up (joining a facility) answers the same for a new and a taken address', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const taken = await createUser('facility_staff', { email: 'personale@example.test' })
    const fields = (email: string) => ({ name: 'Lis Holm', email, password: 'grøn lampe danser stille', consent: 'on', mode: 'join', facilityId: facility.id })
    const forTaken = await seen(await post(staffSignup.action as Action, formRequest('/signup/facility', fields(taken.email))), taken.email)
    const forNew = await seen(await post(staffSignup.action as Action, formRequest('/signup/facility', fields('lis@example.test'))), 'lis@example.test')
    expect(forTaken).toEqual(forNew)
    expect(forNew.status).toBe(302)
    await afterResponseWorkDone()
    expect(await prisma.facilityMembership.count({ where: { facilityId: facility.id, user: { email: 'lis@example.test' } } })).toBe(1)
    expect(await prisma.facilityMembership.count({ where: { facilityId: facility.id, userId: taken.id } })).toBe(0)
  })
  test('changing to an address that is taken answers like changing to a free one; only the free one gets a link', async () => {
    const user = await createUser('volunteer')
    const other = await createUser('volunteer', { email: 'optaget2@example.test' })
    const cookie = await sessionCookieFor(user.id)
    const change = async (email: string) =>
      seen(await post(settings.action as Action, formRequest('/settings', { intent: 'email', email, currentPassword: TEST_PASSWORD }, { cookie })), email)
    const toTaken = await change(other.email)
    const toFree = await change('ledig@example.test')
    // The flash message names the typed address, which `seen` blanks; the cookie's signature differs with it.
    const withoutCookie = (answer: typeof toTaken) => ({ ...answer, headers: answer.headers.filter(([name]) => name !== 'set-cookie') })
    expect(withoutCookie(toTaken)).toEqual(withoutCookie(toFree))
    expect(toFree.status).toBe(302)
    await afterResponseWorkDone()
    expect(await prisma.outboxMessage.count({ where: { toEmail: 'ledig@example.test', template: 'change-email' } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: other.email } })).toBe(0)
  })
})

describe('weak new passwords are refused with the reason next to the field', () => {
  test.each([
    ['1234567890', 'common:password.weak.topHundred'],
    ['sommer2026', 'common:password.weak.danishWord'],
    ['Frivilligbro1', 'common:password.weak.userInputs'],
    ['Kjærgaard1984', 'common:password.weak.userInputs'],
  ])('sign-up with %s', async (password, reason) => {
    const response = await post(signup.action as Action, formRequest('/signup', { name: 'Mette Kjærgaard', email: 'mette@example.test', password, consent: 'on' }))
    expect(response.status).toBe(400)
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> }
    expect(body.fieldErrors.password?.[0]).toBe(reason)
    expect(body.fieldErrors.password?.[1]).toMatch(/^common:password\.tip\./)
    await afterResponseWorkDone()
    expect(await prisma.user.count({ where: { email: 'mette@example.test' } })).toBe(0)
  })

  test("a new password in settings may not be built from the person's name, even when the form has no name field", async () => {
    const user = await createUser('volunteer', { name: 'Bodil Kragh' })
    const cookie = await sessionCookieFor(user.id)
    const response = await post(
      settings.action as Action,
      formRequest('/settings', { intent: 'password', currentPassword: TEST_PASSWORD, password: 'BodilKragh2026', confirm: 'BodilKragh2026' }, { cookie }),
    )
    expect(response.status).toBe(400)
    expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toBe('common:password.weak.userInputs')
  })
})

describe('password guesses are throttled, not accounts locked', () => {
  test('log-in tells how long to wait, in seconds, with Retry-After', async () => {
    const user = await createUser('volunteer')
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 6; i++) {
      last = await post(login.action as Action, formRequest('/login', { email: user.email, password: 'wrong-password-here' }), '192.0.2.99')
      statuses.push(last.status)
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
    expect(last!.headers.get('Retry-After')).toBe('1')
    expect(((await last!.json()) as { formError: string }).formError).toBe('common:limits.tryAgainInSeconds?count=1')
    // The owner elsewhere logs straight in.
    const owner = await post(login.action as Action, formRequest('/login', { email: user.email, password: TEST_PASSWORD }), '198.51.100.1')
    expect(owner.status).toBe(302)
  })

  test('the current-password check in settings is throttled too, with the wait next to the field', async () => {
    const user = await createUser('volunteer')
    const cookie = await sessionCookieFor(user.id)
    const attempt = (currentPassword: string) =>
      post(settings.action as Action, formRequest('/settings', { intent: 'email', email: 'nyt@example.test', currentPassword }, { cookie }))
    for (let i = 0; i < 4; i++) {
      const wrong = await attempt(`wrong-${i}`)
      expect(wrong.status).toBe(400)
      expect(((await wrong.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.currentPassword).toEqual(['auth:settings.wrongPassword'])
    }
    const throttled = await attempt(TEST_PASSWORD)
    expect(throttled.status).toBe(429)
    expect(((await throttled.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.currentPassword?.[0]).toMatch(/^common:limits\.tryAgainInSeconds\?count=\d+$/)
  })
})
