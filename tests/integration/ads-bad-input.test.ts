import { describe, expect, test } from 'vitest'
import { createUser, formRequest, sessionCookieFor } from '../setup/fixtures'
import { adInput, adWorld } from '../setup/fixtures-ads'
import { saveJobAd } from '~/models/job.server'
import * as centreAd from '~/routes/centre+/ads.$adId'
import * as facilityAd from '~/routes/facility+/ads.$adId'
import * as newAd from '~/routes/facility+/ads.new'
import { formatInZone } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { callRoute as post, type RouteHandler as Action } from '../setup/routes'

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[] | undefined>; formError?: string; values: Record<string, string | string[]> }
}

const inAWeek = formatInZone(Date.now() + 7 * 86_400_000, 'yyyy-MM-dd', 'da')
const yesterday = formatInZone(Date.now() - 86_400_000, 'yyyy-MM-dd', 'da')

/** A complete, valid ad as the browser posts it. */
function adForm(contactPersonId: string, overrides: Record<string, string | string[]> = {}) {
  return {
    intent: 'submit',
    title: 'IT-ven til videoopkald',
    tasks: ['video_calls'],
    description: 'Vi søger en frivillig, der vil hjælpe beboerne med at ringe hjem med video hver tirsdag.',
    boundaries: 'Ingen personlig pleje, penge, adgangskoder eller MitID.',
    targetGroup: 'Voksne',
    frequency: 'weekly',
    weekdays: ['2'],
    timeFrom: '15:00',
    timeTo: '17:00',
    startDate: inAWeek,
    volunteersWanted: '2',
    requiresConfidentiality: 'on',
    minimumAge: '18',
    languages: ['da'],
    offers: 'Kaffe',
    contactPersonId,
    ...overrides,
  }
}

const HOSTILE = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', '../../etc/passwd', '{{constructor}}']

describe('the ad builder refuses bad input with field errors, never a 500', () => {
  test('an empty post names the missing fields; nothing is saved', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    const response = await post(newAd.action as Action, formRequest(`/facility/ads/new?facilityId=${w.facility.id}`, { intent: 'submit' }, { cookie }))
    expect(response.status).toBe(400)
    const { fieldErrors } = await body(response)
    expect(fieldErrors.title).toEqual(['validation.required'])
    expect(fieldErrors.frequency).toEqual(['validation.choose'])
    expect(fieldErrors.volunteersWanted).toEqual(['jobs:errors.volunteers'])
    expect(await prisma.jobAd.count({ where: { facilityId: w.facility.id } })).toBe(0)
  })

  test('schedule mistakes, a past start date and out-of-range numbers are each named, and what was typed comes back', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    const response = await post(
      newAd.action as Action,
      formRequest(
        '/facility/ads/new',
        adForm(w.contact.id, { facilityId: w.facility.id, timeFrom: '17:00', timeTo: '15:00', weekdays: [], startDate: yesterday, volunteersWanted: '21', minimumAge: '7', tasks: [] }),
        { cookie },
      ),
    )
    expect(response.status).toBe(400)
    const { fieldErrors, values } = await body(response)
    expect(fieldErrors.timeTo).toEqual(['jobs:errors.endBeforeStart'])
    expect(fieldErrors.weekdays).toEqual(['jobs:errors.weekdayRequired'])
    expect(fieldErrors.startDate).toEqual(['jobs:errors.startDatePast'])
    expect(fieldErrors.volunteersWanted).toEqual(['jobs:errors.volunteers'])
    expect(fieldErrors.minimumAge).toEqual(['jobs:errors.minimumAge'])
    expect(fieldErrors.tasks).toEqual(['jobs:errors.taskRequired'])
    expect(values.title).toBe('IT-ven til videoopkald')
    expect(values.timeFrom).toBe('17:00')
  })

  test('a draft may be incomplete, but not nonsensical', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    const draft = await post(newAd.action as Action, formRequest('/facility/ads/new', { facilityId: w.facility.id, intent: 'save', title: 'Kladde', frequency: 'weekly', volunteersWanted: '1', startDate: yesterday }, { cookie }))
    expect(draft.status).toBe(302)
    const bad = await post(newAd.action as Action, formRequest('/facility/ads/new', { facilityId: w.facility.id, intent: 'save', title: 'Kladde', frequency: 'weekly', volunteersWanted: '1', timeFrom: '25:99', startDate: '2026-02-31' }, { cookie }))
    expect(bad.status).toBe(400)
    const { fieldErrors } = await body(bad)
    expect(fieldErrors.timeFrom).toEqual(['jobs:errors.time'])
    expect(fieldErrors.startDate).toEqual(['validation.date'])
  })

  test('hostile strings and unknown codes are refused or stored as plain text', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    for (const value of HOSTILE) {
      const response = await post(
        newAd.action as Action,
        formRequest('/facility/ads/new', adForm(w.contact.id, { facilityId: w.facility.id, tasks: [value], weekdays: [value], frequency: value, languages: [value], volunteersWanted: value, timeFrom: value }), { cookie }),
      )
      expect(response.status).toBe(400)
      const { fieldErrors } = await body(response)
      expect(fieldErrors['tasks.0']).toEqual(['validation.choose'])
      expect(fieldErrors['weekdays.0']).toEqual(['validation.choose'])
      expect(fieldErrors.frequency).toEqual(['validation.choose'])
      expect(fieldErrors.timeFrom).toEqual(['jobs:errors.time'])
    }
    const long = await post(newAd.action as Action, formRequest('/facility/ads/new', adForm(w.contact.id, { facilityId: w.facility.id, title: 'x'.repeat(20_000) }), { cookie }))
    expect(long.status).toBe(400)
    expect((await body(long)).fieldErrors.title).toEqual(['validation.tooLong?maximum=120'])
    expect(await prisma.jobAd.count({ where: { facilityId: w.facility.id } })).toBe(0)
  })

  test('a contact person from another facility, or a made-up id, is a field error', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    for (const contactPersonId of [w.outsider.id, 'does-not-exist', w.coordinator.id]) {
      const response = await post(newAd.action as Action, formRequest('/facility/ads/new', adForm(contactPersonId, { facilityId: w.facility.id }), { cookie }))
      expect(response.status).toBe(400)
      expect((await body(response)).fieldErrors.contactPersonId).toEqual(['jobs:errors.contactPerson'])
    }
    expect(await prisma.jobAd.count({ where: { facilityId: w.facility.id } })).toBe(0)
  })

  test('a valid ad is created and submitted', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    const response = await post(newAd.action as Action, formRequest('/facility/ads/new', adForm(w.contact.id, { facilityId: w.facility.id }), { cookie }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/facility/ads')
    const ad = await prisma.jobAd.findFirstOrThrow({ where: { facilityId: w.facility.id } })
    expect(ad).toMatchObject({ status: 'submitted', timeFrom: '15:00', weekdays: '[2]', volunteersWanted: 2, minimumAge: 18 })
  })
})

