import { sql as raw, type Expression, type SqlBool } from 'kysely'
import {
  AGE_BANDS,
  RETENTION_MONTHS,
  SHARED_REASON_MIN,
  type AgeBand,
  type Count,
  type Report,
  type ReportFacility,
  type ReportFigures,
  type RetentionMonths,
} from '~/utils/report'
import { all, sql } from '~/utils/sql.server'
import { addDays, sqliteInstant, wallClockInstant } from '~/utils/time'

/**
 * The results report (issue 14): what the programme did in a period, for the municipalities a
 * centre covers. Every figure is a count, a sum, an average or a median over the facilities of
 * those municipalities; nothing names a volunteer.
 *
 * The period is Copenhagen dates `from`–`to`, both included: instants from 00:00 on `from` to
 * 00:00 the day after `to`. Each figure below says what it counts; in short:
 * - facilities taking part: active now and approved before the period ended (a facility set
 *   inactive since is not counted: no date of deactivation is kept); new: approved in the period;
 * - ads published, applications received, matches made (approved), declined and withdrawn: the
 *   event happened in the period;
 * - median days to decision: applications matched or declined in the period, from sending to the
 *   decision; median days to first visit: matches approved in the period that had a visit done
 *   before the period ended, from approval to the start of that visit. Elapsed days, one decimal;
 * - active, paused, ended: matches as they stood when the period ended (paused as far as known:
 *   only a current pause has a date) and matches ended in the period, with their reasons as far as
 *   several matches share the same words (see Report['endReasons']);
 * - still active after N months: see `retention` below;
 * - visits planned, done, cancelled (of them late), no-show: visits starting in the period, by their
 *   state now; hours: the hours logged on the done ones; tasks: done visits per task helped with;
 * - residents reached: the residents helped as logged on the done visits; share with a smile: of
 *   the done visits with the residents' feedback, those where they gave a 😊 (issue 12);
 * - check-in answers: answers given in the period, satisfaction 1–5 averaged, aligned as a share;
 * - follow-up meetings: meetings the centre recorded as held on a date in the period;
 * - volunteers: those with a match at the facility that was approved before the period ended and
 *   not ended before it began, by home municipality, age band and employer.
 *
 * The reads are grouped SQL over the facilities' indexes (Visit and Match by facility, Application
 * and JobAd by ad) through the typed read connection; a handful of statements whatever the size.
 */
