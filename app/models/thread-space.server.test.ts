import { describe, expect, test } from 'vitest'
import { seedDemo } from '../../prisma/seed'
import { createFacility } from '../../tests/setup/fixtures'
import { resolveSpaceBefore } from '../../tests/setup/reads-before'
import { resolveSpace } from './thread.server'
import { prisma } from '~/utils/db.server'

describe('a thread list\'s space read straight from SQLite', () => {
  test('every demo centre\'s network and every facility\'s space, and unknown ones, as the Prisma read had them', async () => {
    await seedDemo(prisma)
    // A facility in a municipality no centre covers: its space has no centre.
    const uncovered = await createFacility('Læsø Kommune')
    await prisma.municipality.update({ where: { id: uncovered.municipalityId }, data: { centreId: null } })
    const centres = await prisma.centre.findMany({ select: { id: true } })
    const facilities = await prisma.facility.findMany({ select: { id: true } })
    expect(centres.length).toBeGreaterThan(1)
    expect(facilities.length).toBeGreaterThan(3)
    for (const centre of centres) {
      const ref = { kind: 'network' as const, centreId: centre.id }
      expect(await resolveSpace(ref)).toEqual(await resolveSpaceBefore(ref))
    }
    let withoutCentre = 0
    for (const facility of facilities) {
      const ref = { kind: 'facility' as const, facilityId: facility.id }
      const space = await resolveSpace(ref)
      expect(space).toEqual(await resolveSpaceBefore(ref))
      if (space?.centreName === null) withoutCentre++
    }
    expect(withoutCentre).toBeGreaterThan(0)
    expect(await resolveSpace({ kind: 'network', centreId: 'no-such-centre' })).toBeNull()
    expect(await resolveSpace({ kind: 'facility', facilityId: 'no-such-facility' })).toBeNull()
  })
})
