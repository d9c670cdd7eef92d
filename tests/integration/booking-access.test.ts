import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser, formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { activeMatch, bookingWorld } from '../setup/fixtures-booking'
import * as windowsPage from '~/routes/facility+/$facilityId.windows'
import * as bookPage from '~/routes/visits+/book'
import * as visitPage from '~/routes/visits+/$visitId'
import * as checkInPage from '~/routes/follow-up.$token'
import * as centreVisitsPage from '~/routes/centre+/visits'
import * as matchPage from '~/routes/centre+/matches.$matchId'
import { prisma } from '~/utils/db.server'
import { callRoute as run, type RouteHandler as Handler } from '../setup/routes'

const status = async (handler: Handler, path: string, params: Record<string, string>, cookie?: string) => (await run(handler, getRequest(path, cookie), params)).status
async function errors(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

const DAY = 86_400_000

async function world() {
  const w = await bookingWorld()
  const future = await prisma.visit.create({
    data: { matchId: w.match.id, facilityId: w.facility.id, volunteerId: w.volunteer.id, localDate: '2031-03-05', startsAt: new Date('2031-03-05T13:00:00Z'), endsAt: new Date('2031-03-05T15:00:00Z') },
  })
  const past = await prisma.visit.create({
    data: {
      matchId: w.match.id,
      facilityId: w.facility.id,
      volunteerId: w.volunteer.id,
      localDate: '2026-01-07',
      startsAt: new Date(Date.now() - 3 * DAY),
      endsAt: new Date(Date.now() - 3 * DAY + 7_200_000),
    },
  })
  const otherVolunteer = await createUser('volunteer')
  const otherFacility = await createFacility('Gribskov Kommune')
  const otherStaff = await createUser('facility_staff')
  await addStaff(otherFacility.id, otherStaff.id, 'leader')
  const otherCentre = await createCentre(['Aarhus Kommune'])
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })
  const admin = await createUser('admin')
  const cookies = {
    visitor: undefined,
    volunteer: await sessionCookieFor(w.volunteer.id),
    contact: await sessionCookieFor(w.contact.id),
    coordinator: await sessionCookieFor(w.coordinator.id),
    otherVolunteer: await sessionCookieFor(otherVolunteer.id),
    otherStaff: await sessionCookieFor(otherStaff.id),
    otherCoordinator: await sessionCookieFor(otherCoordinator.id),
    admin: await sessionCookieFor(admin.id),
  }
  return { ...w, future, past, cookies }
}

describe('who may see and change visits, windows and matches', () => {
  test('each role gets its pages and nobody else does: 302 signed out, 403 for the wrong role or place, 404 for what does not exist', async () => {
    const w = await world()
    const pages = async (cookie: string | undefined) => ({
      visit: await status(visitPage.loader as Handler, `/visits/${w.future.id}`, { visitId: w.future.id }, cookie),
      windows: await status(windowsPage.loader as Handler, `/facility/${w.facility.id}/windows`, { facilityId: w.facility.id }, cookie),
      book: await status(bookPage.loader as Handler, '/visits/book', {}, cookie),
      centreVisits: await status(centreVisitsPage.loader as Handler, '/centre/visits', {}, cookie),
      match: await status(matchPage.loader as Handler, `/centre/matches/${w.match.id}`, { matchId: w.match.id }, cookie),
    })
    expect(await pages(w.cookies.visitor)).toEqual({ visit: 302, windows: 302, book: 302, centreVisits: 302, match: 302 })
    expect(await pages(w.cookies.volunteer)).toEqual({ visit: 200, windows: 403, book: 200, centreVisits: 403, match: 403 })
    expect(await pages(w.cookies.contact)).toEqual({ visit: 200, windows: 200, book: 403, centreVisits: 403, match: 403 })
    expect(await pages(w.cookies.coordinator)).toEqual({ visit: 200, windows: 403, book: 403, centreVisits: 200, match: 200 })
    expect(await pages(w.cookies.otherVolunteer)).toEqual({ visit: 403, windows: 403, book: 200, centreVisits: 403, match: 403 })
    expect(await pages(w.cookies.otherStaff)).toEqual({ visit: 403, windows: 403, book: 403, centreVisits: 403, match: 403 })
    expect(await pages(w.cookies.otherCoordinator)).toEqual({ visit: 403, windows: 403, book: 403, centreVisits: 200, match: 403 })
    expect(await pages(w.cookies.admin)).toEqual({ visit: 403, windows: 403, book: 403, centreVisits: 403, match: 403 })

    expect(await status(visitPage.loader as Handler, '/visits/nope', { visitId: 'nope' }, w.cookies.volunteer)).toBe(404)
    expect(await status(windowsPage.loader as Handler, '/facility/nope/windows', { facilityId: 'nope' }, w.cookies.contact)).toBe(404)
    expect(await status(matchPage.loader as Handler, '/centre/matches/nope', { matchId: 'nope' }, w.cookies.coordinator)).toBe(404)

    // The other centre's list does not show this centre's unlogged visit.
    const other = await run(centreVisitsPage.loader as Handler, getRequest('/centre/visits', w.cookies.otherCoordinator))
    expect(await other.text()).not.toContain(w.past.id)
    const ours = await run(centreVisitsPage.loader as Handler, getRequest('/centre/visits', w.cookies.coordinator))
    expect(await ours.text()).toContain(w.past.id)
  })

  test('changing a visit: outsiders get 403 and nothing changes; the centre cannot log a visit it did not attend', async () => {
    const w = await world()
    const post = (visitId: string, fields: Record<string, string | string[]>, cookie?: string) =>
      run(visitPage.action as Handler, formRequest(`/visits/${visitId}`, fields, { cookie }), { visitId })
    for (const cookie of [w.cookies.otherVolunteer, w.cookies.otherStaff, w.cookies.otherCoordinator, w.cookies.admin]) {
      expect((await post(w.future.id, { intent: 'cancel', reason: 'Jeg vil ikke længere' }, cookie)).status).toBe(403)
      expect((await post(w.past.id, { intent: 'log', outcome: 'no_show' }, cookie)).status).toBe(403)
    }
    expect((await post(w.past.id, { intent: 'log', outcome: 'no_show' }, w.cookies.coordinator)).status).toBe(403)
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: w.future.id } })).toMatchObject({ status: 'planned', sequence: 0 })
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: w.past.id } })).toMatchObject({ status: 'planned', loggedAt: null })
    // Another facility's staff cannot open or close this facility's windows.
    const close = await run(windowsPage.action as Handler, formRequest(`/facility/${w.facility.id}/windows`, { intent: 'close', windowId: w.window.id }, { cookie: w.cookies.otherStaff }), { facilityId: w.facility.id })
    expect(close.status).toBe(403)
    // A coordinator of another centre cannot end the match.
    const end = await run(matchPage.action as Handler, formRequest(`/centre/matches/${w.match.id}`, { intent: 'end', reason: 'Det passer ikke længere' }, { cookie: w.cookies.otherCoordinator }), { matchId: w.match.id })
    expect(end.status).toBe(403)
    expect((await prisma.match.findUniqueOrThrow({ where: { id: w.match.id } })).status).toBe('active')
  })
})

