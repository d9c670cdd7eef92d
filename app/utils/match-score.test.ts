import { describe, expect, test } from 'vitest'
import { partsOfDay, rankByScore, scoreMatch, type AdForScore, type VolunteerForScore } from './match-score'

const ad: AdForScore = {
  tasks: ['video_calls', 'tablets_phones'],
  weekdays: [2],
  timeFrom: '15:00',
  timeTo: '17:00',
  municipalityId: 'gribskov',
  region: 'Hovedstaden',
  languages: ['da'],
}

const perfect: VolunteerForScore = {
  municipalityId: 'gribskov',
  region: 'Hovedstaden',
  areaMunicipalityIds: ['gribskov'],
  skills: [
    { task: 'video_calls', level: 3 },
    { task: 'tablets_phones', level: 3 },
  ],
  availability: [{ weekday: 2, part: 'afternoon' }],
  languages: ['da', 'en'],
  activeMatches: 0,
  applied: false,
}

const score = (overrides: Partial<VolunteerForScore>, forAd: Partial<AdForScore> = {}) => scoreMatch({ ...perfect, ...overrides }, { ...ad, ...forAd }, 2026)
const codes = (overrides: Partial<VolunteerForScore>, forAd: Partial<AdForScore> = {}) => score(overrides, forAd).reasons.map((r) => r.code)

describe('ordering of candidates', () => {
  test('a perfect-fit applicant > a perfect-fit non-applicant > a partial fit', () => {
    const applicant = score({ applied: true })
    const other = score({})
    const partial = score({ skills: [{ task: 'video_calls', level: 1 }], availability: [{ weekday: 4, part: 'afternoon' }] })
    expect(applicant.score).toBeGreaterThan(other.score)
    expect(other.score).toBeGreaterThan(partial.score)
  })

  test('a volunteer with 3 active matches ranks below an equal one with none', () => {
    const busy = score({ activeMatches: 3 })
    const free = score({ activeMatches: 0 })
    expect(free.score).toBeGreaterThan(busy.score)
    expect(busy.reasons).toContainEqual(expect.objectContaining({ code: 'load', count: 3 }))
  })

  test('an expert beats a beginner with the same tasks', () => {
    expect(score({}).score).toBeGreaterThan(score({ skills: perfect.skills.map((s) => ({ ...s, level: 1 })) }).score)
  })

  test('home municipality > a municipality they travel to > same region > far away', () => {
    const home = score({})
    const travel = score({ municipalityId: 'hillerod', areaMunicipalityIds: ['hillerod', 'gribskov'] })
    const region = score({ municipalityId: 'hillerod', areaMunicipalityIds: ['hillerod'] })
    const far = score({ municipalityId: 'aarhus', region: 'Midtjylland', areaMunicipalityIds: ['aarhus'] })
    expect(home.score).toBeGreaterThan(travel.score)
    expect(travel.score).toBeGreaterThan(region.score)
    expect(region.score).toBeGreaterThan(far.score)
    expect(codes({ municipalityId: 'hillerod', areaMunicipalityIds: ['gribskov'] })).toContain('travelArea')
  })

  test('a language the ad requires and the volunteer lacks costs points and is named', () => {
    const result = score({ languages: ['da'] }, { languages: ['da', 'ar'] })
    expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'missingLanguages', items: ['ar'] }))
    expect(score({ languages: ['da', 'ar'] }, { languages: ['da', 'ar'] }).score).toBeGreaterThan(result.score)
  })

  test('rankByScore puts applicants first even when another volunteer scores higher', () => {
    const ranked = rankByScore([
      { id: 'a', score: 90, applied: false },
      { id: 'b', score: 40, applied: true },
      { id: 'c', score: 95, applied: false },
    ])
    expect(ranked.map((r) => r.id)).toEqual(['b', 'c', 'a'])
  })
})

describe('reasons in words', () => {
  test('tasks in common and the fitting slots are listed', () => {
    const result = score({ skills: [{ task: 'video_calls', level: 3 }, { task: 'games', level: 3 }] })
    expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'tasks', items: ['video_calls'], count: 1 }))
    expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'availability', items: ['2.afternoon'] }))
  })

  test('a window spanning afternoon and evening needs both', () => {
    expect(partsOfDay('16:00', '18:00')).toEqual(['afternoon', 'evening'])
    expect(partsOfDay('09:00', '11:30')).toEqual(['morning'])
    expect(partsOfDay('17:00', '19:00')).toEqual(['evening'])
    expect(partsOfDay('11:00', '12:00')).toEqual(['morning'])
    expect(codes({}, { timeFrom: '16:00', timeTo: '18:00' })).toContain('partlyAvailable')
    expect(codes({ availability: [{ weekday: 2, part: 'afternoon' }, { weekday: 2, part: 'evening' }] }, { timeFrom: '16:00', timeTo: '18:00' })).toContain('availability')
  })

  test('no tasks in common, not available, an ad without a time is flexible', () => {
    expect(codes({ skills: [] })).toContain('noTasks')
    expect(codes({ availability: [] })).toContain('notAvailable')
    expect(codes({}, { weekdays: [], timeFrom: null, timeTo: null })).toContain('flexibleSchedule')
  })

  test('a volunteer under the minimum age is flagged', () => {
    expect(codes({ birthYear: 2010 }, { minimumAge: 18 })).toContain('tooYoung')
    expect(codes({ birthYear: 1990 }, { minimumAge: 18 })).not.toContain('tooYoung')
  })
})
