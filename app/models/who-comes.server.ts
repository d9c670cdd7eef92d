// "Hvem kommer hvornår": the common-room board of a facility — the secret screen address, the
// visits the poster and the screen show, and the volunteers' photos (with consent).
import crypto from 'node:crypto'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { parseList, TASKS, type Task } from '~/utils/domain'
import type { Actor } from '~/utils/permissions'
import { boardPhotoFrom } from '~/utils/photo.server'
import { all, first, sql } from '~/utils/sql.server'
import { addDays, copenhagenDate, copenhagenTime, mondayOf } from '~/utils/time'
import { firstNameOf, initialOf, WHO_COMES_TOKEN } from '~/utils/who-comes'

// ---------------------------------------------------------------------------------------------
// The screen address
// ---------------------------------------------------------------------------------------------

export async function whoComesTokenOf(facilityId: string) {
  return first(sql.selectFrom('Facility').select('whoComesToken').where('id', '=', facilityId))?.whoComesToken ?? null
}

/**
 * Makes (or replaces) the secret in the screen address; the old address is a plain 404 at once.
 * Kept in the clear like the calendar feed's token (README decision 15): staff must be able
 * to see the address again to set up a second screen, and what it opens is first names and times.
 */
export async function regenerateWhoComesToken(actorId: string, facilityId: string) {
  const token = crypto.randomBytes(24).toString('base64url')
  await prisma.$transaction(async (tx) => {
    await tx.facility.update({ where: { id: facilityId }, data: { whoComesToken: token } })
    await audit(tx, { actorId, action: 'who-comes.token-created', entityType: 'Facility', entityId: facilityId })
  })
  return token
}

export async function revokeWhoComesToken(actorId: string, facilityId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.facility.update({ where: { id: facilityId }, data: { whoComesToken: null } })
    await audit(tx, { actorId, action: 'who-comes.token-revoked', entityType: 'Facility', entityId: facilityId })
  })
}

/** The facility a screen address opens, or null (unknown, revoked, malformed, or the facility closed down). */
export function facilityOfWhoComesToken(token: string) {
  if (!WHO_COMES_TOKEN.test(token)) return null
  return first(sql.selectFrom('Facility').select(['id', 'name']).where('whoComesToken', '=', token).where('status', '!=', 'inactive')) ?? null
}

// ---------------------------------------------------------------------------------------------
// What the board shows
// ---------------------------------------------------------------------------------------------

/** One visit as the board shows it: a first name, never a surname, phone number or e-mail address. */
export type BoardVisit = {
  id: string
  localDate: string
  start: string
  end: string
  status: 'planned' | 'done' | 'cancelled'
  firstName: string
  initial: string
  /** Only while the volunteer consents and has an active match with this facility. */
  photoId: string | null
  tasks: Task[]
}

const MAX_BOARD_VISITS = 300

/**
 * The facility's visits between two Copenhagen dates (both included). Only the columns the board
 * needs are read; the volunteer's name is read to take its first word here, on the server, and
 * goes no further.
 */
function boardVisits(facilityId: string, from: string, to: string, statuses: BoardVisit['status'][]): BoardVisit[] {
  const rows = all(
    sql
      .selectFrom('Visit')
      .innerJoin('User', 'User.id', 'Visit.volunteerId')
      .leftJoin('Match', 'Match.id', 'Visit.matchId')
      .leftJoin('JobAd', 'JobAd.id', 'Match.jobAdId')
      .leftJoin('VolunteerPhoto', 'VolunteerPhoto.userId', 'Visit.volunteerId')
      .select([
        'Visit.id',
        'Visit.localDate',
        'Visit.startsAt',
        'Visit.endsAt',
        'Visit.status',
        'Visit.helpedWith',
        'User.name as volunteerName',
        'JobAd.tasks as adTasks',
        'VolunteerPhoto.id as photoId',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('Match as active')
              .select('active.id')
              .whereRef('active.volunteerId', '=', 'Visit.volunteerId')
              .where('active.facilityId', '=', facilityId)
              .where('active.status', '=', 'active'),
          )
          .as('activeMatch'),
      )
      .where('Visit.facilityId', '=', facilityId)
      .where('Visit.localDate', '>=', from)
      .where('Visit.localDate', '<=', to)
      .where('Visit.status', 'in', statuses)
      .where('User.anonymizedAt', 'is', null)
      .orderBy('Visit.startsAt')
      .orderBy('Visit.id')
      .limit(MAX_BOARD_VISITS),
  )
  return rows.map((row) => {
    const firstName = firstNameOf(row.volunteerName)
    // What was helped with once logged, else what the ad is about.
    const logged = parseList(row.helpedWith)
    const tasks = (logged.length > 0 ? logged : parseList(row.adTasks)).filter((task): task is Task => (TASKS as readonly string[]).includes(task))
    return {
      id: row.id,
      localDate: row.localDate,
      start: copenhagenTime(new Date(row.startsAt)),
      end: copenhagenTime(new Date(row.endsAt)),
      status: row.status as BoardVisit['status'],
      firstName,
      initial: initialOf(firstName),
      photoId: row.activeMatch && row.photoId ? row.photoId : null,
      tasks,
    }
  })
}

