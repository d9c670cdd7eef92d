import { describe, expect, test } from 'vitest'
import { createUser, municipality } from '../../tests/setup/fixtures'
import { createVolunteer } from '../../tests/setup/fixtures-volunteer'
import { prisma } from '~/utils/db.server'
import { pauseVolunteer, profileCompleteness, resumeVolunteer, updateVolunteerProfile, volunteerOverview, volunteerProfile, type ProfileUpdate } from './volunteer.server'
import { createAd, createApplication } from '../../tests/setup/fixtures-matching'
import { planWorld, secondMatch } from '../../tests/setup/fixtures-plans'
import { confirmPlan, proposePlan } from './visit-plan.server'
import { wallClockInstant } from '~/utils/time'
import { volunteerOverviewBefore, volunteerProfileBefore } from '../../tests/setup/reads-before'

async function fullUpdate(): Promise<ProfileUpdate> {
  const gribskov = await municipality('Gribskov Kommune')
  const hilleroed = await municipality('Hillerød Kommune')
  return {
    bio: 'Pensioneret lærer, glad for tablets.',
    employer: 'Gribskov IT',
    postcode: '3200',
    municipalityId: gribskov.id,
    languages: ['da', 'en', 'da'],
    skills: [
      { task: 'video_calls', level: 3 },
      { task: 'photos', level: 1 },
    ],
    availability: [
      { weekday: 2, part: 'afternoon' },
      { weekday: 4, part: 'morning' },
      { weekday: 2, part: 'afternoon' },
    ],
    areas: [gribskov.id, hilleroed.id],
    consentData: true,
  }
}

describe('the volunteer profile', () => {
  test('a new profile is incomplete and says what is missing; a full update makes it complete', async () => {
    const volunteer = await createVolunteer({ consent: false })
    const empty = await volunteerProfile(volunteer.id)
    expect(profileCompleteness({ ...empty!, languages: [] })).toEqual({
      percent: 0,
      missing: ['skills', 'availability', 'postcode', 'areas', 'languages', 'bio', 'consent'],
      complete: false,
    })
    // The default profile has Danish as language, so that item is done from the start.
    expect(profileCompleteness(empty!).missing).not.toContain('languages')

    await updateVolunteerProfile(volunteer.id, await fullUpdate())
    const profile = await volunteerProfile(volunteer.id)
    expect(profile).toMatchObject({ bio: 'Pensioneret lærer, glad for tablets.', employer: 'Gribskov IT', postcode: '3200', languages: ['da', 'en'] })
    expect(profile!.skills).toHaveLength(2)
    expect(profile!.availability).toHaveLength(2) // the duplicate slot is stored once
    expect(profile!.areas).toHaveLength(2)
    expect(profile!.consentDataAt).not.toBeNull()
    expect(profileCompleteness(profile!)).toEqual({ percent: 100, missing: [], complete: true })
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: 'volunteer.profile_updated', actorId: volunteer.id } })
    expect(entry.entityId).toBe(profile!.id)
  })

  test('saving again replaces the lists, keeps the consent time, and withdrawing consent clears it', async () => {
    const volunteer = await createVolunteer({ consent: false })
    await updateVolunteerProfile(volunteer.id, await fullUpdate())
    const first = await volunteerProfile(volunteer.id)
    await updateVolunteerProfile(volunteer.id, { ...(await fullUpdate()), skills: [{ task: 'games', level: 2 }], availability: [], areas: [] })
    const second = await volunteerProfile(volunteer.id)
    expect(second!.skills).toEqual([{ task: 'games', level: 2 }])
    expect(second!.availability).toEqual([])
    expect(second!.consentDataAt?.getTime()).toBe(first!.consentDataAt?.getTime())
    expect(profileCompleteness(second!).missing).toEqual(['availability', 'areas'])
    expect(profileCompleteness(second!).percent).toBe(71)

    await updateVolunteerProfile(volunteer.id, { ...(await fullUpdate()), consentData: false })
    expect((await volunteerProfile(volunteer.id))!.consentDataAt).toBeNull()
  })

  test('pause and resume are stamped and audited, and repeating one changes nothing', async () => {
    const volunteer = await createVolunteer()
    expect(await pauseVolunteer(volunteer.id)).toBe(true)
    const paused = await volunteerProfile(volunteer.id)
    expect(paused!.pausedAt).not.toBeNull()
    await pauseVolunteer(volunteer.id)
    expect((await volunteerProfile(volunteer.id))!.pausedAt?.getTime()).toBe(paused!.pausedAt?.getTime())
    expect(await resumeVolunteer(volunteer.id)).toBe(true)
    expect((await volunteerProfile(volunteer.id))!.pausedAt).toBeNull()
    const actions = await prisma.auditLog.findMany({ where: { actorId: volunteer.id }, select: { action: true }, orderBy: { createdAt: 'asc' } })
    expect(actions.map((a) => a.action)).toEqual(['volunteer.paused', 'volunteer.resumed'])
  })

  test('someone without a volunteer profile cannot be paused', async () => {
    const staff = await createUser('facility_staff')
    expect(await pauseVolunteer(staff.id)).toBe(false)
  })
})

