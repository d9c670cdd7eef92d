import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser, formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { matchingWorld } from '../setup/fixtures-matching'
import * as wishesPage from '~/routes/facility+/$facilityId.wishes'
import * as easyPage from '~/routes/facility+/$facilityId.wishes_.easy'
import * as centreWishesPage from '~/routes/centre+/wishes'
import * as newAdPage from '~/routes/facility+/ads.new'
import * as centreAdPage from '~/routes/centre+/ads.$adId'
import * as visitPage from '~/routes/visits+/$visitId'
import { addWish } from '~/models/wish.server'
import { prisma } from '~/utils/db.server'
import { callRoute as run, type RouteHandler as Handler } from '../setup/routes'

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

async function world() {
  const w = await matchingWorld()
  const otherFacility = await createFacility('Gribskov Kommune')
  const otherStaff = await createUser('facility_staff')
  await addStaff(otherFacility.id, otherStaff.id, 'leader')
  const otherCentre = await createCentre(['Aarhus Kommune'])
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })
  return { ...w, otherStaff, otherCoordinator }
}

describe('who may keep a facility’s wishes', () => {
  test('its staff may; staff of another facility, volunteers and coordinators get 403; signed out goes to log-in; an unknown facility is 404', async () => {
    const w = await world()
    const params = { facilityId: w.facility.id }
    const path = `/facility/${w.facility.id}/wishes`
    const load = async (handler: Handler, url: string, cookie?: string, p = params) => (await run(handler, getRequest(url, cookie), p)).status
    const staff = await sessionCookieFor(w.contact.id)
    expect(await load(wishesPage.loader as Handler, path, staff)).toBe(200)
    expect(await load(easyPage.loader as Handler, `${path}/easy`, staff)).toBe(200)
    for (const userId of [w.otherStaff.id, w.volunteer.id, w.coordinator.id]) {
      const cookie = await sessionCookieFor(userId)
      expect(await load(wishesPage.loader as Handler, path, cookie)).toBe(403)
      expect(await load(easyPage.loader as Handler, `${path}/easy`, cookie)).toBe(403)
      const posted = await run(wishesPage.action as Handler, formRequest(path, { intent: 'add', what: 'Høre musik', tasks: 'music_streaming', residentCount: '1' }, { cookie }), params)
      expect(posted.status).toBe(403)
      const easy = await run(easyPage.action as Handler, formRequest(`${path}/easy`, { wish: 'music' }, { cookie }), params)
      expect(easy.status).toBe(403)
    }
    const signedOut = await run(wishesPage.loader as Handler, getRequest(path), params)
    expect(signedOut.status).toBe(302)
    expect(signedOut.headers.get('Location')).toMatch(/^\/login/)
    expect(await load(wishesPage.loader as Handler, '/facility/nope/wishes', staff, { facilityId: 'nope' })).toBe(404)
    expect(await prisma.residentWish.count({ where: { facilityId: w.facility.id } })).toBe(0)
  })

  test("another facility's staff cannot change or delete a wish by its id, even through their own facility's page", async () => {
    const w = await world()
    const wish = await addWish(w.contact.id, w.facility.id, { what: 'Tage billeder', tasks: ['photos'], residentCount: 2 })
    if (!wish.ok) throw new Error('not added')
    const otherFacilityId = (await prisma.facilityMembership.findFirstOrThrow({ where: { userId: w.otherStaff.id } })).facilityId
    const cookie = await sessionCookieFor(w.otherStaff.id)
    const path = `/facility/${otherFacilityId}/wishes`
    const attempts: Record<string, string>[] = [
      { intent: 'count', wishId: wish.id, residentCount: '9' },
      { intent: 'delete', wishId: wish.id },
      { intent: 'update', wishId: wish.id, what: 'Noget andet', tasks: 'games', residentCount: '1' },
    ]
    for (const fields of attempts) {
      const response = await run(wishesPage.action as Handler, formRequest(path, fields, { cookie }), { facilityId: otherFacilityId })
      expect(response.status).toBe(404)
    }
    expect(await prisma.residentWish.findUniqueOrThrow({ where: { id: wish.id } })).toMatchObject({ what: 'Tage billeder', residentCount: 2 })
  })

  test('the centre page: coordinators of the centre see their municipalities only; staff and volunteers get 403', async () => {
    const w = await world()
    await addWish(w.contact.id, w.facility.id, { what: 'Ringe video', tasks: ['video_calls'], residentCount: 2 })
    const own = await run(centreWishesPage.loader as Handler, getRequest('/centre/wishes', await sessionCookieFor(w.coordinator.id)))
    expect(own.status).toBe(200)
    const data = (await own.json()) as { needs: { task: string; residents: number }[]; wishes: { what: string }[] }
    expect(data.wishes.map((wish) => wish.what)).toContain('Ringe video')
    const other = await run(centreWishesPage.loader as Handler, getRequest('/centre/wishes', await sessionCookieFor(w.otherCoordinator.id)))
    expect(((await other.json()) as typeof data).wishes.map((wish) => wish.what)).not.toContain('Ringe video')
    for (const userId of [w.contact.id, w.volunteer.id]) {
      expect((await run(centreWishesPage.loader as Handler, getRequest('/centre/wishes', await sessionCookieFor(userId)))).status).toBe(403)
    }
  })
})

