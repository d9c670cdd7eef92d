// "A completed course is recorded on the volunteer's profile (shown to coordinators and, after a
// match, to the facility)": the facility's staff see a volunteer's completed courses beside the
// contact details on /facility/volunteers once the centre has approved the match, and not before;
// another facility's staff never do; the coordinator always does.
import { beforeAll, describe, expect, test } from 'vitest'
import { addStaff, createFacility, createUser, getRequest, sessionCookieFor } from '../setup/fixtures'
import { matchingWorld, recordValidCheck } from '../setup/fixtures-matching'
import { approveMatch } from '~/models/match.server'
import * as facilityVolunteers from '~/routes/facility+/volunteers'
import * as centreVolunteer from '~/routes/centre+/volunteers.$volunteerId'
import { prisma } from '~/utils/db.server'
import { callRoute, type RouteHandler } from '../setup/routes'

type Page = { facilities: { id: string; matches: { volunteer: { id: string }; courses: { title: string; completedAt: string }[] }[] }[] }

let world: Awaited<ReturnType<typeof matchingWorld>>
let otherStaff: { id: string }
const COURSE = 'Kursus: Tablets for begyndere'
const completedAt = new Date('2026-02-05T18:00:00Z')

beforeAll(async () => {
  world = await matchingWorld({ municipality: 'Halsnæs Kommune' })
  await recordValidCheck(world.volunteer.id, 'confidentiality')
  const event = await prisma.event.create({
    data: { centreId: world.centre.id, kind: 'course_volunteers', title: COURSE, capacity: 10, audience: 'volunteers', signupDeadline: new Date('2026-02-01T10:00:00Z'), status: 'done' },
  })
  await prisma.eventSignup.create({ data: { eventId: event.id, userId: world.volunteer.id, status: 'confirmed', position: 0, completedAt } })
  // A course begun but not completed is not shown.
  const unfinished = await prisma.event.create({
    data: { centreId: world.centre.id, kind: 'course_volunteers', title: 'Halvt kursus', capacity: 10, audience: 'volunteers', signupDeadline: new Date('2026-02-01T10:00:00Z'), status: 'done' },
  })
  await prisma.eventSignup.create({ data: { eventId: unfinished.id, userId: world.volunteer.id, status: 'confirmed', position: 0 } })
  const elsewhere = await createFacility('Halsnæs Kommune')
  otherStaff = await createUser('facility_staff')
  await addStaff(elsewhere.id, otherStaff.id, 'leader')
})

async function page(userId: string) {
  const response = await callRoute(facilityVolunteers.loader as RouteHandler, getRequest('/facility/volunteers', await sessionCookieFor(userId)))
  expect(response.status).toBe(200)
  const text = await response.text()
  return { text, data: JSON.parse(text) as Page }
}

describe('completed courses for the facility', () => {
  test('before the match is approved the facility sees neither the volunteer nor their courses', async () => {
    const { text, data } = await page(world.contact.id)
    expect(data.facilities.flatMap((f) => f.matches)).toEqual([])
    expect(text).not.toContain(COURSE)
  })

  test('after approval the facility’s staff see the completed course with its date, and only the completed one', async () => {
    const approved = await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: new Date(Date.now() + 3 * 86_400_000), introPlace: 'Caféen' })
    if (!approved.ok) throw new Error(approved.reason)
    expect(approved.ok).toBe(true)
    const { text, data } = await page(world.contact.id)
    const match = data.facilities.find((f) => f.id === world.facility.id)?.matches.find((m) => m.volunteer.id === world.volunteer.id)
    expect(match?.courses.map((c) => ({ title: c.title, at: new Date(c.completedAt).getTime() }))).toEqual([{ title: COURSE, at: completedAt.getTime() }])
    expect(text).not.toContain('Halvt kursus')
  })

  test('another facility’s staff do not see them; the coordinator does', async () => {
    const { text } = await page(otherStaff.id)
    expect(text).not.toContain(COURSE)
    const response = await callRoute(
      centreVolunteer.loader as RouteHandler,
      getRequest(`/centre/volunteers/${world.volunteer.id}`, await sessionCookieFor(world.coordinator.id)),
      { volunteerId: world.volunteer.id },
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as { courses: { title: string }[] }).courses.map((c) => c.title)).toEqual([COURSE])
  })

  test('an ended match closes the contact details and the courses again', async () => {
    await prisma.match.updateMany({ where: { volunteerId: world.volunteer.id }, data: { status: 'ended', endedAt: new Date() } })
    const { text } = await page(world.contact.id)
    expect(text).not.toContain(COURSE)
  })
})
