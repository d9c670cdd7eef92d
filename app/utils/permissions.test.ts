import { describe, expect, test } from 'vitest'
import { can, navigationFor, planSideOf, type Actor, type VisitScope, type VolunteerScope } from './permissions'

const gribskov = 'm-gribskov'
const hillerod = 'm-hillerod'

const admin: Actor = { id: 'admin', role: 'admin', centreId: null, centreMunicipalityIds: [], memberships: [] }
const coordinator: Actor = { id: 'coord', role: 'coordinator', centreId: 'c-gribskov', centreMunicipalityIds: [gribskov], memberships: [] }
const otherCoordinator: Actor = { id: 'coord2', role: 'coordinator', centreId: 'c-hillerod', centreMunicipalityIds: [hillerod], memberships: [] }
const leader: Actor = { id: 'leader', role: 'facility_staff', centreId: null, centreMunicipalityIds: [], memberships: [{ facilityId: 'f1', role: 'leader', isContactPerson: true }] }
const staff: Actor = { id: 'staff', role: 'facility_staff', centreId: null, centreMunicipalityIds: [], memberships: [{ facilityId: 'f1', role: 'staff', isContactPerson: false }] }
const otherStaff: Actor = { id: 'staff2', role: 'facility_staff', centreId: null, centreMunicipalityIds: [], memberships: [{ facilityId: 'f2', role: 'leader', isContactPerson: true }] }
const volunteer: Actor = { id: 'vol', role: 'volunteer', centreId: null, centreMunicipalityIds: [], memberships: [] }
const otherVolunteer: Actor = { id: 'vol2', role: 'volunteer', centreId: null, centreMunicipalityIds: [], memberships: [] }

const f1 = { facilityId: 'f1', municipalityId: gribskov }
const f2 = { facilityId: 'f2', municipalityId: hillerod }

describe('facility permissions', () => {
  test('a coordinator approves facilities in their centre’s municipalities only', () => {
    expect(can(coordinator, 'facility:approve', f1)).toBe(true)
    expect(can(coordinator, 'facility:approve', f2)).toBe(false)
    expect(can(otherCoordinator, 'facility:approve', f2)).toBe(true)
  })
  test('nobody but a coordinator approves facilities', () => {
    for (const actor of [admin, leader, staff, volunteer]) expect(can(actor, 'facility:approve', f1)).toBe(false)
  })
  test('staff see their own facility, not others', () => {
    expect(can(staff, 'facility:view', f1)).toBe(true)
    expect(can(staff, 'facility:view', f2)).toBe(false)
    expect(can(otherStaff, 'facility:view', f1)).toBe(false)
  })
  test('only the leader manages staff and edits the profile; staff do not', () => {
    expect(can(leader, 'facility:manage-staff', f1)).toBe(true)
    expect(can(staff, 'facility:manage-staff', f1)).toBe(false)
    expect(can(leader, 'facility:edit', f1)).toBe(true)
    expect(can(staff, 'facility:edit', f1)).toBe(false)
    expect(can(otherStaff, 'facility:manage-staff', f1)).toBe(false)
  })
  test('the common-room board: the facility’s own staff, leader or not; not the centre, not another facility', () => {
    expect(can(leader, 'whoComes:manage', f1)).toBe(true)
    expect(can(staff, 'whoComes:manage', f1)).toBe(true)
    for (const actor of [otherStaff, coordinator, admin, volunteer, null]) expect(can(actor, 'whoComes:manage', f1)).toBe(false)
  })
  test('a signed-out visitor can do nothing', () => {
    expect(can(null, 'facility:view', f1)).toBe(false)
    expect(can(null, 'admin:access')).toBe(false)
  })
})

