import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser, formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import * as centreFacilities from '~/routes/centre+/facilities'
import * as ethics from '~/routes/facility+/$facilityId.ethics'
import * as profile from '~/routes/facility+/$facilityId.profile'
import * as screening from '~/routes/facility+/$facilityId.screening'
import * as staff from '~/routes/facility+/$facilityId.staff'
import { addEthicsEntry } from '~/models/facility.server'
import { prisma } from '~/utils/db.server'
import { callRoute } from '../setup/routes'

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

/** Runs a loader or action the way Remix does; a thrown Response counts as the response. */
async function run(handler: Handler, request: Request, params: Record<string, string> = {}) {
  return callRoute(handler, request, params, { clientIp: '10.0.0.1' })
}

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

const HOSTILE = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '{{constructor}}']

async function leaderOfNewFacility() {
  const facility = await createFacility('Gribskov Kommune')
  const leader = await createUser('facility_staff')
  await addStaff(facility.id, leader.id, 'leader')
  return { facility, leader, cookie: await sessionCookieFor(leader.id) }
}

const validProfile = { name: 'Huset', kind: 'bosted', address: 'Vej 1', postcode: '8000', targetGroups: ['autisme'] }

describe('facility pages: malformed and hostile posts get 400 with field errors', () => {
  test('profile: empty, bad kind, unknown target group, bad postcode, e-mail and website', async () => {
    const { facility, cookie } = await leaderOfNewFacility()
    const path = `/facility/${facility.id}/profile`
    const empty = await run(profile.action as Handler, formRequest(path, {}, { cookie }), { facilityId: facility.id })
    expect(empty.status).toBe(400)
    const emptyErrors = (await body(empty)).fieldErrors
    expect(emptyErrors.name).toEqual(['validation.required'])
    expect(emptyErrors.kind).toEqual(['validation.choose'])
    expect(emptyErrors.postcode).toEqual(['validation.required'])

    const bad = await run(
      profile.action as Handler,
      formRequest(path, { ...validProfile, kind: 'castle', targetGroups: ['autisme', 'vampires'], postcode: '12a4', email: 'nope', website: 'javascript:alert(1)', phone: 'call me' }, { cookie }),
      { facilityId: facility.id },
    )
    expect(bad.status).toBe(400)
    const badBody = await body(bad)
    expect(badBody.fieldErrors).toMatchObject({
      kind: ['validation.choose'],
      targetGroups: ['validation.choose'],
      postcode: ['validation.postcode'],
      email: ['validation.email'],
      website: ['validation.url'],
      phone: ['validation.phone'],
    })
    expect(badBody.values.name).toBe('Huset')

    const unknown = await run(profile.action as Handler, formRequest(path, { ...validProfile, postcode: '0001' }, { cookie }), { facilityId: facility.id })
    expect(unknown.status).toBe(400)
    expect((await body(unknown)).fieldErrors.postcode).toEqual(['validation.postcodeUnknown'])

    const border = await run(profile.action as Handler, formRequest(path, { ...validProfile, postcode: '3400' }, { cookie }), { facilityId: facility.id })
    expect(border.status).toBe(400)
    expect((await body(border)).fieldErrors.municipalityId).toEqual(['facility:profile.chooseMunicipality'])

    for (const value of HOSTILE) {
      const response = await run(profile.action as Handler, formRequest(path, { ...validProfile, name: value, postcode: value, description: value.repeat(2) }, { cookie }), { facilityId: facility.id })
      expect(response.status).toBe(400)
    }
    expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).name).toBe(facility.name)

    const ok = await run(profile.action as Handler, formRequest(path, validProfile, { cookie }), { facilityId: facility.id })
    expect(ok.status).toBe(302)
  })

  test('screening and ethics: unknown tasks, intents, directions and missing fields', async () => {
    const { facility, cookie } = await leaderOfNewFacility()
    const params = { facilityId: facility.id }
    const badTasks = await run(screening.action as Handler, formRequest(`/facility/${facility.id}/screening`, { wishedTasks: ['video_calls', 'rm -rf'], network: 'x'.repeat(5000) }, { cookie }), params)
    expect(badTasks.status).toBe(400)
    expect((await body(badTasks)).fieldErrors).toMatchObject({ wishedTasks: ['validation.choose'], network: ['validation.tooLong?maximum=4000'] })

    const path = `/facility/${facility.id}/ethics`
    const noIntent = await run(ethics.action as Handler, formRequest(path, { technology: 'Facebook' }, { cookie }), params)
    expect(noIntent.status).toBe(400)
    const missing = await run(ethics.action as Handler, formRequest(path, { intent: 'add', technology: '  ' }, { cookie }), params)
    expect(missing.status).toBe(400)
    expect((await body(missing)).fieldErrors).toMatchObject({ technology: ['validation.required'], dilemma: ['validation.required'], agreedValues: ['validation.required'] })
    const badMove = await run(ethics.action as Handler, formRequest(path, { intent: 'move', entryId: 'x', direction: 'sideways' }, { cookie }), params)
    expect(badMove.status).toBe(400)
    const unknownEntry = await run(ethics.action as Handler, formRequest(path, { intent: 'delete', entryId: 'does-not-exist' }, { cookie }), params)
    expect(unknownEntry.status).toBe(404)
    expect(await prisma.ethicsPolicyEntry.count({ where: { facilityId: facility.id } })).toBe(0)
  })

  test('staff: bad e-mail and language, a volunteer address, and removing the last leader', async () => {
    const { facility, leader, cookie } = await leaderOfNewFacility()
    const params = { facilityId: facility.id }
    const path = `/facility/${facility.id}/staff`
    const bad = await run(staff.action as Handler, formRequest(path, { intent: 'invite', name: '', email: '<b>', locale: 'xx' }, { cookie }), params)
    expect(bad.status).toBe(400)
    expect((await body(bad)).fieldErrors).toMatchObject({ name: ['validation.required'], email: ['validation.email'], locale: ['validation.choose'] })

    const volunteer = await createUser('volunteer')
    const wrongRole = await run(staff.action as Handler, formRequest(path, { intent: 'invite', name: 'V', email: volunteer.email, locale: 'da' }, { cookie }), params)
    expect(wrongRole.status).toBe(400)
    expect((await body(wrongRole)).fieldErrors.email).toEqual(['facility:staff.notStaffAccount'])

    const membership = await prisma.facilityMembership.findFirstOrThrow({ where: { facilityId: facility.id, userId: leader.id } })
    const last = await run(staff.action as Handler, formRequest(path, { intent: 'remove', membershipId: membership.id }, { cookie }), params)
    expect(last.status).toBe(400)
    expect((await body(last)).formError).toBe('facility:staff.lastLeader')
    const badToggle = await run(staff.action as Handler, formRequest(path, { intent: 'contact-person', membershipId: membership.id, isContactPerson: 'maybe' }, { cookie }), params)
    expect(badToggle.status).toBe(400)
  })

  test('centre: a deactivation needs a reason; unknown intents are 400', async () => {
    const centre = await createCentre(['Gribskov Kommune'])
    const coordinator = await createUser('coordinator', { centreId: centre.id })
    const cookie = await sessionCookieFor(coordinator.id)
    const facility = await createFacility('Gribskov Kommune')
    const noReason = await run(centreFacilities.action as Handler, formRequest('/centre/facilities', { intent: 'deactivate', facilityId: facility.id, reason: ' ' }, { cookie }))
    expect(noReason.status).toBe(400)
    expect((await body(noReason)).fieldErrors.reason).toEqual(['facility:centre.reasonRequired'])
    const unknown = await run(centreFacilities.action as Handler, formRequest('/centre/facilities', { intent: 'delete', facilityId: facility.id }, { cookie }))
    expect(unknown.status).toBe(400)
    expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).status).toBe('active')
  })
})

