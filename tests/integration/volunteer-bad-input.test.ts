import { describe, expect, test } from 'vitest'
import { createCentre, createUser, formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { createAd, createVolunteer } from '../setup/fixtures-volunteer'
import * as apply from '~/routes/jobs+/$jobId_.apply'
import * as applications from '~/routes/volunteer+/applications'
import * as profile from '~/routes/volunteer+/profile'
import { prisma } from '~/utils/db.server'
import { callRoute as run, type RouteHandler as Handler } from '../setup/routes'
import { sharedPostcodes } from '~/models/reference.server'

type Body = { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }

const HOSTILE_STRINGS = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '../../etc/passwd', '{{constructor}}']

describe('the profile form refuses bad input with field errors and saves nothing', () => {
  test('malformed and hostile values', async () => {
    const volunteer = await createVolunteer({ consent: false })
    const cookie = await sessionCookieFor(volunteer.id)
    const before = await prisma.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } })

    for (const value of HOSTILE_STRINGS) {
      const response = await run(
        profile.action as Handler,
        formRequest(
          '/volunteer/profile',
          { intent: 'save', postcode: value, languages: [value, 'da'], availability: [value], skill_photos: value, bio: 'x'.repeat(1001), employer: value },
          { cookie },
        ),
      )
      expect(response.status).toBe(400)
      const body = (await response.json()) as Body
      expect(body.fieldErrors.postcode).toEqual(['validation.postcode'])
      expect(body.fieldErrors.languages).toEqual(['validation.choose'])
      expect(body.fieldErrors.availability).toEqual(['validation.choose'])
      expect(body.fieldErrors.skill_photos).toEqual(['validation.choose'])
      expect(body.fieldErrors.bio).toEqual(['validation.tooLong?maximum=1000'])
    }
    const after = await prisma.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } })
    expect(after.updatedAt).toEqual(before.updatedAt)
  })

  test('a postcode that does not exist, unknown municipalities, and a postcode in several municipalities', async () => {
    const volunteer = await createVolunteer()
    const cookie = await sessionCookieFor(volunteer.id)
    const unknown = await run(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'save', postcode: '0001' }, { cookie }))
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as Body).fieldErrors.postcode).toEqual(['validation.postcodeUnknown'])

    const areas = await run(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'save', areas: ['not-a-municipality'] }, { cookie }))
    expect(areas.status).toBe(400)
    expect(((await areas.json()) as Body).fieldErrors.areas).toEqual(['validation.choose'])

    // 3200 Helsinge lies in both Gribskov and Hillerød.
    const shared = [{ code: '3200' }]
    const ambiguous = await run(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'save', postcode: shared[0].code }, { cookie }))
    expect(ambiguous.status).toBe(400)
    const body = (await ambiguous.json()) as Body
    expect(body.fieldErrors.municipalityId).toEqual(['volunteer:profile.chooseMunicipality'])
    expect(body.values.postcode).toBe(shared[0].code)
    // The page offers the picker from the loader's list of shared postcodes.
    const choices = (await sharedPostcodes())[shared[0].code]
    expect(choices.map((choice) => choice.name)).toEqual(['Gribskov Kommune', 'Hillerød Kommune'])

    const chosen = await run(
      profile.action as Handler,
      formRequest('/volunteer/profile', { intent: 'save', postcode: shared[0].code, municipalityId: choices[1].id, consentData: 'on' }, { cookie }),
    )
    expect(chosen.status).toBe(302)
    const saved = await prisma.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } })
    expect(saved.municipalityId).toBe(choices[1].id)
  })

  test('an unknown intent and other roles', async () => {
    const volunteer = await createVolunteer()
    const cookie = await sessionCookieFor(volunteer.id)
    const odd = await run(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'delete-everything' }, { cookie }))
    expect(odd.status).toBe(400)
    const staff = await createUser('facility_staff')
    const forbidden = await run(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'pause' }, { cookie: await sessionCookieFor(staff.id) }))
    expect(forbidden.status).toBe(403)
    const anonymous = await run(profile.loader as Handler, getRequest('/volunteer/profile'))
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toBe('/login?redirectTo=%2Fvolunteer%2Fprofile')
  })
})