describe('job ads, applications and matches', () => {
  test('any staff member of the facility manages its ads; other facilities and volunteers do not', () => {
    expect(can(leader, 'jobAd:manage', f1)).toBe(true)
    expect(can(staff, 'jobAd:manage', f1)).toBe(true)
    expect(can(otherStaff, 'jobAd:manage', f1)).toBe(false)
    expect(can(volunteer, 'jobAd:manage', f1)).toBe(false)
    expect(can(coordinator, 'jobAd:manage', f1)).toBe(false)
  })
  test('the centre covering the facility reviews its ads and decides its matches', () => {
    expect(can(coordinator, 'jobAd:review', f1)).toBe(true)
    expect(can(otherCoordinator, 'jobAd:review', f1)).toBe(false)
    expect(can(leader, 'jobAd:review', f1)).toBe(false)
    expect(can(coordinator, 'match:decide', f1)).toBe(true)
    expect(can(otherCoordinator, 'match:decide', f1)).toBe(false)
    expect(can(admin, 'match:decide', f1)).toBe(false)
  })
  test('only volunteers apply', () => {
    expect(can(volunteer, 'application:create')).toBe(true)
    for (const actor of [admin, coordinator, leader, staff]) expect(can(actor, 'application:create')).toBe(false)
  })
})

describe('a volunteer’s private data', () => {
  const scope: VolunteerScope = { volunteerId: 'vol', municipalityIds: [gribskov], matchedFacilityIds: ['f1'] }
  const unmatched: VolunteerScope = { volunteerId: 'vol', municipalityIds: [gribskov], matchedFacilityIds: [] }

  test('is seen by the volunteer and by coordinators of their centre', () => {
    expect(can(volunteer, 'volunteer:view-private', scope)).toBe(true)
    expect(can(coordinator, 'volunteer:view-private', scope)).toBe(true)
    expect(can(otherCoordinator, 'volunteer:view-private', scope)).toBe(false)
  })
  test('is seen by staff of a facility only after a match is approved there', () => {
    expect(can(staff, 'volunteer:view-private', scope)).toBe(true)
    expect(can(staff, 'volunteer:view-private', unmatched)).toBe(false)
    expect(can(otherStaff, 'volunteer:view-private', scope)).toBe(false)
  })
  test('is not seen by other volunteers or by admins', () => {
    expect(can(otherVolunteer, 'volunteer:view-private', scope)).toBe(false)
    expect(can(admin, 'volunteer:view-private', scope)).toBe(false)
  })
  test('checks are recorded by the centre’s coordinators only; the profile is edited by its owner only', () => {
    expect(can(coordinator, 'volunteer:record-checks', scope)).toBe(true)
    expect(can(otherCoordinator, 'volunteer:record-checks', scope)).toBe(false)
    expect(can(leader, 'volunteer:record-checks', scope)).toBe(false)
    expect(can(volunteer, 'volunteer:edit-profile', scope)).toBe(true)
    expect(can(coordinator, 'volunteer:edit-profile', scope)).toBe(false)
  })
})

describe('areas of the app', () => {
  test('administration is for admins, centre work for coordinators of that centre', () => {
    expect(can(admin, 'admin:access')).toBe(true)
    expect(can(coordinator, 'admin:access')).toBe(false)
    expect(can(coordinator, 'centre:work')).toBe(true)
    expect(can(coordinator, 'centre:work', { centreId: 'c-gribskov' })).toBe(true)
    expect(can(coordinator, 'centre:work', { centreId: 'c-hillerod' })).toBe(false)
    expect(can(admin, 'centre:work')).toBe(false)
    expect(can(volunteer, 'centre:work')).toBe(false)
  })
  test('the results report: a coordinator for their centre’s municipalities, every one of them', () => {
    expect(can(coordinator, 'report:view', { municipalityIds: [gribskov] })).toBe(true)
    expect(can(coordinator, 'report:view', { municipalityIds: [gribskov, hillerod] })).toBe(false)
    expect(can(coordinator, 'report:view', { municipalityIds: [] })).toBe(false)
    expect(can(otherCoordinator, 'report:view', { municipalityIds: [gribskov] })).toBe(false)
    for (const actor of [admin, leader, staff, volunteer]) expect(can(actor, 'report:view', { municipalityIds: [gribskov] })).toBe(false)
  })
  test('the navigation shows each role its own start page', () => {
    const links = (actor: Actor | null) => navigationFor(actor).map((item) => item.to)
    expect(links(null)).toEqual(['/jobs'])
    expect(links(volunteer)).toEqual(['/jobs', '/volunteer', '/visits', '/events', '/threads', '/settings'])
    expect(links(staff)).toEqual(['/jobs', '/facility', '/facility/ads', '/visits', '/events', '/threads', '/settings'])
    expect(links(coordinator)).toEqual(['/jobs', '/centre', '/centre/volunteers', '/centre/matches', '/centre/ads', '/centre/facilities', '/centre/events', '/centre/report', '/threads', '/settings'])
    expect(links(admin)).toEqual(['/jobs', '/admin', '/admin/outbox', '/settings'])
  })
})

