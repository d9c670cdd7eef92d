import { TZDate } from '@date-fns/tz'
import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { activeMatch, bookingWorld } from '../../tests/setup/fixtures-booking'
import { bookableWindows } from './visit-window.server'
import { lateCancellations, unloggedVisits } from './visit-attention.server'
import { bookWindowVisit } from './visit-booking.server'
import { cancelVisit, logVisit, moveVisit } from './visit-change.server'
import { prisma } from '~/utils/db.server'

const copenhagen = (y: number, m: number, d: number, h: number, min = 0) => new Date(new TZDate(y, m - 1, d, h, min, 0, 'Europe/Copenhagen').getTime())
// A Monday morning; the Wednesday café on 2026-03-25 is two days ahead (and after the spring change, 2026-03-29, comes 2026-04-01).
const NOW = copenhagen(2026, 3, 23, 9)
type Attachment = { filename: string; contentType: string; content: string }

function calendarOf(message: { attachments: string | null }) {
  const [attachment] = JSON.parse(message.attachments ?? '[]') as Attachment[]
  const component = new ICAL.Component(ICAL.parse(attachment.content))
  const event = component.getFirstSubcomponent('vevent')!
  return { attachment, method: component.getFirstPropertyValue('method'), event }
}

describe('booking a window date', () => {
  test('20 volunteers at once for room for 2: exactly 2 get in, 18 are told it is full', async () => {
    const world = await bookingWorld({ capacity: 2 })
    const volunteers = await Promise.all(Array.from({ length: 20 }, async () => (await activeMatch(world)).volunteerId))
    const results = await Promise.all(volunteers.map((id) => bookWindowVisit(id, { windowId: world.window.id, localDate: '2026-03-25' }, NOW)))
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(results.filter((r) => !r.ok && r.reason === 'full')).toHaveLength(18)
    expect(await prisma.visit.count({ where: { windowId: world.window.id, localDate: '2026-03-25', status: 'planned' } })).toBe(2)
    // A cancelled place is free again.
    const booked = results.find((r) => r.ok)
    if (!booked?.ok) throw new Error('no booking')
    await cancelVisit(volunteers[results.indexOf(booked)], { visitId: booked.visitId, reason: 'Jeg er syg' }, NOW)
    const retry = await bookWindowVisit(volunteers[19], { windowId: world.window.id, localDate: '2026-03-25' }, NOW)
    expect(retry.ok || retry.reason).toBe(true)
  })

  test('the volunteer gets a confirmation and the contact person a notice, both with the calendar file in Copenhagen time', async () => {
    const world = await bookingWorld()
    const result = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-04-01' }, NOW)
    if (!result.ok) throw new Error(result.reason)
    const visit = await prisma.visit.findUniqueOrThrow({ where: { id: result.visitId } })
    // After the spring change: 14:00 Copenhagen is 12:00 UTC, and Prisma reads back what raw SQL wrote.
    expect(visit.startsAt.toISOString()).toBe('2026-04-01T12:00:00.000Z')
    expect(visit).toMatchObject({ status: 'planned', matchId: world.match.id, facilityId: world.facility.id, location: 'Caféen', sequence: 0 })
    const toVolunteer = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.volunteer.email, template: 'visit-booked' } })
    const toContact = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.contact.email, template: 'visit-booked' } })
    expect(toVolunteer.text).toContain('Du har booket en plads til »Internetcafé onsdag«')
    expect(toContact.text).toContain('Mette Frivillig har booket en plads')
    expect(toContact.text).toContain('onsdag 1. april 2026 kl. 14:00–16:00')
    for (const message of [toVolunteer, toContact]) {
      const { attachment, method, event } = calendarOf(message)
      expect(attachment.contentType).toContain('method=REQUEST')
      expect(method).toBe('REQUEST')
      expect(event.getFirstPropertyValue('uid')).toBe(`visit-${result.visitId}@frivilligbro`)
      expect(event.getFirstPropertyValue('sequence')).toBe(0)
      expect(attachment.content).toContain('DTSTART;TZID=Europe/Copenhagen:20260401T140000')
    }
    expect(await prisma.auditLog.count({ where: { action: 'visit.booked', entityId: result.visitId } })).toBe(1)
  })

  test('an overlapping visit anywhere is refused with its own reason; so is booking the same date twice', async () => {
    const world = await bookingWorld({ capacity: 5 })
    // A visit at the other facility 15:00–17:00 the same Wednesday overlaps the café 14–16.
    await prisma.visit.create({
      data: {
        matchId: world.otherMatch.id,
        facilityId: world.otherFacility.id,
        volunteerId: world.volunteer.id,
        localDate: '2026-03-25',
        startsAt: copenhagen(2026, 3, 25, 15),
        endsAt: copenhagen(2026, 3, 25, 17),
      },
    })
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-25' }, NOW)).toEqual({ ok: false, reason: 'overlap' })
    const first = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-04-01' }, NOW)
    expect(first.ok).toBe(true)
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-04-01' }, NOW)).toEqual({ ok: false, reason: 'overlap' })
    expect(await prisma.visit.count({ where: { volunteerId: world.volunteer.id, windowId: world.window.id } })).toBe(1)
    // Not a Wednesday, in the past, or without an active match.
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-26' }, NOW)).toEqual({ ok: false, reason: 'not-a-window-date' })
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-18' }, NOW)).toEqual({ ok: false, reason: 'past' })
    await prisma.match.update({ where: { id: world.match.id }, data: { status: 'paused' } })
    expect(await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-04-08' }, NOW)).toEqual({ ok: false, reason: 'no-match' })
  })

  test('the booking page lists the next weeks\' dates with the room left', async () => {
    const world = await bookingWorld({ capacity: 2 })
    const other = await activeMatch(world)
    await bookWindowVisit(other.volunteerId, { windowId: world.window.id, localDate: '2026-03-25' }, NOW)
    const [window] = await bookableWindows(world.volunteer.id, NOW)
    expect(window.title).toBe('Internetcafé onsdag')
    expect(window.dates.map((d) => d.localDate)).toEqual(['2026-03-25', '2026-04-01', '2026-04-08', '2026-04-15', '2026-04-22', '2026-04-29'])
    expect(window.dates[0]).toMatchObject({ roomLeft: 1, bookedVisitId: null })
    expect(window.dates[1]).toMatchObject({ roomLeft: 2 })
  })
})