describe('who may post', () => {
  test('staff of another facility get 403, for a new ad and for an existing one', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.outsider.id)
    const create = await post(newAd.action as Action, formRequest('/facility/ads/new', adForm(w.outsider.id, { facilityId: w.facility.id }), { cookie }))
    expect(create.status).toBe(403)
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id))
    if (!ad.ok) throw new Error(ad.problem)
    const edit = await post(facilityAd.action as Action, formRequest(`/facility/ads/${ad.id}`, adForm(w.outsider.id), { cookie }), { adId: ad.id })
    expect(edit.status).toBe(403)
    const close = await post(facilityAd.action as Action, formRequest(`/facility/ads/${ad.id}`, { intent: 'close' }, { cookie }), { adId: ad.id })
    expect(close.status).toBe(403)
    expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: ad.id } })).status).toBe('draft')
  })

  test('a volunteer gets 403 everywhere; a coordinator of another centre cannot review', async () => {
    const w = await adWorld()
    const volunteer = await createUser('volunteer')
    const cookie = await sessionCookieFor(volunteer.id)
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    expect((await post(newAd.action as Action, formRequest('/facility/ads/new', adForm(w.contact.id, { facilityId: w.facility.id }), { cookie }))).status).toBe(403)
    expect((await post(facilityAd.action as Action, formRequest(`/facility/ads/${ad.id}`, { intent: 'pause' }, { cookie }), { adId: ad.id })).status).toBe(403)
    expect((await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'publish' }, { cookie }), { adId: ad.id })).status).toBe(403)
    const other = await sessionCookieFor(w.otherCoordinator.id)
    expect((await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'publish' }, { cookie: other }), { adId: ad.id })).status).toBe(403)
    // Staff cannot publish their own ad either.
    const staff = await sessionCookieFor(w.leader.id)
    expect((await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'publish' }, { cookie: staff }), { adId: ad.id })).status).toBe(403)
    expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: ad.id } })).status).toBe('submitted')
  })

  test('an unknown ad is a 404', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    expect((await post(facilityAd.action as Action, formRequest('/facility/ads/nope', { intent: 'close' }, { cookie }), { adId: 'nope' })).status).toBe(404)
  })
})

describe('the review and status changes', () => {
  test('returning without a comment, unknown intents and wrong transitions are 400 with a clear message', async () => {
    const w = await adWorld()
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    const cookie = await sessionCookieFor(w.coordinator.id)
    const noComment = await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'return', comment: '   ' }, { cookie }), { adId: ad.id })
    expect(noComment.status).toBe(400)
    expect((await body(noComment)).fieldErrors.comment).toEqual(['jobs:errors.commentRequired'])
    const unknown = await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'delete-everything' }, { cookie }), { adId: ad.id })
    expect(unknown.status).toBe(400)

    const staff = await sessionCookieFor(w.leader.id)
    const pauseSubmitted = await post(facilityAd.action as Action, formRequest(`/facility/ads/${ad.id}`, { intent: 'pause' }, { cookie: staff }), { adId: ad.id })
    expect(pauseSubmitted.status).toBe(400)
    expect((await body(pauseSubmitted)).formError).toBe('jobs:errors.wrongState')
    const editSubmitted = await post(facilityAd.action as Action, formRequest(`/facility/ads/${ad.id}`, adForm(w.contact.id), { cookie: staff }), { adId: ad.id })
    expect(editSubmitted.status).toBe(400)
    expect((await body(editSubmitted)).formError).toBe('jobs:errors.wrongState')
    const bogus = await post(facilityAd.action as Action, formRequest(`/facility/ads/${ad.id}`, { intent: '<script>' }, { cookie: staff }), { adId: ad.id })
    expect(bogus.status).toBe(400)

    const published = await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'publish' }, { cookie }), { adId: ad.id })
    expect(published.status).toBe(302)
    const twice = await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'publish' }, { cookie }), { adId: ad.id })
    expect(twice.status).toBe(400)
    expect((await body(twice)).formError).toBe('jobs:errors.wrongState')
  })

  test('publishing an ad of an unapproved facility is a clear form error', async () => {
    const w = await adWorld('pending')
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    const cookie = await sessionCookieFor(w.coordinator.id)
    const response = await post(centreAd.action as Action, formRequest(`/centre/ads/${ad.id}`, { intent: 'publish' }, { cookie }), { adId: ad.id })
    expect(response.status).toBe(400)
    expect((await body(response)).formError).toBe('jobs:errors.facilityNotActive')
  })
})
