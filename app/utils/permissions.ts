import type { Role } from './domain'

/**
 * The rules of who may do what, as pure functions shared by server and browser. The server
 * enforces them through app/utils/permissions.server.ts in every loader and action; the browser
 * only uses them to decide what to show (navigation, buttons).
 */

export type Membership = { facilityId: string; role: 'leader' | 'staff'; isContactPerson: boolean }

export type Actor = {
  id: string
  role: Role
  /** Coordinators: their centre. */
  centreId: string | null
  /** Coordinators: the municipalities their centre covers. */
  centreMunicipalityIds: string[]
  /** Facility staff: their active memberships. */
  memberships: Membership[]
  /** The municipality role (kommunal tovholder): the municipalities it reads. */
  municipalityIds?: string[]
}

/** A facility, as far as permissions care. */
export type FacilityScope = { facilityId: string; municipalityId: string }
/** A volunteer, as far as permissions care. */
export type VolunteerScope = {
  volunteerId: string
  /** Home municipality plus the municipalities of ads they applied to or are matched with. */
  municipalityIds: string[]
  /** Facilities where the volunteer has an approved (active or paused) match. */
  matchedFacilityIds: string[]
}
/** A centre's own pages. */
export type CentreScope = { centreId: string }
/** The municipalities a results report covers. */
export type ReportScope = { municipalityIds: string[] }
/** One visit: whose it is and where. */
export type VisitScope = { volunteerId: string; facilityId: string; municipalityId: string }
/** The two parties of a match: the volunteer and the facility's staff. */
export type MatchScope = { volunteerId: string; facilityId: string }

export type ScopeOf = {
  'admin:access': undefined
  'mailbox:view': undefined
  'centre:work': CentreScope | undefined
  'facility:view': FacilityScope
  /** Profile, IT screening and ethics policy: the facility's leader and the centre's coordinators. */
  'facility:edit': FacilityScope
  /** Invite, remove and name contact persons: the leader only. */
  'facility:manage-staff': FacilityScope
  'facility:approve': FacilityScope
  'volunteer:view-private': VolunteerScope
  'volunteer:edit-profile': VolunteerScope
  'volunteer:record-checks': VolunteerScope
  /** Write, submit, pause, mark filled and close the facility's job ads. */
  'jobAd:manage': FacilityScope
  /** Publish a submitted ad or return it with a comment. */
  'jobAd:review': FacilityScope
  /** Apply to published ads. */
  'application:create': undefined
  /** Review applications, see candidates, approve or decline matches for ads of this facility. */
  'match:decide': FacilityScope
  /** Open, edit and close the facility's visit windows (e.g. the Wednesday internet café). */
  'visitWindow:manage': FacilityScope
  /** Book a date in a window of a facility where one has an active match. */
  'visit:book': undefined
  /** See one visit's details. */
  'visit:view': VisitScope
  /** Cancel or move one visit (with a reason). */
  'visit:change': VisitScope
  /** Log a visit afterwards: done (hours, what was helped with) or no-show. */
  'visit:log': VisitScope
  /** End or pause an approved match (the centre's follow-up). */
  'match:manage': FacilityScope
  /** See one's own visits (volunteers) or one's facilities' visits (staff) at /visits, with a calendar feed. */
  'visits:view-own': undefined
  /** Propose, confirm, decline, change, pause, skip and end the visit plans of a match: its volunteer and the facility's active staff. */
  'visitPlan:act': MatchScope
  /** Read the results report (counts only, no volunteer's personal data) for these municipalities. */
  'report:view': ReportScope
  /**
   * Read a match's cooperation agreement and its versions: the volunteer, the facility's staff and
   * the centre. Accepting it and adding lines is for the two parties only (agreementSideOf).
   */
  'agreement:view': VisitScope
  /** The municipality's overview: its facilities' screening and ethics state and its ads (no personal data). */
  'municipality:view': ReportScope
  /** Keep the municipal ethics template: the municipality's own role, or the coordinators of the centre covering it. */
  'ethicsTemplate:edit': { municipalityId: string }
  /** Sign off a volunteer's statement (udtalelse): the coordinators of the volunteer's centre. */
  'statement:sign': VolunteerScope
  /** Keep the facility's list of residents' wishes (add, edit, count, delete, easy-read mode): its active staff. */
  'wish:manage': FacilityScope
  /** Print the common-room poster and make or revoke the screen's secret address: the facility's active staff. */
  'whoComes:manage': FacilityScope
  /** Invite, deactivate and reactivate the municipality role's accounts: a coordinator, for municipalities their centre covers. */
  'municipalityAccount:manage': ReportScope
}
export type Permission = keyof ScopeOf

