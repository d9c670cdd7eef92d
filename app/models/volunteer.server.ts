import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { all, first, sql } from '~/utils/sql.server'
import { sqliteInstant } from '~/utils/time'
import { parseList, TASKS, type DAY_PARTS, type Task } from '~/utils/domain'
import { PROFILE_ITEMS, type ProfileItem } from '~/utils/volunteer'

export type DayPart = (typeof DAY_PARTS)[number]

/**
 * What a volunteer's start page shows: the next visit, matches and applications. Read straight from
 * SQLite (app/utils/sql.server.ts), three joins, as the page is opened on every sign-in.
 */
export async function volunteerOverview(userId: string, now = new Date()) {
  const applications = all(
    sql
      .selectFrom('Application as ap')
      .innerJoin('JobAd as j', 'j.id', 'ap.jobAdId')
      .innerJoin('Facility as f', 'f.id', 'j.facilityId')
      .select(['ap.id', 'ap.status', 'ap.createdAt', 'j.id as adId', 'j.title', 'f.name as facilityName'])
      .where('ap.volunteerId', '=', userId)
      .orderBy('ap.createdAt', 'desc')
      .limit(20),
  ).map((row) => ({ id: row.id, status: row.status, createdAt: new Date(row.createdAt), jobAd: { id: row.adId, title: row.title, facility: { name: row.facilityName } } }))
  const matches = all(
    sql
      .selectFrom('Match as m')
      .innerJoin('Facility as f', 'f.id', 'm.facilityId')
      .innerJoin('JobAd as j', 'j.id', 'm.jobAdId')
      .select(['m.id', 'm.status', 'f.name as facilityName', 'j.title'])
      .where('m.volunteerId', '=', userId)
      .where('m.status', 'in', ['proposed', 'active', 'paused'])
      .orderBy('m.createdAt', 'desc'),
  ).map((row) => ({ id: row.id, status: row.status, facility: { name: row.facilityName }, jobAd: { title: row.title } }))
  // The status is checked after the query: in the WHERE clause it made SQLite walk every planned
  // visit in the country by (status, startsAt) instead of this volunteer's own (see visit.server.ts).
  const upcoming = all(
    sql
      .selectFrom('Visit as v')
      .innerJoin('Facility as f', 'f.id', 'v.facilityId')
      .select(['v.id', 'v.status', 'v.startsAt', 'v.endsAt', 'f.name as facilityName'])
      .where('v.volunteerId', '=', userId)
      .where('v.startsAt', '>=', sqliteInstant(now))
      .orderBy('v.startsAt', 'asc')
      .limit(50),
  )
  const next = upcoming.find((visit) => visit.status === 'planned')
  return {
    applications,
    matches,
    nextVisit: next ? { id: next.id, status: next.status, startsAt: new Date(next.startsAt), endsAt: new Date(next.endsAt), facility: { name: next.facilityName } } : null,
  }
}

/**
 * The volunteer's own profile, as their profile page edits it and the start page weighs it. Read
 * straight from SQLite: the profile with its municipality, then its three small lists, each in the
 * order of its own index (as Prisma's nested reads returned them).
 */
export async function volunteerProfile(userId: string) {
  const profile = first(
    sql
      .selectFrom('VolunteerProfile as p')
      .leftJoin('Municipality as m', 'm.id', 'p.municipalityId')
      .select(['p.id', 'p.bio', 'p.postcode', 'p.municipalityId', 'm.name as municipalityName', 'm.region as municipalityRegion', 'p.employer', 'p.languages', 'p.pausedAt', 'p.consentDataAt'])
      .where('p.userId', '=', userId),
  )
  if (!profile) return null
  const skills = all(sql.selectFrom('VolunteerSkill').select(['task', 'level']).where('profileId', '=', profile.id).orderBy('task'))
  const availability = all(sql.selectFrom('VolunteerAvailability').select(['weekday', 'part']).where('profileId', '=', profile.id).orderBy('weekday').orderBy('part'))
  const areas = all(sql.selectFrom('VolunteerArea').select('municipalityId').where('profileId', '=', profile.id).orderBy('municipalityId'))
  return {
    id: profile.id,
    bio: profile.bio,
    postcode: profile.postcode,
    municipalityId: profile.municipalityId,
    municipality: profile.municipalityName !== null && profile.municipalityRegion !== null ? { name: profile.municipalityName, region: profile.municipalityRegion } : null,
    employer: profile.employer,
    languages: parseList(profile.languages),
    pausedAt: profile.pausedAt === null ? null : new Date(profile.pausedAt),
    consentDataAt: profile.consentDataAt === null ? null : new Date(profile.consentDataAt),
    skills,
    availability,
    areas: areas.map((area) => area.municipalityId),
  }
}
export type VolunteerProfileView = NonNullable<Awaited<ReturnType<typeof volunteerProfile>>>