/** The poster: this week's and next week's visits (Monday to Sunday, Copenhagen), cancelled ones left out. */
export function posterWeeks(facilityId: string, now = new Date()) {
  const monday = mondayOf(copenhagenDate(now))
  const nextMonday = addDays(monday, 7)
  const visits = boardVisits(facilityId, monday, addDays(nextMonday, 6), ['planned', 'done'])
  return [
    { monday, sunday: addDays(monday, 6), visits: visits.filter((visit) => visit.localDate < nextMonday) },
    { monday: nextMonday, sunday: addDays(nextMonday, 6), visits: visits.filter((visit) => visit.localDate >= nextMonday) },
  ]
}

/** How far ahead the screen looks for the next visits, and how many it lists. */
const SCREEN_DAYS_AHEAD = 21
const SCREEN_NEXT_VISITS = 6

/**
 * The screen: every visit today (a cancelled one stays, so the screen can say that the volunteer
 * is not coming), then the next planned visits after today.
 */
export function screenVisits(facilityId: string, now = new Date()) {
  const today = copenhagenDate(now)
  const visits = boardVisits(facilityId, today, addDays(today, SCREEN_DAYS_AHEAD), ['planned', 'done', 'cancelled'])
  return {
    today,
    now: copenhagenTime(now),
    todays: visits.filter((visit) => visit.localDate === today),
    next: visits.filter((visit) => visit.localDate > today && visit.status === 'planned').slice(0, SCREEN_NEXT_VISITS),
  }
}

// ---------------------------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------------------------

export function photoOf(userId: string) {
  return first(sql.selectFrom('VolunteerPhoto').select(['id', 'consentAt', 'createdAt']).where('userId', '=', userId)) ?? null
}

/**
 * Stores a new photo with the volunteer's consent, replacing any earlier one (a new id, so a
 * cached copy of the old one is never mistaken for it). Refuses what is not an image or too large.
 */
export async function saveVolunteerPhoto(userId: string, bytes: Buffer, now = new Date()) {
  const photo = await boardPhotoFrom(bytes)
  if (!photo.ok) return photo
  await prisma.$transaction(async (tx) => {
    await tx.volunteerPhoto.deleteMany({ where: { userId } })
    await tx.volunteerPhoto.create({ data: { userId, image: new Uint8Array(photo.image), consentAt: now } })
    await audit(tx, { actorId: userId, action: 'volunteer.photo-saved', entityType: 'User', entityId: userId })
  })
  return { ok: true as const }
}

/** Withdraws consent: the photo is deleted, and the boards show the initial again. */
export async function deleteVolunteerPhoto(userId: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.volunteerPhoto.deleteMany({ where: { userId } })
    if (count > 0) await audit(tx, { actorId: userId, action: 'volunteer.photo-deleted', entityType: 'User', entityId: userId })
    return count > 0
  })
}

function photoRow(photoId: string) {
  return first(sql.selectFrom('VolunteerPhoto').select(['userId', 'image']).where('id', '=', photoId)) ?? null
}

function hasActiveMatch(volunteerId: string, facilityIds: string[]) {
  if (facilityIds.length === 0) return false
  return Boolean(
    first(
      sql
        .selectFrom('Match')
        .select('id')
        .where('volunteerId', '=', volunteerId)
        .where('facilityId', 'in', facilityIds)
        .where('status', '=', 'active')
        .limit(1),
    ),
  )
}

/**
 * A photo for a signed-in viewer: the volunteer themself, or staff of a facility the volunteer has
 * an active match with (the poster). Null for everybody else — coordinators and admins included.
 */
export function photoForViewer(actor: Actor, photoId: string) {
  const photo = photoRow(photoId)
  if (!photo) return null
  if (photo.userId === actor.id) return photo.image
  if (
    actor.role === 'facility_staff' &&
    hasActiveMatch(
      photo.userId,
      actor.memberships.map((m) => m.facilityId),
    )
  )
    return photo.image
  return null
}

/** A photo for the screen that a board address opens: only of a volunteer with an active match there. */
export function photoForBoard(token: string, photoId: string) {
  const facility = facilityOfWhoComesToken(token)
  if (!facility) return null
  const photo = photoRow(photoId)
  if (!photo || !hasActiveMatch(photo.userId, [facility.id])) return null
  return photo.image
}