describe('bad input gets 400 and a message next to the field, never a 500', () => {
  test('visit: empty reason, CPR in the note, impossible hours and times, hostile values', async () => {
    const w = await world()
    const post = (visitId: string, fields: Record<string, string | string[]>, cookie = w.cookies.volunteer) =>
      run(visitPage.action as Handler, formRequest(`/visits/${visitId}`, fields, { cookie }), { visitId })
    const noReason = await post(w.future.id, { intent: 'cancel', reason: '  ' })
    expect(noReason.status).toBe(400)
    expect((await errors(noReason)).fieldErrors.reason).toEqual(['validation.required'])
    const cpr = await post(w.past.id, { intent: 'log', outcome: 'done', hours: '2', helpedWith: ['video_calls'], note: 'Hjalp 010190-1234' })
    expect(cpr.status).toBe(400)
    const cprBody = await errors(cpr)
    expect(cprBody.fieldErrors.note).toEqual(['booking:log.cpr'])
    expect(cprBody.values.helpedWith).toBe('video_calls')
    const hours = await post(w.past.id, { intent: 'log', outcome: 'done', hours: 'mange', helpedWith: ['nonsense'] })
    const hoursBody = await errors(hours)
    expect(hoursBody.fieldErrors.helpedWith).toEqual(['validation.choose'])
    const noTasks = await post(w.past.id, { intent: 'log', outcome: 'done', hours: '99' })
    const noTasksBody = await errors(noTasks)
    expect(noTasksBody.fieldErrors.hours).toEqual(['booking:log.hoursRange'])
    expect(noTasksBody.fieldErrors.helpedWith).toEqual(['validation.chooseOne'])
    const early = await post(w.future.id, { intent: 'log', outcome: 'no_show' })
    expect(early.status).toBe(400)
    expect((await errors(early)).formError).toBe('booking:log.notStarted')
    const badTime = await post(w.future.id, { intent: 'move', localDate: '2031-03-12', startTime: '16:00', endTime: '15:00', reason: 'Ny vagtplan' })
    expect((await errors(badTime)).fieldErrors.endTime).toEqual(['booking:move.invalidTime'])
    const noDay = await post(w.future.id, { intent: 'move', localDate: '2031-02-30', startTime: '15:00', endTime: '16:00', reason: 'Ny vagtplan' })
    expect(noDay.status).toBe(400)
    for (const value of ['<script>alert(1)</script>', "' OR 1=1 --", 'x'.repeat(20_000)]) {
      expect((await post(w.future.id, { intent: value, reason: value, localDate: value, startTime: value, endTime: value })).status).toBe(400)
      expect((await post(w.future.id, { intent: 'move', reason: value, localDate: value, startTime: value, endTime: value })).status).toBe(400)
    }
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: w.future.id } })).toMatchObject({ status: 'planned', sequence: 0, localDate: '2031-03-05' })
  })

  test('windows, booking and the check-in form', async () => {
    const w = await world()
    const windows = (fields: Record<string, string>) =>
      run(windowsPage.action as Handler, formRequest(`/facility/${w.facility.id}/windows`, fields, { cookie: w.cookies.contact }), { facilityId: w.facility.id })
    const bad = await windows({ intent: 'create', title: 'Spilcafé', weekday: '5', startTime: '16:00', endTime: '15:00', capacity: '2', validFrom: '2026-05-01' })
    expect(bad.status).toBe(400)
    expect((await errors(bad)).fieldErrors.endTime).toEqual(['booking:window.endBeforeStart'])
    const empty = await errors(await windows({ intent: 'create', capacity: '0', weekday: '9', validFrom: '2026-13-45', validTo: 'igår' }))
    expect(empty.fieldErrors).toMatchObject({
      title: ['validation.required'],
      weekday: ['validation.choose'],
      capacity: ['booking:window.capacityTooSmall'],
      validFrom: ['validation.date'],
      validTo: ['validation.date'],
    })
    const backwards = await errors(await windows({ intent: 'create', title: 'Spilcafé', weekday: '5', startTime: '15:00', endTime: '16:00', capacity: '2', validFrom: '2026-05-01', validTo: '2026-04-01' }))
    expect(backwards.fieldErrors.validTo).toEqual(['booking:window.toBeforeFrom'])
    expect(await prisma.visitWindow.count({ where: { facilityId: w.facility.id } })).toBe(1)

    // A good window is saved (and audited); closing it takes it off the volunteer's booking page.
    const created = await windows({ intent: 'create', title: 'Spilcafé fredag', weekday: '5', startTime: '15:00', endTime: '17:00', capacity: '4', validFrom: '2026-01-01', validTo: '', location: 'Kælderen' })
    expect(created.status).toBe(302)
    const spil = await prisma.visitWindow.findFirstOrThrow({ where: { facilityId: w.facility.id, title: 'Spilcafé fredag' } })
    expect(spil).toMatchObject({ weekday: 5, startTime: '15:00', endTime: '17:00', capacity: 4, validTo: null, location: 'Kælderen', active: true })
    expect(await prisma.auditLog.count({ where: { action: 'window.created', entityId: spil.id, actorId: w.contact.id } })).toBe(1)
    const bookList = async () => (await run(bookPage.loader as Handler, getRequest('/visits/book', w.cookies.volunteer))).text()
    expect(await bookList()).toContain('Spilcafé fredag')
    expect((await windows({ intent: 'close', windowId: spil.id })).status).toBe(302)
    expect(await bookList()).not.toContain('Spilcafé fredag')

    // The one who misses the last place is told so, in words.
    await prisma.visitWindow.update({ where: { id: w.window.id }, data: { capacity: 1 } })
    const today = new Date()
    const wednesday = new Date(today.getTime() + (((3 - today.getUTCDay() + 7) % 7) + 7) * DAY).toISOString().slice(0, 10)
    const other = await activeMatch(w)
    const book = async (cookie: string) => run(bookPage.action as Handler, formRequest('/visits/book', { windowId: w.window.id, localDate: wednesday }, { cookie }))
    expect((await book(await sessionCookieFor(other.volunteerId))).status).toBe(302)
    const full = await book(w.cookies.volunteer)
    expect(full.status).toBe(409)
    expect((await errors(full)).formError).toBe('booking:book.full')
    const garbage = await run(bookPage.action as Handler, formRequest('/visits/book', { windowId: '', localDate: 'i morgen' }, { cookie: w.cookies.volunteer }))
    expect(garbage.status).toBe(400)

    const answer = (token: string, fields: Record<string, string>) => run(checkInPage.action as Handler, formRequest(`/follow-up/${token}`, fields), { token })
    const missing = await answer('whatever', { satisfaction: '9', expectationsAligned: 'maybe' })
    expect(missing.status).toBe(400)
    expect((await errors(missing)).fieldErrors).toMatchObject({ satisfaction: ['validation.choose'], expectationsAligned: ['validation.choose'] })
    const unknown = await answer('whatever', { satisfaction: '4', expectationsAligned: 'yes' })
    expect(unknown.status).toBe(409)
    expect((await errors(unknown)).formError).toBe('followup:checkIn.invalid')
    expect((await run(checkInPage.loader as Handler, getRequest('/follow-up/whatever'), { token: 'whatever' })).status).toBe(200)
    // The e-mail link carries the recipient's language; signed out, the page follows it.
    const english = await run(checkInPage.loader as Handler, getRequest('/follow-up/whatever?lng=en'), { token: 'whatever' })
    expect(((await english.json()) as { title: string }).title).toBe('How is it going?')
  })
})
