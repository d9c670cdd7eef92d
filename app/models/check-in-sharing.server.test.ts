import { describe, expect, test } from 'vitest'
import { planWorld } from '../../tests/setup/fixtures-plans'
import { resultsReport } from './report.server'
import { checkInsForParty, flaggedMatches, matchFlag, recordFollowUpMeeting } from './check-in-sharing.server'
import { answerCheckIn, sendFollowUp } from './follow-up.server'
import { prisma } from '~/utils/db.server'

const SENT = new Date('2026-03-02T10:00:00Z')
const ANSWERED = new Date('2026-03-03T10:00:00Z')

/** The follow-up link's token from the e-mail text in the outbox. */
async function tokenOf(followUpId: string, userId: string) {
  const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `follow-up:${followUpId}:${userId}` } })
  const found = mail.text.match(/\/follow-up\/([A-Za-z0-9_-]+)/)
  if (!found) throw new Error(`no link in ${mail.text}`)
  return found[1]
}

/** An active match with a check-in sent to both parties. */
async function checkInWorld() {
  const world = await planWorld()
  const followUp = await prisma.followUp.create({ data: { matchId: world.match.id, dueAt: new Date('2026-03-01T10:00:00Z') } })
  expect(await sendFollowUp(followUp.id, SENT)).toBe(true)
  const municipalityIds = [world.facility.municipalityId]
  return {
    ...world,
    followUp,
    municipalityIds,
    volunteerToken: await tokenOf(followUp.id, world.volunteer.id),
    contactToken: await tokenOf(followUp.id, world.contact.id),
    flagged: () => flaggedMatches(municipalityIds).map((row) => row.matchId),
  }
}

describe('two-way check-ins', () => {
  test('each party sees the other\'s answer, unless it was "kun til frivilligcentret"', async () => {
    const world = await checkInWorld()
    await answerCheckIn(world.volunteerToken, { satisfaction: 4, expectationsAligned: true, wishes: 'Flere tablets', centreOnly: false }, ANSWERED)
    await answerCheckIn(world.contactToken, { satisfaction: 3, expectationsAligned: true, wishes: 'Han kommer for sent', centreOnly: true }, ANSWERED)

    const [forContact] = await checkInsForParty(world.match.id, 'facility')
    expect(forContact.own).toMatchObject({ satisfaction: 3, wishes: 'Han kommer for sent' })
    expect(forContact.other).toMatchObject({ centreOnly: false, satisfaction: 4, expectationsAligned: true, wishes: 'Flere tablets' })

    const [forVolunteer] = await checkInsForParty(world.match.id, 'volunteer')
    expect(forVolunteer.own).toMatchObject({ satisfaction: 4 })
    expect(forVolunteer.other).toEqual({ centreOnly: true, name: world.contact.name })
    expect(JSON.stringify(forVolunteer)).not.toContain('Han kommer for sent')

    // The centre still reads both answers in full.
    const responses = await prisma.followUpResponse.findMany({ where: { followUpId: world.followUp.id }, select: { wishes: true, centreOnly: true } })
    expect(responses).toEqual(expect.arrayContaining([{ wishes: 'Han kommer for sent', centreOnly: true }]))
  })

  test('"expectations not aligned" flags the match; a recorded meeting clears the flag and counts in the report', async () => {
    const world = await checkInWorld()
    expect(world.flagged()).not.toContain(world.match.id)
    await answerCheckIn(world.volunteerToken, { satisfaction: 4, expectationsAligned: false, wishes: null }, ANSWERED)
    expect(world.flagged()).toContain(world.match.id)
    expect(await matchFlag(world.match.id)).toHaveLength(1)

    expect(await recordFollowUpMeeting(world.coordinator.id, world.match.id, { heldOn: '2026-03-05', participants: 'Den frivillige, kontaktpersonen og koordinatoren', note: 'Vi aftalte faste tider.' }, new Date('2026-03-05T12:00:00Z'))).toEqual({ ok: true })
    expect(world.flagged()).not.toContain(world.match.id)
    expect(await matchFlag(world.match.id)).toHaveLength(0)

    const report = resultsReport({ municipalityIds: world.municipalityIds, from: '2026-03-01', to: '2026-03-31' })
    expect(report.totals.followUpMeetings).toBe(1)
    expect(report.facilities.find((f) => f.id === world.facility.id)?.figures.followUpMeetings).toBe(1)
    // A meeting outside the period is not counted.
    expect(resultsReport({ municipalityIds: world.municipalityIds, from: '2026-04-01', to: '2026-04-30' }).totals.followUpMeetings).toBe(0)
  })

  test('satisfaction 2 flags the match, 3 does not; a new low answer after a meeting flags it again', async () => {
    const world = await checkInWorld()
    await answerCheckIn(world.contactToken, { satisfaction: 3, expectationsAligned: true, wishes: null }, ANSWERED)
    expect(world.flagged()).not.toContain(world.match.id)
    await answerCheckIn(world.volunteerToken, { satisfaction: 2, expectationsAligned: true, wishes: null }, ANSWERED)
    expect(world.flagged()).toContain(world.match.id)
    await recordFollowUpMeeting(world.coordinator.id, world.match.id, { heldOn: '2026-03-04', participants: 'Alle', note: '' }, new Date('2026-03-04T12:00:00Z'))
    expect(world.flagged()).not.toContain(world.match.id)

    const next = await prisma.followUp.create({ data: { matchId: world.match.id, dueAt: new Date('2026-06-01T10:00:00Z') } })
    await sendFollowUp(next.id, new Date('2026-06-01T11:00:00Z'))
    await answerCheckIn(await tokenOf(next.id, world.volunteer.id), { satisfaction: 1, expectationsAligned: true, wishes: null }, new Date('2026-06-02T10:00:00Z'))
    expect(world.flagged()).toContain(world.match.id)
  })
})
