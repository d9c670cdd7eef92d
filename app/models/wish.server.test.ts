import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser } from '../../tests/setup/fixtures'
import { adInput } from '../../tests/setup/fixtures-ads'
import { createVolunteer, matchingWorld, recordValidCheck } from '../../tests/setup/fixtures-matching'
import { publishJobAd, saveJobAd } from './job.server'
import { approveMatch } from './match.server'
import { resultsReport } from './report.server'
import { logVisit } from './visit-change.server'
import { addEasyReadWish, addWish, deleteWish, facilityWishes, setWishCount, volunteerThanks, wishesOfAd, wishNeeds } from './wish.server'
import { prisma } from '~/utils/db.server'

const DAY = 86_400_000

async function pastVisit(data: { facilityId: string; volunteerId: string; matchId?: string; daysAgo: number }) {
  const startsAt = new Date(Date.now() - data.daysAgo * DAY)
  return prisma.visit.create({
    data: {
      facilityId: data.facilityId,
      volunteerId: data.volunteerId,
      matchId: data.matchId ?? null,
      localDate: startsAt.toISOString().slice(0, 10),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    },
  })
}

describe('a wish from new to fulfilled', () => {
  test('an ad written from it links it; publishing makes it "ad written", approving a match "being helped", a logged visit "fulfilled"', async () => {
    const world = await matchingWorld({ adData: { status: 'draft' } })
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const video = await addWish(world.contact.id, world.facility.id, { what: 'Ringe video med familien', tasks: ['video_calls'], residentCount: 3 })
    const music = await addWish(world.contact.id, world.facility.id, { what: 'Finde musik fra 70’erne', tasks: ['music_streaming'], residentCount: 2 })
    // Another facility's wish, smuggled into the form: never linked, never touched.
    const elsewhere = await createFacility('Gribskov Kommune')
    const foreign = await addWish(world.contact.id, elsewhere.id, { what: 'Spille kort', tasks: ['games'], residentCount: 1 })
    if (!video.ok || !music.ok || !foreign.ok) throw new Error('wishes not added')

    const saved = await saveJobAd(world.contact.id, { facilityId: world.facility.id }, adInput(world.contact.id, { tasks: ['video_calls'] }), { submit: true, wishIds: [video.id, foreign.id] })
    if (!saved.ok) throw new Error(saved.problem)
    expect(wishesOfAd(saved.id).map((wish) => wish.what)).toEqual(['Ringe video med familien'])
    expect((await prisma.residentWish.findUniqueOrThrow({ where: { id: video.id } })).state).toBe('new')

    const now = new Date()
    expect((await publishJobAd(world.coordinator.id, saved.id, now)).ok).toBe(true)
    const afterPublish = await facilityWishes(world.facility.id)
    expect(afterPublish.find((wish) => wish.id === video.id)).toMatchObject({ state: 'ad_written', adWrittenAt: now, ads: [{ id: saved.id, status: 'published' }] })
    expect(afterPublish.find((wish) => wish.id === music.id)?.state).toBe('new')

    const application = await prisma.application.create({ data: { jobAdId: saved.id, volunteerId: world.volunteer.id, motivation: 'Gerne.' } })
    const approved = await approveMatch(world.coordinator.id, { applicationId: application.id, introAt: new Date(Date.now() + 3 * DAY), introPlace: 'Hus B' })
    if (!approved.ok) throw new Error(approved.reason)
    const helped = await prisma.residentWish.findUniqueOrThrow({ where: { id: video.id } })
    expect(helped.state).toBe('being_helped')
    expect(helped.beingHelpedAt).not.toBeNull()

    const visit = await pastVisit({ facilityId: world.facility.id, volunteerId: world.volunteer.id, matchId: approved.matchId, daysAgo: 1 })
    const logged = await logVisit(world.volunteer.id, visit.id, {
      outcome: 'done',
      hours: 2,
      helpedWith: ['video_calls'],
      note: null,
      residentsHelped: 3,
      feedback: 'happy',
      feedbackBy: 'resident',
      residentWords: 'Nu kan jeg selv ringe til min søster',
      fulfilledWishIds: [video.id, music.id, foreign.id],
    })
    expect(logged).toEqual({ ok: true })
    const fulfilled = await prisma.residentWish.findMany({ where: { fulfilledByVisitId: visit.id }, select: { id: true, state: true, fulfilledAt: true }, orderBy: { createdAt: 'asc' } })
    expect(fulfilled.map((wish) => [wish.id, wish.state])).toEqual([
      [video.id, 'fulfilled'],
      [music.id, 'fulfilled'],
    ])
    expect(fulfilled.every((wish) => wish.fulfilledAt)).toBe(true)
    expect((await prisma.residentWish.findUniqueOrThrow({ where: { id: foreign.id } })).state).toBe('new')
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: visit.id }, select: { residentsHelped: true, residentFeedback: true, feedbackBy: true, residentWords: true } })).toEqual({
      residentsHelped: 3,
      residentFeedback: 'happy',
      feedbackBy: 'resident',
      residentWords: 'Nu kan jeg selv ringe til min søster',
    })
  })

  test('a no-show fulfils nothing, and a fulfilled wish is not fulfilled again by a later visit', async () => {
    const world = await matchingWorld()
    const wish = await addWish(world.contact.id, world.facility.id, { what: 'Tage billeder', tasks: ['photos'], residentCount: 1 })
    if (!wish.ok) throw new Error('not added')
    const first = await pastVisit({ facilityId: world.facility.id, volunteerId: world.volunteer.id, daysAgo: 8 })
    const second = await pastVisit({ facilityId: world.facility.id, volunteerId: world.volunteer.id, daysAgo: 1 })
    await logVisit(world.contact.id, first.id, { outcome: 'no_show', note: null })
    expect((await prisma.residentWish.findUniqueOrThrow({ where: { id: wish.id } })).state).toBe('new')
    await logVisit(world.volunteer.id, second.id, { outcome: 'done', hours: 1, helpedWith: ['photos'], note: null, fulfilledWishIds: [wish.id] })
    const third = await pastVisit({ facilityId: world.facility.id, volunteerId: world.volunteer.id, daysAgo: 0.5 })
    await logVisit(world.volunteer.id, third.id, { outcome: 'done', hours: 1, helpedWith: ['photos'], note: null, fulfilledWishIds: [wish.id] })
    expect((await prisma.residentWish.findUniqueOrThrow({ where: { id: wish.id } })).fulfilledByVisitId).toBe(second.id)
  })

  test('easy-read: the same button pressed twice counts two residents on one wish; count and delete stay within the facility', async () => {
    const world = await matchingWorld()
    const first = await addEasyReadWish(world.contact.id, world.facility.id, { what: 'Høre musik', tasks: ['music_streaming'] })
    const second = await addEasyReadWish(world.contact.id, world.facility.id, { what: 'Høre musik', tasks: ['music_streaming'] })
    expect(second).toMatchObject({ ok: true, counted: true })
    if (!first.ok) throw new Error('not added')
    expect(second.ok && second.id).toBe(first.id)
    expect(await facilityWishes(world.facility.id)).toMatchObject([{ what: 'Høre musik', residentCount: 2, easyRead: true, state: 'new', tasks: ['music_streaming'] }])

    const other = await createFacility('Gribskov Kommune')
    expect(await setWishCount(world.contact.id, other.id, first.id, 9)).toEqual({ ok: false, reason: 'not-found' })
    expect(await deleteWish(world.contact.id, other.id, first.id)).toEqual({ ok: false, reason: 'not-found' })
    expect(await setWishCount(world.contact.id, world.facility.id, first.id, 4)).toEqual({ ok: true, id: first.id })
    expect((await prisma.residentWish.findUniqueOrThrow({ where: { id: first.id } })).residentCount).toBe(4)
    expect(await deleteWish(world.contact.id, world.facility.id, first.id)).toEqual({ ok: true, id: first.id })
    expect(await prisma.residentWish.count({ where: { facilityId: world.facility.id } })).toBe(0)
  })
})

