/**
 * Events and courses run by a centre (issue 10): the closed lists and the audience rule, shared by
 * server and browser.
 */
export const EVENT_KINDS = ['intro_meeting', 'course_volunteers', 'course_staff', 'network_meeting', 'internet_cafe'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EVENT_AUDIENCES = ['public', 'volunteers', 'staff', 'network'] as const
export type EventAudience = (typeof EVENT_AUDIENCES)[number]
export type EventStatus = 'draft' | 'published' | 'cancelled' | 'done'
export type SignupStatus = 'unconfirmed' | 'confirmed' | 'waiting' | 'cancelled'

/**
 * The two views of the centre's event list: events still to come (their first session not begun,
 * the default) and past ones. An event that has begun is past even while later sessions remain:
 * the newest past ones head that view.
 */
export const CENTRE_EVENT_VIEWS = ['coming', 'past'] as const
export type CentreEventView = (typeof CENTRE_EVENT_VIEWS)[number]

/** The most session rows the event form offers. */
export const MAX_SESSIONS = 4

/**
 * The centres someone belongs to for events: as a volunteer (their home municipality or a
 * municipality they travel to is the centre's) and as staff (an active membership of a facility
 * in one of the centre's municipalities).
 */
export type EventViewer = { userId: string; volunteerOf: string[]; staffOf: string[]; coordinatorOf: string | null } | null

/** Whether the viewer may sign up for an event of this centre and audience. */
export function mayJoin(viewer: EventViewer, event: { centreId: string; audience: string }) {
  if (event.audience === 'public') return true
  if (!viewer) return false
  const volunteer = viewer.volunteerOf.includes(event.centreId)
  const staff = viewer.staffOf.includes(event.centreId)
  if (event.audience === 'volunteers') return volunteer
  if (event.audience === 'staff') return staff
  if (event.audience === 'network') return volunteer || staff
  return false
}

/** Seeing an event: its audience, or the centre's own coordinators. */
export function maySee(viewer: EventViewer, event: { centreId: string; audience: string }) {
  return mayJoin(viewer, event) || (viewer !== null && viewer.coordinatorOf === event.centreId)
}

/** The events list's filters from the address (?kind=…&municipality=…); unknown kinds are ignored. */
export function eventFiltersFromUrl(params: URLSearchParams): { kind?: EventKind; municipality?: string } {
  const kind = params.get('kind') ?? ''
  const municipality = (params.get('municipality') ?? '').trim().slice(0, 100)
  return { kind: (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as EventKind) : undefined, municipality: municipality || undefined }
}

/** The filters as "?…" (or ""), for links and feeds; `extra` adds e.g. lang=en. */
export function eventQueryString(filters: { kind?: string; municipality?: string }, extra: Record<string, string> = {}) {
  const params = new URLSearchParams()
  if (filters.kind) params.set('kind', filters.kind)
  if (filters.municipality) params.set('municipality', filters.municipality)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Kinds that are courses: attended at every session, they are completed and count on a profile. */
export const COURSE_KINDS: readonly EventKind[] = ['intro_meeting', 'course_volunteers', 'course_staff']