export function profileCompleteness(profile: Pick<VolunteerProfileView, 'skills' | 'availability' | 'postcode' | 'areas' | 'languages' | 'bio' | 'consentDataAt'>) {
  const done: Record<ProfileItem, boolean> = {
    skills: profile.skills.length > 0,
    availability: profile.availability.length > 0,
    postcode: Boolean(profile.postcode),
    areas: profile.areas.length > 0,
    languages: profile.languages.length > 0,
    bio: profile.bio.trim().length > 0,
    consent: Boolean(profile.consentDataAt),
  }
  const missing = PROFILE_ITEMS.filter((item) => !done[item])
  const percent = Math.round(((PROFILE_ITEMS.length - missing.length) / PROFILE_ITEMS.length) * 100)
  return { percent, missing, complete: missing.length === 0 }
}

export type ProfileUpdate = {
  bio: string
  employer: string | null
  postcode: string | null
  municipalityId: string | null
  languages: string[]
  skills: { task: Task; level: 1 | 2 | 3 }[]
  availability: { weekday: number; part: DayPart }[]
  areas: string[]
  consentData: boolean
}

/** The municipality ids among these that exist; the profile form refuses any other. */
export async function existingMunicipalityIds(ids: string[]) {
  if (ids.length === 0) return []
  const rows = await prisma.municipality.findMany({ where: { id: { in: ids } }, select: { id: true } })
  return rows.map((row) => row.id)
}

/**
 * Saves the whole profile at once: the lists are replaced, so what the form shows is what is stored.
 * Giving data consent stamps the time; taking it back clears it (and stops new applications).
 */
export async function updateVolunteerProfile(userId: string, update: ProfileUpdate) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.volunteerProfile.upsert({
      where: { userId },
      create: { userId },
      update: {},
      select: { id: true, consentDataAt: true },
    })
    const consentDataAt = update.consentData ? (current.consentDataAt ?? new Date()) : null
    await tx.volunteerProfile.update({
      where: { id: current.id },
      data: {
        bio: update.bio,
        employer: update.employer,
        postcode: update.postcode,
        municipalityId: update.municipalityId,
        languages: JSON.stringify([...new Set(update.languages)]),
        consentDataAt,
      },
    })
    await tx.volunteerSkill.deleteMany({ where: { profileId: current.id } })
    await tx.volunteerAvailability.deleteMany({ where: { profileId: current.id } })
    await tx.volunteerArea.deleteMany({ where: { profileId: current.id } })
    const skills = new Map(update.skills.map((skill) => [skill.task, skill.level]))
    if (skills.size) {
      await tx.volunteerSkill.createMany({ data: [...skills].map(([task, level]) => ({ profileId: current.id, task, level })) })
    }
    const slots = new Map(update.availability.map((slot) => [`${slot.weekday}-${slot.part}`, slot]))
    if (slots.size) {
      await tx.volunteerAvailability.createMany({ data: [...slots.values()].map((slot) => ({ profileId: current.id, ...slot })) })
    }
    const areas = [...new Set(update.areas)]
    if (areas.length) {
      await tx.volunteerArea.createMany({ data: areas.map((municipalityId) => ({ profileId: current.id, municipalityId })) })
    }
    await audit(tx, {
      actorId: userId,
      action: 'volunteer.profile_updated',
      entityType: 'VolunteerProfile',
      entityId: current.id,
      data: { consentData: update.consentData, skills: skills.size, availability: slots.size, areas: areas.length },
    })
  })
}

/** A paused volunteer is not suggested to facilities; their applications and matches stay. */
export async function pauseVolunteer(userId: string) {
  return setPaused(userId, true)
}

export async function resumeVolunteer(userId: string) {
  return setPaused(userId, false)
}

async function setPaused(userId: string, paused: boolean) {
  return prisma.$transaction(async (tx) => {
    const profile = await tx.volunteerProfile.findUnique({ where: { userId }, select: { id: true, pausedAt: true } })
    if (!profile) return false
    if (Boolean(profile.pausedAt) === paused) return true
    await tx.volunteerProfile.update({ where: { id: profile.id }, data: { pausedAt: paused ? new Date() : null } })
    await audit(tx, { actorId: userId, action: paused ? 'volunteer.paused' : 'volunteer.resumed', entityType: 'VolunteerProfile', entityId: profile.id })
    return true
  })
}

export function isTask(value: string): value is Task {
  return (TASKS as readonly string[]).includes(value)
}