describe("the volunteer's thanks", () => {
  test('nothing before the first feedback; then the smiles of the last 10 visits with feedback and every resident helped', async () => {
    const world = await matchingWorld()
    const volunteer = world.volunteer.id
    expect(volunteerThanks(volunteer)).toBeNull()
    // A done visit without feedback still counts its residents, but no thanks line yet.
    const quiet = await pastVisit({ facilityId: world.facility.id, volunteerId: volunteer, daysAgo: 40 })
    await logVisit(volunteer, quiet.id, { outcome: 'done', hours: 1, helpedWith: ['email'], note: null, residentsHelped: 2 })
    expect(volunteerThanks(volunteer)).toBeNull()

    // 12 visits with feedback, oldest first: the two oldest are ☹ and fall outside the last 10;
    // of the 10 newest, one is 😐.
    const faces = ['unhappy', 'unhappy', 'happy', 'happy', 'neutral', 'happy', 'happy', 'happy', 'happy', 'happy', 'happy', 'happy'] as const
    for (const [index, feedback] of faces.entries()) {
      const visit = await pastVisit({ facilityId: world.facility.id, volunteerId: volunteer, daysAgo: 30 - index })
      await logVisit(volunteer, visit.id, { outcome: 'done', hours: 1, helpedWith: ['email'], note: null, residentsHelped: 1, feedback, feedbackBy: 'staff' })
    }
    // Someone else's smiles are not this volunteer's.
    const other = await createVolunteer('Gribskov Kommune')
    const theirs = await pastVisit({ facilityId: world.facility.id, volunteerId: other.id, daysAgo: 2 })
    await logVisit(other.id, theirs.id, { outcome: 'done', hours: 1, helpedWith: ['email'], note: null, residentsHelped: 5, feedback: 'unhappy' })

    expect(volunteerThanks(volunteer)).toEqual({ smiles: 9, visits: 10, residentsHelped: 14 })
  })
})

