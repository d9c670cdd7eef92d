import { prisma, type Prisma } from '~/utils/db.server'
import type { Actor } from '~/utils/permissions'
import { all, first, sql } from '~/utils/sql.server'

/**
 * Who is in which experience-sharing space (PRODUCT.md, issue 5):
 * - a facility's space: its active staff and the volunteers currently matched there (match active
 *   or paused); the coordinators of the centre covering the facility read and moderate it;
 * - a centre's network space: the coordinators of the centre, the staff of facilities in the
 *   centre's municipalities, and the centre's volunteers — those living in, travelling to, or
 *   matched (now or before) in one of its municipalities. A volunteer whose match ends keeps the
 *   network (and their own posts there) but loses the facility's space.
 * Admins run the system, not the conversations: they are in no space.
 */
export type Spaces = {
  /** Centres whose network space the user reads and posts in. */
  networkCentreIds: string[]
  /** Facilities whose space the user reads and posts in as a member. */
  facilityIds: string[]
  /** Centres whose every space the user reads and moderates (coordinators). */
  moderatedCentreIds: string[]
}

export type ThreadPlace = { centreId: string; facilityId: string | null }

const NO_SPACES: Spaces = { networkCentreIds: [], facilityIds: [], moderatedCentreIds: [] }

// Every request under /threads asks this first: read straight from SQLite (app/utils/sql.server.ts).
export async function spacesFor(actor: Actor): Promise<Spaces> {
  switch (actor.role) {
    case 'coordinator':
      return actor.centreId ? { networkCentreIds: [actor.centreId], facilityIds: [], moderatedCentreIds: [actor.centreId] } : NO_SPACES
    case 'facility_staff': {
      const facilityIds = actor.memberships.map((m) => m.facilityId)
      const facilities = facilityIds.length
        ? all(sql.selectFrom('Facility as f').innerJoin('Municipality as m', 'm.id', 'f.municipalityId').select('m.centreId').where('f.id', 'in', facilityIds))
        : []
      return { networkCentreIds: unique(facilities.map((f) => f.centreId)), facilityIds, moderatedCentreIds: [] }
    }
    case 'volunteer': {
      const home = first(sql.selectFrom('VolunteerProfile as p').leftJoin('Municipality as m', 'm.id', 'p.municipalityId').select('m.centreId').where('p.userId', '=', actor.id))
      const areas = all(
        sql
          .selectFrom('VolunteerArea as a')
          .innerJoin('VolunteerProfile as p', 'p.id', 'a.profileId')
          .innerJoin('Municipality as m', 'm.id', 'a.municipalityId')
          .select('m.centreId')
          .where('p.userId', '=', actor.id)
          .orderBy('a.municipalityId'),
      )
      const matches = all(
        sql
          .selectFrom('Match as mt')
          .innerJoin('Facility as f', 'f.id', 'mt.facilityId')
          .innerJoin('Municipality as m', 'm.id', 'f.municipalityId')
          .select(['mt.status', 'mt.facilityId', 'm.centreId'])
          .where('mt.volunteerId', '=', actor.id)
          .where('mt.status', 'in', ['active', 'paused', 'ended']),
      )
      const networkCentreIds = unique([home?.centreId, ...areas.map((a) => a.centreId), ...matches.map((m) => m.centreId)])
      const facilityIds = unique(matches.filter((m) => m.status === 'active' || m.status === 'paused').map((m) => m.facilityId))
      return { networkCentreIds, facilityIds, moderatedCentreIds: [] }
    }
    default:
      return NO_SPACES
  }
}

function unique(ids: (string | null | undefined)[]) {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))]
}

/** What the user may do with a thread in this place. Pure; the server decides with it. */
export function accessTo(spaces: Spaces, place: ThreadPlace) {
  const moderate = spaces.moderatedCentreIds.includes(place.centreId)
  const member = place.facilityId ? spaces.facilityIds.includes(place.facilityId) : spaces.networkCentreIds.includes(place.centreId)
  return {
    read: member || moderate,
    /** Start threads and reply (locked threads aside). */
    post: member || moderate,
    moderate,
    /** Announcements go to a centre's network, from its coordinators. */
    announce: moderate && place.facilityId === null,
  }
}

/** Prisma filter for every thread the user may read. */
export function readableThreads(spaces: Spaces): Prisma.ThreadWhereInput {
  return {
    OR: [
      { facilityId: null, centreId: { in: spaces.networkCentreIds } },
      { facilityId: { in: spaces.facilityIds } },
      { centreId: { in: spaces.moderatedCentreIds } },
    ],
  }
}

/** The centre a facility's space belongs to: the centre covering its municipality (null: none yet). */
export async function centreOfFacility(facilityId: string) {
  const facility = await prisma.facility.findUnique({ where: { id: facilityId }, select: { municipality: { select: { centreId: true } } } })
  return facility?.municipality.centreId ?? null
}
