import { describe, expect, test } from 'vitest'
import { createCentre, createFacility, createUser, formRequest, getRequest, sessionCookieFor, TEST_PASSWORD } from '../../tests/setup/fixtures'
import { createAd, createApplication, createVolunteer, matchingWorld, recordValidCheck } from '../../tests/setup/fixtures-matching'
import { callRoute } from '../../tests/setup/routes'
import { smtpCatcherForFile } from '../../tests/setup/smtp-catcher-for-file'
import { deactivateAccount, findAccounts, reactivateAccount } from './account-admin.server'
import { updateCentre } from './centre.server'
import { approveMatch } from './match.server'
import { login } from './user.server'
import * as centrePage from '~/routes/admin+/centres.$centreId'
import * as accountPage from '~/routes/admin+/users_.$userId'
import * as usersPage from '~/routes/admin+/users'
import * as loginPage from '~/routes/_auth+/login'
import { getUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { createMailer, deliverDueMessages } from '~/utils/outbox.server'
import { resetRateLimits } from '~/utils/rate-limit.server'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'
const catcher = smtpCatcherForFile()


/** A volunteer with an active match (and a future intro) and another open application, plus an admin. */
async function deactivationWorld() {
  const w = await matchingWorld({ volunteer: { name: 'Dorte Deaktiveres', email: `dorte-${Date.now()}@example.test` } })
  await recordValidCheck(w.volunteer.id, 'confidentiality')
  const intro = new Date(Date.now() + 7 * 86_400_000)
  const approved = await approveMatch(w.coordinator.id, { applicationId: w.application.id, introAt: intro, introPlace: 'Skovvej 1' })
  if (!approved.ok) throw new Error(approved.reason)
  const otherAd = await createAd(w.facility, w.contact.id, { title: 'Tablet-café' })
  const openApplication = await createApplication(otherAd.id, w.volunteer.id)
  const admin = await createUser('admin', { name: 'Ada Admin' })
  return { ...w, matchId: approved.matchId, openApplication, admin }
}

describe('deactivating and reactivating an account', () => {
  test('deactivation ends every session at once, blocks log-in with its own message, ends matches and withdraws applications with e-mails; audit-logged', async () => {
    const w = await deactivationWorld()
    const volunteerCookie = await sessionCookieFor(w.volunteer.id)
    const secondDevice = await sessionCookieFor(w.volunteer.id)
    expect(await getUser(getRequest('/volunteer', volunteerCookie))).not.toBeNull()
    const adminCookie = await sessionCookieFor(w.admin.id)

    const page = await (await callRoute(accountPage.loader, getRequest(`/admin/users/${w.volunteer.id}`, adminCookie), { userId: w.volunteer.id })).json()
    expect(page.account).toMatchObject({ sessions: 2, liveMatches: 1, openApplications: 1 })

    const response = await callRoute(accountPage.action, formRequest(`/admin/users/${w.volunteer.id}`, { intent: 'deactivate' }, { cookie: adminCookie }), { userId: w.volunteer.id })
    expect(response.status).toBe(302)

    // Both devices are out on their next request.
    expect(await getUser(getRequest('/volunteer', volunteerCookie))).toBeNull()
    expect(await getUser(getRequest('/volunteer', secondDevice))).toBeNull()
    expect(await prisma.session.count({ where: { userId: w.volunteer.id } })).toBe(0)

    // The right password gets a clear message; a wrong one still looks like any wrong password.
    await resetRateLimits()
    expect(await login({ email: w.volunteer.email, password: TEST_PASSWORD, ip: 'deactivated-1' })).toEqual({ ok: false, reason: 'deactivated' })
    expect(await login({ email: w.volunteer.email, password: 'forkert-kodeord-123', ip: 'deactivated-2' })).toEqual({ ok: false, reason: 'invalid' })
    const loginResponse = await callRoute(loginPage.action, formRequest('/login', { email: w.volunteer.email, password: TEST_PASSWORD }), {}, { clientIp: 'deactivated-3' })
    expect(loginResponse.status).toBe(400)
    expect(await loginResponse.json()).toMatchObject({ formError: 'auth:login.deactivated' })

    expect(await prisma.match.findUniqueOrThrow({ where: { id: w.matchId } })).toMatchObject({ status: 'ended', endReason: 'Den frivilliges profil er lukket af en administrator.' })
    expect(await prisma.application.findUniqueOrThrow({ where: { id: w.openApplication.id } })).toMatchObject({ status: 'withdrawn', motivation: 'Jeg vil gerne hjælpe.' })
    // Nothing is anonymised: the account can come back.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: w.volunteer.id } })).toMatchObject({ name: 'Dorte Deaktiveres', anonymizedAt: null })

    await deliverDueMessages({ mailer: createMailer(catcher.url), from: FROM })
    const toContact = await catcher.waitFor((m) => m.to.includes(w.contact.email.toLowerCase()) && m.subject.startsWith('Afsluttet'))
    expect(toContact.text).toContain('Den frivilliges profil er lukket af en administrator.')
    await catcher.waitFor((m) => m.to.includes(w.volunteer.email.toLowerCase()) && m.subject.startsWith('Afsluttet'))

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'user.deactivated', entityId: w.volunteer.id } })
    expect(audit.actorId).toBe(w.admin.id)
    expect(JSON.parse(audit.data ?? '{}')).toMatchObject({ sessionsEnded: 2, matchesEnded: 1, applicationsWithdrawn: 1 })
    expect(await deactivateAccount(w.admin.id, w.volunteer.id)).toEqual({ ok: false, reason: 'already-deactivated' })
  })

  test('reactivation lets them log in again; what was ended stays ended', async () => {
    const w = await deactivationWorld()
    await deactivateAccount(w.admin.id, w.volunteer.id)
    const adminCookie = await sessionCookieFor(w.admin.id)
    const response = await callRoute(accountPage.action, formRequest(`/admin/users/${w.volunteer.id}`, { intent: 'reactivate' }, { cookie: adminCookie }), { userId: w.volunteer.id })
    expect(response.status).toBe(302)
    await resetRateLimits()
    expect(await login({ email: w.volunteer.email, password: TEST_PASSWORD, ip: 'reactivated' })).toMatchObject({ ok: true, userId: w.volunteer.id })
    expect((await prisma.match.findUniqueOrThrow({ where: { id: w.matchId } })).status).toBe('ended')
    expect((await prisma.application.findUniqueOrThrow({ where: { id: w.openApplication.id } })).status).toBe('withdrawn')
    expect(await prisma.auditLog.count({ where: { action: 'user.reactivated', entityId: w.volunteer.id, actorId: w.admin.id } })).toBe(1)
    expect(await reactivateAccount(w.admin.id, w.volunteer.id)).toEqual({ ok: false, reason: 'not-deactivated' })
  })

  test('an admin cannot deactivate themselves; only admins reach these pages and actions', async () => {
    const admin = await createUser('admin')
    const adminCookie = await sessionCookieFor(admin.id)
    const self = await callRoute(accountPage.action, formRequest(`/admin/users/${admin.id}`, { intent: 'deactivate' }, { cookie: adminCookie }), { userId: admin.id })
    expect(self.status).toBe(400)
    expect(await self.json()).toMatchObject({ formError: 'admin:account.refused.self' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull()
    expect(await getUser(getRequest('/admin', adminCookie))).not.toBeNull()

    const centre = await createCentre(['Furesø Kommune'])
    const volunteer = await createVolunteer('Furesø Kommune')
    for (const role of ['coordinator', 'facility_staff', 'volunteer'] as const) {
      const user = await createUser(role, { centreId: role === 'coordinator' ? centre.id : undefined })
      const cookie = await sessionCookieFor(user.id)
      expect((await callRoute(usersPage.loader, getRequest('/admin/users?q=a', cookie))).status, role).toBe(403)
      expect((await callRoute(accountPage.loader, getRequest(`/admin/users/${volunteer.id}`, cookie), { userId: volunteer.id })).status, role).toBe(403)
      expect((await callRoute(accountPage.action, formRequest(`/admin/users/${volunteer.id}`, { intent: 'deactivate' }, { cookie }), { userId: volunteer.id })).status, role).toBe(403)
      expect((await callRoute(centrePage.action, formRequest(`/admin/centres/${centre.id}`, { name: 'X', email: 'x@example.test', municipalityIds: [] }, { cookie }), { centreId: centre.id })).status, role).toBe(403)
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: volunteer.id } })).deactivatedAt).toBeNull()
    // Signed out: to the log-in page.
    expect((await callRoute(usersPage.loader, getRequest('/admin/users'))).status).toBe(302)
  })
})

