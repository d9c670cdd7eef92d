import { afterEach, describe, expect, test } from 'vitest'
import { createCentre, createUser, formRequest, sessionCookieFor } from '../setup/fixtures'
import * as adminCentres from '~/routes/admin+/_index'
import * as adminUsers from '~/routes/admin+/users'
import * as forgot from '~/routes/_auth+/forgot-password'
import * as invitation from '~/routes/_auth+/invitation'
import * as login from '~/routes/_auth+/login'
import * as reset from '~/routes/_auth+/reset-password'
import * as signup from '~/routes/_auth+/signup'
import * as staffSignup from '~/routes/_auth+/signup_.facility'
import * as settings from '~/routes/settings+/_index'
import { prisma } from '~/utils/db.server'
import { afterResponseWorkDone } from '~/utils/after-response.server'
import { resetRateLimits } from '~/utils/rate-limit.server'
import { callRoute } from '../setup/routes'
import { sharedPostcodes } from '~/models/reference.server'

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

/** Runs an action the way Remix does; a thrown Response counts as the response. */
async function post(action: Action, request: Request, ip = `10.0.0.${Math.floor(Math.random() * 250)}`) {
  return callRoute(action, request, {}, { clientIp: ip })
}

async function errorsOf(response: Response) {
  const body = (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
  return body
}

afterEach(async () => {
  await afterResponseWorkDone()
  await resetRateLimits()
})

const HOSTILE_STRINGS = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '../../etc/passwd', '{{constructor}}']

