import { sql as raw } from 'kysely'
import { all, sql } from '~/utils/sql.server'
import { addDays, copenhagenDate, sqliteInstant, wallClockInstant } from '~/utils/time'
import { roundHours } from './volunteer-record.server'

/**
 * The facility's own figures (issue 14) for the 12 months up to today: visits by state, hours
 * given, and the check-in answers about its matches (average satisfaction 1–5, share who said
 * expectations are aligned), from both volunteers and contact persons; and the residents helped and
 * the visits where the residents gave 😊 (of those with their feedback).
 */
export function facilityFigures(facilityIds: string[], today = copenhagenDate()) {
  if (facilityIds.length === 0) return []
  const fromDate = addDays(today, -365)
  const start = sqliteInstant(wallClockInstant(fromDate, '00:00'))
  const end = sqliteInstant(wallClockInstant(addDays(today, 1), '00:00'))
  const visits = all(
    sql
      .selectFrom('Visit as v')
      .where('v.facilityId', 'in', facilityIds)
      .where('v.startsAt', '>=', start)
      .where('v.startsAt', '<', end)
      .groupBy('v.facilityId')
      .select([
        'v.facilityId',
        raw<number>`sum(v."status" = 'done')`.as('done'),
        raw<number>`sum(v."status" = 'cancelled')`.as('cancelled'),
        raw<number>`sum(v."status" = 'no_show')`.as('noShow'),
        raw<number>`total(CASE WHEN v."status" = 'done' THEN v."hours" END)`.as('hours'),
        raw<number>`count(DISTINCT CASE WHEN v."status" = 'done' THEN v."volunteerId" END)`.as('volunteers'),
        // The residents' side (issue 12): how many were helped, and their faces on the visit log.
        raw<number>`total(CASE WHEN v."status" = 'done' THEN v."residentsHelped" END)`.as('residentsHelped'),
        raw<number>`sum(v."status" = 'done' AND v."residentFeedback" IS NOT NULL)`.as('withFeedback'),
        raw<number>`sum(v."status" = 'done' AND v."residentFeedback" = 'happy')`.as('withSmile'),
      ]),
  )
  const answers = all(
    sql
      .selectFrom('Match as m')
      .innerJoin('FollowUp as u', 'u.matchId', 'm.id')
      .innerJoin('FollowUpResponse as r', 'r.followUpId', 'u.id')
      .where('m.facilityId', 'in', facilityIds)
      .where('r.answeredAt', '>=', start)
      .where('r.answeredAt', '<', end)
      .groupBy('m.facilityId')
      .select([
        'm.facilityId',
        raw<number>`count(*)`.as('answers'),
        raw<number | null>`avg(r."satisfaction")`.as('satisfaction'),
        raw<number | null>`avg(r."expectationsAligned")`.as('aligned'),
      ]),
  )
  return facilityIds.map((facilityId) => {
    const v = visits.find((row) => row.facilityId === facilityId)
    const a = answers.find((row) => row.facilityId === facilityId)
    return {
      facilityId,
      from: fromDate,
      to: today,
      visitsDone: v?.done ?? 0,
      visitsCancelled: v?.cancelled ?? 0,
      visitsNoShow: v?.noShow ?? 0,
      hours: roundHours(v?.hours ?? 0),
      volunteers: v?.volunteers ?? 0,
      residentsHelped: v?.residentsHelped ?? 0,
      visitsWithFeedback: v?.withFeedback ?? 0,
      visitsWithSmile: v?.withSmile ?? 0,
      checkInAnswers: a?.answers ?? 0,
      satisfactionAverage: a?.satisfaction == null ? null : Math.round(a.satisfaction * 10) / 10,
      alignedShare: a?.aligned == null ? null : a.aligned,
    }
  })
}
