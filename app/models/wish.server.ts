import { audit } from '~/utils/audit.server'
import { prisma, type Prisma, type Tx } from '~/utils/db.server'
import { TASKS, type Task } from '~/utils/domain'
import { all, sql } from '~/utils/sql.server'
import { OPEN_WISH_STATES, parseTasks, type Feedback, type WishInput, type WishState } from '~/utils/wishes'

/**
 * Residents' wishes for IT help (issue 12). A wish says what residents would like to do and how
 * many share it — never who: no names, no CPR numbers (the form refuses them), no link to a person
 * but the staff member who wrote it down. Its life: new → ad_written (an ad that answers it is
 * published) → being_helped (a volunteer is matched on such an ad) → fulfilled (a logged visit
 * did it). The later steps are taken by the ad, match and visit models in their own transactions.
 */

export type WishResult = { ok: true; id: string } | { ok: false; reason: 'not-found' }

const wishSelect = {
  id: true,
  what: true,
  tasks: true,
  residentCount: true,
  state: true,
  easyRead: true,
  createdAt: true,
  adWrittenAt: true,
  beingHelpedAt: true,
  fulfilledAt: true,
  fulfilledByVisit: { select: { id: true, localDate: true } },
  ads: { select: { jobAd: { select: { id: true, title: true, status: true } } } },
} satisfies Prisma.ResidentWishSelect

/** The facility's wishes, newest first within each state. */
export async function facilityWishes(facilityId: string) {
  const rows = await prisma.residentWish.findMany({ where: { facilityId }, select: wishSelect, orderBy: [{ createdAt: 'desc' }] })
  return rows.map(({ tasks, ads, ...wish }) => ({ ...wish, state: wish.state as WishState, tasks: parseTasks(tasks), ads: ads.map((link) => link.jobAd) }))
}
export type FacilityWish = Awaited<ReturnType<typeof facilityWishes>>[number]

export async function addWish(actorId: string, facilityId: string, input: WishInput & { easyRead?: boolean }): Promise<WishResult> {
  return prisma.$transaction(async (tx) => {
    const wish = await tx.residentWish.create({
      data: {
        facilityId,
        what: input.what,
        tasks: JSON.stringify(input.tasks),
        residentCount: input.residentCount,
        easyRead: Boolean(input.easyRead),
        addedById: actorId,
      },
      select: { id: true },
    })
    // The audit keeps no text: a wish's words stay in one place, where deleting it removes them.
    await audit(tx, { actorId, action: 'wish.added', entityType: 'ResidentWish', entityId: wish.id, data: { facilityId, easyRead: Boolean(input.easyRead) } })
    return { ok: true, id: wish.id }
  })
}

/**
 * A wish from easy-read mode. The same button pressed by another resident while the first wish
 * is still new counts one more resident on it instead of a second line with the same words.
 */
export async function addEasyReadWish(actorId: string, facilityId: string, input: { what: string; tasks: Task[] }): Promise<WishResult & { counted?: boolean }> {
  return prisma.$transaction(async (tx) => {
    const same = await tx.residentWish.findFirst({ where: { facilityId, easyRead: true, state: 'new', what: input.what }, select: { id: true } })
    if (same) {
      await tx.residentWish.update({ where: { id: same.id }, data: { residentCount: { increment: 1 } } })
      await audit(tx, { actorId, action: 'wish.counted', entityType: 'ResidentWish', entityId: same.id, data: { easyRead: true } })
      return { ok: true, id: same.id, counted: true }
    }
    const wish = await tx.residentWish.create({
      data: { facilityId, what: input.what, tasks: JSON.stringify(input.tasks), residentCount: 1, easyRead: true, addedById: actorId },
      select: { id: true },
    })
    await audit(tx, { actorId, action: 'wish.added', entityType: 'ResidentWish', entityId: wish.id, data: { facilityId, easyRead: true } })
    return { ok: true, id: wish.id }
  })
}