describe('malformed and hostile posts get 400 with field errors, never 500', () => {
  test('sign-up: empty, wrong types and hostile strings', async () => {
    const empty = await post(signup.action as Action, formRequest('/signup', {}))
    expect(empty.status).toBe(400)
    const { fieldErrors } = await errorsOf(empty)
    expect(fieldErrors.name).toEqual(['validation.required'])
    expect(fieldErrors.email).toEqual(['validation.required'])
    expect(fieldErrors.password).toBeDefined()
    expect(fieldErrors.consent).toEqual(['auth:signup.consentRequired'])

    for (const value of HOSTILE_STRINGS) {
      const response = await post(signup.action as Action, formRequest('/signup', { name: value, email: value, password: 'short', phone: value, consent: 'on' }))
      expect(response.status).toBe(400)
      const body = await errorsOf(response)
      expect(body.fieldErrors.email).toBeDefined()
      expect(body.fieldErrors.password).toEqual(['validation.passwordTooShort'])
      // What was typed comes back (except the password), so nothing is lost.
      expect(body.values.password).toBeUndefined()
    }
    expect(await prisma.user.count()).toBe(0)
  })

  test('sign-up: repeated fields and prototype keys do not confuse the parser', async () => {
    const params = new URLSearchParams()
    params.append('name', 'A')
    params.append('name', 'B')
    params.append('__proto__', 'x')
    params.append('constructor', 'y')
    params.append('email', 'ok@example.test')
    params.append('password', 'a long enough password')
    params.append('consent', 'on')
    const response = await post(signup.action as Action, formRequest('/signup', params))
    expect(response.status).toBe(302)
  })

  test('a body that is not a form is a 400', async () => {
    const response = await post(login.action as Action, formRequest('/login', '{"email":"a@b.c"}', { contentType: 'multipart/form-data; boundary=nothing' }))
    expect(response.status).toBe(400)
    expect((await errorsOf(response)).formError).toBe('validation.badRequest')
  })

  test('log-in: missing fields are named, wrong credentials are a form error', async () => {
    const missing = await post(login.action as Action, formRequest('/login', { email: 'not-an-email' }))
    expect(missing.status).toBe(400)
    const body = await errorsOf(missing)
    expect(body.fieldErrors.email).toEqual(['validation.email'])
    expect(body.fieldErrors.password).toEqual(['validation.required'])
    expect(body.values.email).toBe('not-an-email')

    const wrong = await post(login.action as Action, formRequest('/login', { email: 'nobody@example.test', password: 'whatever-password' }))
    expect(wrong.status).toBe(400)
    expect((await errorsOf(wrong)).formError).toBe('auth:login.invalid')
  })

  test('log-in: a redirect target outside the app is ignored', async () => {
    const user = await createUser('volunteer')
    const response = await post(login.action as Action, formRequest('/login', { email: user.email, password: 'Test-adgangskode-2026', redirectTo: '//evil.example/steal' }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/volunteer')
    expect(response.headers.get('Set-Cookie')).toMatch(/frivilligbro_session=.+; .*HttpOnly/i)
    expect(response.headers.get('Set-Cookie')).toMatch(/SameSite=Lax/i)
  })

  test('log-in: too many attempts get 429 with a clear message', async () => {
    const user = await createUser('volunteer')
    let response: Response | undefined
    for (let i = 0; i < 6; i++) {
      response = await post(login.action as Action, formRequest('/login', { email: user.email, password: 'wrong-password-here' }), '10.0.1.1')
    }
    expect(response?.status).toBe(429)
    expect((await errorsOf(response!)).formError).toMatch(/^common:limits\.tryAgainInSeconds\?count=\d+$/)
  })

  test('staff sign-up: an unknown postcode, an unknown facility and a missing kind are each named', async () => {
    const account = { name: 'Lis', email: 'lis@example.test', password: 'a long enough password', consent: 'on' }
    const unknownPostcode = await post(staffSignup.action as Action, formRequest('/signup/facility', { ...account, mode: 'create', facilityName: 'Huset', kind: 'bosted', address: 'Vej 1', postcode: '0001' }))
    expect(unknownPostcode.status).toBe(400)
    expect((await errorsOf(unknownPostcode)).fieldErrors.postcode).toEqual(['validation.postcodeUnknown'])

    const badKind = await post(staffSignup.action as Action, formRequest('/signup/facility', { ...account, mode: 'create', facilityName: 'Huset', kind: 'castle', address: 'Vej 1', postcode: 'abcd' }))
    const badKindErrors = (await errorsOf(badKind)).fieldErrors
    expect(badKindErrors.kind).toEqual(['validation.choose'])
    expect(badKindErrors.postcode).toEqual(['validation.postcode'])

    const unknownFacility = await post(staffSignup.action as Action, formRequest('/signup/facility', { ...account, mode: 'join', facilityId: 'does-not-exist' }))
    expect(unknownFacility.status).toBe(400)
    expect((await errorsOf(unknownFacility)).fieldErrors.facilityId).toEqual(['validation.choose'])

    const badMode = await post(staffSignup.action as Action, formRequest('/signup/facility', { ...account, mode: 'steal' }))
    expect(badMode.status).toBe(400)
    expect(await prisma.facility.count()).toBe(0)
  })

  test('staff sign-up: a postcode in several municipalities asks which one', async () => {
    // 4000 Roskilde is listed under both Roskilde and Høje-Taastrup in the reference data.
    const response = await post(
      staffSignup.action as Action,
      formRequest('/signup/facility', { name: 'Lis', email: 'lis2@example.test', password: 'a long enough password', consent: 'on', mode: 'create', facilityName: 'Huset', kind: 'bosted', address: 'Vej 1', postcode: '4000' }),
    )
    expect(response.status).toBe(400)
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> }
    expect(body.fieldErrors.municipalityId).toEqual(['auth:staffSignup.chooseMunicipality'])
    // The page offers the picker from the loader's list of shared postcodes.
    expect((await sharedPostcodes())['4000'].map((c) => c.name)).toEqual(expect.arrayContaining(['Roskilde Kommune', 'Høje-Taastrup Kommune']))
  })

  test('reset and invitation: mismatched passwords and bogus tokens', async () => {
    const mismatch = await post(reset.action as Action, formRequest('/reset-password', { token: 'x', password: 'a long enough password', confirm: 'something else' }))
    expect(mismatch.status).toBe(400)
    expect((await errorsOf(mismatch)).fieldErrors.confirm).toEqual(['validation.passwordsDiffer'])
    const bogus = await post(invitation.action as Action, formRequest('/invitation', { token: 'bogus', password: 'a long enough password', confirm: 'a long enough password' }))
    expect(bogus.status).toBe(400)
    expect((await errorsOf(bogus)).formError).toBe('auth:invitation.invalid')
    const forgotBad = await post(forgot.action as Action, formRequest('/forgot-password', { email: '<b>' }))
    expect((await errorsOf(forgotBad)).fieldErrors.email).toEqual(['validation.email'])
  })

  test('settings: unknown intents and bad values are 400; signed-out posts go to log-in', async () => {
    const user = await createUser('volunteer')
    const cookie = await sessionCookieFor(user.id)
    const unknown = await post(settings.action as Action, formRequest('/settings', { intent: 'drop-tables' }, { cookie }))
    expect(unknown.status).toBe(400)
    const badLocale = await post(settings.action as Action, formRequest('/settings', { intent: 'profile', name: '', locale: 'xx', phone: 'call me' }, { cookie }))
    expect(badLocale.status).toBe(400)
    const errors = (await errorsOf(badLocale)).fieldErrors
    expect(errors.name).toEqual(['validation.required'])
    expect(errors.locale).toEqual(['validation.choose'])
    expect(errors.phone).toEqual(['validation.phone'])
    const signedOut = await post(settings.action as Action, formRequest('/settings', { intent: 'profile' }))
    expect(signedOut.status).toBe(302)
    expect(signedOut.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
  })

  test('admin forms: roles are guarded, and bad input is named', async () => {
    const volunteer = await createUser('volunteer')
    const asVolunteer = await post(adminUsers.action as Action, formRequest('/admin/users', { name: 'X', email: 'x@example.test', role: 'admin', locale: 'da' }, { cookie: await sessionCookieFor(volunteer.id) }))
    expect(asVolunteer.status).toBe(403)

    const admin = await createUser('admin')
    const cookie = await sessionCookieFor(admin.id)
    const noCentre = await post(adminUsers.action as Action, formRequest('/admin/users', { name: 'Karin', email: 'karin@example.test', role: 'coordinator', locale: 'da' }, { cookie }))
    expect(noCentre.status).toBe(400)
    expect((await errorsOf(noCentre)).fieldErrors.centreId).toEqual(['admin:users.centreRequired'])
    const badRole = await post(adminUsers.action as Action, formRequest('/admin/users', { name: 'Karin', email: 'karin@example.test', role: 'superuser', locale: 'da' }, { cookie }))
    expect((await errorsOf(badRole)).fieldErrors.role).toEqual(['validation.choose'])

    await createCentre(['Gribskov Kommune'], 'Frivilligcenter Gribskov')
    const gribskov = await prisma.municipality.findUniqueOrThrow({ where: { name: 'Gribskov Kommune' } })
    const taken = await post(adminCentres.action as Action, formRequest('/admin', { name: 'Nyt center', email: 'nyt@example.test', municipalityIds: [gribskov.id] }, { cookie }))
    expect(taken.status).toBe(400)
    expect((await errorsOf(taken)).fieldErrors.municipalityIds?.[0]).toMatch(/^admin:centres\.municipalityTaken/)
    const none = await post(adminCentres.action as Action, formRequest('/admin', { name: 'Nyt center', email: 'nyt@example.test' }, { cookie }))
    expect((await errorsOf(none)).fieldErrors.municipalityIds).toEqual(['validation.chooseOne'])
  })
})
