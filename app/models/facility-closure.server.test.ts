import { describe, expect, test } from 'vitest'
import { bookingWorld } from '../../tests/setup/fixtures-booking'
import { calendarMarksBefore } from '../../tests/setup/reads-before'
import { addClosure, calendarMarks, facilityClosurePage, removeClosure, setHolidayOpen } from './facility-closure.server'
import { bookWindowVisit } from './visit-booking.server'
import { moveVisit } from './visit-change.server'
import { bookableWindows, facilityWindows } from './visit-window.server'
import { prisma } from '~/utils/db.server'
import { wallClockInstant } from '~/utils/time'

const NOW = wallClockInstant('2026-12-10', '09:00')

/** The booking world plus a Friday window: Christmas Day 2026 and New Year's Day 2027 are Fridays. */
async function fridayWorld() {
  const world = await bookingWorld()
  const friday = await prisma.visitWindow.create({
    data: { facilityId: world.facility.id, title: 'Fredagsbanko', weekday: 5, startTime: '10:00', endTime: '12:00', capacity: 3, validFrom: '2026-01-01' },
  })
  return { ...world, friday }
}

describe('holidays and closures close visit windows', () => {
  test('the booking page marks Christmas Day and New Year\'s Day as closed, and booking them is refused', async () => {
    const world = await fridayWorld()
    const windows = await bookableWindows(world.volunteer.id, NOW)
    const dates = windows.find((w) => w.id === world.friday.id)!.dates
    expect(dates.slice(0, 4).map((d) => [d.localDate, d.closed])).toEqual([
      ['2026-12-11', null],
      ['2026-12-18', null],
      ['2026-12-25', { kind: 'holiday', code: 'christmasDay' }],
      ['2027-01-01', { kind: 'holiday', code: 'newYearsDay' }],
    ])
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.friday.id, localDate: '2026-12-25' }, NOW)).toEqual({ ok: false, reason: 'closed' })
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.friday.id, localDate: '2027-01-01' }, NOW)).toEqual({ ok: false, reason: 'closed' })
    expect(await prisma.visit.count({ where: { windowId: world.friday.id } })).toBe(0)
  })

  test('a holiday the facility opens on purpose can be booked; closing it again stops new bookings', async () => {
    const world = await fridayWorld()
    expect(await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-25', true)).toEqual({ ok: true })
    expect(await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-25', true)).toEqual({ ok: true })
    const page = await facilityClosurePage(world.facility.id, NOW)
    expect(page.holidays.filter((h) => h.date.startsWith('2026-12')).map((h) => [h.code, h.open])).toEqual([
      ['christmasEve', false],
      ['christmasDay', true],
      ['boxingDay', false],
      ['newYearsEve', false],
    ])
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.friday.id, localDate: '2026-12-25' }, NOW)
    expect(booked.ok).toBe(true)
    await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-25', false)
    const other = await bookingWorld()
    await prisma.match.create({ data: { jobAdId: world.ad.id, facilityId: world.facility.id, volunteerId: other.volunteer.id, status: 'active', approvedAt: NOW } })
    expect(await bookWindowVisit(other.volunteer.id, { windowId: world.friday.id, localDate: '2026-12-25' }, NOW)).toEqual({ ok: false, reason: 'closed' })
    // Only holidays and closing days can be opened on purpose.
    expect(await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-18', true)).toEqual({ ok: false, reason: 'not-a-holiday' })
  })

  test('the calendar views get the holidays, and the closures and open days of the facilities the person works with', async () => {
    const world = await fridayWorld()
    const stranger = await bookingWorld()
    await addClosure(world.contact.id, world.facility.id, { fromDate: '2026-12-28', toDate: '2026-12-30', reason: 'Flytning' })
    await addClosure(stranger.contact.id, stranger.facility.id, { fromDate: '2026-12-21', toDate: '2026-12-23', reason: 'Maling' })
    await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-24', true)
    const staff = await calendarMarks({ id: world.contact.id, role: 'facility_staff', memberships: [{ facilityId: world.facility.id }] }, '2026-12-21', '2027-01-03')
    expect(staff.holidays.map((h) => h.code)).toEqual(['christmasEve', 'christmasDay', 'boxingDay', 'newYearsEve', 'newYearsDay'])
    expect(staff.closures).toEqual([{ fromDate: '2026-12-28', toDate: '2026-12-30', reason: 'Flytning', facilityName: world.facility.name }])
    expect(staff.openDays).toEqual([{ date: '2026-12-24', facilityName: world.facility.name }])
    // The volunteer is matched with the world's facility, not the stranger's.
    const volunteer = await calendarMarks({ id: world.volunteer.id, role: 'volunteer', memberships: [] }, '2026-12-21', '2027-01-03')
    expect(volunteer.closures.map((c) => c.reason)).toEqual(['Flytning'])
    // Read from the read connection, the marks equal the Prisma read they replaced, for every kind of person.
    for (const actor of [
      { id: world.contact.id, role: 'facility_staff', memberships: [{ facilityId: world.facility.id }, { facilityId: stranger.facility.id }] },
      { id: world.contact.id, role: 'facility_staff', memberships: [] },
      { id: world.volunteer.id, role: 'volunteer', memberships: [] },
      { id: world.contact.id, role: 'coordinator', memberships: [] },
    ]) {
      for (const [from, to] of [['2026-12-21', '2027-01-03'], ['2026-11-02', '2026-11-08']]) expect(await calendarMarks(actor, from, to)).toEqual(await calendarMarksBefore(actor, from, to))
    }
  })

  test('a closure period closes every window date in it, even an opened holiday; visits already booked are kept and counted', async () => {
    const world = await fridayWorld()
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-12-16' }, NOW)
    if (!booked.ok) throw new Error(booked.reason)
    await setHolidayOpen(world.contact.id, world.facility.id, '2026-12-25', true)
    const closure = await addClosure(world.contact.id, world.facility.id, { fromDate: '2026-12-14', toDate: '2027-01-03', reason: 'Juleferie' })
    expect(closure.plannedVisits).toBe(1)
    expect((await prisma.visit.findUniqueOrThrow({ where: { id: booked.visitId } })).status).toBe('planned')

    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.friday.id, localDate: '2026-12-18' }, NOW)).toEqual({ ok: false, reason: 'closed' })
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.friday.id, localDate: '2026-12-25' }, NOW)).toEqual({ ok: false, reason: 'closed' })
    const windows = await facilityWindows(world.facility.id, NOW)
    expect(windows.find((w) => w.id === world.friday.id)!.closedDates.map((d) => [d.localDate, d.closed.kind])).toEqual([
      ['2026-12-18', 'closure'],
      ['2026-12-25', 'closure'],
      ['2027-01-01', 'closure'],
    ])
    // Moving the kept visit within the closure is refused too; it can still be cancelled or left.
    expect(await moveVisit(world.volunteer.id, { visitId: booked.visitId, localDate: '2026-12-30', startTime: '', endTime: '', reason: 'Flyt' }, NOW)).toEqual({ ok: false, reason: 'closed' })
    expect((await facilityClosurePage(world.facility.id, NOW)).closures).toEqual([{ id: closure.id, fromDate: '2026-12-14', toDate: '2027-01-03', reason: 'Juleferie', plannedVisits: 1 }])

    expect(await removeClosure(world.contact.id, world.otherFacility.id, closure.id)).toBe(false)
    expect(await removeClosure(world.contact.id, world.facility.id, closure.id)).toBe(true)
    expect((await bookWindowVisit(world.volunteer.id, { windowId: world.friday.id, localDate: '2026-12-18' }, NOW)).ok).toBe(true)
  })
})