export async function updateWish(actorId: string, facilityId: string, wishId: string, input: WishInput): Promise<WishResult> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.residentWish.updateMany({
      where: { id: wishId, facilityId },
      data: { what: input.what, tasks: JSON.stringify(input.tasks), residentCount: input.residentCount },
    })
    if (updated.count === 0) return { ok: false, reason: 'not-found' }
    await audit(tx, { actorId, action: 'wish.updated', entityType: 'ResidentWish', entityId: wishId })
    return { ok: true, id: wishId }
  })
}

/** "One more resident would like that too": only the count changes. */
export async function setWishCount(actorId: string, facilityId: string, wishId: string, residentCount: number): Promise<WishResult> {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.residentWish.updateMany({ where: { id: wishId, facilityId }, data: { residentCount } })
    if (updated.count === 0) return { ok: false, reason: 'not-found' }
    await audit(tx, { actorId, action: 'wish.counted', entityType: 'ResidentWish', entityId: wishId, data: { residentCount } })
    return { ok: true, id: wishId }
  })
}

export async function deleteWish(actorId: string, facilityId: string, wishId: string): Promise<WishResult> {
  return prisma.$transaction(async (tx) => {
    const deleted = await tx.residentWish.deleteMany({ where: { id: wishId, facilityId } })
    if (deleted.count === 0) return { ok: false, reason: 'not-found' }
    await audit(tx, { actorId, action: 'wish.deleted', entityType: 'ResidentWish', entityId: wishId, data: { facilityId } })
    return { ok: true, id: wishId }
  })
}

/**
 * The wishes an ad is written from: the facility's own, not yet fulfilled, in the order asked.
 * Ids of other facilities' wishes are silently left out (a forged link pre-fills nothing).
 */
export async function wishesForNewAd(facilityId: string, wishIds: string[]) {
  if (wishIds.length === 0) return []
  const rows = await prisma.residentWish.findMany({
    where: { id: { in: wishIds.slice(0, 50) }, facilityId, state: { in: [...OPEN_WISH_STATES] } },
    select: { id: true, what: true, tasks: true, residentCount: true },
    orderBy: { createdAt: 'asc' },
  })
  return rows.map((row) => ({ ...row, tasks: parseTasks(row.tasks) }))
}

/** The tasks of several wishes, in the order of TASKS, each once. */
export function tasksOfWishes(wishes: { tasks: Task[] }[]): Task[] {
  const wanted = new Set(wishes.flatMap((wish) => wish.tasks))
  return TASKS.filter((task) => wanted.has(task))
}

/** Links an ad to the wishes it answers (in the ad's own transaction; only the facility's open wishes). */
export async function linkWishesToAd(tx: Tx, adId: string, facilityId: string, wishIds: string[]) {
  if (wishIds.length === 0) return 0
  const wishes = await tx.residentWish.findMany({ where: { id: { in: wishIds.slice(0, 50) }, facilityId, state: { in: [...OPEN_WISH_STATES] } }, select: { id: true } })
  for (const wish of wishes) {
    await tx.jobAdWish.upsert({ where: { jobAdId_wishId: { jobAdId: adId, wishId: wish.id } }, create: { jobAdId: adId, wishId: wish.id }, update: {} })
  }
  return wishes.length
}

/** An ad that answers wishes went public: its new wishes now have an ad written. */
export async function markWishesAdWritten(tx: Tx, adId: string, now: Date) {
  const result = await tx.residentWish.updateMany({ where: { state: 'new', ads: { some: { jobAdId: adId } } }, data: { state: 'ad_written', adWrittenAt: now } })
  return result.count
}

/** A volunteer was matched on an ad that answers wishes: those not yet being helped now are. */
export async function markWishesBeingHelped(tx: Tx, adId: string, now: Date) {
  const result = await tx.residentWish.updateMany({
    where: { state: { in: ['new', 'ad_written'] }, ads: { some: { jobAdId: adId } } },
    data: { state: 'being_helped', beingHelpedAt: now },
  })
  return result.count
}

