/**
 * Events and courses run by a centre (issue 10): the closed lists and the audience rule, shared by
 * server and browser.
 */
export const EVENT_KINDS = ['intro_meeting', 'course_volunteers', 'course_staff', 'network_meeting', 'internet_cafe'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EVENT_AUDIENCES = ['public', 'volunteers', 'staff', 'network'] as const
export type EventAudience = (typeof EVENT_AUDIENCES)[number]
export type EventStatus = 'draft' | 'published' | 'cancelled' | 'done'
export type SignupStatus = 'confirmed' | 'waiting' | 'cancelled'

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