describe('the start page reads straight from SQLite', () => {
  test('applications, matches and the next visit equal the Prisma reads they replaced', async () => {
    const world = await planWorld()
    const second = await secondMatch(world)
    const planned = wallClockInstant('2026-03-20', '10:00')
    const proposed = await proposePlan(world.contactActor, world.match.id, { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', nthWeekday: null, startDate: '2026-03-24', endDate: null, location: 'Stuen' })
    if (!proposed.ok) throw new Error(proposed.reason)
    await confirmPlan(world.volunteerActor, proposed.planId, planned)
    const first = await prisma.visit.findFirstOrThrow({ where: { planId: proposed.planId }, orderBy: { startsAt: 'asc' } })
    await prisma.visit.update({ where: { id: first.id }, data: { status: 'cancelled', cancelledAt: planned } })
    await prisma.match.update({ where: { id: second.match.id }, data: { status: 'paused' } })
    for (let i = 0; i < 24; i++) {
      const ad = await createAd(world.facility, world.contact.id, { title: `Opgave ${i}` })
      await createApplication(ad.id, world.volunteer.id, { status: i % 3 ? 'submitted' : 'declined', createdAt: new Date(Date.UTC(2026, 2, 1, 8, i)) })
    }
    const nobody = await createVolunteer()
    let compared = 0
    for (const userId of [world.volunteer.id, nobody.id]) {
      for (const now of [planned, wallClockInstant('2026-03-24', '16:00'), wallClockInstant('2027-06-01', '12:00')]) {
        const read = await volunteerOverview(userId, now)
        expect(read).toEqual(await volunteerOverviewBefore(userId, now))
        compared += read.applications.length + read.matches.length + (read.nextVisit ? 1 : 0)
      }
    }
    expect(compared).toBeGreaterThan(60)
    const overview = await volunteerOverview(world.volunteer.id, planned)
    expect(overview.nextVisit?.startsAt).toEqual(wallClockInstant('2026-03-31', '15:00'))
    expect(overview.matches.map((m) => m.status).sort()).toEqual(['active', 'paused'])
  })

  test('the profile (skills, availability, areas, municipality) equals the Prisma read it replaced', async () => {
    const empty = await createVolunteer({ consent: false })
    const full = await createVolunteer()
    const update = await fullUpdate()
    await updateVolunteerProfile(full.id, {
      ...update,
      skills: [{ task: 'video_calls', level: 3 }, { task: 'photos', level: 1 }, { task: 'games', level: 2 }, { task: 'email', level: 2 }],
      availability: [{ weekday: 5, part: 'evening' }, { weekday: 2, part: 'afternoon' }, { weekday: 2, part: 'morning' }, { weekday: 1, part: 'evening' }],
      areas: [...update.areas, (await municipality('Furesø Kommune')).id],
    })
    const paused = await createVolunteer()
    await updateVolunteerProfile(paused.id, { ...update, municipalityId: null, postcode: null })
    await pauseVolunteer(paused.id)
    for (const userId of [empty.id, full.id, paused.id, 'no-such-user']) {
      expect(await volunteerProfile(userId)).toEqual(await volunteerProfileBefore(userId))
    }
    const read = await volunteerProfile(full.id)
    expect([read?.skills.length, read?.availability.length, read?.areas.length, read?.municipality?.name]).toEqual([4, 4, 3, 'Gribskov Kommune'])
    expect((await volunteerProfile(paused.id))?.pausedAt).toBeInstanceOf(Date)
  })
})