export function resultsReport(input: { municipalityIds: string[]; from: string; to: string }): Report {
  const { municipalityIds, from, to } = input
  const start = sqliteInstant(wallClockInstant(from, '00:00'))
  const endInstant = wallClockInstant(addDays(to, 1), '00:00')
  const end = sqliteInstant(endInstant)
  const range = { start, end }
  if (municipalityIds.length === 0) return emptyReport(from, to)

  const facilities = facilityRows(municipalityIds, range)
  const figures = new Map<string, ReportFigures>()
  const figuresOf = (facilityId: string) => {
    let row = figures.get(facilityId)
    if (!row) figures.set(facilityId, (row = emptyFigures()))
    return row
  }

  for (const row of adCounts(municipalityIds, range)) figuresOf(row.facilityId).adsPublished = row.published
  for (const row of applicationCounts(municipalityIds, range)) Object.assign(figuresOf(row.facilityId), { applications: row.received, declined: row.declined, withdrawn: row.withdrawn })
  for (const row of matchCounts(municipalityIds, range)) {
    Object.assign(figuresOf(row.facilityId), { matchesMade: row.made, activeMatches: row.active, pausedMatches: row.paused, endedMatches: row.ended })
    figuresOf(row.facilityId).retention = RETENTION_MONTHS.map((months) => ({ months, eligible: row[`eligible${months}`], kept: row[`kept${months}`] }))
  }
  for (const row of visitCounts(municipalityIds, range)) {
    Object.assign(figuresOf(row.facilityId), {
      visitsPlanned: row.planned,
      visitsDone: row.done,
      visitsCancelled: row.cancelled,
      visitsCancelledLate: row.late,
      visitsNoShow: row.noShow,
      hours: roundHours(row.hours),
      residentsReached: row.reached,
      visitsWithFeedback: row.withFeedback,
      visitsWithSmile: row.smiles,
      smileShare: smileShare(row.smiles, row.withFeedback),
    })
  }
  const answers = checkInSums(municipalityIds, range)
  for (const [facilityId, sums] of groupSums(answers, (row) => row.facilityId)) Object.assign(figuresOf(facilityId), answerFigures(sums))

  for (const row of meetingCounts(municipalityIds, from, to)) figuresOf(row.facilityId).followUpMeetings = row.meetings

  const decisionMedians = medianDays(municipalityIds, range, 'decision')
  const firstVisitMedians = medianDays(municipalityIds, range, 'first-visit')
  const volunteerCounts = volunteerCountsByFacility(municipalityIds, range)
  const keyed = (rows: { key: string; value: number }[], key: string) => rows.find((row) => row.key === key)?.value ?? null

  // A facility has a row when it takes part or has anything to show for the period.
  const rows: ReportFacility[] = facilities
    .filter((f) => f.takingPart === 1 || figures.has(f.id) || keyed(volunteerCounts, f.id) !== null)
    .map((f) => ({
      id: f.id,
      name: f.name,
      municipality: f.municipality,
      takingPart: f.takingPart === 1,
      isNew: f.isNew === 1,
      figures: {
        ...(figures.get(f.id) ?? emptyFigures()),
        medianDaysToDecision: roundDays(keyed(decisionMedians, f.id)),
        medianDaysToFirstVisit: roundDays(keyed(firstVisitMedians, f.id)),
        volunteers: keyed(volunteerCounts, f.id) ?? 0,
      },
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))

  const totals = sumFigures([...figures.values()])
  Object.assign(totals, answerFigures(sumAnswers(answers)), {
    medianDaysToDecision: roundDays(keyed(decisionMedians, '')),
    medianDaysToFirstVisit: roundDays(keyed(firstVisitMedians, '')),
    volunteers: keyed(volunteerCounts, '') ?? 0,
  })

  const people = volunteerBreakdown(municipalityIds, range, Number(to.slice(0, 4)))
  return {
    from,
    to,
    facilitiesTakingPart: facilities.filter((f) => f.takingPart === 1).length,
    facilitiesNew: facilities.filter((f) => f.isNew === 1).length,
    totals,
    facilities: rows,
    endReasons: endReasons(municipalityIds, range),
    tasks: taskCounts(municipalityIds, range),
    checkInsByRole: (['volunteer', 'contact_person'] as const).map((role) => {
      const sums = sumAnswers(answers.filter((row) => row.role === role))
      const { checkInAnswers, satisfactionAverage, alignedShare } = answerFigures(sums)
      return { role, answers: checkInAnswers, satisfactionAverage, alignedShare }
    }),
    volunteersByMunicipality: fold(people, (row) => row.municipality ?? ''),
    volunteersByAgeBand: AGE_BANDS.map((band) => ({ key: band, count: people.filter((row) => row.ageBand === band).reduce((sum, row) => sum + row.volunteers, 0) })),
    volunteersByEmployer: fold(people, (row) => row.employer ?? ''),
  }
}

type Range = { start: string; end: string }

/** 1 when an instant column lies in the period, else 0 (SQLite compares the stored text). */
function inRange(column: string, range: Range) {
  return raw<number>`(${raw.ref(column)} >= ${range.start} AND ${raw.ref(column)} < ${range.end})`
}

function facilityRows(municipalityIds: string[], range: Range) {
  return all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('f.status', '!=', 'pending')
      .select([
        'f.id',
        'f.name',
        'mu.name as municipality',
        // Facilities approved before approvals were dated count from when they were created.
        raw<number>`(f."status" = 'active' AND coalesce(f."approvedAt", f."createdAt") < ${range.end})`.as('takingPart'),
        raw<number>`(f."status" = 'active' AND ${inRange('f.approvedAt', range)})`.as('isNew'),
      ]),
  )
}

function adCounts(municipalityIds: string[], range: Range) {
  return all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('JobAd as j', 'j.facilityId', 'f.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('j.publishedAt', '>=', range.start)
      .where('j.publishedAt', '<', range.end)
      .groupBy('f.id')
      .select(['f.id as facilityId', raw<number>`count(*)`.as('published')]),
  )
}