describe('finding an account', () => {
  test('by part of the name or e-mail, with a role filter and pages, all in the URL', async () => {
    const admin = await createUser('admin')
    const cookie = await sessionCookieFor(admin.id)
    const tag = `zq${Date.now().toString(36)}`
    const volunteer = await createUser('volunteer', { name: 'Henriette Søgbar', email: `henriette.${tag}@example.test` })
    await createUser('facility_staff', { name: 'Per Personale', email: `per.${tag}@example.test` })
    for (let i = 0; i < 27; i++) await createUser('volunteer', { name: `Mange ${i}`, email: `mange${i}.${tag}x@example.test` })

    const byEmail = await (await callRoute(usersPage.loader, getRequest(`/admin/users?q=${encodeURIComponent(`henriette.${tag}`)}`, cookie))).json()
    expect(byEmail.found.rows.map((row: { id: string }) => row.id)).toEqual([volunteer.id])
    // Any case, any part of the name.
    expect((await findAccounts({ q: 'SØGBAR', role: null, page: 1 })).rows.map((row) => row.id)).toContain(volunteer.id)
    expect((await findAccounts({ q: tag.toUpperCase(), role: 'facility_staff', page: 1 })).rows.map((row) => row.name)).toEqual(['Per Personale'])

    const first = await findAccounts({ q: `${tag}x`, role: 'volunteer', page: 1 })
    expect(first).toMatchObject({ total: 27, pages: 2 })
    expect(first.rows).toHaveLength(25)
    const second = await (await callRoute(usersPage.loader, getRequest(`/admin/users?q=${tag}x&role=volunteer&page=2`, cookie))).json()
    expect(second.found.rows).toHaveLength(2)
    expect(second.search).toEqual({ q: `${tag}x`, role: 'volunteer', page: 2 })
    // Nonsense in the URL is not an error.
    const odd = await callRoute(usersPage.loader, getRequest(`/admin/users?role=king&page=-4`, cookie))
    expect(odd.status).toBe(200)
    expect((await odd.json()).search).toMatchObject({ role: null, page: 1 })
  })
})