describe('wishes hold no one’s identity', () => {
  test('a CPR-like number is refused next to the "what" field with the typed text kept; a bad count next to its field', async () => {
    const w = await world()
    const cookie = await sessionCookieFor(w.contact.id)
    const path = `/facility/${w.facility.id}/wishes`
    const response = await run(wishesPage.action as Handler, formRequest(path, { intent: 'add', what: 'Ringe til 010190-1234', tasks: 'video_calls', residentCount: '0' }, { cookie }), { facilityId: w.facility.id })
    expect(response.status).toBe(400)
    const failed = await body(response)
    expect(failed.fieldErrors.what).toEqual(['validation.cpr'])
    expect(failed.fieldErrors.residentCount).toEqual(['wishes:errors.count?maximum=200'])
    expect(failed.values.what).toBe('Ringe til 010190-1234')
    const noTask = await body(await run(wishesPage.action as Handler, formRequest(path, { intent: 'add', what: 'Ringe video', residentCount: '2' }, { cookie }), { facilityId: w.facility.id }))
    expect(noTask.fieldErrors.tasks).toEqual(['validation.chooseOne'])
    const hostile = await run(easyPage.action as Handler, formRequest(`${path}/easy`, { wish: '<script>' }, { cookie }), { facilityId: w.facility.id })
    expect(hostile.status).toBe(400)
    expect(await prisma.residentWish.count({ where: { facilityId: w.facility.id } })).toBe(0)

    const added = await run(wishesPage.action as Handler, formRequest(path, { intent: 'add', what: 'Ringe video med familien', tasks: ['video_calls', 'tablets_phones'], residentCount: '3' }, { cookie }), {
      facilityId: w.facility.id,
    })
    expect(added.status).toBe(302)
    expect(await prisma.residentWish.findFirstOrThrow({ where: { facilityId: w.facility.id } })).toMatchObject({ what: 'Ringe video med familien', tasks: '["video_calls","tablets_phones"]', residentCount: 3, easyRead: false })
  })

  test('easy-read saves the button’s words in the page’s language and answers with the confirmation page', async () => {
    const w = await world()
    const cookie = await sessionCookieFor(w.contact.id)
    const path = `/facility/${w.facility.id}/wishes/easy`
    const response = await run(easyPage.action as Handler, formRequest(path, { wish: 'video_family' }, { cookie }), { facilityId: w.facility.id })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`${path}?saved=video_family`)
    expect(await prisma.residentWish.findFirstOrThrow({ where: { facilityId: w.facility.id } })).toMatchObject({ what: 'Ringe video med familien', tasks: '["video_calls"]', easyRead: true, addedById: w.contact.id })
    const confirmation = await run(easyPage.loader as Handler, getRequest(`${path}?saved=video_family`, cookie), { facilityId: w.facility.id })
    expect(((await confirmation.json()) as { title: string }).title).toBe('Tak! Dit ønske er gemt')
  })

  test('the visit log refuses a CPR-like number in the residents’ words and a count outside 0–50, next to their fields', async () => {
    const w = await world()
    const startsAt = new Date(Date.now() - 86_400_000)
    const visit = await prisma.visit.create({
      data: { facilityId: w.facility.id, volunteerId: w.volunteer.id, localDate: startsAt.toISOString().slice(0, 10), startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) },
    })
    const cookie = await sessionCookieFor(w.volunteer.id)
    const send = (fields: Record<string, string | string[]>) =>
      run(visitPage.action as Handler, formRequest(`/visits/${visit.id}`, { intent: 'log', outcome: 'done', hours: '2', helpedWith: 'email', ...fields }, { cookie }), { visitId: visit.id })
    const bad = await send({ residentsHelped: '51', feedback: 'ecstatic', residentWords: 'Hilsen 311299 1234' })
    expect(bad.status).toBe(400)
    const errors = (await body(bad)).fieldErrors
    expect(errors.residentsHelped).toEqual(['wishes:feedback.helpedRange'])
    expect(errors.feedback).toEqual(['validation.choose'])
    expect(errors.residentWords).toEqual(['validation.cpr'])
    expect((await prisma.visit.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe('planned')

    const wish = await addWish(w.contact.id, w.facility.id, { what: 'Skrive e-mails', tasks: ['email'], residentCount: 3 })
    if (!wish.ok) throw new Error('not added')
    const page = (await (await run(visitPage.loader as Handler, getRequest(`/visits/${visit.id}`, cookie), { visitId: visit.id })).json()) as { openWishes: { id: string }[] }
    expect(page.openWishes.map((open) => open.id)).toEqual([wish.id])
    const good = await send({ residentsHelped: '3', feedback: 'happy', feedbackBy: 'resident', residentWords: 'Nu kan jeg skrive til min søn', fulfilledWishIds: wish.id })
    expect(good.status).toBe(302)
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: visit.id }, select: { status: true, residentsHelped: true, residentFeedback: true, feedbackBy: true } })).toEqual({
      status: 'done',
      residentsHelped: 3,
      residentFeedback: 'happy',
      feedbackBy: 'resident',
    })
    expect((await prisma.residentWish.findUniqueOrThrow({ where: { id: wish.id } })).fulfilledByVisitId).toBe(visit.id)
  })
})

