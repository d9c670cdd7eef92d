import { describe, expect, test } from 'vitest'
import { copenhagenDate, copenhagenTime, isoWeekday } from './time'
import { expandPlan, plansOverlap, type PlanRule } from './visit-schedule'

const weekly: PlanRule = { weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', startDate: '2026-03-01' }
const clock = (date: Date) => `${copenhagenDate(date)} ${copenhagenTime(date)}`

describe('wall-clock times in Copenhagen', () => {
  test('15:00–17:00 on Tuesdays stays so across the spring change (29 March 2026)', () => {
    const visits = expandPlan(weekly, [], { from: '2026-03-20', to: '2026-04-08' })
    expect(visits.map((v) => v.localDate)).toEqual(['2026-03-24', '2026-03-31', '2026-04-07'])
    expect(visits.map((v) => v.startsAt.toISOString())).toEqual(['2026-03-24T14:00:00.000Z', '2026-03-31T13:00:00.000Z', '2026-04-07T13:00:00.000Z'])
    expect(visits.map((v) => clock(v.endsAt))).toEqual(['2026-03-24 17:00', '2026-03-31 17:00', '2026-04-07 17:00'])
  })

  test('and across the autumn change (25 October 2026)', () => {
    const visits = expandPlan(weekly, [], { from: '2026-10-19', to: '2026-11-04' })
    expect(visits.map((v) => v.startsAt.toISOString())).toEqual(['2026-10-20T13:00:00.000Z', '2026-10-27T14:00:00.000Z', '2026-11-03T14:00:00.000Z'])
    expect(visits.every((v) => copenhagenTime(v.startsAt) === '15:00')).toBe(true)
  })

  test('a Sunday plan on the spring change day keeps its times', () => {
    const sunday = expandPlan({ ...weekly, weekday: 7, startTime: '10:00', endTime: '12:00' }, [], { from: '2026-03-28', to: '2026-03-30' })
    expect(sunday.map((v) => [clock(v.startsAt), clock(v.endsAt)])).toEqual([['2026-03-29 10:00', '2026-03-29 12:00']])
  })
})

describe('frequencies', () => {
  test('every second week keeps its rhythm across the new year after ISO week 53 (2026 has one)', () => {
    const plan: PlanRule = { weekday: 4, startTime: '10:00', endTime: '12:00', frequency: 'biweekly', startDate: '2026-12-01' }
    const dates = expandPlan(plan, [], { from: '2026-11-01', to: '2027-02-01' }).map((v) => v.localDate)
    // 3 Dec is the first Thursday on or after the start; then every 14 days, whatever the week numbers say.
    expect(dates).toEqual(['2026-12-03', '2026-12-17', '2026-12-31', '2027-01-14', '2027-01-28'])
    // Expanding in pieces (as the worker does, horizon by horizon) gives the same dates.
    const pieces = [
      ...expandPlan(plan, [], { from: '2026-11-01', to: '2026-12-20' }),
      ...expandPlan(plan, [], { from: '2026-12-21', to: '2027-01-20' }),
      ...expandPlan(plan, [], { from: '2027-01-21', to: '2027-02-01' }),
    ].map((v) => v.localDate)
    expect(pieces).toEqual(dates)
  })

  test('monthly on the nth weekday, and on the last one', () => {
    const second: PlanRule = { weekday: 3, startTime: '14:00', endTime: '16:00', frequency: 'monthly', nthWeekday: 2, startDate: '2026-11-01' }
    expect(expandPlan(second, [], { from: '2026-11-01', to: '2027-02-28' }).map((v) => v.localDate)).toEqual(['2026-11-11', '2026-12-09', '2027-01-13', '2027-02-10'])
    const last: PlanRule = { ...second, weekday: 5, nthWeekday: -1 }
    const dates = expandPlan(last, [], { from: '2026-11-01', to: '2027-03-31' }).map((v) => v.localDate)
    expect(dates).toEqual(['2026-11-27', '2026-12-25', '2027-01-29', '2027-02-26', '2027-03-26'])
    expect(dates.every((d) => isoWeekday(d) === 5)).toBe(true)
    // The last Sunday of October 2026 is the autumn change day; the time is still 14:00.
    const lastSunday = expandPlan({ ...second, weekday: 7, nthWeekday: -1, startDate: '2026-10-01' }, [], { from: '2026-10-01', to: '2026-10-31' })
    expect(lastSunday.map((v) => clock(v.startsAt))).toEqual(['2026-10-25 14:00'])
  })
})

describe('start, end, pauses and skips', () => {
  test('nothing before the start date or after the end date', () => {
    const plan = { ...weekly, startDate: '2026-11-25', endDate: '2026-12-15' }
    expect(expandPlan(plan, [], { from: '2026-11-01', to: '2027-01-31' }).map((v) => v.localDate)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15'])
  })

  test('a holiday pause (both ends included) and a skipped date are left out', () => {
    const exceptions = [
      { kind: 'pause', fromDate: '2026-12-20', toDate: '2027-01-05' },
      { kind: 'skip', fromDate: '2027-01-19', toDate: '2027-01-19' },
    ]
    const plan = { ...weekly, startDate: '2026-12-01' }
    expect(expandPlan(plan, exceptions, { from: '2026-12-01', to: '2027-01-31' }).map((v) => v.localDate)).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
      '2027-01-12',
      '2027-01-26',
    ])
    expect(expandPlan(plan, [{ kind: 'pause', fromDate: '2026-12-01', toDate: '2026-12-01' }], { from: '2026-12-01', to: '2026-12-08' }).map((v) => v.localDate)).toEqual(['2026-12-08'])
  })
})

describe('overlapping plans', () => {
  test('same weekday, overlapping times and dates clash; touching windows or other days do not', () => {
    expect(plansOverlap(weekly, { ...weekly, startTime: '16:00', endTime: '18:00' })).toBe(true)
    expect(plansOverlap(weekly, { ...weekly, startTime: '17:00', endTime: '18:00' })).toBe(false)
    expect(plansOverlap(weekly, { ...weekly, weekday: 3 })).toBe(false)
    expect(plansOverlap({ ...weekly, endDate: '2026-05-31' }, { ...weekly, startDate: '2026-06-01' })).toBe(false)
    expect(plansOverlap({ ...weekly, endDate: '2026-06-01' }, { ...weekly, startDate: '2026-06-01' })).toBe(true)
  })
})
