import { describe, expect, it } from 'vitest'
import { easterSunday, holidayOn, holidaysBetween, holidaysOf } from './holidays'

// Written out by hand from a calendar, not computed: Easter Sunday, then the days around it.
const EXPECTED: Record<number, string[]> = {
  2026: [
    '2026-01-01 newYearsDay', '2026-04-02 maundyThursday', '2026-04-03 goodFriday', '2026-04-05 easterSunday', '2026-04-06 easterMonday',
    '2026-05-14 ascensionDay', '2026-05-24 whitSunday', '2026-05-25 whitMonday', '2026-06-05 constitutionDay',
    '2026-12-24 christmasEve', '2026-12-25 christmasDay', '2026-12-26 boxingDay', '2026-12-31 newYearsEve',
  ],
  2027: [
    '2027-01-01 newYearsDay', '2027-03-25 maundyThursday', '2027-03-26 goodFriday', '2027-03-28 easterSunday', '2027-03-29 easterMonday',
    '2027-05-06 ascensionDay', '2027-05-16 whitSunday', '2027-05-17 whitMonday', '2027-06-05 constitutionDay',
    '2027-12-24 christmasEve', '2027-12-25 christmasDay', '2027-12-26 boxingDay', '2027-12-31 newYearsEve',
  ],
  2028: [
    '2028-01-01 newYearsDay', '2028-04-13 maundyThursday', '2028-04-14 goodFriday', '2028-04-16 easterSunday', '2028-04-17 easterMonday',
    '2028-05-25 ascensionDay', '2028-06-04 whitSunday', '2028-06-05 whitMonday', '2028-06-05 constitutionDay',
    '2028-12-24 christmasEve', '2028-12-25 christmasDay', '2028-12-26 boxingDay', '2028-12-31 newYearsEve',
  ],
  2029: [
    '2029-01-01 newYearsDay', '2029-03-29 maundyThursday', '2029-03-30 goodFriday', '2029-04-01 easterSunday', '2029-04-02 easterMonday',
    '2029-05-10 ascensionDay', '2029-05-20 whitSunday', '2029-05-21 whitMonday', '2029-06-05 constitutionDay',
    '2029-12-24 christmasEve', '2029-12-25 christmasDay', '2029-12-26 boxingDay', '2029-12-31 newYearsEve',
  ],
  2030: [
    '2030-01-01 newYearsDay', '2030-04-18 maundyThursday', '2030-04-19 goodFriday', '2030-04-21 easterSunday', '2030-04-22 easterMonday',
    '2030-05-30 ascensionDay', '2030-06-09 whitSunday', '2030-06-10 whitMonday', '2030-06-05 constitutionDay',
    '2030-12-24 christmasEve', '2030-12-25 christmasDay', '2030-12-26 boxingDay', '2030-12-31 newYearsEve',
  ],
}

describe('Danish public holidays', () => {
  it.each([2026, 2027, 2028, 2029, 2030])('%i has the holidays and closing days of the written list', (year) => {
    const actual = holidaysOf(year).map((h) => `${h.date} ${h.code}`)
    expect([...actual].sort()).toEqual([...EXPECTED[year]].sort())
  })

  it('finds Easter Sunday for the years the calendar gives', () => {
    expect(['2026', '2027', '2028', '2029', '2030'].map((y) => easterSunday(Number(y)))).toEqual(['2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21'])
  })

  it('keeps Store bededag until 2023 and not after', () => {
    expect(holidayOn('2023-05-05')).toEqual({ date: '2023-05-05', code: 'greatPrayerDay', kind: 'holiday' })
    expect(holidaysOf(2024).some((h) => h.code === 'greatPrayerDay')).toBe(false)
    expect(holidayOn('2024-04-26')).toBeNull()
  })

  it('tells a holiday by law from a customary closing day, and the law wins on a shared date', () => {
    expect(holidayOn('2026-12-25')?.kind).toBe('holiday')
    expect(holidayOn('2026-12-24')?.kind).toBe('closing-day')
    expect(holidayOn('2026-06-05')).toEqual({ date: '2026-06-05', code: 'constitutionDay', kind: 'closing-day' })
    expect(holidayOn('2028-06-05')?.code).toBe('whitMonday')
    expect(holidayOn('2026-12-23')).toBeNull()
  })

  it('lists the days of a period across a new year', () => {
    expect(holidaysBetween('2026-12-20', '2027-01-02').map((h) => h.date)).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'])
  })
})
