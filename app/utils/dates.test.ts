import { describe, expect, test } from 'vitest'
import { formatDate, formatDateTime, formatLocalDate, formatShortDateTime } from './dates'

describe('dates are shown as Danish wall-clock time', () => {
  test('winter time is UTC+1 and summer time UTC+2, whatever the server’s own zone', () => {
    expect(formatDateTime('2026-01-13T14:00:00Z', 'da')).toBe('13. januar 2026 kl. 15:00')
    expect(formatDateTime('2026-07-14T13:00:00Z', 'da')).toBe('14. juli 2026 kl. 15:00')
    expect(formatDateTime('2026-07-14T13:00:00Z', 'en')).toBe('14 July 2026 at 15:00')
  })
  test('around the change to summer time (29 March 2026, 02:00 → 03:00)', () => {
    expect(formatShortDateTime('2026-03-29T00:59:00Z', 'da')).toBe('29.03.2026 01:59')
    expect(formatShortDateTime('2026-03-29T01:00:00Z', 'da')).toBe('29.03.2026 03:00')
  })
  test('a late-evening UTC instant is already the next day in Copenhagen', () => {
    expect(formatDate('2026-12-31T23:30:00Z', 'da')).toBe('1. januar 2027')
  })
})

describe('dates as people read them, never ISO', () => {
  test('a calendar date ("Gælder fra …") is d. MMMM yyyy in Danish and d MMMM yyyy in English', () => {
    expect(formatLocalDate('2026-10-21', 'da')).toBe('21. oktober 2026')
    expect(formatLocalDate('2026-10-21', 'en')).toBe('21 October 2026')
    // The short form for tables: dd.MM.yyyy, Copenhagen time.
    expect(formatShortDateTime('2026-10-21T22:30:00Z', 'da')).toBe('22.10.2026 00:30')
  })
})
