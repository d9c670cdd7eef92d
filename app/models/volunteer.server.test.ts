import { describe, expect, test } from 'vitest'
import { createUser, municipality } from '../../tests/setup/fixtures'
import { createVolunteer } from '../../tests/setup/fixtures-volunteer'
import { prisma } from '~/utils/db.server'
import { pauseVolunteer, profileCompleteness, resumeVolunteer, updateVolunteerProfile, volunteerProfile, type ProfileUpdate } from './volunteer.server'

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
