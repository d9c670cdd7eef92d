import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser, getRequest, sessionCookieFor } from '../setup/fixtures'
import { matchingWorld, recordValidCheck } from '../setup/fixtures-matching'
import { approveMatch } from '~/models/match.server'
import * as applicationPage from '~/routes/centre+/applications.$applicationId'
import * as candidatesPage from '~/routes/centre+/ads.$adId_.candidates'
import * as volunteerPage from '~/routes/centre+/volunteers.$volunteerId'
import * as facilityVolunteers from '~/routes/facility+/volunteers'
import { callRoute } from '../setup/routes'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

/** Runs a loader the way Remix does; a thrown Response counts as the response. */
async function load(loader: Loader, path: string, params: Record<string, string>, cookie?: string) {
  const response = await callRoute(loader, getRequest(path, cookie), params)
  return { status: response.status, body: response.status === 200 ? await response.text() : '' }
}

describe('who sees a volunteer\'s contact data', () => {
  test('each role, before and after the match is approved', async () => {
    const world = await matchingWorld({ volunteer: { phone: '61 62 63 64' } })
    const phone = '61 62 63 64'
    const otherVolunteer = await createUser('volunteer')
    const otherFacility = await createFacility('Gribskov Kommune')
    const otherStaff = await createUser('facility_staff')
    await addStaff(otherFacility.id, otherStaff.id, 'leader')
    const otherCentre = await createCentre(['Aarhus Kommune'])
    const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })
    const admin = await createUser('admin')

    const cookies = {
      visitor: undefined,
      otherVolunteer: await sessionCookieFor(otherVolunteer.id),
      matchedStaff: await sessionCookieFor(world.contact.id),
      otherStaff: await sessionCookieFor(otherStaff.id),
      coordinator: await sessionCookieFor(world.coordinator.id),
      otherCoordinator: await sessionCookieFor(otherCoordinator.id),
      admin: await sessionCookieFor(admin.id),
    }
    const applicationPath = `/centre/applications/${world.application.id}`
    const volunteerPath = `/centre/volunteers/${world.volunteer.id}`
    const candidatesPath = `/centre/ads/${world.ad.id}/candidates`

    const centrePages = async (cookie: string | undefined) => ({
      application: (await load(applicationPage.loader as Loader, applicationPath, { applicationId: world.application.id }, cookie)).status,
      volunteer: (await load(volunteerPage.loader as Loader, volunteerPath, { volunteerId: world.volunteer.id }, cookie)).status,
      candidates: (await load(candidatesPage.loader as Loader, candidatesPath, { adId: world.ad.id }, cookie)).status,
    })

    // Signed out: sent to log in. Everyone but the centre's coordinator: 403.
    expect(await centrePages(cookies.visitor)).toEqual({ application: 302, volunteer: 302, candidates: 302 })
    for (const role of ['otherVolunteer', 'matchedStaff', 'otherStaff', 'otherCoordinator', 'admin'] as const) {
      expect(await centrePages(cookies[role]), role).toEqual({ application: 403, volunteer: 403, candidates: 403 })
    }
    const ours = await load(applicationPage.loader as Loader, applicationPath, { applicationId: world.application.id }, cookies.coordinator)
    expect(ours.status).toBe(200)
    expect(ours.body).toContain(phone)
    const profile = await load(volunteerPage.loader as Loader, volunteerPath, { volunteerId: world.volunteer.id }, cookies.coordinator)
    expect(profile.status).toBe(200)
    expect(profile.body).toContain(phone)

    // The facility's page: staff only, and no phone before the match is approved.
    const facilityView = (cookie: string | undefined) => load(facilityVolunteers.loader as Loader, '/facility/volunteers', {}, cookie)
    expect((await facilityView(cookies.visitor)).status).toBe(302)
    for (const role of ['otherVolunteer', 'coordinator', 'otherCoordinator', 'admin'] as const) expect((await facilityView(cookies[role])).status, role).toBe(403)
    const before = await facilityView(cookies.matchedStaff)
    expect(before.status).toBe(200)
    expect(before.body).not.toContain(phone)

    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const approved = await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: new Date(Date.now() + 7 * 86_400_000), introPlace: 'Hus B' })
    expect(approved.ok).toBe(true)

    const after = await facilityView(cookies.matchedStaff)
    expect(after.status).toBe(200)
    expect(after.body).toContain(phone)
    expect(after.body).toContain(world.volunteer.email)
    const other = await facilityView(cookies.otherStaff)
    expect(other.status).toBe(200)
    expect(other.body).not.toContain(phone)
    expect(other.body).not.toContain(world.volunteer.email)
    // Approval does not open the centre's pages to the facility.
    expect(await centrePages(cookies.matchedStaff)).toEqual({ application: 403, volunteer: 403, candidates: 403 })
  })

  test('unknown ids are 404 for the coordinator, not 500', async () => {
    const world = await matchingWorld({ municipality: 'Furesø Kommune' })
    const cookie = await sessionCookieFor(world.coordinator.id)
    expect((await load(applicationPage.loader as Loader, '/centre/applications/nope', { applicationId: 'nope' }, cookie)).status).toBe(404)
    expect((await load(volunteerPage.loader as Loader, '/centre/volunteers/nope', { volunteerId: 'nope' }, cookie)).status).toBe(404)
    expect((await load(candidatesPage.loader as Loader, '/centre/ads/nope/candidates', { adId: 'nope' }, cookie)).status).toBe(404)
  })
})
