// The centre's coordinator keeps the municipality's accounts (kommunal tovholder) for the
// municipalities the centre covers, and only those: invite (the admin's invitation e-mail),
// see, deactivate and reactivate. Another centre's municipality is refused.
import { beforeAll, describe, expect, test } from 'vitest'
import { createCentre, createUser, formRequest, getRequest, municipality, sessionCookieFor } from '../setup/fixtures'
import { outboxTo } from '../setup/fixtures-ads'
import * as accounts from '~/routes/centre+/municipality-accounts'
import * as acceptInvitation from '~/routes/_auth+/invitation'
import { prisma } from '~/utils/db.server'
import { callRoute, type RouteHandler } from '../setup/routes'

let cookie: string
let own: { gribskov: string; hilleroed: string }
let otherCentres: string
let coordinatorName: string

beforeAll(async () => {
  const centre = await createCentre(['Gribskov Kommune', 'Hillerød Kommune'])
  await createCentre(['Rudersdal Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Kaja Koordinator' })
  coordinatorName = coordinator.name
  cookie = await sessionCookieFor(coordinator.id)
  own = { gribskov: (await municipality('Gribskov Kommune')).id, hilleroed: (await municipality('Hillerød Kommune')).id }
  otherCentres = (await municipality('Rudersdal Kommune')).id
})

const post = (fields: Record<string, string | string[]>, as = cookie) =>
  callRoute(accounts.action as RouteHandler, formRequest('/centre/municipality-accounts', fields, { cookie: as }))
const list = async (as = cookie) => {
  const response = await callRoute(accounts.loader as RouteHandler, getRequest('/centre/municipality-accounts', as))
  expect(response.status).toBe(200)
  return ((await response.json()) as { accounts: { email: string; municipalities: string[]; deactivated: boolean; manageable: boolean }[] }).accounts
}

describe('inviting', () => {
  test('the happy path: the account reads the chosen municipalities, the invitation e-mail goes out and the link works', async () => {
    const response = await post({ intent: 'invite', name: 'Mette Kommune', email: 'mette@gribskov.test', locale: 'da', municipalityIds: [own.gribskov, own.hilleroed] })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/centre/municipality-accounts')
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'mette@gribskov.test' },
      select: { role: true, centreId: true, municipalityAccess: { select: { municipalityId: true } } },
    })
    expect(user.role).toBe('municipality')
    expect(user.centreId).toBeNull()
    expect(user.municipalityAccess.map((a) => a.municipalityId).sort()).toEqual([own.gribskov, own.hilleroed].sort())
    const [mail] = await outboxTo('mette@gribskov.test')
    expect(mail?.template).toBe('invitation')
    expect(mail?.text).toContain(coordinatorName)
    expect(mail?.text).toContain('Gribskov Kommune')
    const link = /\/invitation\?token=[\w-]+/.exec(mail!.text)?.[0]
    expect(link).toBeTruthy()
    const page = await callRoute(acceptInvitation.loader as RouteHandler, getRequest(link!))
    expect(page.status).toBe(200)
    expect(((await page.json()) as { valid: boolean }).valid).toBe(true)
    const rows = await list()
    expect(rows.find((row) => row.email === 'mette@gribskov.test')).toMatchObject({ municipalities: ['Gribskov Kommune', 'Hillerød Kommune'], manageable: true })
  })

  test('another centre’s municipality is refused, alone or beside the centre’s own; no account is made', async () => {
    for (const municipalityIds of [[otherCentres], [own.gribskov, otherCentres]]) {
      const response = await post({ intent: 'invite', name: 'Snig Snigesen', email: 'snig@rudersdal.test', locale: 'da', municipalityIds })
      expect(response.status).toBe(403)
    }
    expect(await prisma.user.count({ where: { email: 'snig@rudersdal.test' } })).toBe(0)
    expect(await outboxTo('snig@rudersdal.test')).toEqual([])
  })

  test('bad input: 400 with the errors next to the fields and the typed values kept', async () => {
    const response = await post({ intent: 'invite', name: '', email: 'ikke-en-adresse', locale: 'da' })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> }
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['email', 'municipalityIds', 'name'])
    expect(body.fieldErrors.municipalityIds).toEqual(['municipality:invite.municipalityRequired'])
    expect(body.values.email).toBe('ikke-en-adresse')
  })

  test('an address already in use is said next to the e-mail field', async () => {
    const taken = await createUser('volunteer')
    const response = await post({ intent: 'invite', name: 'Dobbelt', email: taken.email, locale: 'en', municipalityIds: [own.gribskov] })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ email: ['admin:users.emailTaken'] })
  })

  test('volunteers, staff and the municipality role cannot use the page', async () => {
    for (const role of ['volunteer', 'facility_staff', 'municipality'] as const) {
      const other = await sessionCookieFor((await createUser(role)).id)
      expect((await callRoute(accounts.loader as RouteHandler, getRequest('/centre/municipality-accounts', other))).status).toBe(403)
      expect((await post({ intent: 'invite', name: 'X', email: `x-${role}@example.test`, locale: 'da', municipalityIds: [own.gribskov] }, other)).status).toBe(403)
    }
  })
})

