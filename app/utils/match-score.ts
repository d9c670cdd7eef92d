/**
 * How well a volunteer fits a job ad, with the reasons in words. Pure: no database, no clock
 * (the caller passes the year). Reasons are codes plus values; the page translates them, so the
 * same score reads naturally in Danish and English.
 */

export type DayPart = 'morning' | 'afternoon' | 'evening'

export type VolunteerForScore = {
  municipalityId: string | null
  region: string | null
  /** Municipalities the volunteer will travel to. */
  areaMunicipalityIds: string[]
  skills: { task: string; level: number }[]
  availability: { weekday: number; part: string }[]
  languages: string[]
  birthYear?: number | null
  /** Active and paused matches right now. */
  activeMatches: number
  /** Has an open application to this ad. */
  applied: boolean
}

export type AdForScore = {
  tasks: string[]
  weekdays: number[]
  timeFrom: string | null
  timeTo: string | null
  municipalityId: string
  region: string
  languages: string[]
  minimumAge?: number | null
}

export type ReasonCode =
  | 'applicant'
  | 'tasks'
  | 'noTasks'
  | 'availability'
  | 'partlyAvailable'
  | 'notAvailable'
  | 'flexibleSchedule'
  | 'sameMunicipality'
  | 'travelArea'
  | 'sameRegion'
  | 'farAway'
  | 'languages'
  | 'missingLanguages'
  | 'noLoad'
  | 'load'
  | 'tooYoung'

/**
 * `items` are codes the page translates: task codes, slots as "<weekday>.<part>", language codes.
 * `count` feeds plural forms.
 */
export type Reason = { code: ReasonCode; points: number; items?: string[]; count?: number }
export type Score = { score: number; reasons: Reason[] }

/** A volunteer with this many active matches gets no new suggestions (applicants still show). */
export const MAX_ACTIVE_MATCHES = 3

export const WEIGHTS = {
  applicant: 25,
  tasks: 35,
  availability: 25,
  partlyAvailable: 10,
  flexibleSchedule: 15,
  sameMunicipality: 20,
  travelArea: 15,
  sameRegion: 5,
  languages: 10,
  missingLanguagePenalty: 20,
  noLoad: 10,
  perActiveMatch: 5,
  tooYoungPenalty: 50,
}

/** How much a task in common counts by the volunteer's level; any other level counts as 2 (good). */
export const LEVEL_WEIGHT: Record<number, number> = { 1: 0.5, 2: 0.8, 3: 1 }

function minutes(time: string) {
  const [h, m] = time.split(':').map(Number)
  return h * 60 + (m || 0)
}

/** The parts of day a time window touches: morning before 12, afternoon 12–17, evening from 17. */
export function partsOfDay(timeFrom: string | null, timeTo: string | null): DayPart[] {
  if (!timeFrom || !timeTo) return []
  const from = minutes(timeFrom)
  const to = minutes(timeTo)
  if (!(to > from)) return []
  const parts: DayPart[] = []
  if (from < 12 * 60) parts.push('morning')
  if (from < 17 * 60 && to > 12 * 60) parts.push('afternoon')
  if (to > 17 * 60) parts.push('evening')
  return parts
}

export function scoreMatch(volunteer: VolunteerForScore, ad: AdForScore, currentYear = new Date().getFullYear()): Score {
  const reasons: Reason[] = []

  if (volunteer.applied) reasons.push({ code: 'applicant', points: WEIGHTS.applicant })

  // Tasks in common, weighted by the volunteer's level: an expert counts fully, "some" by half.
  const levels = new Map(volunteer.skills.map((s) => [s.task, s.level]))
  const common = ad.tasks.filter((task) => levels.has(task))
  if (common.length > 0 && ad.tasks.length > 0) {
    const weight = common.reduce((sum, task) => sum + (LEVEL_WEIGHT[levels.get(task) ?? 2] ?? 0.8), 0)
    reasons.push({ code: 'tasks', points: Math.round((WEIGHTS.tasks * weight) / ad.tasks.length), items: common, count: common.length })
  } else if (ad.tasks.length > 0) {
    reasons.push({ code: 'noTasks', points: 0 })
  }

  // Availability: a weekday fits when the volunteer is free in every part of day the ad's window touches.
  const parts = partsOfDay(ad.timeFrom, ad.timeTo)
  if (ad.weekdays.length === 0 || parts.length === 0) {
    reasons.push({ code: 'flexibleSchedule', points: WEIGHTS.flexibleSchedule })
  } else {
    const free = new Set(volunteer.availability.map((a) => `${a.weekday}.${a.part}`))
    const fullDays = ad.weekdays.filter((day) => parts.every((part) => free.has(`${day}.${part}`)))
    const someSlots = ad.weekdays.flatMap((day) => parts.filter((part) => free.has(`${day}.${part}`)).map((part) => `${day}.${part}`))
    if (fullDays.length > 0) {
      const slots = fullDays.flatMap((day) => parts.map((part) => `${day}.${part}`))
      reasons.push({ code: 'availability', points: WEIGHTS.availability, items: slots, count: slots.length })
    } else if (someSlots.length > 0) {
      reasons.push({ code: 'partlyAvailable', points: WEIGHTS.partlyAvailable, items: someSlots, count: someSlots.length })
    } else {
      reasons.push({ code: 'notAvailable', points: 0 })
    }
  }

  // Distance, as municipalities: home, a municipality they will travel to, or at least the same region.
  if (volunteer.municipalityId === ad.municipalityId) reasons.push({ code: 'sameMunicipality', points: WEIGHTS.sameMunicipality })
  else if (volunteer.areaMunicipalityIds.includes(ad.municipalityId)) reasons.push({ code: 'travelArea', points: WEIGHTS.travelArea })
  else if (volunteer.region && volunteer.region === ad.region) reasons.push({ code: 'sameRegion', points: WEIGHTS.sameRegion })
  else reasons.push({ code: 'farAway', points: 0 })

  if (ad.languages.length > 0) {
    const spoken = new Set(volunteer.languages)
    const missing = ad.languages.filter((language) => !spoken.has(language))
    if (missing.length === 0) reasons.push({ code: 'languages', points: WEIGHTS.languages, items: ad.languages, count: ad.languages.length })
    else reasons.push({ code: 'missingLanguages', points: -WEIGHTS.missingLanguagePenalty * missing.length, items: missing, count: missing.length })
  }

  // Fewer current matches is better: spread the work and do not overload anyone.
  if (volunteer.activeMatches === 0) reasons.push({ code: 'noLoad', points: WEIGHTS.noLoad })
  else reasons.push({ code: 'load', points: -WEIGHTS.perActiveMatch * volunteer.activeMatches, count: volunteer.activeMatches })

  if (ad.minimumAge && volunteer.birthYear && currentYear - volunteer.birthYear < ad.minimumAge) {
    reasons.push({ code: 'tooYoung', points: -WEIGHTS.tooYoungPenalty, count: ad.minimumAge })
  }

  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons }
}

/** Highest score first; ties keep applicants first, then the given order. */
export function rankByScore<T extends { score: number; applied: boolean }>(items: T[]) {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Number(b.item.applied) - Number(a.item.applied) || b.item.score - a.item.score || a.index - b.index)
    .map(({ item }) => item)
}
