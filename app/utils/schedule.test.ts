import { describe, expect, test } from 'vitest'
import { getFixedT } from './i18n.server'
import { capitalize, describeSchedule } from './schedule'

const da = await getFixedT('da', ['board', 'common'])
const en = await getFixedT('en', ['board', 'common'])

describe('a schedule in plain words', () => {
  const tuesdays = { weekdays: [2], timeFrom: '15:00', timeTo: '17:00', frequency: 'biweekly' }

  test('Danish and English, as a resident or volunteer would say it', () => {
    expect(describeSchedule(da, 'da', tuesdays)).toBe('tirsdage kl. 15–17, hver anden uge')
    expect(describeSchedule(en, 'en', tuesdays)).toBe('Tuesdays 15:00–17:00, every second week')
  })

  test('half hours, several days in week order, and a monthly rhythm', () => {
    const schedule = { weekdays: [4, 1, 3], timeFrom: '09:30', timeTo: '11:00', frequency: 'monthly' }
    expect(describeSchedule(da, 'da', schedule)).toBe('mandage, onsdage og torsdage kl. 9:30–11, en gang om måneden')
    expect(describeSchedule(en, 'en', schedule)).toBe('Mondays, Wednesdays and Thursdays 09:30–11:00, once a month')
  })

  test('a flexible ad without days or times says just that', () => {
    const flexible = { weekdays: [], timeFrom: null, timeTo: null, frequency: 'flexible' }
    expect(capitalize(describeSchedule(da, 'da', flexible))).toBe('Efter aftale')
    expect(describeSchedule(en, 'en', flexible)).toBe('by arrangement')
  })

  test('a start date is mentioned only while it lies ahead', () => {
    const later = { ...tuesdays, frequency: 'weekly', startDate: '2026-12-01' }
    expect(describeSchedule(da, 'da', later, '2026-11-24')).toBe('tirsdage kl. 15–17, hver uge, fra 1. december 2026')
    expect(describeSchedule(en, 'en', later, '2026-11-24')).toBe('Tuesdays 15:00–17:00, every week, starting 1 December 2026')
    expect(describeSchedule(da, 'da', later, '2026-12-01')).toBe('tirsdage kl. 15–17, hver uge')
  })

  test('broken data never makes nonsense: unknown weekdays and frequencies are left out', () => {
    expect(describeSchedule(da, 'da', { weekdays: [0, 9, '2'], timeFrom: '15:00', timeTo: null, frequency: 'daily' })).toBe('tirsdage')
  })
})
