import { beforeAll, describe, expect, test } from 'vitest'
import { reportWorld } from '../../tests/setup/fixtures-report'
import { prisma } from '~/utils/db.server'
import { retentionShare, type Report } from '~/utils/report'
import { resultsReport } from './report.server'

let world: Awaited<ReturnType<typeof reportWorld>>
let report: Report

beforeAll(async () => {
  world = await reportWorld()
  report = resultsReport({ municipalityIds: [world.municipalityIds.halsnaes, world.municipalityIds.furesoe], ...world.period })
})

const retention = (eligible3: number, kept3: number, eligible6: number, kept6: number, eligible12: number, kept12: number) => [
  { months: 3, eligible: eligible3, kept: kept3 },
  { months: 6, eligible: eligible6, kept: kept6 },
  { months: 12, eligible: eligible12, kept: kept12 },
]

// The right answers, worked out by hand from tests/setup/fixtures-report.ts.
describe('the results report for 1 January – 30 June 2026', () => {
  test('facilities taking part and new: active ones approved by the end, new when approved in the period', () => {
    expect(report.facilitiesTakingPart).toBe(3)
    expect(report.facilitiesNew).toBe(2)
    // Pending, inactive and the other centre's facilities have no row; a new one without activity has.
    expect(report.facilities.map((f) => [f.name, f.municipality, f.isNew])).toEqual([
      ['Bostedet Skovly', 'Halsnæs Kommune', false],
      ['Dagtilbuddet Stille', 'Furesø Kommune', true],
      ['Huset "Fjorden"; Værløse', 'Furesø Kommune', true],
    ])
  })

  test('every figure of each facility and of the whole report', () => {
    const [skovly, stille, fjorden] = report.facilities.map((f) => f.figures)
    expect(skovly).toEqual({
      adsPublished: 2, // 1 February and 1 January 00:00 Copenhagen time; not 1 May 2025
      applications: 4, // 10 January, 1 February, 1 March, 20 June; not 20 December 2025
      matchesMade: 2,
      declined: 1,
      withdrawn: 1,
      medianDaysToDecision: 10, // 4, 10, 16 (sent in December, decided in January)
      medianDaysToFirstVisit: 5, // 3 and 7
      activeMatches: 2, // one paused, one ended in February, one approved after the period
      pausedMatches: 1,
      endedMatches: 1,
      retention: retention(5, 5, 3, 2, 3, 1),
      visitsPlanned: 1, // 30 June 23:59; not 1 July 00:00
      visitsDone: 4, // 1 January 00:00 counts; 31 December 23:59 does not
      visitsCancelled: 2,
      visitsCancelledLate: 1,
      visitsNoShow: 1,
      hours: 6.75,
      checkInAnswers: 3, // an unanswered check-in and a December answer do not count
      satisfactionAverage: 3.7, // (5 + 4 + 2) / 3
      alignedShare: 2 / 3,
      followUpMeetings: 1, // 20 April; not 1 July or 31 December
      volunteers: 4, // includes the volunteer whose match ended in February
      // No visit here has the residents' feedback (issue 12; counted in app/models/wish.server.test.ts).
      residentsReached: 0,
      visitsWithFeedback: 0,
      visitsWithSmile: 0,
      smileShare: null,
    })
    expect(stille).toEqual({ ...emptyFigures(), retention: retention(0, 0, 0, 0, 0, 0) })
    expect(fjorden).toEqual({
      ...emptyFigures(),
      adsPublished: 1,
      applications: 2,
      matchesMade: 1,
      declined: 1,
      medianDaysToDecision: 4.5, // 2 and 7
      medianDaysToFirstVisit: 14,
      endedMatches: 1,
      retention: retention(1, 0, 0, 0, 0, 0),
      visitsDone: 1,
      visitsNoShow: 1,
      hours: 2,
      checkInAnswers: 1,
      satisfactionAverage: 3,
      alignedShare: null, // the one answer left "aligned" open
      followUpMeetings: 1, // 30 June
      volunteers: 1,
      // No visit here has the residents' feedback (issue 12; counted in app/models/wish.server.test.ts).
      residentsReached: 0,
      visitsWithFeedback: 0,
      visitsWithSmile: 0,
      smileShare: null,
    })
    expect(report.totals).toEqual({
      adsPublished: 3,
      applications: 6,
      matchesMade: 3,
      declined: 2,
      withdrawn: 1,
      medianDaysToDecision: 7, // 2, 4, 7, 10, 16
      medianDaysToFirstVisit: 7, // 3, 7, 14
      activeMatches: 2,
      pausedMatches: 1,
      endedMatches: 2,
      retention: retention(6, 5, 3, 2, 3, 1),
      visitsPlanned: 1,
      visitsDone: 5,
      visitsCancelled: 2,
      visitsCancelledLate: 1,
      visitsNoShow: 2,
      hours: 8.75,
      checkInAnswers: 4,
      satisfactionAverage: 3.5, // (5 + 4 + 2 + 3) / 4
      alignedShare: 2 / 3,
      followUpMeetings: 2, // not the other centre's
      volunteers: 4, // one volunteer at two facilities counts once
      // No visit here has the residents' feedback (issue 12; counted in app/models/wish.server.test.ts).
      residentsReached: 0,
      visitsWithFeedback: 0,
      visitsWithSmile: 0,
      smileShare: null,
    })
    expect(retentionShare(report.totals, 3)).toBeCloseTo(5 / 6)
    expect(retentionShare(report.totals, 12)).toBeCloseTo(1 / 3)
  })

  test('end reasons, tasks, check-ins by role and the volunteers in three breakdowns', () => {
    expect(report.endReasons).toEqual({ shared: [{ key: 'Flyttet', count: 2 }], other: 0, none: 0 })
    expect(report.tasks).toEqual([
      { key: 'video_calls', count: 3 },
      { key: 'email', count: 1 },
      { key: 'games', count: 1 },
      { key: 'social_media', count: 1 },
      { key: 'tablets_phones', count: 1 },
    ])
    expect(report.checkInsByRole).toEqual([
      { role: 'volunteer', answers: 3, satisfactionAverage: 3.3, alignedShare: 0.5 },
      { role: 'contact_person', answers: 1, satisfactionAverage: 4, alignedShare: 1 },
    ])
    expect(report.volunteersByMunicipality).toEqual([
      { key: 'Halsnæs Kommune', count: 2 },
      { key: 'Allerød Kommune', count: 1 },
      { key: 'Furesø Kommune', count: 1 },
    ])
    expect(report.volunteersByAgeBand).toEqual([
      { key: 'under_30', count: 1 },
      { key: '30_49', count: 1 },
      { key: '50_64', count: 0 },
      { key: '65_74', count: 1 },
      { key: '75_plus', count: 1 },
      { key: 'unknown', count: 0 },
    ])
    expect(report.volunteersByEmployer).toEqual([
      { key: 'Novo Nordisk', count: 2 },
      { key: '', count: 2 },
    ])
  })

  test('a municipality filter keeps that municipality’s facilities only', () => {
    const furesoe = resultsReport({ municipalityIds: [world.municipalityIds.furesoe], ...world.period })
    expect(furesoe.facilities.map((f) => f.name)).toEqual(['Dagtilbuddet Stille', 'Huset "Fjorden"; Værløse'])
    expect(furesoe.totals).toMatchObject({ adsPublished: 1, applications: 2, medianDaysToDecision: 4.5, medianDaysToFirstVisit: 14, visitsDone: 1, hours: 2, volunteers: 1 })
    expect(furesoe.facilitiesTakingPart).toBe(2)
    expect(furesoe.tasks).toEqual([{ key: 'games', count: 1 }])
  })

  test('another centre’s report holds its own facility only', () => {
    const other = resultsReport({ municipalityIds: [world.municipalityIds.alleroed], ...world.period })
    expect(other.facilities.map((f) => f.name)).toEqual(['Andet Centers Tilbud'])
    expect(other.totals).toMatchObject({ adsPublished: 1, applications: 1, declined: 1, matchesMade: 1, visitsDone: 1, hours: 5, checkInAnswers: 1, volunteers: 1 })
  })

  test('an end reason written for one match is counted, never shown', async () => {
    const ended = await prisma.match.findFirstOrThrow({ where: { endReason: '  Flyttet ' } })
    await prisma.match.update({ where: { id: ended.id }, data: { endReason: 'Jens flyttede til Aarhus' } })
    const after = resultsReport({ municipalityIds: [world.municipalityIds.halsnaes, world.municipalityIds.furesoe], ...world.period })
    expect(after.endReasons).toEqual({ shared: [], other: 2, none: 0 })
    expect(JSON.stringify(after)).not.toContain('Jens')
    await prisma.match.update({ where: { id: ended.id }, data: { endReason: '' } })
    expect(resultsReport({ municipalityIds: [world.municipalityIds.furesoe], ...world.period }).endReasons).toEqual({ shared: [], other: 0, none: 1 })
    await prisma.match.update({ where: { id: ended.id }, data: { endReason: '  Flyttet ' } })
  })

  test('one day: 1 January 2026 holds the ad and the visit at midnight only', () => {
    const day = resultsReport({ municipalityIds: [world.municipalityIds.halsnaes], from: '2026-01-01', to: '2026-01-01' })
    expect(day.totals).toMatchObject({ adsPublished: 1, visitsDone: 1, hours: 1, applications: 0 })
    expect(day.tasks).toEqual([
      { key: 'social_media', count: 1 },
      { key: 'video_calls', count: 1 },
    ])
  })
})

function emptyFigures() {
  return {
    adsPublished: 0,
    applications: 0,
    matchesMade: 0,
    declined: 0,
    withdrawn: 0,
    medianDaysToDecision: null,
    medianDaysToFirstVisit: null,
    activeMatches: 0,
    pausedMatches: 0,
    endedMatches: 0,
    retention: retention(0, 0, 0, 0, 0, 0),
    visitsPlanned: 0,
    visitsDone: 0,
    visitsCancelled: 0,
    visitsCancelledLate: 0,
    visitsNoShow: 0,
    hours: 0,
    checkInAnswers: 0,
    satisfactionAverage: null,
    alignedShare: null,
    followUpMeetings: 0,
    volunteers: 0,
    // No visit here has the residents' feedback (issue 12; counted in app/models/wish.server.test.ts).
    residentsReached: 0,
    visitsWithFeedback: 0,
    visitsWithSmile: 0,
    smileShare: null,
  }
}