function applicationCounts(municipalityIds: string[], range: Range) {
  return all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('JobAd as j', 'j.facilityId', 'f.id')
      .innerJoin('Application as a', 'a.jobAdId', 'j.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where((eb) =>
        eb.or([
          eb.and([eb('a.createdAt', '>=', range.start), eb('a.createdAt', '<', range.end)]),
          eb.and([eb('a.decidedAt', '>=', range.start), eb('a.decidedAt', '<', range.end)]),
        ]),
      )
      .groupBy('f.id')
      .select([
        'f.id as facilityId',
        raw<number>`sum(${inRange('a.createdAt', range)})`.as('received'),
        raw<number>`sum(a."status" = 'declined' AND ${inRange('a.decidedAt', range)})`.as('declined'),
        raw<number>`sum(a."status" = 'withdrawn' AND ${inRange('a.decidedAt', range)})`.as('withdrawn'),
      ]),
  )
}

/**
 * Retention, "still active after N months": of the matches approved at least N months before the
 * period ended (at any time, not only in the period — a year's report would otherwise have no
 * match old enough for 12 months), the share not ended within N months of their approval. A
 * paused match has not ended and counts as still active. Months are SQLite's calendar months in
 * UTC (`julianday(approvedAt, '+N months')`; 31 January + 1 month is 3 March), the same arithmetic
 * for both halves, so the figure for a closed period never changes later.
 */
function matchCounts(municipalityIds: string[], range: Range) {
  const stillOpenAtEnd = raw<number>`(m."endedAt" IS NULL OR m."endedAt" >= ${range.end})`
  const pausedAtEnd = raw<number>`(m."status" = 'paused' AND m."pausedAt" < ${range.end})`
  const retention = RETENTION_MONTHS.flatMap((months) => {
    const after = `+${months} months`
    const eligible = raw<number>`(julianday(m."approvedAt", ${after}) <= julianday(${range.end}))`
    return [
      raw<number>`sum(${eligible})`.as(`eligible${months}`),
      raw<number>`sum(${eligible} AND (m."endedAt" IS NULL OR julianday(m."endedAt") >= julianday(m."approvedAt", ${after})))`.as(`kept${months}`),
    ]
  })
  const rows = all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Match as m', 'm.facilityId', 'f.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('m.approvedAt', 'is not', null)
      .where('m.approvedAt', '<', range.end)
      .groupBy('f.id')
      .select([
        'f.id as facilityId',
        raw<number>`sum(m."approvedAt" >= ${range.start})`.as('made'),
        raw<number>`sum(${stillOpenAtEnd} AND NOT ${pausedAtEnd})`.as('active'),
        raw<number>`sum(${stillOpenAtEnd} AND ${pausedAtEnd})`.as('paused'),
        raw<number>`sum(${inRange('m.endedAt', range)})`.as('ended'),
        ...retention,
      ]),
  )
  return rows as (Omit<(typeof rows)[number], `eligible${RetentionMonths}` | `kept${RetentionMonths}`> & Record<`${'eligible' | 'kept'}${RetentionMonths}`, number>)[]
}

function visitCounts(municipalityIds: string[], range: Range) {
  return all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Visit as v', 'v.facilityId', 'f.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('v.startsAt', '>=', range.start)
      .where('v.startsAt', '<', range.end)
      .groupBy('f.id')
      .select([
        'f.id as facilityId',
        raw<number>`sum(v."status" = 'planned')`.as('planned'),
        raw<number>`sum(v."status" = 'done')`.as('done'),
        raw<number>`sum(v."status" = 'cancelled')`.as('cancelled'),
        raw<number>`sum(v."status" = 'cancelled' AND v."lateCancellation" = 1)`.as('late'),
        raw<number>`sum(v."status" = 'no_show')`.as('noShow'),
        raw<number>`total(CASE WHEN v."status" = 'done' THEN v."hours" END)`.as('hours'),
        raw<number>`coalesce(sum(CASE WHEN v."status" = 'done' THEN v."residentsHelped" END), 0)`.as('reached'),
        raw<number>`sum(v."status" = 'done' AND v."residentFeedback" IS NOT NULL)`.as('withFeedback'),
        raw<number>`sum(v."status" = 'done' AND v."residentFeedback" = 'happy')`.as('smiles'),
      ]),
  )
}

