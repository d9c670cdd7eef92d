import { describe, expect, test } from 'vitest'
import { seedDemo } from '../../prisma/seed'
import { bookingWorld } from '../../tests/setup/fixtures-booking'
import { bookableWindowsBefore } from '../../tests/setup/reads-before'
import { addClosure, setHolidayOpen } from './facility-closure.server'
import { bookWindowVisit } from './visit-booking.server'
import { bookableWindows, bookedDatesQuery } from './visit-window.server'
import { prisma } from '~/utils/db.server'
import { queryPlan } from '~/utils/sql.server'
import { wallClockInstant } from '~/utils/time'

describe('"book a visit" read straight from SQLite', () => {
  test('every demo volunteer sees the same windows, dates, room and own bookings as the Prisma read', async () => {
    await seedDemo(prisma)
    const volunteers = await prisma.user.findMany({ where: { role: 'volunteer' }, select: { id: true }, orderBy: { email: 'asc' } })
    let windows = 0
    let dates = 0
    let ownBookings = 0
    let partlyTaken = 0
    for (const now of [new Date(), new Date(Date.now() + 3 * 86_400_000), new Date(Date.now() + 40 * 86_400_000)]) {
      for (const volunteer of volunteers) {
        const read = await bookableWindows(volunteer.id, now)
        expect(read).toEqual(await bookableWindowsBefore(volunteer.id, now))
        windows += read.length
        for (const window of read) {
          dates += window.dates.length
          ownBookings += window.dates.filter((date) => date.bookedVisitId !== null).length
          partlyTaken += window.dates.filter((date) => date.roomLeft < window.capacity).length
        }
      }
    }
    // The comparison covered windows with dates, taken places and the volunteer's own bookings.
    expect(windows).toBeGreaterThan(0)
    expect(dates).toBeGreaterThan(windows)
    expect(ownBookings).toBeGreaterThan(0)
    expect(partlyTaken).toBeGreaterThan(0)
  })

  test('two facilities, two matches with one of them, closures, an opened holiday and bookings by others: the same as the Prisma read', async () => {
    const now = wallClockInstant('2026-12-10', '09:00')
    const world = await bookingWorld({ capacity: 2 })
    // A second active match with the same facility (another ad) must not list its windows twice.
    const secondAd = await prisma.jobAd.create({
      data: { facilityId: world.facility.id, municipalityId: world.facility.municipalityId, title: 'Tablethjælp', contactPersonId: world.contact.id, status: 'published' },
    })
    await prisma.match.create({ data: { jobAdId: secondAd.id, facilityId: world.facility.id, volunteerId: world.volunteer.id, status: 'active', approvedAt: now } })
    const friday = await prisma.visitWindow.create({
      data: { facilityId: world.facility.id, title: 'Fredagsbanko', weekday: 5, startTime: '10:00', endTime: '12:00', capacity: 3, validFrom: '2026-01-01', validTo: '2027-01-08' },
    })
    await prisma.visitWindow.create({ data: { facilityId: world.facility.id, title: 'Lukket vindue', weekday: 4, startTime: '10:00', endTime: '11:00', capacity: 1, validFrom: '2026-01-01', active: false } })
    const other = await prisma.visitWindow.create({
      data: { facilityId: world.otherFacility.id, title: 'Spilcafé tirsdag', weekday: 2, startTime: '13:00', endTime: '15:00', capacity: 1, validFrom: '2026-01-01' },
    })
    await addClosure(world.contact.id, world.facility.id, { fromDate: '2026-12-30', toDate: '2027-01-06', reason: 'Juleferie' })
    await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-25', true)
    const stranger = await bookingWorld()
    await prisma.match.create({ data: { jobAdId: world.ad.id, facilityId: world.facility.id, volunteerId: stranger.volunteer.id, status: 'active', approvedAt: now } })
    expect((await bookWindowVisit(stranger.volunteer.id, { windowId: world.window.id, localDate: '2026-12-16' }, now)).ok).toBe(true)
    expect((await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-12-16' }, now)).ok).toBe(true)
    expect((await bookWindowVisit(world.volunteer.id, { windowId: friday.id, localDate: '2026-12-25' }, now)).ok).toBe(true)

    const read = await bookableWindows(world.volunteer.id, now)
    expect(read).toEqual(await bookableWindowsBefore(world.volunteer.id, now))
    expect(read.map((window) => window.id)).toEqual([world.window.id, friday.id, other.id])
    const cafe = read[0].dates.find((date) => date.localDate === '2026-12-16')!
    expect(cafe.roomLeft).toBe(0)
    expect(cafe.bookedVisitId).not.toBeNull()
    expect(read[1].dates.map((date) => [date.localDate, date.closed?.kind ?? null])).toEqual([
      ['2026-12-11', null],
      ['2026-12-18', null],
      ['2026-12-25', null],
      ['2027-01-01', 'closure'],
      ['2027-01-08', null],
    ])
    expect(await bookableWindows(stranger.volunteer.id, now)).toEqual(await bookableWindowsBefore(stranger.volunteer.id, now))
    expect(await bookableWindows(world.contact.id, now)).toEqual([])
  })

  test('the taken places are read through the window index, not by walking every planned visit', async () => {
    await prisma.$executeRawUnsafe('ANALYZE')
    const plan = queryPlan(bookedDatesQuery('someone', ['w1', 'w2'], '2026-12-01')).join('\n')
    expect(plan).toContain('Visit_windowId_localDate_status_idx')
    expect(plan).not.toContain('Visit_status_startsAt_idx')
  })
})
