// The results report's shape and columns, shared by the page, the CSV and the model, so the
// facility table on the page and the CSV's columns cannot drift apart.
import { copenhagenDate, isLocalDate } from './time'

/** How long after approval a match is checked for still being active (issue 14). */
export const RETENTION_MONTHS = [3, 6, 12] as const
export type RetentionMonths = (typeof RETENTION_MONTHS)[number]

/** How many matches must share an end reason's exact words before the report shows them. */
export const SHARED_REASON_MIN = 2

/** Age bands by the age a volunteer turns in the year the period ends; volunteers do not give a birth date. */
export const AGE_BANDS = ['under_30', '30_49', '50_64', '65_74', '75_plus', 'unknown'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** The figures of one facility, or of every facility in the report together. */
export type ReportFigures = {
  adsPublished: number
  applications: number
  matchesMade: number
  declined: number
  withdrawn: number
  /** Median days from application to the centre's decision (matched or declined); null without decisions. */
  medianDaysToDecision: number | null
  /** Median days from a match's approval to its first visit that took place; null without any. */
  medianDaysToFirstVisit: number | null
  activeMatches: number
  pausedMatches: number
  endedMatches: number
  /** Per RETENTION_MONTHS: matches old enough to count, and of them those not ended by then. */
  retention: { months: RetentionMonths; eligible: number; kept: number }[]
  visitsPlanned: number
  visitsDone: number
  visitsCancelled: number
  visitsCancelledLate: number
  visitsNoShow: number
  hours: number
  checkInAnswers: number
  satisfactionAverage: number | null
  /** Share (0–1) of answers saying expectations are aligned, of those that answered the question. */
  alignedShare: number | null
  /** Follow-up meetings the centre recorded as held in the period (after a flagged check-in, or otherwise). */
  followUpMeetings: number
  /** Volunteers with a match here that was approved and not ended at some time in the period. */
  volunteers: number
  /** Residents helped, as logged on the done visits (a number per visit, never who; issue 12). */
  residentsReached: number
  /** Done visits with the residents' feedback, and of them those with a 😊. */
  visitsWithFeedback: number
  visitsWithSmile: number
  /** Share (0–1) of done visits with feedback where the residents gave a 😊; null without feedback. */
  smileShare: number | null
}

export type ReportFacility = { id: string; name: string; municipality: string; isNew: boolean; takingPart: boolean; figures: ReportFigures }
export type Count<K extends string = string> = { key: K; count: number }

export type Report = {
  from: string
  to: string
  facilitiesTakingPart: number
  facilitiesNew: number
  totals: ReportFigures
  facilities: ReportFacility[]
  /**
   * Why matches ended in the period. The reason is free text the coordinator wrote, and a text
   * written once can tell who it was about ("Jens moved to Aarhus"), so only reasons written the
   * same way (trimmed) for at least SHARED_REASON_MIN matches are shown; the rest are counted.
   */
  endReasons: { shared: Count[]; other: number; none: number }
  /** Visits done in the period, per task helped with (a visit can count under several). */
  tasks: Count[]
  checkInsByRole: { role: 'volunteer' | 'contact_person'; answers: number; satisfactionAverage: number | null; alignedShare: number | null }[]
  /** Volunteers of the period by home municipality (key '' when unknown). */
  volunteersByMunicipality: Count[]
  volunteersByAgeBand: Count<AgeBand>[]
  /** By employer as written in profiles (CSR volunteering); key '' for none given. */
  volunteersByEmployer: Count[]
}

/** Share (0–1) of matches still active after some months, or null when none are old enough. */
export function retentionShare(figures: ReportFigures, months: RetentionMonths) {
  const row = figures.retention.find((r) => r.months === months)
  return row && row.eligible > 0 ? row.kept / row.eligible : null
}

type Column = { key: string; value: (figures: ReportFigures) => number | null; decimals: number; percent?: boolean }

/** The per-facility columns, in the order the page's table and the CSV show them. Labels: `report:column.<key>`. */
export const FIGURE_COLUMNS: Column[] = [
  { key: 'adsPublished', value: (f) => f.adsPublished, decimals: 0 },
  { key: 'applications', value: (f) => f.applications, decimals: 0 },
  { key: 'matchesMade', value: (f) => f.matchesMade, decimals: 0 },
  { key: 'declined', value: (f) => f.declined, decimals: 0 },
  { key: 'withdrawn', value: (f) => f.withdrawn, decimals: 0 },
  { key: 'medianDaysToDecision', value: (f) => f.medianDaysToDecision, decimals: 1 },
  { key: 'medianDaysToFirstVisit', value: (f) => f.medianDaysToFirstVisit, decimals: 1 },
  { key: 'activeMatches', value: (f) => f.activeMatches, decimals: 0 },
  { key: 'pausedMatches', value: (f) => f.pausedMatches, decimals: 0 },
  { key: 'endedMatches', value: (f) => f.endedMatches, decimals: 0 },
  ...RETENTION_MONTHS.map((months) => ({ key: `retention${months}`, value: (f: ReportFigures) => retentionShare(f, months), decimals: 0, percent: true })),
  { key: 'visitsPlanned', value: (f) => f.visitsPlanned, decimals: 0 },
  { key: 'visitsDone', value: (f) => f.visitsDone, decimals: 0 },
  { key: 'visitsCancelled', value: (f) => f.visitsCancelled, decimals: 0 },
  { key: 'visitsCancelledLate', value: (f) => f.visitsCancelledLate, decimals: 0 },
  { key: 'visitsNoShow', value: (f) => f.visitsNoShow, decimals: 0 },
  { key: 'hours', value: (f) => f.hours, decimals: 2 },
  { key: 'checkInAnswers', value: (f) => f.checkInAnswers, decimals: 0 },
  { key: 'satisfactionAverage', value: (f) => f.satisfactionAverage, decimals: 1 },
  { key: 'alignedShare', value: (f) => f.alignedShare, decimals: 0, percent: true },
  { key: 'followUpMeetings', value: (f) => f.followUpMeetings, decimals: 0 },
  { key: 'volunteers', value: (f) => f.volunteers, decimals: 0 },
  { key: 'residentsReached', value: (f) => f.residentsReached, decimals: 0 },
  { key: 'smileShare', value: (f) => f.smileShare, decimals: 0, percent: true },
]

/** A column's value as the report shows it: rounded, shares as whole percents; null stays null. */
export function columnValue(column: Column, figures: ReportFigures) {
  const value = column.value(figures)
  if (value === null) return null
  const scaled = column.percent ? value * 100 : value
  const factor = 10 ** column.decimals
  return Math.round(scaled * factor) / factor
}

/** Years a report period may start and end in; outside them a date is not a report period but a typing error. */
const FIRST_YEAR = 2000
const LAST_YEAR = 2100

export type ReportPeriod = { from: string; to: string; adjusted: boolean; backwards: boolean }

/**
 * The period of a report from the query: `from` and `to` as Copenhagen dates, both included.
 * Missing or impossible dates fall back to this year so far (1 January – today in Copenhagen),
 * and `adjusted` says so; `to` before `from` is kept and marked `backwards`, for the page to say.
 */
export function reportPeriod(fromValue: string | null, toValue: string | null, today = copenhagenDate()): ReportPeriod {
  const usable = (value: string | null) => {
    if (value === null || !isLocalDate(value)) return null
    const year = Number(value.slice(0, 4))
    return year >= FIRST_YEAR && year <= LAST_YEAR ? value : null
  }
  const from = usable(fromValue)
  const to = usable(toValue)
  const adjusted = (fromValue !== null && fromValue !== '' && from === null) || (toValue !== null && toValue !== '' && to === null)
  const period = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today }
  return { ...period, adjusted, backwards: period.to < period.from }
}

/** The CSV's file name for a period. */
export function reportFileName(period: { from: string; to: string }) {
  return `frivilligbro-rapport-${period.from}-${period.to}.csv`
}
