import crypto from 'node:crypto'
import type { Role } from '~/utils/domain'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'

export const TEST_PASSWORD = 'Test-adgangskode-2026'
let passwordHash: Promise<string> | undefined

function unique(prefix: string) {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`
}

export async function municipality(name: string) {
  return prisma.municipality.findUniqueOrThrow({ where: { name } })
}

/** A centre covering the named municipalities. */
export async function createCentre(municipalityNames: string[], name = unique('Frivilligcenter')) {
  const centre = await prisma.centre.create({ data: { name, email: `${name.toLowerCase()}@centre.test` } })
  await prisma.municipality.updateMany({ where: { name: { in: municipalityNames } }, data: { centreId: centre.id } })
  return centre
}

/** A verified user with the test password. */
export async function createUser(role: Role, data: { centreId?: string; locale?: 'da' | 'en'; email?: string; name?: string; verified?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const email = data.email ?? `${unique(role)}@example.test`
  return prisma.user.create({
    data: {
      email,
      name: data.name ?? `Test ${role}`,
      role,
      locale: data.locale ?? 'da',
      centreId: data.centreId ?? null,
      passwordHash: await passwordHash,
      emailVerifiedAt: data.verified === false ? null : new Date(),
    },
  })
}

export async function createFacility(municipalityName: string, status: 'pending' | 'active' | 'inactive' = 'active') {
  const m = await municipality(municipalityName)
  const postcode = await prisma.postcode.findFirstOrThrow({ where: { municipalityId: m.id } })
  return prisma.facility.create({
    data: { name: unique('Bostedet'), kind: 'bosted', address: 'Skovvej 1', postcode: postcode.code, town: postcode.town, municipalityId: m.id, status },
  })
}

export async function addStaff(facilityId: string, userId: string, role: 'leader' | 'staff' = 'staff', status: 'active' | 'requested' = 'active') {
  return prisma.facilityMembership.create({ data: { facilityId, userId, role, status, isContactPerson: role === 'leader' } })
}

/** Builds a Request as a browser form post would send it. */
export function formRequest(path: string, fields: Record<string, string | string[]> | URLSearchParams | string, init: { cookie?: string; contentType?: string } = {}) {
  let body: string
  if (typeof fields === 'string') body = fields
  else if (fields instanceof URLSearchParams) body = fields.toString()
  else {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(key, v)
    body = params.toString()
  }
  const headers = new Headers({ 'Content-Type': init.contentType ?? 'application/x-www-form-urlencoded', Origin: 'http://localhost:3000' })
  if (init.cookie) headers.set('Cookie', init.cookie)
  return new Request(`http://localhost:3000${path}`, { method: 'POST', headers, body })
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`http://localhost:3000${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

/** A session cookie for the user, as the browser would send it back. */
export async function sessionCookieFor(userId: string) {
  const { createUserSession } = await import('~/utils/auth.server')
  const setCookie = await createUserSession(userId)
  return setCookie.split(';')[0]
}