describe('seeing and deactivating', () => {
  let ownAccount: { id: string; email: string }
  let sharedAccount: { id: string; email: string }
  let foreignAccount: { id: string; email: string }

  beforeAll(async () => {
    ownAccount = await createUser('municipality', { name: 'Olga Egen' })
    await prisma.municipalityAccess.create({ data: { userId: ownAccount.id, municipalityId: own.hilleroed } })
    sharedAccount = await createUser('municipality', { name: 'Delt Dorthe' })
    await prisma.municipalityAccess.createMany({ data: [own.gribskov, otherCentres].map((municipalityId) => ({ userId: sharedAccount.id, municipalityId })) })
    foreignAccount = await createUser('municipality', { name: 'Fremmed Frede' })
    await prisma.municipalityAccess.create({ data: { userId: foreignAccount.id, municipalityId: otherCentres } })
  })

  test('the list shows the centre’s municipalities’ accounts; another centre’s only account is not there', async () => {
    const rows = await list()
    const emails = rows.map((row) => row.email)
    expect(emails).toContain(ownAccount.email)
    expect(emails).toContain(sharedAccount.email)
    expect(emails).not.toContain(foreignAccount.email)
    expect(rows.find((row) => row.email === sharedAccount.email)?.manageable).toBe(false)
  })

  test('deactivate ends the sessions and log-in; reactivate opens it again', async () => {
    const theirCookie = await sessionCookieFor(ownAccount.id)
    const response = await post({ intent: 'deactivate', userId: ownAccount.id })
    expect(response.status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ownAccount.id }, select: { deactivatedAt: true } })).toMatchObject({ deactivatedAt: expect.any(Date) })
    expect(await prisma.session.count({ where: { userId: ownAccount.id } })).toBe(0)
    expect((await callRoute(accounts.loader as RouteHandler, getRequest('/centre/municipality-accounts', theirCookie))).status).toBe(302)
    expect((await list()).find((row) => row.email === ownAccount.email)?.deactivated).toBe(true)
    expect((await post({ intent: 'reactivate', userId: ownAccount.id })).status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ownAccount.id }, select: { deactivatedAt: true } })).toEqual({ deactivatedAt: null })
  })

  test('an account that also reads another centre’s municipality, or only another’s, is refused', async () => {
    expect((await post({ intent: 'deactivate', userId: sharedAccount.id })).status).toBe(403)
    expect((await post({ intent: 'deactivate', userId: foreignAccount.id })).status).toBe(404)
    const coordinatorAccount = await createUser('coordinator')
    expect((await post({ intent: 'deactivate', userId: coordinatorAccount.id })).status).toBe(404)
    const still = await prisma.user.findMany({ where: { id: { in: [sharedAccount.id, foreignAccount.id, coordinatorAccount.id] } }, select: { deactivatedAt: true } })
    expect(still.every((u) => u.deactivatedAt === null)).toBe(true)
  })
})
