// A volunteer books a date of a facility's visit window.
import crypto from 'node:crypto'
import { facilityClosureOn, openForVisitsSql } from '~/models/facility-closure.server'
import { contactOfMatch, visitDetails } from '~/models/visit-details.server'
import { tellAboutVisit } from '~/models/visit-notice.server'
import { isWindowDate, windowTimes } from '~/models/visit-window.server'
import { audit } from '~/utils/audit.server'
import { prisma } from '~/utils/db.server'
import { sqliteInstant } from '~/utils/time'

export type BookResult = { ok: true; visitId: string } | { ok: false; reason: 'not-found' | 'no-match' | 'not-a-window-date' | 'closed' | 'past' | 'full' | 'overlap' }

/**
 * A volunteer books one date of a facility's visit window. The room check, the overlap check and
 * the insert are ONE SQL statement: SQLite runs one writer at a time, so however many volunteers
 * press "book" at once, a window date never gets more visits than its capacity, and nobody gets
 * two visits at the same time at any facility. The volunteer gets a confirmation and the match's
 * contact person (the ad's, else the leader) a notice, both with a calendar file.
 */
export async function bookWindowVisit(volunteerId: string, input: { windowId: string; localDate: string }, now = new Date()): Promise<BookResult> {
  const window = await prisma.visitWindow.findUnique({
    where: { id: input.windowId },
    select: { id: true, facilityId: true, weekday: true, startTime: true, endTime: true, validFrom: true, validTo: true, location: true, active: true },
  })
  if (!window || !window.active) return { ok: false, reason: 'not-found' }
  const match = await prisma.match.findFirst({ where: { volunteerId, facilityId: window.facilityId, status: 'active' }, select: { id: true }, orderBy: { approvedAt: 'asc' } })
  if (!match) return { ok: false, reason: 'no-match' }
  if (!isWindowDate(window, input.localDate)) return { ok: false, reason: 'not-a-window-date' }
  const times = windowTimes(window, input.localDate)
  if (!times) return { ok: false, reason: 'not-a-window-date' }
  if (times.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'past' }
  if (await facilityClosureOn(window.facilityId, input.localDate)) return { ok: false, reason: 'closed' }

  const id = `v${crypto.randomBytes(12).toString('hex')}`
  const starts = sqliteInstant(times.startsAt)
  const ends = sqliteInstant(times.endsAt)
  const stamp = sqliteInstant(now)
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "Visit" ("id", "matchId", "facilityId", "volunteerId", "windowId", "localDate", "startsAt", "endsAt", "location", "status", "helpedWith", "sequence", "createdAt", "updatedAt")
      SELECT ${id}, ${match.id}, ${window.facilityId}, ${volunteerId}, ${window.id}, ${input.localDate}, ${starts}, ${ends}, ${window.location}, 'planned', '[]', 0, ${stamp}, ${stamp}
      WHERE (SELECT count(*) FROM "Visit" WHERE "windowId" = ${window.id} AND "localDate" = ${input.localDate} AND "status" = 'planned')
              < (SELECT "capacity" FROM "VisitWindow" WHERE "id" = ${window.id} AND "active" = 1)
        AND NOT EXISTS (SELECT 1 FROM "Visit" WHERE "volunteerId" = ${volunteerId} AND "status" = 'planned' AND "startsAt" < ${ends} AND "endsAt" > ${starts})
        AND EXISTS (SELECT 1 FROM "Match" WHERE "id" = ${match.id} AND "status" = 'active')
        AND ${openForVisitsSql(window.facilityId, input.localDate)}`
    if (inserted !== 1) {
      if (await facilityClosureOn(window.facilityId, input.localDate, tx)) return { ok: false, reason: 'closed' } as const
      const overlapping = await tx.visit.count({ where: { volunteerId, status: 'planned', startsAt: { lt: times.endsAt }, endsAt: { gt: times.startsAt } } })
      if (overlapping > 0) return { ok: false, reason: 'overlap' } as const
      const stillActive = await tx.match.count({ where: { id: match.id, status: 'active' } })
      return { ok: false, reason: stillActive ? 'full' : 'no-match' } as const
    }
    const visit = await visitDetails(id, tx)
    if (!visit) throw new Error('booked visit vanished')
    await audit(tx, { actorId: volunteerId, action: 'visit.booked', entityType: 'Visit', entityId: id, data: { windowId: window.id, localDate: input.localDate } })
    const contact = contactOfMatch(visit.match)
    await tellAboutVisit(tx, 'booked', visit, [visit.volunteer, ...(contact ? [contact] : [])], { actorName: visit.volunteer.name, now })
    return { ok: true, visitId: id } as const
  })
}
