import { describe, expect, test } from 'vitest'
import { createAd, createApplication, createVolunteer, matchingWorld } from '../../tests/setup/fixtures-matching'
import { candidatesForAd, resetMunicipalityCache } from './matching.server'
import { prisma } from '~/utils/db.server'

describe('the top suggestions are exactly the best of all nearby volunteers', () => {
  test('walking the bounds in small rounds gives the same list as scoring everyone, ties oldest profile first', async () => {
    resetMunicipalityCache()
    const place = 'Rudersdal Kommune'
    // Tuesday 15–17 (the afternoon), two tasks, Danish required.
    const world = await matchingWorld({ municipality: place, adData: { tasks: ['video_calls', 'tablets_phones'], weekdays: [2], languages: ['da'], volunteersWanted: 3 } })
    const elsewhere = await createAd(world.facility, null, { volunteersWanted: 9 })
    const busy = async (volunteerId: string, matches: number) => {
      for (let i = 0; i < matches; i++) {
        await prisma.match.create({ data: { jobAdId: elsewhere.id, facilityId: world.facility.id, volunteerId, status: 'active' } })
      }
    }
    // Twins: the same profile three times, so their scores tie.
    for (const n of [1, 2, 3]) await createVolunteer(place, { name: `Tvilling ${n}` })
    // Best on everything the indexes show, but no Danish: the bound promises far more than the score.
    await createVolunteer(place, { name: 'Taler Engelsk', skills: [['video_calls', 3], ['tablets_phones', 3]], languages: ['en'] })
    // Best on the indexes, but two other matches already.
    await busy((await createVolunteer(place, { name: 'Har To', skills: [['video_calls', 3], ['tablets_phones', 3]] })).id, 2)
    // Full load (three matches): never suggested, however well they fit.
    await busy((await createVolunteer(place, { name: 'Fuldt Optaget', skills: [['video_calls', 3], ['tablets_phones', 3]] })).id, 3)
    await createVolunteer(place, { name: 'Holder Pause', skills: [['video_calls', 3], ['tablets_phones', 3]], paused: true })
    const applicant = await createVolunteer(place, { name: 'Har Søgt', skills: [['video_calls', 3], ['tablets_phones', 3]] })
    await createApplication(world.ad.id, applicant.id)
    await createVolunteer(place, { name: 'Delvis Fri', skills: [['video_calls', 1]], availability: [[2, 'morning'], [2, 'afternoon']] })
    await createVolunteer(place, { name: 'Ikke Fri', skills: [['tablets_phones', 2]], availability: [[4, 'evening']] })
    await createVolunteer('Hørsholm Kommune', { name: 'Rejser Gerne', areas: ['Hørsholm Kommune', place] })
    await createVolunteer('Hørsholm Kommune', { name: 'Bliver Hjemme' })
    await createVolunteer(place, { name: 'Kan Andet', skills: [['games', 3]] })

    const everyone = await candidatesForAd(world.ad.id, { limit: 100 })
    const names = everyone?.suggestions.map((c) => c.name)
    expect(names).toEqual(['Tvilling 1', 'Tvilling 2', 'Tvilling 3', 'Rejser Gerne', 'Har To', 'Delvis Fri', 'Taler Engelsk', 'Ikke Fri'])
    const scores = everyone?.suggestions.map((c) => c.score) ?? []
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(scores[0]).toBe(scores[2])

    for (let limit = 1; limit <= 9; limit++) {
      for (const batches of [{ bounds: 1, profiles: 1 }, { bounds: 2, profiles: 3 }]) {
        const top = await candidatesForAd(world.ad.id, { limit, batches })
        expect(top?.suggestions, `limit ${limit}, batches ${JSON.stringify(batches)}`).toEqual(everyone?.suggestions.slice(0, limit))
      }
    }
  })

  test('an ad with flexible times ranks on tasks, place, languages and load', async () => {
    resetMunicipalityCache()
    const place = 'Lyngby-Taarbæk Kommune'
    const world = await matchingWorld({ municipality: place, adData: { tasks: ['photos'], weekdays: [], languages: [] } })
    await createVolunteer(place, { name: 'Kan Lidt', skills: [['photos', 1]] })
    await createVolunteer(place, { name: 'Ekspert', skills: [['photos', 3]] })
    await createVolunteer('Gentofte Kommune', { name: 'Rejser Ind', skills: [['photos', 3]], areas: [place] })
    const everyone = await candidatesForAd(world.ad.id, { limit: 100 })
    expect(everyone?.suggestions.map((c) => c.name)).toEqual(['Ekspert', 'Rejser Ind', 'Kan Lidt'])
    expect(everyone?.suggestions[0].reasons.map((r) => r.code)).toContain('flexibleSchedule')
    for (let limit = 1; limit <= 3; limit++) {
      expect((await candidatesForAd(world.ad.id, { limit, batches: { bounds: 1, profiles: 1 } }))?.suggestions).toEqual(everyone?.suggestions.slice(0, limit))
    }
  })
})