describe('applying refuses bad input and the wrong people', () => {
  test('no ethics tick and a too long motivation → 400 with field errors; nothing saved', async () => {
    const volunteer = await createVolunteer()
    const { ad } = await createAd('Gribskov Kommune')
    const cookie = await sessionCookieFor(volunteer.id)
    for (const value of HOSTILE_STRINGS) {
      const response = await run(apply.action as Handler, formRequest(`/jobs/${ad.id}/apply`, { motivation: value, ethicsRead: value }, { cookie }), { jobId: ad.id })
      expect(response.status).toBe(400)
      const body = (await response.json()) as Body
      expect(body.fieldErrors.ethicsRead).toEqual(['volunteer:apply.ethicsRequired'])
      if (value.length > 2000) expect(body.fieldErrors.motivation).toEqual(['validation.tooLong?maximum=2000'])
    }
    expect(await prisma.application.count({ where: { volunteerId: volunteer.id } })).toBe(0)
  })

  test('staff, coordinators and admins get 403; signed out goes to log-in and back', async () => {
    const centre = await createCentre(['Gribskov Kommune'])
    const { ad } = await createAd('Gribskov Kommune')
    for (const user of [await createUser('facility_staff'), await createUser('coordinator', { centreId: centre.id }), await createUser('admin')]) {
      const cookie = await sessionCookieFor(user.id)
      expect((await run(apply.loader as Handler, getRequest(`/jobs/${ad.id}/apply`, cookie), { jobId: ad.id })).status).toBe(403)
      const posted = await run(apply.action as Handler, formRequest(`/jobs/${ad.id}/apply`, { ethicsRead: 'on' }, { cookie }), { jobId: ad.id })
      expect(posted.status).toBe(403)
    }
    const anonymous = await run(apply.loader as Handler, getRequest(`/jobs/${ad.id}/apply`), { jobId: ad.id })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/jobs/${ad.id}/apply`)}`)
    expect(await prisma.application.count({ where: { jobAdId: ad.id } })).toBe(0)
  })

  test('an unknown or unpublished ad is a 404; a closed ad or missing consent is a clear message', async () => {
    const volunteer = await createVolunteer()
    const cookie = await sessionCookieFor(volunteer.id)
    expect((await run(apply.loader as Handler, getRequest('/jobs/nope/apply', cookie), { jobId: 'nope' })).status).toBe(404)
    expect((await run(apply.action as Handler, formRequest('/jobs/nope/apply', { ethicsRead: 'on' }, { cookie }), { jobId: 'nope' })).status).toBe(404)
    const { ad: draft } = await createAd('Gribskov Kommune', { status: 'draft' })
    expect((await run(apply.loader as Handler, getRequest(`/jobs/${draft.id}/apply`, cookie), { jobId: draft.id })).status).toBe(404)

    const { ad: closed } = await createAd('Gribskov Kommune', { status: 'closed' })
    const refused = await run(apply.action as Handler, formRequest(`/jobs/${closed.id}/apply`, { ethicsRead: 'on', motivation: 'Hej' }, { cookie }), { jobId: closed.id })
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as Body
    expect(body.formError).toBe('volunteer:apply.refused.ad-not-open')
    expect(body.values.motivation).toBe('Hej')

    const noConsent = await createVolunteer({ consent: false })
    const { ad } = await createAd('Gribskov Kommune')
    const response = await run(apply.action as Handler, formRequest(`/jobs/${ad.id}/apply`, { ethicsRead: 'on' }, { cookie: await sessionCookieFor(noConsent.id) }), { jobId: ad.id })
    expect(response.status).toBe(400)
    expect(((await response.json()) as Body).formError).toBe('volunteer:apply.refused.no-consent')
  })

  test('withdrawing someone else\'s application is a 404; a bad id a 400', async () => {
    const owner = await createVolunteer()
    const { ad } = await createAd('Gribskov Kommune')
    const application = await prisma.application.create({ data: { jobAdId: ad.id, volunteerId: owner.id } })
    const other = await createVolunteer()
    const cookie = await sessionCookieFor(other.id)
    const stolen = await run(applications.action as Handler, formRequest('/volunteer/applications', { intent: 'withdraw', applicationId: application.id }, { cookie }))
    expect(stolen.status).toBe(404)
    const bad = await run(applications.action as Handler, formRequest('/volunteer/applications', { intent: 'withdraw', applicationId: 'x'.repeat(500) }, { cookie }))
    expect(bad.status).toBe(400)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe('submitted')
  })
})
