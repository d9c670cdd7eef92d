import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser } from '../../tests/setup/fixtures'
import { lucia } from './auth.server'
import { prisma } from './db.server'
import type { Role } from './domain'
import { buildActor } from './permissions.server'
import { sql as raw } from 'kysely'
import { all, first, rawQuery, sql } from './sql.server'

describe('typed reads', () => {
  test('the session lookup returns what the Prisma read it replaced returns', async () => {
    const centre = await createCentre(['Gribskov'])
    const coordinator = await createUser('coordinator', { centreId: centre.id, locale: 'en' })
    const volunteer = await createUser('volunteer', { verified: false })
    await prisma.user.update({ where: { id: volunteer.id }, data: { deactivatedAt: new Date('2026-10-01T08:00:00Z') } })

    for (const person of [coordinator, volunteer]) {
      const session = await lucia().createSession(person.id, {})
      const viaPrisma = await prisma.session.findUniqueOrThrow({
        where: { id: session.id },
        select: { id: true, userId: true, expiresAt: true, user: { select: { email: true, name: true, role: true, locale: true, centreId: true, emailVerifiedAt: true, deactivatedAt: true } } },
      })
      const { session: read, user } = await lucia().validateSession(session.id)
      expect(read?.id).toBe(viaPrisma.id)
      expect(read?.expiresAt.getTime()).toBe(viaPrisma.expiresAt.getTime())
      expect(user).toEqual({
        id: viaPrisma.userId,
        email: viaPrisma.user.email,
        name: viaPrisma.user.name,
        role: viaPrisma.user.role,
        locale: viaPrisma.user.locale,
        centreId: viaPrisma.user.centreId,
        emailVerified: viaPrisma.user.emailVerifiedAt !== null,
        deactivated: viaPrisma.user.deactivatedAt !== null,
      })
    }
    expect((await lucia().validateSession('no-such-session')).user).toBeNull()
  })

  test('the read connection sees what Prisma committed, and cannot write', async () => {
    const user = await createUser('volunteer', { name: 'Læse Forbindelse' })
    expect(all(sql.selectFrom('User').select(['name']).where('id', '=', user.id))).toEqual([{ name: 'Læse Forbindelse' }])
    await prisma.user.update({ where: { id: user.id }, data: { name: 'Ændret Navn' } })
    expect(all(sql.selectFrom('User').select(['name']).where('id', '=', user.id))).toEqual([{ name: 'Ændret Navn' }])
    expect(() => all(sql.deleteFrom('User').where('id', '=', user.id).returning('id'))).toThrow(/readonly|query_only|attempt to write/i)
    expect(() => all(sql.selectFrom('User').selectAll().where('createdAt', '>', new Date() as unknown as string))).toThrow(/as text or numbers/)
  })

  test("both connections keep 64 MB of database pages, not SQLite's 2 MB (PAGE_CACHE_PRAGMA)", async () => {
    expect(first(rawQuery<{ cache_size: number }>(raw`pragma cache_size`))).toEqual({ cache_size: -65536 })
    const [prismaSetting] = await prisma.$queryRawUnsafe<{ cache_size: number | bigint }[]>('PRAGMA cache_size')
    expect(Number(prismaSetting.cache_size)).toBe(-65536)
  })

  test('the actor of every signed-in request equals the Prisma read it replaced', async () => {
    const centre = await createCentre(['Gribskov Kommune', 'Hillerød Kommune'])
    const coordinator = await createUser('coordinator', { centreId: centre.id })
    const staff = await createUser('facility_staff')
    const facilities = [await createFacility('Gribskov Kommune'), await createFacility('Gribskov Kommune'), await createFacility('Hillerød Kommune'), await createFacility('Hillerød Kommune')]
    await addStaff(facilities[0].id, staff.id, 'leader')
    await addStaff(facilities[1].id, staff.id, 'staff', 'requested')
    await addStaff(facilities[2].id, staff.id, 'staff')
    await prisma.facilityMembership.update({ where: { facilityId_userId: { facilityId: facilities[2].id, userId: staff.id } }, data: { isContactPerson: true } })
    await addStaff(facilities[3].id, staff.id, 'staff')
    await prisma.facilityMembership.update({ where: { facilityId_userId: { facilityId: facilities[3].id, userId: staff.id } }, data: { status: 'removed' } })
    const volunteer = await createUser('volunteer')
    const lonelyCoordinator = await createUser('coordinator')
    const asUser = (user: typeof staff) => ({ id: user.id, role: user.role as Role, centreId: user.centreId })
    for (const person of [coordinator, staff, volunteer, lonelyCoordinator].map(asUser)) {
      const [municipalities, memberships] = await Promise.all([
        person.role === 'coordinator' && person.centreId ? prisma.municipality.findMany({ where: { centreId: person.centreId }, select: { id: true } }) : [],
        person.role === 'facility_staff'
          ? prisma.facilityMembership.findMany({ where: { userId: person.id, status: 'active' }, select: { facilityId: true, role: true, isContactPerson: true } })
          : [],
      ])
      expect(await buildActor(person)).toEqual({ id: person.id, role: person.role, centreId: person.centreId, centreMunicipalityIds: municipalities.map((m) => m.id), memberships })
    }
    const actor = await buildActor(asUser(staff))
    expect(actor.memberships.map((m) => [m.role, m.isContactPerson])).toEqual([['leader', true], ['staff', true]])
    expect((await buildActor(asUser(coordinator))).centreMunicipalityIds).toHaveLength(2)
  })
})