describe('visits, visit windows and the centre\'s follow-up', () => {
  const visit: VisitScope = { volunteerId: 'vol', facilityId: 'f1', municipalityId: gribskov }

  test('staff of the facility manage its visit windows; others do not', () => {
    expect(can(leader, 'visitWindow:manage', f1)).toBe(true)
    expect(can(staff, 'visitWindow:manage', f1)).toBe(true)
    for (const actor of [otherStaff, coordinator, volunteer, admin]) expect(can(actor, 'visitWindow:manage', f1)).toBe(false)
  })
  test('only volunteers book', () => {
    expect(can(volunteer, 'visit:book')).toBe(true)
    for (const actor of [admin, coordinator, leader]) expect(can(actor, 'visit:book')).toBe(false)
  })
  test('a visit is seen and changed by its volunteer, the facility\'s staff and the centre; logged by the first two', () => {
    for (const actor of [volunteer, staff, leader, coordinator]) {
      expect(can(actor, 'visit:view', visit)).toBe(true)
      expect(can(actor, 'visit:change', visit)).toBe(true)
    }
    expect(can(volunteer, 'visit:log', visit)).toBe(true)
    expect(can(staff, 'visit:log', visit)).toBe(true)
    expect(can(coordinator, 'visit:log', visit)).toBe(false)
  })
  test('another volunteer, another facility\'s staff, another centre and admins get nothing', () => {
    for (const actor of [otherVolunteer, otherStaff, otherCoordinator, admin]) {
      for (const permission of ['visit:view', 'visit:change', 'visit:log'] as const) expect(can(actor, permission, visit)).toBe(false)
    }
  })
  test('the centre covering the facility ends or pauses its matches', () => {
    expect(can(coordinator, 'match:manage', f1)).toBe(true)
    for (const actor of [otherCoordinator, leader, volunteer, admin]) expect(can(actor, 'match:manage', f1)).toBe(false)
  })
})

describe('visits and visit plans', () => {
  const match = { volunteerId: 'vol', facilityId: 'f1' }

  test('volunteers and facility staff have a visits page; coordinators and admins do not', () => {
    expect(can(volunteer, 'visits:view-own')).toBe(true)
    expect(can(staff, 'visits:view-own')).toBe(true)
    expect(can(coordinator, 'visits:view-own')).toBe(false)
    expect(can(admin, 'visits:view-own')).toBe(false)
    expect(can(null, 'visits:view-own')).toBe(false)
  })
  test('a plan is made between the match’s volunteer and any active staff member of its facility', () => {
    expect(planSideOf(volunteer, match)).toBe('volunteer')
    expect(planSideOf(staff, match)).toBe('facility')
    expect(planSideOf(leader, match)).toBe('facility')
    for (const actor of [otherVolunteer, otherStaff, coordinator, admin]) {
      expect(planSideOf(actor, match)).toBeNull()
      expect(can(actor, 'visitPlan:act', match)).toBe(false)
    }
    expect(can(volunteer, 'visitPlan:act', match)).toBe(true)
    expect(can(staff, 'visitPlan:act', match)).toBe(true)
  })
})
