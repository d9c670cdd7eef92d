import { describe, expect, test } from 'vitest'
import { formatDateTime } from './dates'
import { canStillEdit, formatPostTime, parseSpaceKey, spaceKey } from './threads'

describe('thread helpers', () => {
  test('post times read exactly like formatDateTime, on both sides of daylight saving', () => {
    for (const iso of ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-12-31T23:05:00Z', '2027-01-01T08:00:00Z']) {
      expect(formatPostTime(iso, 'da'), iso).toBe(formatDateTime(iso, 'da'))
      expect(formatPostTime(iso, 'en'), iso).toBe(formatDateTime(iso, 'en'))
      // Asked again (now from the kept texts), as a Date, and in the other language.
      expect(formatPostTime(new Date(iso), 'da'), iso).toBe(formatDateTime(iso, 'da'))
      expect(formatPostTime(new Date(iso), 'en'), iso).toBe(formatDateTime(iso, 'en'))
    }
  })

  test('space keys go both ways and refuse anything else', () => {
    expect(parseSpaceKey(spaceKey({ centreId: 'c1', facilityId: null }))).toEqual({ kind: 'network', centreId: 'c1' })
    expect(parseSpaceKey(spaceKey({ centreId: 'c1', facilityId: 'f9' }))).toEqual({ kind: 'facility', facilityId: 'f9' })
    for (const bad of ['', 'network-', 'facility-../x', 'centre-c1', 'network-c1;drop', null, undefined]) expect(parseSpaceKey(bad)).toBeNull()
  })

  test('the edit window is 30 minutes', () => {
    const written = new Date('2026-05-01T10:00:00Z')
    expect(canStillEdit(written, new Date('2026-05-01T10:29:59Z'))).toBe(true)
    expect(canStillEdit(written, new Date('2026-05-01T10:30:00Z'))).toBe(false)
  })
})