/** Done visits in the period per task helped with, most first. */
function taskCounts(municipalityIds: string[], range: Range): Count[] {
  return all(
    sql
      // From the facilities by (facilityId, startsAt), not every done visit in the country by
      // (status, startsAt): CROSS JOIN fixes the order, the unary + keeps the status index out.
      .selectFrom('Facility as f')
      .crossJoin('Visit as v')
      .innerJoin(raw<{ value: string }>`json_each(v."helpedWith")`.as('t'), (join) => join.onTrue())
      .whereRef('v.facilityId', '=', 'f.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('v.startsAt', '>=', range.start)
      .where('v.startsAt', '<', range.end)
      .where(raw<SqlBool>`+v."status" = 'done'` as Expression<SqlBool>)
      .groupBy('t.value')
      .select([raw<string>`t."value"`.as('key'), raw<number>`count(*)`.as('count')])
      .orderBy('count', 'desc')
      .orderBy('key'),
  )
}

function endReasons(municipalityIds: string[], range: Range): Report['endReasons'] {
  const reasons = all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Match as m', 'm.facilityId', 'f.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('m.endedAt', '>=', range.start)
      .where('m.endedAt', '<', range.end)
      .select([raw<string>`coalesce(trim(m."endReason"), '')`.as('key'), raw<number>`count(*)`.as('count')])
      .groupBy('key')
      .orderBy('count', 'desc')
      .orderBy('key'),
  )
  const written = reasons.filter((reason) => reason.key !== '')
  return {
    shared: written.filter((reason) => reason.count >= SHARED_REASON_MIN),
    other: written.filter((reason) => reason.count < SHARED_REASON_MIN).reduce((sum, reason) => sum + reason.count, 0),
    none: reasons.find((reason) => reason.key === '')?.count ?? 0,
  }
}

function meetingCounts(municipalityIds: string[], from: string, to: string) {
  return all(
    sql
      .selectFrom('Facility as f')
      .crossJoin('Match as m')
      .crossJoin('FollowUpMeeting as g')
      .whereRef('m.facilityId', '=', 'f.id')
      .whereRef('g.matchId', '=', 'm.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('g.heldOn', '>=', from)
      .where('g.heldOn', '<=', to)
      .groupBy('f.id')
      .select(['f.id as facilityId', raw<number>`count(*)`.as('meetings')]),
  )
}

type AnswerSums = { answers: number; satisfactionSum: number; satisfactionCount: number; aligned: number; alignedCount: number }

function checkInSums(municipalityIds: string[], range: Range) {
  return all(
    sql
      // CROSS JOIN keeps SQLite to the order written, from the centre's facilities down their
      // indexes, rather than every answer in the country by date.
      .selectFrom('Facility as f')
      .crossJoin('Match as m')
      .crossJoin('FollowUp as u')
      .crossJoin('FollowUpResponse as r')
      .whereRef('m.facilityId', '=', 'f.id')
      .whereRef('u.matchId', '=', 'm.id')
      .whereRef('r.followUpId', '=', 'u.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('r.answeredAt', '>=', range.start)
      .where('r.answeredAt', '<', range.end)
      .groupBy(['f.id', 'r.respondentRole'])
      .select([
        'f.id as facilityId',
        'r.respondentRole as role',
        raw<number>`count(*)`.as('answers'),
        raw<number>`total(r."satisfaction")`.as('satisfactionSum'),
        raw<number>`count(r."satisfaction")`.as('satisfactionCount'),
        raw<number>`total(r."expectationsAligned")`.as('aligned'),
        raw<number>`count(r."expectationsAligned")`.as('alignedCount'),
      ]),
  )
}

function sumAnswers(rows: AnswerSums[]): AnswerSums {
  const sums = { answers: 0, satisfactionSum: 0, satisfactionCount: 0, aligned: 0, alignedCount: 0 }
  for (const row of rows) for (const key of Object.keys(sums) as (keyof AnswerSums)[]) sums[key] += row[key]
  return sums
}

function groupSums<T extends AnswerSums>(rows: T[], keyOf: (row: T) => string) {
  const groups = new Map<string, T[]>()
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row])
  return [...groups].map(([key, group]) => [key, sumAnswers(group)] as const)
}

function answerFigures(sums: AnswerSums) {
  return {
    checkInAnswers: sums.answers,
    satisfactionAverage: sums.satisfactionCount > 0 ? Math.round((sums.satisfactionSum / sums.satisfactionCount) * 10) / 10 : null,
    alignedShare: sums.alignedCount > 0 ? sums.aligned / sums.alignedCount : null,
  }
}

/**
 * Median elapsed days per facility and over all of them (key ''), in one statement: each
 * interval is counted once under its facility and once under '', and the median is the middle
 * row (the mean of the two middle rows for an even count) of each key's ordered intervals.
 */