describe('an ad written from the wishes', () => {
  test('the builder opens with the wishes’ tasks ticked and a draft text, and the saved ad answers them', async () => {
    const w = await world()
    const video = await addWish(w.contact.id, w.facility.id, { what: 'Ringe video med familien', tasks: ['video_calls'], residentCount: 3 })
    const photos = await addWish(w.contact.id, w.facility.id, { what: 'Tage billeder', tasks: ['photos', 'tablets_phones'], residentCount: 1 })
    if (!video.ok || !photos.ok) throw new Error('not added')
    const cookie = await sessionCookieFor(w.contact.id)
    const url = `/facility/ads/new?facilityId=${w.facility.id}&wish=${video.id}&wish=${photos.id}`
    const page = (await (await run(newAdPage.loader as Handler, getRequest(url, cookie))).json()) as {
      fromWishes: { wishIds: string[]; tasks: string[]; title: string; description: string }
    }
    expect(page.fromWishes.wishIds).toEqual([video.id, photos.id])
    expect(page.fromWishes.tasks).toEqual(['video_calls', 'photos', 'tablets_phones'])
    expect(page.fromWishes.description).toContain('- Ringe video med familien (3 beboere)')
    expect(page.fromWishes.description).toContain('- Tage billeder (1 beboer)')

    const saved = await run(
      newAdPage.action as Handler,
      formRequest(url, { intent: 'save', facilityId: w.facility.id, title: page.fromWishes.title, tasks: page.fromWishes.tasks, frequency: 'weekly', volunteersWanted: '1', wishIds: [video.id, photos.id] }, { cookie }),
    )
    expect(saved.status).toBe(302)
    const adId = saved.headers.get('Location')!.split('/').pop()!
    expect((await prisma.jobAdWish.findMany({ where: { jobAdId: adId }, select: { wishId: true } })).map((link) => link.wishId).sort()).toEqual([video.id, photos.id].sort())
    // The centre reviewing the ad sees which wishes it answers: what and how many, nothing else.
    const review = await run(centreAdPage.loader as Handler, getRequest(`/centre/ads/${adId}`, await sessionCookieFor(w.coordinator.id)), { adId })
    const { wishes } = (await review.json()) as { wishes: Record<string, unknown>[] }
    expect(wishes).toEqual([
      { id: video.id, what: 'Ringe video med familien', residentCount: 3, state: 'new' },
      { id: photos.id, what: 'Tage billeder', residentCount: 1, state: 'new' },
    ])
  })
})
