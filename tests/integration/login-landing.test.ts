import { afterEach, describe, expect, test } from 'vitest'
import { createCentre, createUser, formRequest, getRequest, sessionCookieFor, TEST_PASSWORD } from '../setup/fixtures'
import { callRoute, type RouteHandler } from '../setup/routes'
import * as home from '~/routes/_index'
import * as invitation from '~/routes/_auth+/invitation'
import * as login from '~/routes/_auth+/login'
import { afterResponseWorkDone } from '~/utils/after-response.server'
import { prisma } from '~/utils/db.server'
import type { Role } from '~/utils/domain'
import { resetRateLimits } from '~/utils/rate-limit.server'
import { issueToken } from '~/utils/tokens.server'

afterEach(async () => {
  await afterResponseWorkDone()
  await resetRateLimits()
})

async function logIn(email: string, redirectTo?: string) {
  const fields: Record<string, string> = { email, password: TEST_PASSWORD }
  if (redirectTo !== undefined) fields.redirectTo = redirectTo
  return callRoute(login.action as RouteHandler, formRequest('/login', fields), {}, { clientIp: '192.0.2.10' })
}

async function userWith(role: Role) {
  const centre = role === 'coordinator' ? await createCentre(['Gribskov Kommune']) : null
  return createUser(role, { centreId: centre?.id })
}

describe('after log-in each role lands where it works', () => {
  test.each([
    ['volunteer', '/volunteer'],
    ['facility_staff', '/facility'],
    ['coordinator', '/centre'],
    ['admin', '/admin'],
  ] as const)('%s → %s', async (role, startPage) => {
    const user = await userWith(role)
    const response = await logIn(user.email)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(startPage)
    expect(response.headers.get('Set-Cookie')).toMatch(/session/)
  })

  test('a person a guard sent to log-in returns to the page they asked for, query included', async () => {
    const user = await userWith('volunteer')
    const response = await logIn(user.email, '/visits?view=month&date=2026-12-01')
    expect(response.headers.get('Location')).toBe('/visits?view=month&date=2026-12-01')
  })

  test('the guard puts the page they asked for into the log-in address', async () => {
    const { requireUser } = await import('~/utils/auth.server')
    const thrown = await requireUser(getRequest('/volunteer/applications?tab=old')).catch((error: unknown) => error)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).headers.get('Location')).toBe('/login?redirectTo=%2Fvolunteer%2Fapplications%3Ftab%3Dold')
  })
})

describe('redirectTo never leaves the site', () => {
  test.each([
    '//evil.example',
    '//evil.example/centre',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example/centre',
    'http:evil.example',
    'javascript:alert(1)',
    '/\n/evil.example',
    '/\t/evil.example',
    ' //evil.example',
    'centre',
    '',
  ])('%j is refused: the coordinator lands on /centre', async (redirectTo) => {
    const user = await userWith('coordinator')
    const response = await logIn(user.email, redirectTo)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/centre')
  })

  test('a redirectTo back to a signed-out page (log-in itself, sign-up) gives the start page, not a loop', async () => {
    const user = await userWith('admin')
    expect((await logIn(user.email, '/login?redirectTo=%2Fadmin')).headers.get('Location')).toBe('/admin')
    expect((await logIn(user.email, '/signup')).headers.get('Location')).toBe('/admin')
  })

  test('a redirectTo too long to be a real page is ignored, not an error', async () => {
    const user = await userWith('volunteer')
    const response = await logIn(user.email, `/jobs?q=${'a'.repeat(5000)}`)
    expect(response.headers.get('Location')).toBe('/volunteer')
  })
})

test('a signed-in person who opens the log-in page is sent to their start page', async () => {
  const user = await userWith('facility_staff')
  const response = await callRoute(login.loader as RouteHandler, getRequest('/login', await sessionCookieFor(user.id)))
  expect(response.status).toBe(302)
  expect(response.headers.get('Location')).toBe('/facility')
})

test('accepting an invitation signs the person in and lands them on their start page', async () => {
  const centre = await createCentre(['Halsnæs Kommune'])
  const user = await prisma.user.create({ data: { name: 'Ny Koordinator', email: 'ny-koordinator@example.test', role: 'coordinator', centreId: centre.id, locale: 'da' } })
  const token = await prisma.$transaction((tx) => issueToken(tx, { purpose: 'invitation', userId: user.id, email: user.email }))
  const response = await callRoute(
    invitation.action as RouteHandler,
    formRequest('/invitation', { token, password: 'blå cykel synger langsomt', confirm: 'blå cykel synger langsomt' }),
  )
  expect(response.status).toBe(302)
  expect(response.headers.get('Location')).toBe('/centre')
})

describe('the home page for a signed-in person', () => {
  test('offers their start page, not sign-up or log-in', async () => {
    const user = await userWith('volunteer')
    const data = await (await callRoute(home.loader as RouteHandler, getRequest('/', await sessionCookieFor(user.id)))).json()
    expect(data.startPage).toBe('/volunteer')
    const anonymous = await (await callRoute(home.loader as RouteHandler, getRequest('/'))).json()
    expect(anonymous.startPage).toBeNull()
  })
})