/** A logged visit fulfilled these wishes of its facility (others' ids and fulfilled wishes are left alone). */
export async function fulfilWishes(tx: Tx, input: { facilityId: string; visitId: string; wishIds: string[] }, now: Date) {
  if (input.wishIds.length === 0) return 0
  const result = await tx.residentWish.updateMany({
    where: { id: { in: input.wishIds.slice(0, 100) }, facilityId: input.facilityId, state: { in: [...OPEN_WISH_STATES] } },
    data: { state: 'fulfilled', fulfilledAt: now, fulfilledByVisitId: input.visitId },
  })
  return result.count
}

/** The wishes a logged visit may mark fulfilled: the facility's open ones. */
export function openWishesOf(facilityId: string) {
  return all(
    sql
      .selectFrom('ResidentWish')
      .select(['id', 'what', 'residentCount'])
      .where('facilityId', '=', facilityId)
      .where('state', 'in', [...OPEN_WISH_STATES])
      .orderBy('createdAt', 'asc')
      .limit(100),
  )
}

/** The wishes an ad answers, for the ad's page (staff and centre): what and how many, no one's identity. */
export function wishesOfAd(adId: string) {
  return all(
    sql
      .selectFrom('JobAdWish as l')
      .innerJoin('ResidentWish as w', 'w.id', 'l.wishId')
      .select(['w.id', 'w.what', 'w.residentCount', 'w.state'])
      .where('l.jobAdId', '=', adId)
      .orderBy('w.createdAt', 'asc'),
  ).map((wish) => ({ ...wish, state: wish.state as WishState }))
}

/** How many of the last visits the thanks looks at. */
export const THANKS_VISITS = 10

/**
 * The volunteer's thanks on their start page: of their last 10 done visits with the residents'
 * feedback, how many got a 😊; and how many residents their done visits helped in all. Null when
 * no visit has feedback yet (the start page then shows nothing).
 */
export function volunteerThanks(volunteerId: string) {
  const recent = all(
    sql
      .selectFrom('Visit')
      .select('residentFeedback')
      .where('volunteerId', '=', volunteerId)
      .where('status', '=', 'done')
      .where('residentFeedback', 'is not', null)
      .orderBy('startsAt', 'desc')
      .limit(THANKS_VISITS),
  )
  if (recent.length === 0) return null
  const helped = all(
    sql
      .selectFrom('Visit')
      .select((eb) => eb.fn.sum<number>('residentsHelped').as('total'))
      .where('volunteerId', '=', volunteerId)
      .where('status', '=', 'done'),
  )[0]
  return {
    smiles: recent.filter((row) => (row.residentFeedback as Feedback) === 'happy').length,
    visits: recent.length,
    residentsHelped: Number(helped?.total ?? 0),
  }
}
export type VolunteerThanks = NonNullable<ReturnType<typeof volunteerThanks>>

export type WishNeed = {
  municipalityId: string
  municipality: string
  task: Task
  /** Open wishes with this task in this municipality's facilities. */
  wishes: number
  /** Residents those wishes stand for. */
  residents: number
  /** Facilities with such a wish. */
  facilities: number
  /** Volunteers who could help: active, not paused, offering the task, living in or travelling to the municipality. */
  volunteers: number
}

/**
 * Where help is missing (the centre's wishes page, and reports): the open wishes of the
 * municipalities' active facilities by task and municipality, against the volunteers available
 * for that task there. Sorted with the most residents per available volunteer first — a need
 * with no volunteer at all comes before any other.
 */