describe('editing a centre', () => {
  test('name, contact details and municipalities; another centre\'s municipality and one with live matches are refused', async () => {
    const admin = await createUser('admin')
    const cookie = await sessionCookieFor(admin.id)
    const centre = await createCentre(['Rudersdal Kommune', 'Allerød Kommune'])
    const other = await createCentre(['Lyngby-Taarbæk Kommune'])
    const ids = async (...names: string[]) => (await prisma.municipality.findMany({ where: { name: { in: names } }, select: { id: true } })).map((m) => m.id)
    await prisma.municipality.updateMany({ where: { name: 'Gentofte Kommune' }, data: { centreId: null } })

    const saved = await callRoute(
      centrePage.action,
      formRequest(`/admin/centres/${centre.id}`, { name: 'Frivilligcenter Nord', email: 'nord@centre.test', phone: '45 11 22 33', address: 'Stationsvej 2, 3460 Birkerød', municipalityIds: await ids('Rudersdal Kommune', 'Gentofte Kommune') }, { cookie }),
      { centreId: centre.id },
    )
    expect(saved.status).toBe(302)
    expect(await prisma.centre.findUniqueOrThrow({ where: { id: centre.id } })).toMatchObject({ name: 'Frivilligcenter Nord', phone: '45 11 22 33', address: 'Stationsvej 2, 3460 Birkerød' })
    expect((await prisma.municipality.findMany({ where: { centreId: centre.id }, orderBy: { name: 'asc' } })).map((m) => m.name)).toEqual(['Gentofte Kommune', 'Rudersdal Kommune'])
    expect((await prisma.municipality.findUniqueOrThrow({ where: { name: 'Allerød Kommune' } })).centreId).toBeNull()
    expect(await prisma.auditLog.count({ where: { action: 'centre.updated', entityId: centre.id } })).toBe(1)

    const base = { name: 'Frivilligcenter Nord', email: 'nord@centre.test', phone: null, address: null }
    expect(await updateCentre(admin.id, centre.id, { ...base, municipalityIds: await ids('Rudersdal Kommune', 'Lyngby-Taarbæk Kommune') })).toEqual({
      ok: false,
      reason: 'municipality-taken',
      names: ['Lyngby-Taarbæk Kommune'],
    })
    expect((await prisma.municipality.findUniqueOrThrow({ where: { name: 'Lyngby-Taarbæk Kommune' } })).centreId).toBe(other.id)

    // A live match in Gentofte: it stays with the centre.
    const facility = await createFacility('Gentofte Kommune')
    const ad = await createAd(facility, null)
    const volunteer = await createVolunteer('Gentofte Kommune')
    await prisma.match.create({ data: { jobAdId: ad.id, facilityId: facility.id, volunteerId: volunteer.id, status: 'active', approvedAt: new Date() } })
    const refused = await callRoute(
      centrePage.action,
      formRequest(`/admin/centres/${centre.id}`, { name: 'Frivilligcenter Nord', email: 'nord@centre.test', municipalityIds: await ids('Rudersdal Kommune') }, { cookie }),
      { centreId: centre.id },
    )
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ fieldErrors: { municipalityIds: [expect.stringContaining('admin:centreEdit.municipalityBusy?names=Gentofte')] } })
    expect((await prisma.municipality.findUniqueOrThrow({ where: { name: 'Gentofte Kommune' } })).centreId).toBe(centre.id)

    // Bad input: errors next to the fields, typed values kept.
    const bad = await callRoute(centrePage.action, formRequest(`/admin/centres/${centre.id}`, { name: '', email: 'ikke-en-mail', phone: 'abc' }, { cookie }), { centreId: centre.id })
    expect(bad.status).toBe(400)
    const body = await bad.json()
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['email', 'municipalityIds', 'name', 'phone'])
    expect(body.values).toMatchObject({ email: 'ikke-en-mail', phone: 'abc' })
  })
})