function medianDays(municipalityIds: string[], range: Range, kind: 'decision' | 'first-visit') {
  const intervals =
    kind === 'decision'
      ? sql
          .selectFrom('Facility as f')
          .crossJoin('JobAd as j')
          .crossJoin('Application as a')
          .whereRef('j.facilityId', '=', 'f.id')
          .whereRef('a.jobAdId', '=', 'j.id')
          .where('f.municipalityId', 'in', municipalityIds)
          .where('a.status', 'in', ['matched', 'declined'])
          .where('a.decidedAt', '>=', range.start)
          .where('a.decidedAt', '<', range.end)
          .select(['f.id as facilityId', raw<number>`julianday(a."decidedAt") - julianday(a."createdAt")`.as('days')])
      : sql
          .selectFrom('Facility as f')
          .innerJoin('Match as m', 'm.facilityId', 'f.id')
          .where('f.municipalityId', 'in', municipalityIds)
          .where('m.approvedAt', '>=', range.start)
          .where('m.approvedAt', '<', range.end)
          .select((eb) => [
            'f.id as facilityId',
            raw<number>`julianday(${eb
              .selectFrom('Visit as v')
              // By volunteer and time, the (volunteerId, startsAt) index (Visit has none on matchId);
              // the unary + keeps SQLite from the (status, startsAt) index, all done visits in the country.
              .whereRef('v.volunteerId', '=', 'm.volunteerId')
              .whereRef('v.startsAt', '>=', 'm.approvedAt')
              .where('v.startsAt', '<', range.end)
              .whereRef('v.matchId', '=', 'm.id')
              .where(raw<SqlBool>`+v."status" = 'done'` as Expression<SqlBool>)
              .select(raw<string>`min(v."startsAt")`.as('first'))}) - julianday(m."approvedAt")`.as('days'),
          ])
  return all(
    sql
      .with((cte) => cte('spans').materialized(), () => intervals)
      .with('keyed', (db) =>
        db
          .selectFrom('spans')
          .where('spans.days', 'is not', null)
          .select(['spans.facilityId as key', 'spans.days'])
          .unionAll(db.selectFrom('spans').where('spans.days', 'is not', null).select([raw<string>`''`.as('key'), 'spans.days'])),
      )
      .with('ranked', (db) =>
        db
          .selectFrom('keyed')
          .select([
            'keyed.key',
            'keyed.days',
            raw<number>`row_number() OVER (PARTITION BY keyed."key" ORDER BY keyed."days")`.as('n'),
            raw<number>`count(*) OVER (PARTITION BY keyed."key")`.as('total'),
          ]),
      )
      .selectFrom('ranked')
      .where(raw<SqlBool>`ranked."n" IN ((ranked."total" + 1) / 2, (ranked."total" + 2) / 2)` as Expression<SqlBool>)
      .groupBy('ranked.key')
      .select(['ranked.key', raw<number>`avg(ranked."days")`.as('value')]),
  )
}

/** The volunteers of the period (see the file's comment) as the matches that make them so. */
function periodMatches(municipalityIds: string[], range: Range) {
  return sql
    .selectFrom('Facility as f')
    .innerJoin('Match as m', 'm.facilityId', 'f.id')
    .where('f.municipalityId', 'in', municipalityIds)
    .where('m.approvedAt', 'is not', null)
    .where('m.approvedAt', '<', range.end)
    .where((eb) => eb.or([eb('m.endedAt', 'is', null), eb('m.endedAt', '>=', range.start)]))
}

/** Distinct volunteers per facility and over all facilities (key ''): one person at two facilities counts once in the total. */
function volunteerCountsByFacility(municipalityIds: string[], range: Range) {
  const matches = periodMatches(municipalityIds, range)
  return all(
    matches
      .groupBy('f.id')
      .select(['f.id as key', raw<number>`count(DISTINCT m."volunteerId")`.as('value')])
      .unionAll(
        periodMatches(municipalityIds, range).select([raw<string>`''`.as('key'), raw<number>`count(DISTINCT m."volunteerId")`.as('value')]),
      ),
  )
}

