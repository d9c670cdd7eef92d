import { sql as raw } from 'kysely'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { all, first, sql } from '~/utils/sql.server'
import { copenhagenDate } from '~/utils/time'

/**
 * The volunteer's own record (issue 14): what they have given, from their logged visits. A visit
 * counts when it is done (logged with hours); "this year" is the Copenhagen calendar year of
 * `today`, by the visit's own date.
 */
export type FacilityRecord = {
  facilityId: string
  facility: string
  visitsThisYear: number
  hoursThisYear: number
  visitsAllTime: number
  hoursAllTime: number
  firstVisit: string
  lastVisit: string
}

export function volunteerRecord(volunteerId: string, today = copenhagenDate()) {
  const yearStart = `${today.slice(0, 4)}-01-01`
  const rows = all(
    sql
      .selectFrom('Visit as v')
      .innerJoin('Facility as f', 'f.id', 'v.facilityId')
      .where('v.volunteerId', '=', volunteerId)
      .where('v.status', '=', 'done')
      .groupBy('f.id')
      .select([
        'f.id as facilityId',
        'f.name as facility',
        raw<number>`sum(v."localDate" >= ${yearStart})`.as('visitsThisYear'),
        raw<number>`total(CASE WHEN v."localDate" >= ${yearStart} THEN v."hours" END)`.as('hoursThisYear'),
        raw<number>`count(*)`.as('visitsAllTime'),
        raw<number>`total(v."hours")`.as('hoursAllTime'),
        raw<string>`min(v."localDate")`.as('firstVisit'),
        raw<string>`max(v."localDate")`.as('lastVisit'),
      ]),
  )
  const facilities: FacilityRecord[] = rows
    .map((row) => ({ ...row, hoursThisYear: roundHours(row.hoursThisYear), hoursAllTime: roundHours(row.hoursAllTime) }))
    .sort((a, b) => b.hoursAllTime - a.hoursAllTime || a.facility.localeCompare(b.facility, 'da'))
  const sum = (key: 'visitsThisYear' | 'hoursThisYear' | 'visitsAllTime' | 'hoursAllTime') => roundHours(facilities.reduce((total, row) => total + row[key], 0))
  return {
    year: Number(today.slice(0, 4)),
    facilities,
    totals: { visitsThisYear: sum('visitsThisYear'), hoursThisYear: sum('hoursThisYear'), visitsAllTime: sum('visitsAllTime'), hoursAllTime: sum('hoursAllTime') },
  }
}

export function roundHours(hours: number) {
  return Math.round(hours * 100) / 100
}

/**
 * The statement (udtalelse) of a volunteer's work for a CV or a job application: per facility the
 * period, the hours and what they helped with (tasks from the logged visits, most frequent first),
 * and the centre's newest sign-off line.
 */
export async function volunteerStatement(volunteerId: string, today = copenhagenDate()) {
  const person = first(sql.selectFrom('User').where('id', '=', volunteerId).where('role', '=', 'volunteer').select(['id', 'name']))
  if (!person) return null
  const record = volunteerRecord(volunteerId, today)
  const tasks = all(
    sql
      .selectFrom('Visit as v')
      .innerJoin(raw<{ value: string }>`json_each(v."helpedWith")`.as('t'), (join) => join.onTrue())
      .where('v.volunteerId', '=', volunteerId)
      .where('v.status', '=', 'done')
      .groupBy(['v.facilityId', 't.value'])
      .select(['v.facilityId', raw<string>`t."value"`.as('task'), raw<number>`count(*)`.as('visits')])
      .orderBy('visits', 'desc')
      .orderBy('task'),
  )
  const signoff = await prisma.volunteerStatementSignoff.findFirst({
    where: { volunteerId },
    orderBy: { signedAt: 'desc' },
    select: { text: true, signerName: true, centreName: true, signedAt: true },
  })
  return {
    name: person.name,
    today,
    ...record,
    facilities: record.facilities.map((row) => ({ ...row, tasks: tasks.filter((task) => task.facilityId === row.facilityId).map((task) => task.task) })),
    signoff,
  }
}

/** The coordinator signs off the statement with a line of text; kept with who and when. The route checks 'statement:sign'. */
export async function signStatement(actor: { id: string; name: string; centreId: string | null }, volunteerId: string, text: string) {
  return prisma.$transaction(async (tx) => {
    const volunteer = await tx.user.findFirst({ where: { id: volunteerId, role: 'volunteer', anonymizedAt: null }, select: { id: true } })
    if (!volunteer) return { ok: false as const, reason: 'not-found' as const }
    const centre = actor.centreId ? await tx.centre.findUnique({ where: { id: actor.centreId }, select: { name: true } }) : null
    if (!centre) return { ok: false as const, reason: 'no-centre' as const }
    const signoff = await tx.volunteerStatementSignoff.create({
      data: { volunteerId, text, signedById: actor.id, signerName: actor.name, centreName: centre.name },
      select: { id: true },
    })
    await audit(tx, { actorId: actor.id, action: 'volunteer.statement_signed', entityType: 'User', entityId: volunteerId, data: { signoffId: signoff.id } })
    return { ok: true as const }
  })
}