test('valid posts on every facility page are saved and redirect back with a message', async () => {
  const { facility, cookie } = await leaderOfNewFacility()
  const params = { facilityId: facility.id }
  const path = `/facility/${facility.id}/ethics`
  const entry = { technology: 'Facebook', dilemma: 'Venneanmodninger', agreedValues: 'Ikke venner privat' }
  expect((await run(ethics.action as Handler, formRequest(path, { intent: 'add', ...entry }, { cookie }), params)).status).toBe(302)
  expect((await run(ethics.action as Handler, formRequest(path, { intent: 'add', ...entry, technology: 'MitID' }, { cookie }), params)).status).toBe(302)
  const [first, second] = await prisma.ethicsPolicyEntry.findMany({ where: { facilityId: facility.id }, orderBy: { position: 'asc' } })
  expect((await run(ethics.action as Handler, formRequest(path, { intent: 'update', entryId: first.id, ...entry, agreedValues: 'Nyt' }, { cookie }), params)).status).toBe(302)
  expect((await run(ethics.action as Handler, formRequest(path, { intent: 'move', entryId: second.id, direction: 'up' }, { cookie }), params)).status).toBe(302)
  expect((await prisma.ethicsPolicyEntry.findMany({ where: { facilityId: facility.id }, orderBy: { position: 'asc' } })).map((e) => e.technology)).toEqual(['MitID', 'Facebook'])
  expect((await run(ethics.action as Handler, formRequest(path, { intent: 'delete', entryId: first.id }, { cookie }), params)).status).toBe(302)
  expect(await prisma.ethicsPolicyEntry.count({ where: { facilityId: facility.id } })).toBe(1)

  const saved = await run(screening.action as Handler, formRequest(`/facility/${facility.id}/screening`, { wishedTasks: ['video_calls', 'photos'], network: 'Gæste-wifi' }, { cookie }), params)
  expect(saved.status).toBe(302)
  expect(await prisma.facilityItScreening.findUnique({ where: { facilityId: facility.id } })).toMatchObject({ wishedTasks: '["video_calls","photos"]', network: 'Gæste-wifi' })

  const invited = await run(staff.action as Handler, formRequest(`/facility/${facility.id}/staff`, { intent: 'invite', name: 'Nanna', email: 'Nanna@Example.test', locale: 'da' }, { cookie }), params)
  expect(invited.status).toBe(302)
  expect(await prisma.user.findUnique({ where: { email: 'nanna@example.test' } })).toMatchObject({ role: 'facility_staff', passwordHash: null })
})

