// The words of the domain, shared by server and browser. Labels live in the message files under
// the same codes (e.g. `task.video_calls`), never here.

/** `municipality`: the kommunal tovholder, who reads (never writes) what concerns its municipalities. */
export const ROLES = ['volunteer', 'facility_staff', 'coordinator', 'admin', 'municipality'] as const
export type Role = (typeof ROLES)[number]

export const LOCALES = ['da', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'da'
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
/** A saved or detected language as one the app speaks; anything else gets Danish. */
export function localeOf(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE
}

export const FACILITY_KINDS = ['bosted', 'botilbud', 'aktivitetstilbud', 'vaerested', 'other'] as const
export type FacilityKind = (typeof FACILITY_KINDS)[number]
export const FACILITY_STATUSES = ['pending', 'active', 'inactive'] as const
export type FacilityStatus = (typeof FACILITY_STATUSES)[number]
export const MEMBERSHIP_ROLES = ['leader', 'staff'] as const
export const MEMBERSHIP_STATUSES = ['requested', 'active', 'removed'] as const

/** What residents want help with; also the volunteer's skill list and thread tags. */
export const TASKS = [
  'social_media',
  'email',
  'video_calls',
  'music_streaming',
  'photos',
  'games',
  'tablets_phones',
  'online_safety',
  'internet_cafe',
  'staff_programs',
  'relatives_support',
] as const
export type Task = (typeof TASKS)[number]

export const TECH_TAGS = [
  'ipad',
  'android',
  'facebook',
  'messenger',
  'video_calls',
  'youtube',
  'spotify',
  'email',
  'games',
  'mitid',
  'online_safety',
] as const

export const JOB_AD_STATUSES = ['draft', 'submitted', 'published', 'paused', 'filled', 'closed'] as const
export type JobAdStatus = (typeof JOB_AD_STATUSES)[number]
export const FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'flexible'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const APPLICATION_STATUSES = ['submitted', 'in_review', 'matched', 'declined', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const MATCH_STATUSES = ['proposed', 'active', 'paused', 'ended'] as const
export type MatchStatus = (typeof MATCH_STATUSES)[number]
export const VISIT_STATUSES = ['planned', 'done', 'cancelled', 'no_show'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]
export const CHECK_KINDS = ['confidentiality', 'criminal_record', 'child_certificate'] as const
export type CheckKind = (typeof CHECK_KINDS)[number]
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

export const TIME_ZONE = 'Europe/Copenhagen'

/** Parses a JSON array column, tolerating an empty or broken value. */
export function parseList(value: string | null | undefined): string[] {
  if (!value) return []
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}
