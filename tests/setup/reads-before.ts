/**
 * The Prisma reads of the hot pages as they were before they moved to the typed read connection
 * (app/utils/sql.server.ts), kept word for word: the tests prove the new reads return the same, and
 * tests/bench/hot-reads.ts measures both.
 */
import { prisma, Prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'
import { mayJoin, maySee, type EventViewer, type SignupStatus } from '~/utils/events'
import type { Actor } from '~/utils/permissions'
import { plainExcerpt } from '~/utils/post-format'
import { canStillEdit, POSTS_PER_PAGE, spaceKey, THREADS_PER_PAGE, type SpaceRef } from '~/utils/threads'
import type { Spaces, ThreadPlace } from '~/models/space.server'
import type { Space } from '~/models/thread.server'
import { facilityCalendars } from '~/models/facility-closure.server'
import { BOOKING_WEEKS_AHEAD, upcomingWindowDates } from '~/models/visit-window.server'
import { addDays, copenhagenDate, copenhagenTime } from '~/utils/time'
import { holidaysBetween } from '~/utils/holidays'

const windowSelect = { id: true, title: true, weekday: true, startTime: true, endTime: true, capacity: true, validFrom: true, validTo: true, location: true, active: true } as const

// The `$queryRaw` join that the typed read replaced, kept word for word as the reference.
export async function visitListBefore(actor: Pick<Actor, 'id' | 'role' | 'memberships'>, where: Prisma.Sql, order: 'asc' | 'desc', take: number) {
  const whose =
    actor.role === 'volunteer'
      ? Prisma.sql`v."volunteerId" = ${actor.id}`
      : actor.role === 'facility_staff' && actor.memberships.length > 0
        ? Prisma.sql`v."facilityId" IN (${Prisma.join(actor.memberships.map((m) => m.facilityId))})`
        : Prisma.sql`0`
  const rows = await prisma.$queryRaw<Record<string, string | number | bigint | null>[]>`
    SELECT v."id", v."localDate", v."startsAt", v."endsAt", v."status", v."location", v."note", v."cancelReason",
           v."lateCancellation", v."planId", v."windowId",
           f."id" AS "facilityId", f."name" AS "facilityName", f."address" AS "facilityAddress", f."postcode" AS "facilityPostcode", f."town" AS "facilityTown",
           u."id" AS "volunteerId", u."name" AS "volunteerName",
           c."name" AS "contactName", c."phone" AS "contactPhone", c."deactivatedAt" AS "contactDeactivatedAt"
    FROM "Visit" v
    JOIN "Facility" f ON f."id" = v."facilityId"
    JOIN "User" u ON u."id" = v."volunteerId"
    LEFT JOIN "Match" m ON m."id" = v."matchId"
    LEFT JOIN "JobAd" a ON a."id" = m."jobAdId"
    LEFT JOIN "User" c ON c."id" = a."contactPersonId"
    WHERE ${whose} AND ${where}
    ORDER BY v."startsAt" ${order === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`}
    LIMIT ${take}`
  return rows.map((row) => ({
    id: row.id,
    localDate: row.localDate,
    startTime: copenhagenTime(new Date(String(row.startsAt))),
    endTime: copenhagenTime(new Date(String(row.endsAt))),
    status: row.status,
    location: row.location,
    note: row.status === 'cancelled' ? row.cancelReason : row.note,
    lateCancellation: Boolean(Number(row.lateCancellation)),
    fromPlan: Boolean(row.planId),
    facility: { id: row.facilityId, name: row.facilityName, address: row.facilityAddress, postcode: row.facilityPostcode, town: row.facilityTown },
    volunteer: { id: row.volunteerId, name: row.volunteerName },
    contact: row.contactName !== null && !row.contactDeactivatedAt ? { name: row.contactName, phone: row.contactPhone } : null,
  }))
}

// The Prisma reads that the typed reads replaced, kept as they were as the reference.
export async function threadPageBefore(threadId: string, options: { userId: string; moderator: boolean; page?: number | 'last' }, now = new Date()) {
  const thread = await prisma.thread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      centreId: true,
      facilityId: true,
      title: true,
      tags: true,
      status: true,
      pinned: true,
      isAnnouncement: true,
      postCount: true,
      lastPostAt: true,
      createdAt: true,
      centre: { select: { name: true } },
      facility: { select: { name: true } },
      subscriptions: { where: { userId: options.userId }, select: { userId: true } },
    },
  })
  if (!thread) return null
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE))
  const wanted = options.page === 'last' ? pageCount : (options.page ?? 1)
  const page = Math.min(Math.max(1, wanted), pageCount)
  const rows = await prisma.post.findMany({
    where: { threadId },
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      author: { select: { id: true, name: true, role: true } },
      quotedPost: { select: { id: true, body: true, hiddenAt: true, author: { select: { name: true, role: true } } } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * POSTS_PER_PAGE,
    take: POSTS_PER_PAGE,
  })
  const posts = rows.map((post) => {
    const mine = post.author?.id === options.userId
    const hidden = post.hiddenAt !== null
    const showText = !hidden || options.moderator
    return {
      id: post.id,
      body: showText ? post.body : null,
      hidden,
      hiddenReason: hidden && (options.moderator || mine) ? post.hiddenReason : null,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      author: post.author,
      mine,
      canEdit: mine && !hidden && thread.status === 'open' && canStillEdit(post.createdAt, now),
      quoted: post.quotedPost
        ? {
            id: post.quotedPost.id,
            author: post.quotedPost.author,
            hidden: post.quotedPost.hiddenAt !== null,
            excerpt: post.quotedPost.hiddenAt === null || options.moderator ? plainExcerpt(post.quotedPost.body) : null,
          }
        : null,
    }
  })
  const { subscriptions, tags, ...rest } = thread
  return { thread: { ...rest, tags: parseList(tags), following: subscriptions.length > 0 }, posts, page, pageCount }
}

export async function threadListBefore(place: ThreadPlace, options: { userId: string; tag?: string | null; page?: number }) {
  const where: Prisma.ThreadWhereInput = {
    ...(place.facilityId ? { facilityId: place.facilityId } : { centreId: place.centreId, facilityId: null }),
    ...(options.tag ? { tags: { contains: `"${options.tag}"` } } : {}),
  }
  const total = await prisma.thread.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / THREADS_PER_PAGE))
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount)
  const rows = await prisma.thread.findMany({
    where,
    select: {
      id: true,
      title: true,
      tags: true,
      status: true,
      pinned: true,
      isAnnouncement: true,
      postCount: true,
      lastPostAt: true,
      author: { select: { name: true, role: true } },
      reads: { where: { userId: options.userId }, select: { lastReadAt: true } },
    },
    orderBy: [{ pinned: 'desc' }, { lastPostAt: 'desc' }],
    skip: (page - 1) * THREADS_PER_PAGE,
    take: THREADS_PER_PAGE,
  })
  const threads = rows.map(({ reads, tags, ...thread }) => ({
    ...thread,
    tags: parseList(tags),
    unread: !reads[0] || reads[0].lastReadAt.getTime() < thread.lastPostAt.getTime(),
  }))
  return { threads, page, pageCount, total }
}

// The Prisma reads of the start page that the typed reads replaced, kept as the reference.
export async function volunteerOverviewBefore(userId: string, now: Date) {
  const [applications, matches, upcoming] = await Promise.all([
    prisma.application.findMany({
      where: { volunteerId: userId },
      select: { id: true, status: true, createdAt: true, jobAd: { select: { id: true, title: true, facility: { select: { name: true } } } } },
      orderBy: { createdAt: 'desc' },
      take: 20,
    }),
    prisma.match.findMany({
      where: { volunteerId: userId, status: { in: ['proposed', 'active', 'paused'] } },
      select: { id: true, status: true, facility: { select: { name: true } }, jobAd: { select: { title: true } } },
      orderBy: { createdAt: 'desc' },
    }),
    prisma.visit.findMany({
      where: { volunteerId: userId, startsAt: { gte: now } },
      select: { id: true, status: true, startsAt: true, endsAt: true, facility: { select: { name: true } } },
      orderBy: { startsAt: 'asc' },
      take: 50,
    }),
  ])
  return { applications, matches, nextVisit: upcoming.find((visit) => visit.status === 'planned') ?? null }
}


export async function volunteerProfileBefore(userId: string) {
  const profile = await prisma.volunteerProfile.findUnique({
    where: { userId },
    select: {
      id: true,
      bio: true,
      postcode: true,
      municipalityId: true,
      municipality: { select: { name: true, region: true } },
      employer: true,
      languages: true,
      pausedAt: true,
      consentDataAt: true,
      skills: { select: { task: true, level: true } },
      availability: { select: { weekday: true, part: true } },
      areas: { select: { municipalityId: true } },
    },
  })
  if (!profile) return null
  return {
    ...profile,
    languages: parseList(profile.languages),
    areas: profile.areas.map((area) => area.municipalityId),
  }
}

export async function spacesForBefore(actor: Actor): Promise<Spaces> {
  const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))]
  switch (actor.role) {
    case 'coordinator':
      return actor.centreId ? { networkCentreIds: [actor.centreId], facilityIds: [], moderatedCentreIds: [actor.centreId] } : { networkCentreIds: [], facilityIds: [], moderatedCentreIds: [] }
    case 'facility_staff': {
      const facilityIds = actor.memberships.map((m) => m.facilityId)
      const facilities = await prisma.facility.findMany({ where: { id: { in: facilityIds } }, select: { municipality: { select: { centreId: true } } } })
      return { networkCentreIds: unique(facilities.map((f) => f.municipality.centreId)), facilityIds, moderatedCentreIds: [] }
    }
    case 'volunteer': {
      const [profile, matches] = await Promise.all([
        prisma.volunteerProfile.findUnique({
          where: { userId: actor.id },
          select: { municipality: { select: { centreId: true } }, areas: { select: { municipality: { select: { centreId: true } } } } },
        }),
        prisma.match.findMany({
          where: { volunteerId: actor.id, status: { in: ['active', 'paused', 'ended'] } },
          select: { status: true, facilityId: true, facility: { select: { municipality: { select: { centreId: true } } } } },
        }),
      ])
      const networkCentreIds = unique([
        profile?.municipality?.centreId,
        ...(profile?.areas ?? []).map((a) => a.municipality.centreId),
        ...matches.map((m) => m.facility.municipality.centreId),
      ])
      const facilityIds = unique(matches.filter((m) => m.status === 'active' || m.status === 'paused').map((m) => m.facilityId))
      return { networkCentreIds, facilityIds, moderatedCentreIds: [] }
    }
    default:
      return { networkCentreIds: [], facilityIds: [], moderatedCentreIds: [] }
  }
}

/** The Prisma read that plansOf (app/models/visit.server.ts) replaced, word for word. */
export function plansOfBefore(actor: Pick<Actor, 'id' | 'role' | 'memberships'>) {
  const matchWhere: Prisma.MatchWhereInput =
    actor.role === 'volunteer' ? { volunteerId: actor.id } : { facilityId: { in: actor.memberships.map((m) => m.facilityId) } }
  return prisma.match.findMany({
    where: { ...matchWhere, status: { in: ['active', 'paused'] } },
    select: {
      id: true,
      status: true,
      volunteerId: true,
      facilityId: true,
      volunteer: { select: { name: true } },
      facility: { select: { name: true } },
      jobAd: { select: { title: true } },
      plans: {
        where: { status: { in: ['proposed', 'confirmed'] } },
        select: {
          id: true,
          status: true,
          weekday: true,
          startTime: true,
          endTime: true,
          frequency: true,
          nthWeekday: true,
          startDate: true,
          endDate: true,
          location: true,
          proposedById: true,
          exceptions: { select: { kind: true, fromDate: true, toDate: true }, orderBy: { fromDate: 'asc' } },
        },
        orderBy: { createdAt: 'asc' },
      },
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
}

// "Book a visit" before it read straight from SQLite (app/models/visit-window.server.ts), kept word for word.
export async function bookableWindowsBefore(volunteerId: string, now = new Date()) {
  const matches = await prisma.match.findMany({
    where: { volunteerId, status: 'active' },
    select: { facility: { select: { id: true, name: true, visitWindows: { where: { active: true }, select: windowSelect, orderBy: [{ weekday: 'asc' }, { startTime: 'asc' }] } } } },
  })
  const facilities = new Map(matches.map((m) => [m.facility.id, m.facility]))
  const windows = [...facilities.values()].flatMap((facility) => facility.visitWindows.map((window) => ({ ...window, facility: { id: facility.id, name: facility.name } })))
  if (windows.length === 0) return []
  const today = copenhagenDate(now)
  const booked = await prisma.visit.groupBy({
    by: ['windowId', 'localDate'],
    where: { windowId: { in: windows.map((w) => w.id) }, status: 'planned', localDate: { gte: today } },
    _count: { _all: true },
  })
  const mine = await prisma.visit.findMany({
    where: { volunteerId, windowId: { in: windows.map((w) => w.id) }, status: 'planned', localDate: { gte: today } },
    select: { id: true, windowId: true, localDate: true },
  })
  const taken = new Map(booked.map((row) => [`${row.windowId}|${row.localDate}`, row._count._all]))
  const calendars = await facilityCalendars([...facilities.keys()], today, addDays(today, BOOKING_WEEKS_AHEAD * 7))
  return windows.map((window) => ({
    ...window,
    dates: upcomingWindowDates(window, now, BOOKING_WEEKS_AHEAD, calendars.get(window.facility.id)).map((date) => {
      const count = taken.get(`${window.id}|${date.localDate}`) ?? 0
      const own = mine.find((visit) => visit.windowId === window.id && visit.localDate === date.localDate)
      return { ...date, roomLeft: Math.max(0, window.capacity - count), bookedVisitId: own?.id ?? null }
    }),
  }))
}

// The space of a thread list before it read straight from SQLite (app/models/thread.server.ts), kept word for word.
export async function resolveSpaceBefore(ref: SpaceRef): Promise<Space | null> {
  if (ref.kind === 'network') {
    const centre = await prisma.centre.findUnique({ where: { id: ref.centreId }, select: { id: true, name: true } })
    return centre ? { key: spaceKey({ centreId: centre.id, facilityId: null }), centreId: centre.id, facilityId: null, name: centre.name, centreName: centre.name } : null
  }
  const facility = await prisma.facility.findUnique({
    where: { id: ref.facilityId },
    select: { id: true, name: true, municipality: { select: { centre: { select: { id: true, name: true } } } } },
  })
  if (!facility) return null
  const centre = facility.municipality.centre
  // A facility in a municipality no centre covers yet has a space nobody can moderate; '' matches no centre.
  return { key: spaceKey({ centreId: centre?.id ?? '', facilityId: facility.id }), centreId: centre?.id ?? '', facilityId: facility.id, name: facility.name, centreName: centre?.name ?? null }
}

// The event page's reads (app/models/event.server.ts) before they moved to the read connection.
export async function eventViewerBefore(user: { id: string; role: string; centreId: string | null } | null): Promise<EventViewer> {
  if (!user) return null
  let volunteerOf: string[] = []
  let staffOf: string[] = []
  if (user.role === 'volunteer') {
    const municipalities = await prisma.municipality.findMany({
      where: { centreId: { not: null }, OR: [{ volunteers: { some: { userId: user.id } } }, { travelAreas: { some: { profile: { userId: user.id } } } }] },
      select: { centreId: true },
    })
    volunteerOf = [...new Set(municipalities.map((m) => m.centreId!))]
  }
  if (user.role === 'facility_staff') {
    const municipalities = await prisma.municipality.findMany({
      where: { centreId: { not: null }, facilities: { some: { memberships: { some: { userId: user.id, status: 'active' } } } } },
      select: { centreId: true },
    })
    staffOf = [...new Set(municipalities.map((m) => m.centreId!))]
  }
  return { userId: user.id, volunteerOf, staffOf, coordinatorOf: user.role === 'coordinator' ? user.centreId : null }
}

export async function eventForViewerBefore(eventId: string, viewer: EventViewer) {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      centreId: true,
      centre: { select: { name: true } },
      kind: true,
      title: true,
      description: true,
      capacity: true,
      audience: true,
      status: true,
      signupDeadline: true,
      sessions: { select: { id: true, startsAt: true, endsAt: true, place: true, onlineUrl: true }, orderBy: { startsAt: 'asc' } },
    },
  })
  if (!event || !maySee(viewer, event)) return null
  if (event.status === 'draft' && viewer?.coordinatorOf !== event.centreId) return null
  const [confirmed, mine] = await Promise.all([
    prisma.eventSignup.count({ where: { eventId, status: 'confirmed' } }),
    viewer ? prisma.eventSignup.findUnique({ where: { eventId_userId: { eventId, userId: viewer.userId } }, select: { status: true, position: true } }) : null,
  ])
  let waitingAhead = 0
  if (mine?.status === 'waiting') waitingAhead = await prisma.eventSignup.count({ where: { eventId, status: 'waiting', position: { lt: mine.position } } })
  return {
    ...event,
    placesLeft: Math.max(0, event.capacity - confirmed),
    mayJoin: mayJoin(viewer, event),
    myStatus: (mine && mine.status !== 'cancelled' ? mine.status : null) as SignupStatus | null,
    waitingAhead,
  }
}

// The calendar's marks (app/models/facility-closure.server.ts) before they moved to the read connection.
export async function calendarMarksBefore(actor: { id: string; role: string; memberships: { facilityId: string }[] }, from: string, to: string) {
  const facilityWhere =
    actor.role === 'facility_staff'
      ? { id: { in: actor.memberships.map((m) => m.facilityId) } }
      : actor.role === 'volunteer'
        ? { matches: { some: { volunteerId: actor.id, status: 'active' } } }
        : null
  const holidays = holidaysBetween(from, to)
  const [closures, openDays] = facilityWhere
    ? await Promise.all([
        prisma.facilityClosure.findMany({
          where: { facility: facilityWhere, toDate: { gte: from }, fromDate: { lte: to } },
          select: { fromDate: true, toDate: true, reason: true, facility: { select: { name: true } } },
          orderBy: { fromDate: 'asc' },
        }),
        holidays.length > 0
          ? prisma.facilityOpenDay.findMany({
              where: { facility: facilityWhere, localDate: { in: holidays.map((holiday) => holiday.date) } },
              select: { localDate: true, facility: { select: { name: true } } },
            })
          : [],
      ])
    : [[], []]
  return {
    holidays,
    closures: closures.map((closure) => ({ fromDate: closure.fromDate, toDate: closure.toDate, reason: closure.reason, facilityName: closure.facility.name })),
    openDays: openDays.map((day) => ({ date: day.localDate, facilityName: day.facility.name })),
  }
}