describe('facility pages: who may do what', () => {
  test("staff of another facility get 403 on every page and every post; an unknown facility is 404", async () => {
    const { facility } = await leaderOfNewFacility()
    const other = await leaderOfNewFacility()
    const entry = await addEthicsEntry(other.leader.id, facility.id, { technology: 'Facebook', dilemma: 'd', agreedValues: 'v' })
    if (!entry.ok) throw new Error('no entry')
    const params = { facilityId: facility.id }
    for (const route of [profile, screening, ethics, staff]) {
      const page = await run(route.loader as Handler, getRequest(`/facility/${facility.id}/x`, other.cookie), params)
      expect(page.status).toBe(403)
    }
    const posts: [Handler, Record<string, string | string[]>][] = [
      [profile.action as Handler, validProfile],
      [screening.action as Handler, { residentWishes: 'x' }],
      [ethics.action as Handler, { intent: 'delete', entryId: entry.entryId }],
      [staff.action as Handler, { intent: 'invite', name: 'X', email: 'x@example.test', locale: 'da' }],
    ]
    for (const [action, fields] of posts) {
      expect((await run(action, formRequest('/facility/x', fields, { cookie: other.cookie }), params)).status).toBe(403)
    }
    expect(await prisma.ethicsPolicyEntry.count({ where: { id: entry.entryId } })).toBe(1)
    expect((await run(profile.loader as Handler, getRequest('/facility/nope/profile', other.cookie), { facilityId: 'nope' })).status).toBe(404)
  })

  test('a staff member who is not the leader gets 403 on the staff page and the profile; a volunteer gets 403', async () => {
    const { facility } = await leaderOfNewFacility()
    const colleague = await createUser('facility_staff')
    await addStaff(facility.id, colleague.id, 'staff')
    const cookie = await sessionCookieFor(colleague.id)
    const params = { facilityId: facility.id }
    expect((await run(staff.loader as Handler, getRequest(`/facility/${facility.id}/staff`, cookie), params)).status).toBe(403)
    expect((await run(staff.action as Handler, formRequest('/x', { intent: 'invite', name: 'X', email: 'x@example.test', locale: 'da' }, { cookie }), params)).status).toBe(403)
    expect((await run(profile.action as Handler, formRequest('/x', validProfile, { cookie }), params)).status).toBe(403)

    const volunteer = await createUser('volunteer')
    const volunteerCookie = await sessionCookieFor(volunteer.id)
    for (const route of [profile, screening, ethics, staff]) {
      expect((await run(route.loader as Handler, getRequest('/x', volunteerCookie), params)).status).toBe(403)
    }
    expect((await run(centreFacilities.loader as Handler, getRequest('/centre/facilities', volunteerCookie))).status).toBe(403)
    expect((await run(centreFacilities.action as Handler, formRequest('/centre/facilities', { intent: 'approve', facilityId: facility.id }, { cookie: volunteerCookie }))).status).toBe(403)
  })

  test("a coordinator of another centre cannot approve or deactivate this centre's facilities", async () => {
    await createCentre(['Gribskov Kommune'])
    const elsewhere = await createCentre(['Aarhus Kommune'])
    const coordinator = await createUser('coordinator', { centreId: elsewhere.id })
    const cookie = await sessionCookieFor(coordinator.id)
    const pending = await createFacility('Gribskov Kommune', 'pending')
    const active = await createFacility('Gribskov Kommune')
    expect((await run(centreFacilities.action as Handler, formRequest('/centre/facilities', { intent: 'approve', facilityId: pending.id }, { cookie }))).status).toBe(403)
    expect((await run(centreFacilities.action as Handler, formRequest('/centre/facilities', { intent: 'deactivate', facilityId: active.id, reason: 'x' }, { cookie }))).status).toBe(403)
    const list = await run(centreFacilities.loader as Handler, getRequest('/centre/facilities', cookie))
    const ids = ((await list.json()) as { facilities: { id: string }[] }).facilities.map((f) => f.id)
    expect(ids).not.toContain(pending.id)
    expect(ids).not.toContain(active.id)
  })
})