function membership(actor: Actor, facilityId: string) {
  return actor.memberships.find((m) => m.facilityId === facilityId)
}
function coversMunicipality(actor: Actor, municipalityId: string) {
  return actor.role === 'coordinator' && actor.centreMunicipalityIds.includes(municipalityId)
}
/** The municipality role reads its own municipalities only. */
function readsMunicipality(actor: Actor, municipalityId: string) {
  return actor.role === 'municipality' && (actor.municipalityIds ?? []).includes(municipalityId)
}

const rules: { [P in Permission]: (actor: Actor, scope: ScopeOf[P]) => boolean } = {
  'admin:access': (actor) => actor.role === 'admin',
  'mailbox:view': (actor) => actor.role === 'admin',
  'centre:work': (actor, scope) =>
    actor.role === 'coordinator' && actor.centreId !== null && (!scope || scope.centreId === actor.centreId),
  'facility:view': (actor, scope) =>
    actor.role === 'admin' || coversMunicipality(actor, scope.municipalityId) || Boolean(membership(actor, scope.facilityId)),
  'facility:edit': (actor, scope) =>
    coversMunicipality(actor, scope.municipalityId) || membership(actor, scope.facilityId)?.role === 'leader',
  'facility:manage-staff': (actor, scope) => membership(actor, scope.facilityId)?.role === 'leader',
  'facility:approve': (actor, scope) => coversMunicipality(actor, scope.municipalityId),
  // PRODUCT.md: a volunteer's personal data is seen by coordinators of their centre and, once a
  // match is approved, by staff of that facility. Nobody else — admins included.
  'volunteer:view-private': (actor, scope) =>
    actor.id === scope.volunteerId ||
    scope.municipalityIds.some((id) => coversMunicipality(actor, id)) ||
    (actor.role === 'facility_staff' && scope.matchedFacilityIds.some((id) => Boolean(membership(actor, id)))),
  'volunteer:edit-profile': (actor, scope) => actor.id === scope.volunteerId,
  'volunteer:record-checks': (actor, scope) => scope.municipalityIds.some((id) => coversMunicipality(actor, id)),
  'jobAd:manage': (actor, scope) => Boolean(membership(actor, scope.facilityId)),
  'jobAd:review': (actor, scope) => coversMunicipality(actor, scope.municipalityId),
  'application:create': (actor) => actor.role === 'volunteer',
  'match:decide': (actor, scope) => coversMunicipality(actor, scope.municipalityId),
  'visitWindow:manage': (actor, scope) => Boolean(membership(actor, scope.facilityId)),
  'visit:book': (actor) => actor.role === 'volunteer',
  'visit:view': (actor, scope) =>
    actor.id === scope.volunteerId || Boolean(membership(actor, scope.facilityId)) || coversMunicipality(actor, scope.municipalityId),
  'visit:change': (actor, scope) =>
    actor.id === scope.volunteerId || Boolean(membership(actor, scope.facilityId)) || coversMunicipality(actor, scope.municipalityId),
  // The volunteer or the facility's staff were there; the centre was not.
  'visit:log': (actor, scope) => actor.id === scope.volunteerId || Boolean(membership(actor, scope.facilityId)),
  'match:manage': (actor, scope) => coversMunicipality(actor, scope.municipalityId),
  'visits:view-own': (actor) => actor.role === 'volunteer' || actor.role === 'facility_staff',
  'visitPlan:act': (actor, scope) => planSideOf(actor, scope) !== null,
  // Every municipality asked for must be the coordinator's centre's, or the municipality role's own.
  'report:view': (actor, scope) =>
    scope.municipalityIds.length > 0 && scope.municipalityIds.every((id) => coversMunicipality(actor, id) || readsMunicipality(actor, id)),
  'municipality:view': (actor, scope) => scope.municipalityIds.length > 0 && scope.municipalityIds.every((id) => readsMunicipality(actor, id)),
  // The template is the one thing the municipality role writes: it is the municipality's own policy text.
  'ethicsTemplate:edit': (actor, scope) => readsMunicipality(actor, scope.municipalityId) || coversMunicipality(actor, scope.municipalityId),
  'statement:sign': (actor, scope) => scope.municipalityIds.some((id) => coversMunicipality(actor, id)),
  'agreement:view': (actor, scope) =>
    actor.id === scope.volunteerId || Boolean(membership(actor, scope.facilityId)) || coversMunicipality(actor, scope.municipalityId),
  'wish:manage': (actor, scope) => Boolean(membership(actor, scope.facilityId)),
  // The board hangs in the facility's own common room; the centre has no part in it.
  'whoComes:manage': (actor, scope) => Boolean(membership(actor, scope.facilityId)),
  'municipalityAccount:manage': (actor, scope) => scope.municipalityIds.length > 0 && scope.municipalityIds.every((id) => coversMunicipality(actor, id)),
}

