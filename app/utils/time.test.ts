import { describe, expect, test } from 'vitest'
import { prisma } from '~/utils/db.server'
import {
  addCopenhagenCalendar,
  addDays,
  addMonthsToMonth,
  copenhagenDate,
  copenhagenTime,
  isClockTime,
  isLocalDate,
  isoWeekday,
  lastDateOfMonth,
  mondayOf,
  sqliteInstant,
  wallClockInstant,
} from './time'

const HOUR = 3_600_000
const MINUTE = 60_000

// The reference is the time-zone database as Node's Intl has it, asked only "what does the clock
// in Copenhagen show at this instant?", so it does not share any arithmetic with the module.
const tzdb = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})
function clockAt(instant: number) {
  const part = Object.fromEntries(tzdb.formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` }
}

/**
 * What RFC 5545 says a Copenhagen wall-clock time means, from the database: the instants that show
 * it (Copenhagen is UTC+1 or UTC+2, so they lie 1 or 2 hours before the time read as UTC); of two,
 * the first; of none (the spring gap), the time read with the offset before the gap (+1).
 */
function expectedInstant(date: string, time: string) {
  const asUtc = Date.parse(`${date}T${time}:00Z`)
  const showing = [asUtc - 2 * HOUR, asUtc - HOUR].filter((instant) => {
    const clock = clockAt(instant)
    return clock.date === date && clock.time === time
  })
  return showing.length > 0 ? showing[0] : asUtc - HOUR
}

const CHANGE_DAYS = {
  '2026 spring': '2026-03-29',
  '2026 autumn': '2026-10-25',
  '2027 spring': '2027-03-28',
  '2027 autumn': '2027-10-31',
}

const everyHalfHour = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`)

describe('the daylight-saving days of 2026 and 2027, and the days around them', () => {
  for (const [name, changeDay] of Object.entries(CHANGE_DAYS)) {
    test(`${name} (${changeDay}): every half hour of the wall clock gives the RFC 5545 instant`, () => {
      let gap = 0
      let repeated = 0
      for (let offset = -2; offset <= 2; offset++) {
        const date = addDays(changeDay, offset)
        for (const time of everyHalfHour) {
          const instant = wallClockInstant(date, time).getTime()
          expect(instant, `${date} ${time}`).toBe(expectedInstant(date, time))
          const shown = clockAt(instant)
          if (shown.time !== time) gap++
          const other = instant + HOUR
          if (clockAt(other).date === date && clockAt(other).time === time) repeated++
        }
      }
      // Exactly 02:00 and 02:30 of one day fall in the gap (spring) or happen twice (autumn).
      expect([gap, repeated]).toEqual(name.endsWith('spring') ? [2, 0] : [0, 2])
    })

    test(`${name} (${changeDay}): every quarter hour of real time reads as the database's date and time`, () => {
      const from = wallClockInstant(addDays(changeDay, -2), '00:00').getTime()
      const to = wallClockInstant(addDays(changeDay, 3), '00:00').getTime()
      for (let instant = from; instant < to; instant += 15 * MINUTE) {
        const expected = clockAt(instant)
        expect(`${copenhagenDate(new Date(instant))} ${copenhagenTime(new Date(instant))}`, new Date(instant).toISOString()).toBe(`${expected.date} ${expected.time}`)
      }
    })
  }

  test('the spring gap moves on an hour; the repeated autumn hour is the first (summer time) one', () => {
    const clock = (date: Date) => `${copenhagenDate(date)} ${copenhagenTime(date)}`
    expect(wallClockInstant('2026-03-29', '01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z')
    expect(clock(wallClockInstant('2026-03-29', '02:00'))).toBe('2026-03-29 03:00')
    expect(clock(wallClockInstant('2026-03-29', '02:30'))).toBe('2026-03-29 03:30')
    expect(wallClockInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(wallClockInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z')
    expect(wallClockInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(wallClockInstant('2026-10-25', '03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z')
    expect(wallClockInstant('2027-10-31', '02:00').toISOString()).toBe('2027-10-31T00:00:00.000Z')
  })

  test('agrees with the database at ordinary times every day of 2026 and 2027', () => {
    for (let day = 0; day < 730; day++) {
      const date = addDays('2026-01-01', day)
      for (const time of ['00:00', '01:30', '03:00', '09:15', '15:00', '23:45']) {
        expect(wallClockInstant(date, time).getTime(), `${date} ${time}`).toBe(expectedInstant(date, time))
      }
    }
  })
})

describe('calendar dates', () => {
  test('days, weekdays, Mondays and months without a time zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(['2026-11-30', '2026-12-05', '2026-12-06'].map(isoWeekday)).toEqual([1, 6, 7])
    expect(mondayOf('2027-01-03')).toBe('2026-12-28')
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
    expect(lastDateOfMonth('2026-02')).toBe('2026-02-28')
    expect(lastDateOfMonth('2028-02')).toBe('2028-02-29')
    expect(addMonthsToMonth('2026-12', 1)).toBe('2027-01')
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12')
  })

  test('only real dates and clock times pass', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].every(isLocalDate)).toBe(true)
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', ''].some(isLocalDate)).toBe(false)
    expect(['00:00', '09:05', '23:59'].every(isClockTime)).toBe(true)
    expect(['24:00', '9:05', '12:60', '12.30', ''].some(isClockTime)).toBe(false)
  })

  test("today's date follows Copenhagen, not UTC, around midnight", () => {
    expect(copenhagenDate(new Date('2026-11-30T22:59:00Z'))).toBe('2026-11-30')
    expect(copenhagenDate(new Date('2026-11-30T23:00:00Z'))).toBe('2026-12-01')
    expect(copenhagenDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30')
    expect(copenhagenDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01')
  })

  test('calendar days and months in Copenhagen keep the wall-clock time across a change', () => {
    const approved = wallClockInstant('2026-03-01', '11:00')
    expect(copenhagenTime(addCopenhagenCalendar(approved, { days: 28 }))).toBe('11:00')
    expect(addCopenhagenCalendar(approved, { days: 28 }).toISOString()).toBe('2026-03-29T09:00:00.000Z')
    expect(addCopenhagenCalendar(wallClockInstant('2026-01-31', '10:00'), { months: 1 }).toISOString()).toBe(wallClockInstant('2026-02-28', '10:00').toISOString())
    expect(addCopenhagenCalendar(wallClockInstant('2026-08-31', '10:00'), { days: 1, months: 3 }).toISOString()).toBe(wallClockInstant('2026-12-01', '10:00').toISOString())
  })
})

describe('the SQLite timestamp text', () => {
  test('is exactly what Prisma writes for a DateTime, so raw SQL compares like with like', async () => {
    const createdAt = new Date('2026-08-18T13:00:00.123Z')
    const centre = await prisma.centre.create({ data: { name: 'Tidscentret', email: 'tid@example.dk', createdAt }, select: { id: true } })
    const [row] = await prisma.$queryRaw<{ createdAt: string }[]>`SELECT CAST("createdAt" AS TEXT) AS "createdAt" FROM "Centre" WHERE "id" = ${centre.id}`
    expect(row.createdAt).toBe('2026-08-18T13:00:00.123+00:00')
    expect(sqliteInstant(createdAt)).toBe(row.createdAt)
  })
})