export function wishNeeds(municipalityIds: string[]): WishNeed[] {
  if (municipalityIds.length === 0) return []
  const wishes = all(
    sql
      .selectFrom('ResidentWish as w')
      .innerJoin('Facility as f', 'f.id', 'w.facilityId')
      .innerJoin('Municipality as m', 'm.id', 'f.municipalityId')
      .select(['w.tasks', 'w.residentCount', 'w.facilityId', 'f.municipalityId', 'm.name as municipality'])
      .where('f.municipalityId', 'in', municipalityIds)
      .where('f.status', '=', 'active')
      .where('w.state', 'in', [...OPEN_WISH_STATES]),
  )
  if (wishes.length === 0) return []
  const needs = new Map<string, WishNeed & { facilityIds: Set<string> }>()
  for (const wish of wishes) {
    for (const task of parseTasks(wish.tasks)) {
      const key = `${wish.municipalityId} ${task}`
      let need = needs.get(key)
      if (!need) {
        need = { municipalityId: wish.municipalityId, municipality: wish.municipality, task, wishes: 0, residents: 0, facilities: 0, volunteers: 0, facilityIds: new Set() }
        needs.set(key, need)
      }
      need.wishes += 1
      need.residents += wish.residentCount
      need.facilityIds.add(wish.facilityId)
    }
  }
  const wantedMunicipalities = [...new Set([...needs.values()].map((need) => need.municipalityId))]
  // One row per volunteer, task and municipality they live in or travel to (UNION removes the
  // volunteer who both lives and travels there).
  const available = all(
    sql
      .selectFrom((db) =>
        db
          .selectFrom('VolunteerProfile as p')
          .innerJoin('User as u', 'u.id', 'p.userId')
          .innerJoin('VolunteerSkill as s', 's.profileId', 'p.id')
          .select(['p.id as profileId', 's.task', 'p.municipalityId'])
          .where('p.municipalityId', 'in', wantedMunicipalities)
          .where('p.pausedAt', 'is', null)
          .where('u.role', '=', 'volunteer')
          .where('u.deactivatedAt', 'is', null)
          .where('u.anonymizedAt', 'is', null)
          .union(
            db
              .selectFrom('VolunteerArea as a')
              .innerJoin('VolunteerProfile as p', 'p.id', 'a.profileId')
              .innerJoin('User as u', 'u.id', 'p.userId')
              .innerJoin('VolunteerSkill as s', 's.profileId', 'p.id')
              .select(['p.id as profileId', 's.task', 'a.municipalityId'])
              .where('a.municipalityId', 'in', wantedMunicipalities)
              .where('p.pausedAt', 'is', null)
              .where('u.role', '=', 'volunteer')
              .where('u.deactivatedAt', 'is', null)
              .where('u.anonymizedAt', 'is', null),
          )
          .as('v'),
      )
      .select(['v.task', 'v.municipalityId', (eb) => eb.fn.countAll<number>().as('volunteers')])
      .groupBy(['v.task', 'v.municipalityId']),
  )
  for (const row of available) {
    const need = needs.get(`${row.municipalityId} ${row.task}`)
    if (need) need.volunteers = Number(row.volunteers)
  }
  return [...needs.values()]
    .map(({ facilityIds, ...need }) => ({ ...need, facilities: facilityIds.size }))
    .sort(
      (a, b) =>
        Number(a.volunteers > 0) - Number(b.volunteers > 0) ||
        b.residents / Math.max(b.volunteers, 1) - a.residents / Math.max(a.volunteers, 1) ||
        a.municipality.localeCompare(b.municipality, 'da') ||
        TASKS.indexOf(a.task) - TASKS.indexOf(b.task),
    )
}

/** The open wishes of the municipalities' active facilities, for the centre's list (what and how many, never who). */
export function centreOpenWishes(municipalityIds: string[]) {
  if (municipalityIds.length === 0) return []
  return all(
    sql
      .selectFrom('ResidentWish as w')
      .innerJoin('Facility as f', 'f.id', 'w.facilityId')
      .innerJoin('Municipality as m', 'm.id', 'f.municipalityId')
      .select(['w.id', 'w.what', 'w.tasks', 'w.residentCount', 'w.state', 'f.name as facility', 'm.name as municipality'])
      .where('f.municipalityId', 'in', municipalityIds)
      .where('f.status', '=', 'active')
      .where('w.state', 'in', [...OPEN_WISH_STATES])
      .orderBy('m.name')
      .orderBy('f.name')
      .orderBy('w.createdAt')
      .limit(500),
  ).map((wish) => ({ ...wish, state: wish.state as WishState, tasks: parseTasks(wish.tasks) }))
}

export type OpenWish = ReturnType<typeof centreOpenWishes>[number]
