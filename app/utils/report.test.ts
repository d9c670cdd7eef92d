import { describe, expect, test } from 'vitest'
import { columnValue, FIGURE_COLUMNS, reportFileName, reportPeriod, type ReportFigures } from './report'

describe('the report period from the query', () => {
  const today = '2026-11-30'
  test('missing dates: this year so far', () => {
    expect(reportPeriod(null, null, today)).toEqual({ from: '2026-01-01', to: '2026-11-30', adjusted: false, backwards: false })
    expect(reportPeriod('', '', today)).toEqual({ from: '2026-01-01', to: '2026-11-30', adjusted: false, backwards: false })
  })
  test('dates that are not a report period fall back and say so', () => {
    for (const odd of ['2026-02-30', '0000-01-01', '1999-12-31', '2101-01-01', '2026-1-1', '30-11-2026', 'i går']) {
      expect(reportPeriod(odd, '2026-06-30', today), odd).toEqual({ from: '2026-01-01', to: '2026-06-30', adjusted: true, backwards: false })
    }
  })
  test('an end before the start is kept and marked; one day is a period', () => {
    expect(reportPeriod('2026-06-30', '2026-01-01', today)).toMatchObject({ backwards: true, adjusted: false })
    expect(reportPeriod('2026-03-01', '2026-03-01', today)).toMatchObject({ from: '2026-03-01', to: '2026-03-01', backwards: false })
  })
  test('the CSV file name carries the period', () => {
    expect(reportFileName({ from: '2026-01-01', to: '2026-06-30' })).toBe('frivilligbro-rapport-2026-01-01-2026-06-30.csv')
  })
})

describe('column values', () => {
  const column = (key: string) => FIGURE_COLUMNS.find((c) => c.key === key)!
  const figures = { hours: 8.755, satisfactionAverage: 3.46, alignedShare: 2 / 3, retention: [{ months: 3, eligible: 6, kept: 5 }] } as unknown as ReportFigures
  test('hours to two decimals, satisfaction to one, shares as whole percents, nothing as null', () => {
    expect(columnValue(column('hours'), figures)).toBe(8.76)
    expect(columnValue(column('satisfactionAverage'), figures)).toBe(3.5)
    expect(columnValue(column('alignedShare'), figures)).toBe(67)
    expect(columnValue(column('retention3'), figures)).toBe(83)
    expect(columnValue(column('retention6'), figures)).toBeNull()
  })
})
