import { describe, expect, test } from 'vitest'
import { can, navigationFor, type Actor, type Permission, type ScopeOf } from './permissions'
import { startPageFor } from './start-page'

const gribskov = 'm-gribskov'
const hillerod = 'm-hillerod'
const kommune: Actor = { id: 'kommune', role: 'municipality', centreId: null, centreMunicipalityIds: [], memberships: [], municipalityIds: [gribskov] }
const coordinator: Actor = { id: 'coord', role: 'coordinator', centreId: 'c-gribskov', centreMunicipalityIds: [gribskov], memberships: [] }
const otherCoordinator: Actor = { id: 'coord2', role: 'coordinator', centreId: 'c-hillerod', centreMunicipalityIds: [hillerod], memberships: [] }

const facility = { facilityId: 'f1', municipalityId: gribskov }
const volunteerScope = { volunteerId: 'vol', municipalityIds: [gribskov], matchedFacilityIds: ['f1'] }
const visit = { volunteerId: 'vol', facilityId: 'f1', municipalityId: gribskov }

/** Every permission with a scope in the municipality's own municipality. */
const everything: { [P in Permission]: ScopeOf[P] } = {
  'admin:access': undefined,
  'mailbox:view': undefined,
  'centre:work': undefined,
  'facility:view': facility,
  'facility:edit': facility,
  'facility:manage-staff': facility,
  'facility:approve': facility,
  'volunteer:view-private': volunteerScope,
  'volunteer:edit-profile': volunteerScope,
  'volunteer:record-checks': volunteerScope,
  'jobAd:manage': facility,
  'jobAd:review': facility,
  'application:create': undefined,
  'match:decide': facility,
  'visitWindow:manage': facility,
  'visit:book': undefined,
  'visit:view': visit,
  'visit:change': visit,
  'visit:log': visit,
  'match:manage': facility,
  'visits:view-own': undefined,
  'visitPlan:act': { volunteerId: 'vol', facilityId: 'f1' },
  'report:view': { municipalityIds: [gribskov] },
  'municipality:view': { municipalityIds: [gribskov] },
  'ethicsTemplate:edit': { municipalityId: gribskov },
  'statement:sign': volunteerScope,
  'agreement:view': visit,
  'wish:manage': facility,
  'whoComes:manage': facility,
  'municipalityAccount:manage': { municipalityIds: [gribskov] },
}

describe('who keeps the municipality role’s accounts', () => {
  test('a coordinator, for the municipalities their centre covers and no other; never the municipality role itself', () => {
    expect(can(coordinator, 'municipalityAccount:manage', { municipalityIds: [gribskov] })).toBe(true)
    expect(can(coordinator, 'municipalityAccount:manage', { municipalityIds: [hillerod] })).toBe(false)
    expect(can(coordinator, 'municipalityAccount:manage', { municipalityIds: [gribskov, hillerod] })).toBe(false)
    expect(can(coordinator, 'municipalityAccount:manage', { municipalityIds: [] })).toBe(false)
    expect(can(otherCoordinator, 'municipalityAccount:manage', { municipalityIds: [gribskov] })).toBe(false)
    expect(can(kommune, 'municipalityAccount:manage', { municipalityIds: [gribskov] })).toBe(false)
  })
})

describe('the municipality role (kommunal tovholder)', () => {
  test('reads its report and overview and keeps its ethics template; nothing else, not even in its own municipality', () => {
    const allowed = (Object.keys(everything) as Permission[]).filter((permission) => can(kommune, permission, everything[permission] as never))
    expect(allowed.sort()).toEqual(['ethicsTemplate:edit', 'municipality:view', 'report:view'])
  })

  test('its own municipalities only', () => {
    expect(can(kommune, 'report:view', { municipalityIds: [hillerod] })).toBe(false)
    expect(can(kommune, 'report:view', { municipalityIds: [gribskov, hillerod] })).toBe(false)
    expect(can(kommune, 'report:view', { municipalityIds: [] })).toBe(false)
    expect(can(kommune, 'municipality:view', { municipalityIds: [hillerod] })).toBe(false)
    expect(can(kommune, 'ethicsTemplate:edit', { municipalityId: hillerod })).toBe(false)
    expect(can({ ...kommune, municipalityIds: undefined }, 'report:view', { municipalityIds: [gribskov] })).toBe(false)
  })

  test('the centre’s coordinators keep the template too and sign statements; the municipality view is the municipality’s own', () => {
    expect(can(coordinator, 'ethicsTemplate:edit', { municipalityId: gribskov })).toBe(true)
    expect(can(otherCoordinator, 'ethicsTemplate:edit', { municipalityId: gribskov })).toBe(false)
    expect(can(coordinator, 'statement:sign', volunteerScope)).toBe(true)
    expect(can(otherCoordinator, 'statement:sign', volunteerScope)).toBe(false)
    expect(can(coordinator, 'municipality:view', { municipalityIds: [gribskov] })).toBe(false)
  })

  test('lands on /municipality; its navigation has no threads and nothing to change', () => {
    expect(startPageFor('municipality')).toBe('/municipality')
    expect(navigationFor(kommune).map((item) => item.to)).toEqual(['/jobs', '/municipality', '/centre/report', '/municipality/ethics-template', '/settings'])
  })
})