describe('changing a single visit', () => {
  test('cancelling under 24 hours before is flagged late; the contact person gets METHOD:CANCEL with a raised SEQUENCE', async () => {
    const world = await bookingWorld()
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-25' }, NOW)
    if (!booked.ok) throw new Error(booked.reason)
    const dayBefore = copenhagen(2026, 3, 24, 20)
    expect(await cancelVisit(world.volunteer.id, { visitId: booked.visitId, reason: 'Min bil er gået i stykker' }, dayBefore)).toEqual({ ok: true, late: true })
    const visit = await prisma.visit.findUniqueOrThrow({ where: { id: booked.visitId } })
    expect(visit).toMatchObject({ status: 'cancelled', cancelledById: world.volunteer.id, cancelReason: 'Min bil er gået i stykker', lateCancellation: true, sequence: 1 })
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.contact.email, template: 'visit-cancelled' } })
    expect(mail.text).toContain('Min bil er gået i stykker')
    expect(mail.text).toContain('mindre end 24 timer')
    const { method, event } = calendarOf(mail)
    expect(method).toBe('CANCEL')
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.getFirstPropertyValue('sequence')).toBe(1)
    expect(event.getFirstPropertyValue('uid')).toBe(`visit-${booked.visitId}@frivilligbro`)
    // The one who cancelled is not e-mailed about it; a second cancel changes nothing.
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.volunteer.email, template: 'visit-cancelled' } })).toBe(0)
    expect(await cancelVisit(world.volunteer.id, { visitId: booked.visitId, reason: 'igen' }, dayBefore)).toEqual({ ok: false, reason: 'not-planned' })
    const [late] = await lateCancellations([world.facility.municipalityId], dayBefore)
    expect(late.id).toBe(booked.visitId)
  })

  test('cancelling in good time is not late; the staff cancelling tells the volunteer', async () => {
    const world = await bookingWorld()
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-04-01' }, NOW)
    if (!booked.ok) throw new Error(booked.reason)
    expect(await cancelVisit(world.contact.id, { visitId: booked.visitId, reason: 'Caféen er lukket' }, NOW)).toEqual({ ok: true, late: false })
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.volunteer.email, template: 'visit-cancelled' } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.contact.email, template: 'visit-cancelled' } })).toBe(0)
  })

  test('moving keeps the UID, raises the SEQUENCE and re-checks room and overlap', async () => {
    const world = await bookingWorld({ capacity: 1 })
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-25' }, NOW)
    if (!booked.ok) throw new Error(booked.reason)
    const other = await activeMatch(world)
    await bookWindowVisit(other.volunteerId, { windowId: world.window.id, localDate: '2026-04-01' }, NOW)
    const move = (localDate: string) => moveVisit(world.volunteer.id, { visitId: booked.visitId, localDate, startTime: '', endTime: '', reason: 'Jeg er på kursus' }, NOW)
    expect(await move('2026-04-01')).toEqual({ ok: false, reason: 'full' })
    expect(await move('2026-04-02')).toEqual({ ok: false, reason: 'not-a-window-date' })
    expect(await move('2026-04-08')).toEqual({ ok: true })
    const visit = await prisma.visit.findUniqueOrThrow({ where: { id: booked.visitId } })
    expect(visit).toMatchObject({ localDate: '2026-04-08', sequence: 1 })
    expect(visit.startsAt.toISOString()).toBe('2026-04-08T12:00:00.000Z')
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.contact.email, template: 'visit-moved' } })
    expect(mail.text).toContain('onsdag 25. marts 2026 kl. 14:00–16:00')
    expect(mail.text).toContain('onsdag 8. april 2026 kl. 14:00–16:00')
    const { method, event } = calendarOf(mail)
    expect(method).toBe('REQUEST')
    expect(event.getFirstPropertyValue('sequence')).toBe(1)
    expect(event.getFirstPropertyValue('uid')).toBe(`visit-${booked.visitId}@frivilligbro`)

    // A visit outside a window moves to any time, but not onto another visit of the volunteer.
    const single = await prisma.visit.create({
      data: { matchId: world.otherMatch.id, facilityId: world.otherFacility.id, volunteerId: world.volunteer.id, localDate: '2026-04-06', startsAt: copenhagen(2026, 4, 6, 10), endsAt: copenhagen(2026, 4, 6, 12) },
    })
    const moveSingle = (startTime: string, endTime: string) =>
      moveVisit(world.otherLeader.id, { visitId: single.id, localDate: '2026-04-08', startTime, endTime, reason: 'Ny vagtplan' }, NOW)
    expect(await moveSingle('15:00', '17:00')).toEqual({ ok: false, reason: 'overlap' })
    expect(await moveSingle('17:00', '16:00')).toEqual({ ok: false, reason: 'invalid-time' })
    expect(await moveSingle('16:00', '18:00')).toEqual({ ok: true })
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.volunteer.email, template: 'visit-moved' } })).toBe(1)
  })

  test('logging: not before the start, done with hours and tasks, once; unlogged visits are listed for the centre', async () => {
    const world = await bookingWorld()
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-25' }, NOW)
    if (!booked.ok) throw new Error(booked.reason)
    const input = { outcome: 'done' as const, hours: 2, helpedWith: ['internet_cafe', 'photos'], note: 'Vi lavede fotoalbum.' }
    expect(await logVisit(world.volunteer.id, booked.visitId, input, NOW)).toEqual({ ok: false, reason: 'not-started' })
    const after = copenhagen(2026, 3, 25, 17)
    expect((await unloggedVisits([world.facility.municipalityId], after)).map((v) => v.id)).toContain(booked.visitId)
    expect(await logVisit(world.contact.id, booked.visitId, input, after)).toEqual({ ok: true })
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: booked.visitId } })).toMatchObject({ status: 'done', hours: 2, helpedWith: '["internet_cafe","photos"]', loggedById: world.contact.id })
    expect(await logVisit(world.volunteer.id, booked.visitId, { outcome: 'no_show', note: null }, after)).toEqual({ ok: false, reason: 'not-planned' })
    expect((await unloggedVisits([world.facility.municipalityId], after)).map((v) => v.id)).not.toContain(booked.visitId)
  })
})