describe('where help is missing', () => {
  test('open wishes by task and municipality against active, unpaused volunteers offering the task there; missing help first', async () => {
    // Two municipalities of one centre, with a hand-made set of facilities, wishes and volunteers.
    await createCentre(['Halsnæs Kommune', 'Furesø Kommune'])
    const halsnaes = await prisma.municipality.findUniqueOrThrow({ where: { name: 'Halsnæs Kommune' } })
    const furesoe = await prisma.municipality.findUniqueOrThrow({ where: { name: 'Furesø Kommune' } })
    const staff = await createUser('facility_staff')
    const a = await createFacility('Halsnæs Kommune')
    const b = await createFacility('Halsnæs Kommune')
    const c = await createFacility('Furesø Kommune')
    const closed = await createFacility('Furesø Kommune', 'inactive')
    for (const f of [a, b, c, closed]) await addStaff(f.id, staff.id)
    await addWish(staff.id, a.id, { what: 'Videoopkald', tasks: ['video_calls'], residentCount: 3 })
    await addWish(staff.id, b.id, { what: 'Videoopkald med børnebørn', tasks: ['video_calls', 'photos'], residentCount: 2 })
    await addWish(staff.id, c.id, { what: 'Spil', tasks: ['games'], residentCount: 4 })
    await addWish(staff.id, c.id, { what: 'Musik', tasks: ['music_streaming'], residentCount: 1 })
    await addWish(staff.id, closed.id, { what: 'Facebook', tasks: ['social_media'], residentCount: 6 })
    const done = await addWish(staff.id, a.id, { what: 'E-mail', tasks: ['email'], residentCount: 5 })
    if (!done.ok) throw new Error('not added')
    await prisma.residentWish.update({ where: { id: done.id }, data: { state: 'fulfilled' } })

    // Halsnæs: two offer video calls (one lives there, one travels there from Furesø); one offers
    // photos but is paused; one offers video calls but has deleted their account.
    await createVolunteer('Halsnæs Kommune', { skills: [['video_calls', 2]], areas: [] })
    await createVolunteer('Furesø Kommune', { skills: [['video_calls', 3], ['music_streaming', 2]], areas: ['Halsnæs Kommune'] })
    await createVolunteer('Halsnæs Kommune', { skills: [['photos', 3]], paused: true })
    const gone = await createVolunteer('Halsnæs Kommune', { skills: [['video_calls', 3]] })
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } })

    const needs = wishNeeds([halsnaes.id, furesoe.id]).map(({ municipality, task, wishes, residents, facilities, volunteers }) => ({ municipality, task, wishes, residents, facilities, volunteers }))
    expect(needs).toEqual([
      // No volunteer at all: most residents first.
      { municipality: 'Furesø Kommune', task: 'games', wishes: 1, residents: 4, facilities: 1, volunteers: 0 },
      { municipality: 'Halsnæs Kommune', task: 'photos', wishes: 1, residents: 2, facilities: 1, volunteers: 0 },
      // Then the most residents per available volunteer.
      { municipality: 'Halsnæs Kommune', task: 'video_calls', wishes: 2, residents: 5, facilities: 2, volunteers: 2 },
      { municipality: 'Furesø Kommune', task: 'music_streaming', wishes: 1, residents: 1, facilities: 1, volunteers: 1 },
    ])
    expect(wishNeeds([])).toEqual([])
  })
})

describe('the results report', () => {
  test('counts residents reached and the share of done visits with feedback where the residents gave a smile', async () => {
    // A municipality no other test here uses, so the totals are this test's alone.
    const world = await matchingWorld({ municipality: 'Aarhus Kommune' })
    const volunteer = world.volunteer.id
    const log = async (daysAgo: number, residentsHelped: number | null, feedback: 'happy' | 'neutral' | 'unhappy' | null) => {
      const visit = await pastVisit({ facilityId: world.facility.id, volunteerId: volunteer, daysAgo })
      await logVisit(volunteer, visit.id, { outcome: 'done', hours: 1, helpedWith: ['email'], note: null, residentsHelped, feedback })
    }
    await log(5, 3, 'happy')
    await log(4, 2, 'happy')
    await log(3, 1, 'neutral')
    await log(2, null, null)
    const noShow = await pastVisit({ facilityId: world.facility.id, volunteerId: volunteer, daysAgo: 1 })
    await logVisit(world.contact.id, noShow.id, { outcome: 'no_show', note: null })

    const today = new Date().toISOString().slice(0, 10)
    const from = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10)
    const report = resultsReport({ municipalityIds: [world.facility.municipalityId], from, to: today })
    const row = report.facilities.find((f) => f.id === world.facility.id)!
    expect(row.figures).toMatchObject({ residentsReached: 6, visitsWithFeedback: 3, visitsWithSmile: 2 })
    expect(row.figures.smileShare).toBeCloseTo(2 / 3)
    expect(report.totals).toMatchObject({ residentsReached: 6, visitsWithFeedback: 3, visitsWithSmile: 2 })
    expect(report.totals.smileShare).toBeCloseTo(2 / 3)
  })
})
