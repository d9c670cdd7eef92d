import { describe, expect, test } from 'vitest'
import { activeMatch, bookingWorld } from '../../tests/setup/fixtures-booking'
import { answerCheckIn, centreFollowUps, changeMatchStatus, checkInByToken, followUpDueAt, runFollowUps, scheduleFollowUps, sendFollowUp } from './follow-up.server'
import { bookWindowVisit } from './visit-booking.server'
import { prisma } from '~/utils/db.server'

const DAY = 86_400_000
const APPROVED = new Date('2026-01-05T10:00:00Z')

/** The follow-up link's token from the e-mail text. */
function tokenFrom(text: string) {
  const found = text.match(/\/follow-up\/([A-Za-z0-9_-]+)/)
  if (!found) throw new Error(`no link in ${text}`)
  return found[1]
}

describe('follow-ups', () => {
  test('fall due 4 weeks after approval, then every 3 months', () => {
    expect(followUpDueAt(APPROVED, 0).toISOString()).toBe('2026-02-02T10:00:00.000Z')
    expect(followUpDueAt(APPROVED, 1).toISOString()).toBe('2026-05-02T09:00:00.000Z') // same Copenhagen time, summer time
    expect(followUpDueAt(APPROVED, 2).toISOString()).toBe('2026-08-02T09:00:00.000Z')
  })

  test('the housekeeping job creates and sends each check-in once, to the volunteer and the contact person', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    const before = new Date('2026-02-01T10:00:00Z')
    await runFollowUps(before)
    const first = await prisma.followUp.findMany({ where: { matchId: world.match.id } })
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ status: 'due' })
    expect(first[0].dueAt.toISOString()).toBe('2026-02-02T10:00:00.000Z')
    expect(await prisma.outboxMessage.count({ where: { template: 'follow-up-request', toEmail: world.volunteer.email } })).toBe(0)

    const due = new Date('2026-02-02T11:00:00Z')
    await runFollowUps(due)
    await runFollowUps(due) // a second run (or a restart) sends nothing more
    const rows = await prisma.followUp.findMany({ where: { matchId: world.match.id }, orderBy: { dueAt: 'asc' } })
    expect(rows.map((r) => r.status)).toEqual(['sent', 'due'])
    expect(rows[1].dueAt.toISOString()).toBe('2026-05-02T09:00:00.000Z')
    // The volunteer is matched at two facilities: one check-in for each match.
    expect(await prisma.outboxMessage.count({ where: { template: 'follow-up-request', toEmail: world.volunteer.email } })).toBe(2)
    expect(await prisma.outboxMessage.count({ where: { template: 'follow-up-request', toEmail: world.contact.email } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { template: 'follow-up-request', toEmail: world.otherLeader.email } })).toBe(1)
  })

  test('scheduling run twice at once makes one check-in per match and date, and runs at once send one e-mail each', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    const second = await activeMatch(world, undefined, APPROVED)
    const before = new Date('2026-02-01T10:00:00Z')
    const existing = await prisma.followUp.count()
    const counts = await Promise.all([scheduleFollowUps(before), scheduleFollowUps(before), scheduleFollowUps(before)])
    const matchIds = [world.match.id, second.id]
    const rows = await prisma.followUp.findMany({ where: { matchId: { in: matchIds } }, select: { matchId: true, dueAt: true } })
    expect(rows.map((r) => `${r.matchId} ${r.dueAt.toISOString()}`).sort()).toEqual(matchIds.map((id) => `${id} 2026-02-02T10:00:00.000Z`).sort())
    // Every check-in was made once, and each run says how many it made itself.
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe((await prisma.followUp.count()) - existing)
    const pairs = await prisma.followUp.groupBy({ by: ['matchId', 'dueAt'], _count: { _all: true } })
    expect(pairs.every((pair) => pair._count._all === 1)).toBe(true)

    const due = new Date('2026-02-02T11:00:00Z')
    await Promise.all([runFollowUps(due), runFollowUps(due)])
    expect(await prisma.followUp.count({ where: { matchId: { in: matchIds }, status: 'sent' } })).toBe(2)
    expect(await prisma.outboxMessage.count({ where: { template: 'follow-up-request', toEmail: world.contact.email } })).toBe(2)
  })

  test('a check-in sent twice at once goes out once: the e-mails of the send that lost the claim are dropped, and the links sent work', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    await runFollowUps(new Date('2026-02-01T10:00:00Z'))
    const followUp = await prisma.followUp.findFirstOrThrow({ where: { matchId: world.match.id, status: 'due' } })
    const now = new Date('2026-02-02T11:00:00Z')
    // Both read the due check-in and render its e-mails (each with new links); one claims it.
    expect((await Promise.all([sendFollowUp(followUp.id, now), sendFollowUp(followUp.id, now)])).sort()).toEqual([false, true])
    const mails = await prisma.outboxMessage.findMany({ where: { template: 'follow-up-request', dedupeKey: { startsWith: `follow-up:${followUp.id}:` } } })
    expect(mails.map((m) => m.toEmail).sort()).toEqual([world.volunteer.email, world.contact.email].sort())
    // Only the winner's links were stored, and they are the ones in the e-mails.
    expect(await prisma.oneTimeToken.count({ where: { purpose: 'follow_up', data: JSON.stringify({ followUpId: followUp.id }) } })).toBe(2)
    for (const mail of mails) expect((await checkInByToken(tokenFrom(mail.text), now)).state).toBe('open')
    expect(await prisma.auditLog.count({ where: { action: 'followup.sent', entityId: followUp.id } })).toBe(1)
    expect(await sendFollowUp(followUp.id, now)).toBe(false)
  })

  test('a check-in whose match ends while its e-mails are rendered is not sent', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    await runFollowUps(new Date('2026-02-01T10:00:00Z'))
    const followUp = await prisma.followUp.findFirstOrThrow({ where: { matchId: world.match.id, status: 'due' } })
    const now = new Date('2026-02-02T11:00:00Z')
    const [sent] = await Promise.all([sendFollowUp(followUp.id, now), changeMatchStatus(world.coordinator.id, { matchId: world.match.id, change: 'end', reason: 'Flyttet.' }, now)])
    expect(sent).toBe(false)
    expect(await prisma.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ status: 'closed' })
    expect(await prisma.outboxMessage.count({ where: { template: 'follow-up-request', dedupeKey: { startsWith: `follow-up:${followUp.id}:` } } })).toBe(0)
    expect(await prisma.oneTimeToken.count({ where: { purpose: 'follow_up', data: JSON.stringify({ followUpId: followUp.id }) } })).toBe(0)
  })

  test('a contact person with several volunteers can answer every check-in; answers are saved once', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    const second = await activeMatch(world, undefined, APPROVED)
    const now = new Date('2026-02-03T10:00:00Z')
    await runFollowUps(now)
    const mails = await prisma.outboxMessage.findMany({ where: { template: 'follow-up-request', toEmail: world.contact.email }, orderBy: { createdAt: 'asc' } })
    expect(mails).toHaveLength(2)
    // The page opens signed out, so the link says which language to show it in.
    expect(mails[0].text).toMatch(/\/follow-up\/[A-Za-z0-9_-]+\?lng=da/)
    const tokens = mails.map((m) => tokenFrom(m.text))
    // Both links work: the second did not void the first.
    for (const token of tokens) expect((await checkInByToken(token, now)).state).toBe('open')
    expect(await answerCheckIn(tokens[0], { satisfaction: 4, expectationsAligned: true, wishes: 'Mere tid til caféen' }, now)).toEqual({ ok: true })
    expect(await answerCheckIn(tokens[0], { satisfaction: 1, expectationsAligned: false, wishes: null }, now)).toEqual({ ok: false, reason: 'already-answered' })
    expect((await checkInByToken(tokens[0], now)).state).toBe('answered')
    expect(await answerCheckIn(tokens[1], { satisfaction: 5, expectationsAligned: true, wishes: null }, now)).toEqual({ ok: true })
    expect(await checkInByToken('not-a-token', now)).toEqual({ state: 'invalid' })

    const volunteerMail = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'follow-up-request', toEmail: world.volunteer.email } })
    await answerCheckIn(tokenFrom(volunteerMail.text), { satisfaction: 3, expectationsAligned: false, wishes: 'Flere opgaver med musik' }, now)
    const followUp = await prisma.followUp.findFirstOrThrow({ where: { matchId: world.match.id, status: { not: 'due' } } })
    expect(followUp.status).toBe('answered')
    const answers = await prisma.followUpResponse.findMany({ where: { followUpId: followUp.id }, orderBy: { respondentRole: 'asc' } })
    expect(answers.map((a) => [a.respondentRole, a.satisfaction, a.expectationsAligned])).toEqual([
      ['contact_person', 4, true],
      ['volunteer', 3, false],
    ])
    const secondFollowUp = await prisma.followUp.findFirstOrThrow({ where: { matchId: second.id, status: { not: 'due' } } })
    expect(secondFollowUp.status).toBe('sent') // its volunteer has not answered yet

    const centre = await centreFollowUps([world.facility.municipalityId], now)
    expect(centre.answers.map((a) => a.wishes)).toEqual(expect.arrayContaining(['Mere tid til caféen', 'Flere opgaver med musik']))
    expect(centre.overdue).toEqual([])
    const later = new Date(now.getTime() + 8 * DAY)
    expect((await centreFollowUps([world.facility.municipalityId], later)).overdue.map((f) => f.id)).toContain(secondFollowUp.id)
  })

  test('ending a match cancels its future visits, ends plans, closes check-ins and tells both parties', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    const now = new Date('2026-03-23T08:00:00Z')
    const booked = await bookWindowVisit(world.volunteer.id, { windowId: world.window.id, localDate: '2026-03-25' }, now)
    if (!booked.ok) throw new Error(booked.reason)
    await prisma.visitPlan.create({ data: { matchId: world.match.id, weekday: 2, startTime: '15:00', endTime: '17:00', frequency: 'weekly', startDate: '2026-01-13', status: 'confirmed' } })
    await runFollowUps(now)
    const result = await changeMatchStatus(world.coordinator.id, { matchId: world.match.id, change: 'end', reason: 'Forløbet er slut som aftalt.' }, now)
    expect(result).toEqual({ ok: true, cancelledVisits: 1 })
    expect(await prisma.match.findUniqueOrThrow({ where: { id: world.match.id } })).toMatchObject({ status: 'ended', endReason: 'Forløbet er slut som aftalt.' })
    expect(await prisma.visit.findUniqueOrThrow({ where: { id: booked.visitId } })).toMatchObject({ status: 'cancelled', sequence: 1 })
    expect(await prisma.visitPlan.count({ where: { matchId: world.match.id, status: { not: 'ended' } } })).toBe(0)
    expect(await prisma.followUp.count({ where: { matchId: world.match.id, status: 'due' } })).toBe(0)
    for (const email of [world.volunteer.email, world.contact.email]) {
      const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'follow-up-match-changed', toEmail: email } })
      expect(mail.subject).toMatch(/^Afsluttet: /)
      expect(mail.text).toContain('Forløbet er slut som aftalt.')
    }
    expect(await changeMatchStatus(world.coordinator.id, { matchId: world.match.id, change: 'pause', reason: 'x' }, now)).toEqual({ ok: false, reason: 'wrong-status' })
    expect(await prisma.auditLog.count({ where: { action: 'match.ended', entityId: world.match.id } })).toBe(1)
  })

  test('a centre with thousands of matches still sees its answers (no id list too long for one statement)', async () => {
    const world = await bookingWorld({ approvedAt: APPROVED })
    const now = new Date('2026-02-03T10:00:00Z')
    await runFollowUps(now)
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { template: 'follow-up-request', toEmail: world.volunteer.email } })
    expect(await answerCheckIn(tokenFrom(mail.text), { satisfaction: 5, expectationsAligned: true, wishes: 'Det går rigtig godt' }, now)).toEqual({ ok: true })
    // Copenhagen's centre has about 3,400 matches; 1,500 ended ones are enough to pass the limit.
    await prisma.match.createMany({
      data: Array.from({ length: 1500 }, () => ({ jobAdId: world.match.jobAdId, facilityId: world.facility.id, volunteerId: world.volunteer.id, status: 'ended', createdAt: APPROVED })),
    })
    // Both ways of finding them (from the facilities, or newest answers first) give the same.
    for (const byTimeAbove of [1_000_000, 0]) {
      const centre = await centreFollowUps([world.facility.municipalityId], now, { byTimeAbove })
      const answer = centre.answers.find((a) => a.wishes === 'Det går rigtig godt')
      expect(answer).toMatchObject({ respondentRole: 'volunteer', satisfaction: 5, expectationsAligned: true, respondent: { name: world.volunteer.name } })
      expect(answer?.followUp.match.id).toBe(world.match.id)
    }
  })
})
