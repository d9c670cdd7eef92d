import { describe, expect, test } from 'vitest'
import { containsCprNumber, findCprNumbers, withoutCprNumber } from './cpr'

describe('CPR-like numbers are refused', () => {
  test('ddmmyy with a real date, then an optional dash or space, then four digits', () => {
    expect(findCprNumbers('Hun har cpr 010190-1234, skriv det ind')).toEqual(['010190-1234'])
    expect(containsCprNumber('0101901234')).toBe(true)
    expect(containsCprNumber('Nummeret er 311299 4321.')).toBe(true)
    expect(containsCprNumber('(290200-1111)')).toBe(true) // 29 February 2000
    expect(containsCprNumber('cpr:150875-2222')).toBe(true)
  })

  test('numbers whose first six digits are no date are not CPR numbers', () => {
    expect(containsCprNumber('320190-1234')).toBe(false) // day 32
    expect(containsCprNumber('011390-1234')).toBe(false) // month 13
    expect(containsCprNumber('300290-1234')).toBe(false) // 30 February
    expect(containsCprNumber('290201-1234')).toBe(false) // 29 February in a year that is not a leap year
    expect(containsCprNumber('000190-1234')).toBe(false)
  })

  test('phone numbers, dates, times, postcodes and long numbers are allowed', () => {
    for (const text of [
      'Ring på 20 45 67 89 eller +45 20456789',
      'Mødet er 24-11-2026 kl. 15:00',
      'Vi ses den 24.11.26 og igen 1/12-2026',
      '3200 Helsinge',
      'Kontonummer 1234 5678901234',
      'Ordrenummer 12345678901234',
      'Opkaldet varede 010190 sekunder', // six digits with no four after
      'Model 0101-1234',
      'iPad 9. generation, iOS 17.4.1',
    ]) {
      expect(containsCprNumber(text), text).toBe(false)
    }
  })

  test('ten digits without a date in front are no CPR number (the rule visit notes had refused them)', () => {
    // What the old visit-note rule ("any ten digits") refused and the one rule lets through.
    for (const text of ['Kontonummer 1234567890', 'Ring +45 4512345678', 'Sag 9999999999', 'Ordre 3301-123456']) expect(containsCprNumber(text), text).toBe(false)
    // …and what both refuse: the visit notes' own examples.
    for (const text of ['Beboer 010190-1234 fik hjælp', '0101901234', 'cpr 010190 1234']) expect(containsCprNumber(text), text).toBe(true)
    for (const text of ['Vi brugte 2 timer', 'Ring 48 79 40 02', 'Kode 12345', 'år 2026-2027']) expect(containsCprNumber(text), text).toBe(false)
  })

  test('for forms: empty and missing text pass, a CPR-like number does not', () => {
    expect([undefined, null, '', 'Hej'].every(withoutCprNumber)).toBe(true)
    expect(withoutCprNumber('Hjalp beboeren (150875-2222)')).toBe(false)
  })
})