/** The period's distinct volunteers counted by home municipality × age band × employer; the report folds it three ways. */
function volunteerBreakdown(municipalityIds: string[], range: Range, year: number) {
  const age = raw<number>`(${year} - p."birthYear")`
  const band = raw<AgeBand>`CASE
      WHEN p."birthYear" IS NULL OR ${age} < 10 OR ${age} > 110 THEN 'unknown'
      WHEN ${age} < 30 THEN 'under_30'
      WHEN ${age} < 50 THEN '30_49'
      WHEN ${age} < 65 THEN '50_64'
      WHEN ${age} < 75 THEN '65_74'
      ELSE '75_plus' END`
  return all(
    sql
      .with('people', () => periodMatches(municipalityIds, range).select('m.volunteerId').distinct())
      .selectFrom('people')
      .leftJoin('VolunteerProfile as p', 'p.userId', 'people.volunteerId')
      .leftJoin('Municipality as home', 'home.id', 'p.municipalityId')
      .select([
        'home.name as municipality',
        band.as('ageBand'),
        raw<string | null>`nullif(trim(p."employer"), '')`.as('employer'),
        raw<number>`count(*)`.as('volunteers'),
      ])
      .groupBy(['municipality', 'ageBand', 'employer']),
  )
}

function fold<T extends { volunteers: number }>(rows: T[], keyOf: (row: T) => string): Count[] {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + row.volunteers)
  // Most first; "unknown" ('') last.
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : b.count - a.count || a.key.localeCompare(b.key, 'da'))
}

function emptyFigures(): ReportFigures {
  return {
    adsPublished: 0,
    applications: 0,
    matchesMade: 0,
    declined: 0,
    withdrawn: 0,
    medianDaysToDecision: null,
    medianDaysToFirstVisit: null,
    activeMatches: 0,
    pausedMatches: 0,
    endedMatches: 0,
    retention: RETENTION_MONTHS.map((months) => ({ months, eligible: 0, kept: 0 })),
    visitsPlanned: 0,
    visitsDone: 0,
    visitsCancelled: 0,
    visitsCancelledLate: 0,
    visitsNoShow: 0,
    hours: 0,
    checkInAnswers: 0,
    satisfactionAverage: null,
    alignedShare: null,
    followUpMeetings: 0,
    volunteers: 0,
    residentsReached: 0,
    visitsWithFeedback: 0,
    visitsWithSmile: 0,
    smileShare: null,
  }
}

const SUMMED = [
  'adsPublished',
  'applications',
  'matchesMade',
  'declined',
  'withdrawn',
  'activeMatches',
  'pausedMatches',
  'endedMatches',
  'visitsPlanned',
  'visitsDone',
  'visitsCancelled',
  'visitsCancelledLate',
  'visitsNoShow',
  'hours',
  'followUpMeetings',
  'residentsReached',
  'visitsWithFeedback',
  'visitsWithSmile',
] as const

/** The counts of every facility added up; averages, medians and distinct people are set by the caller. */
function sumFigures(rows: ReportFigures[]): ReportFigures {
  const totals = emptyFigures()
  for (const row of rows) {
    for (const key of SUMMED) totals[key] += row[key]
    for (const r of totals.retention) {
      const own = row.retention.find((x) => x.months === r.months)!
      r.eligible += own.eligible
      r.kept += own.kept
    }
  }
  totals.hours = roundHours(totals.hours)
  totals.smileShare = smileShare(totals.visitsWithSmile, totals.visitsWithFeedback)
  return totals
}

function smileShare(smiles: number, withFeedback: number) {
  return withFeedback > 0 ? smiles / withFeedback : null
}

function roundHours(hours: number) {
  return Math.round(hours * 100) / 100
}

function roundDays(days: number | null) {
  return days === null ? null : Math.round(days * 10) / 10
}

function emptyReport(from: string, to: string): Report {
  return {
    from,
    to,
    facilitiesTakingPart: 0,
    facilitiesNew: 0,
    totals: emptyFigures(),
    facilities: [],
    endReasons: { shared: [], other: 0, none: 0 },
    tasks: [],
    checkInsByRole: [
      { role: 'volunteer', answers: 0, satisfactionAverage: null, alignedShare: null },
      { role: 'contact_person', answers: 0, satisfactionAverage: null, alignedShare: null },
    ],
    volunteersByMunicipality: [],
    volunteersByAgeBand: AGE_BANDS.map((key) => ({ key, count: 0 })),
    volunteersByEmployer: [],
  }
}

/** The names of a centre's municipalities, for the report's filter. */
export function municipalityNames(municipalityIds: string[]) {
  if (municipalityIds.length === 0) return []
  return all(sql.selectFrom('Municipality').where('id', 'in', municipalityIds).select(['id', 'name'])).sort((a, b) => a.name.localeCompare(b.name, 'da'))
}