export function can<P extends Permission>(actor: Actor | null, permission: P, scope?: ScopeOf[P]) {
  if (!actor) return false
  return rules[permission](actor, scope as ScopeOf[P])
}

/**
 * Which side of a match the actor is on, for visit plans: its volunteer, or any active staff member
 * of the facility (not only the ad's contact person, who may be on holiday). Null: neither.
 */
export function planSideOf(actor: Actor, match: MatchScope): 'volunteer' | 'facility' | null {
  if (actor.role === 'volunteer' && actor.id === match.volunteerId) return 'volunteer'
  if (actor.role === 'facility_staff' && membership(actor, match.facilityId)) return 'facility'
  return null
}

export type NavItem = { to: string; labelKey: string }

/** What each role sees in the header: the things it can do. */
export function navigationFor(actor: Actor | null): NavItem[] {
  const items: NavItem[] = [{ to: '/jobs', labelKey: 'nav.jobs' }]
  if (!actor) return items
  switch (actor.role) {
    case 'volunteer':
      items.push({ to: '/volunteer', labelKey: 'nav.volunteerHome' }, { to: '/visits', labelKey: 'visits.nav' }, { to: '/events', labelKey: 'events:navVolunteer' })
      break
    case 'facility_staff':
      items.push({ to: '/facility', labelKey: 'nav.facilityHome' }, { to: '/facility/ads', labelKey: 'nav.facilityAds' }, { to: '/visits', labelKey: 'visits.nav' }, { to: '/events', labelKey: 'events:navVolunteer' })
      break
    case 'coordinator':
      // The start page, then the workbench's four lists (the start page links them too), then the rest.
      items.push(
        { to: '/centre', labelKey: 'nav.centreHome' },
        { to: '/centre/volunteers', labelKey: 'workbench:nav.volunteers' },
        { to: '/centre/matches', labelKey: 'workbench:nav.matches' },
        { to: '/centre/ads', labelKey: 'workbench:nav.ads' },
        { to: '/centre/facilities', labelKey: 'workbench:nav.facilities' },
        { to: '/centre/events', labelKey: 'events:nav' },
        { to: '/centre/report', labelKey: 'nav.centreReport' },
      )
      break
    case 'admin':
      items.push({ to: '/admin', labelKey: 'nav.admin' }, { to: '/admin/outbox', labelKey: 'nav.outbox' })
      break
    case 'municipality':
      items.push(
        { to: '/municipality', labelKey: 'municipality:nav.home' },
        { to: '/centre/report', labelKey: 'municipality:nav.report' },
        { to: '/municipality/ethics-template', labelKey: 'municipality:nav.template' },
      )
      break
  }
  // Experience sharing: everyone who is in a space (admins and the municipality role are in none).
  if (actor.role !== 'admin' && actor.role !== 'municipality') items.push({ to: '/threads', labelKey: 'threads:nav' })
  items.push({ to: '/settings', labelKey: 'nav.settings' })
  return items
}
