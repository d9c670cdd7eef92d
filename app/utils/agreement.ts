// The cooperation agreement (samarbejdsaftale) between a facility and its volunteer, as stored and
// as read. Shared by the model, the pages and the e-mails, so everybody reads the same agreement.
import type { PlanRule } from './visit-schedule'

/**
 * A line of one of the two lists. The standard lines are message keys of the `agreement`
 * namespace, so each reader sees them in their own language and a version keeps the wording it was
 * accepted with even if the standard lists change later (a new key, not a new text); a line a
 * party added is kept as written, with who wrote it.
 */
export type AgreementLine = { key: StandardLineKey } | { text: string; authorId: string; authorName: string; addedAt: string }

/** The standard lines each party agrees to; their words are in public/locales/{da,en}/agreement.json. */
export const FACILITY_LINES = [
  'line.facility.contact',
  'line.facility.times',
  'line.facility.staffKnow',
  'line.facility.access',
  'line.facility.introduction',
] as const
export const VOLUNTEER_LINES = ['line.volunteer.boundaries', 'line.volunteer.confidentiality', 'line.volunteer.ethics', 'line.volunteer.cancel'] as const
export type StandardLineKey = (typeof FACILITY_LINES)[number] | (typeof VOLUNTEER_LINES)[number]

export type AgreementPerson = { id: string; name: string; phone: string | null; email: string }

/**
 * What a version holds: a snapshot of what was known when it was made. People are named (the
 * parties read a version as it was accepted); a deleted account's name is replaced in every
 * version by anonymizeAccount's free-text pass over this column.
 */
export type AgreementContent = {
  adTitle: string
  facilityName: string
  facilityAddress: string
  /** Task codes (common:task.*). */
  tasks: string[]
  boundaries: string
  /** The confirmed visit plans; when there are none yet, the ad's own schedule. */
  schedule: { plans: PlanRule[]; ad: { weekdays: number[]; timeFrom: string | null; timeTo: string | null; frequency: string } }
  intro: { at: string | null; place: string | null }
  volunteer: AgreementPerson
  contact: AgreementPerson | null
  /** Another contact person or the leader; null when the facility has nobody else. */
  standIn: AgreementPerson | null
  /** Whom to call when the contact person is away and there is no stand-in. */
  fallbackPhone: string | null
  practicalInfo: string
  ethics: { technology: string; dilemma: string; agreedValues: string }[]
  /** Checks recorded for the volunteer: kind (common check kinds) and the Copenhagen date. */
  checks: { kind: string; checkedOn: string }[]
  centre: { name: string; phone: string | null; email: string } | null
  facilityLines: AgreementLine[]
  volunteerLines: AgreementLine[]
}

/** The parts of a version compared to tell what a new version changed. */
export const CHANGE_KINDS = ['approval', 'schedule', 'contact', 'ethics', 'lines', 'details'] as const
export type AgreementChange = (typeof CHANGE_KINDS)[number]

/** What differs between two versions' content, in the order CHANGE_KINDS lists it. */
export function changesBetween(before: AgreementContent, after: AgreementContent): AgreementChange[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const changes: AgreementChange[] = []
  if (!same(before.schedule, after.schedule)) changes.push('schedule')
  if (!same([before.contact?.id, before.standIn?.id, before.fallbackPhone], [after.contact?.id, after.standIn?.id, after.fallbackPhone])) changes.push('contact')
  if (!same(before.ethics, after.ethics)) changes.push('ethics')
  if (!same([before.facilityLines, before.volunteerLines], [after.facilityLines, after.volunteerLines])) changes.push('lines')
  const rest = (c: AgreementContent) => [c.adTitle, c.facilityName, c.facilityAddress, c.tasks, c.boundaries, c.practicalInfo, c.checks, c.intro]
  if (!same(rest(before), rest(after))) changes.push('details')
  return changes
}

export type AgreementSide = 'volunteer' | 'facility'

/** An added line is at most this long: the agreement must stay on one or two pages. */
export const LINE_MAX = 300
/** Lines each side may add, for the same reason. */
export const ADDED_LINES_MAX = 8

export function isStandardLine(line: AgreementLine): line is { key: StandardLineKey } {
  return 'key' in line
}
