import { TZDate } from '@date-fns/tz'
import { describe, expect, test } from 'vitest'
import { createAd, createApplication, createVolunteer, matchingWorld, recordValidCheck } from '../../tests/setup/fixtures-matching'
import { approveMatch, declineApplication, markInReview } from './match.server'
import { missingChecks } from './check.server'
import { candidatesForAd, resetMunicipalityCache } from './matching.server'
import { prisma } from '~/utils/db.server'

const copenhagen = (y: number, m: number, d: number, h: number) => new Date(new TZDate(y, m - 1, d, h, 0, 0, 'Europe/Copenhagen').getTime())
const NOW = copenhagen(2026, 3, 20, 10)
const INTRO = copenhagen(2026, 3, 30, 15) // the Monday after the spring change

type Attachment = { filename: string; contentType: string; content: string }

describe('approving a match', () => {
  test('both parties get the other one\'s contact details, the ethics policy and a calendar file in Copenhagen time', async () => {
    const world = await matchingWorld({ volunteer: { name: 'Mette Frivillig', phone: '20 30 40 50', locale: 'en' } })
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const result = await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Skovvej 1, hus B' }, NOW)
    expect(result).toMatchObject({ ok: true, adFilled: true })
    if (!result.ok) return

    const match = await prisma.match.findUniqueOrThrow({ where: { id: result.matchId } })
    expect(match).toMatchObject({ status: 'active', approvedById: world.coordinator.id, introPlace: 'Skovvej 1, hus B', applicationId: world.application.id })
    expect(match.introAt?.toISOString()).toBe(INTRO.toISOString())
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })).status).toBe('matched')
    expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: world.ad.id } })).status).toBe('filled')

    const toVolunteer = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.volunteer.email, template: 'match-approved' } })
    const toContact = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.contact.email, template: 'match-approved' } })
    // Each in their own language, each with the OTHER party's phone and e-mail.
    expect(toVolunteer.subject).toMatch(/^Match approved: /)
    expect(toVolunteer.text).toContain('Jonas Kontakt')
    expect(toVolunteer.text).toContain('48 79 40 02')
    expect(toVolunteer.text).toContain(world.contact.email)
    expect(toVolunteer.text).toContain('30 March 2026 at 15:00')
    expect(toVolunteer.text).toContain('Må beboere være venner med frivillige?')
    expect(toContact.subject).toMatch(/^Godkendt match: /)
    expect(toContact.text).toContain('Mette Frivillig')
    expect(toContact.text).toContain('20 30 40 50')
    expect(toContact.text).toContain(world.volunteer.email)
    expect(toContact.text).toContain('30. marts 2026 kl. 15:00')
    expect(toContact.text).toContain('Nej, kun via tilbuddets egen side.')

    for (const message of [toVolunteer, toContact]) {
      const [attachment] = JSON.parse(message.attachments ?? '[]') as Attachment[]
      expect(attachment.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST')
      expect(attachment.filename).toMatch(/\.ics$/)
      expect(attachment.content).toContain('DTSTART;TZID=Europe/Copenhagen:20260330T150000\r\n')
      expect(attachment.content).toContain('BEGIN:VTIMEZONE')
      expect(attachment.content).toContain(`UID:match-intro-${result.matchId}@frivilligbro`)
    }

    const audits = await prisma.auditLog.findMany({ where: { actorId: world.coordinator.id }, orderBy: { createdAt: 'asc' } })
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['match.approved', 'application.matched', 'ad.filled']))
    const approved = audits.find((a) => a.action === 'match.approved')
    expect(JSON.parse(approved?.data ?? '{}')).toMatchObject({ applicationId: world.application.id, introPlace: 'Skovvej 1, hus B' })
  })

  test('an ad that requires the intro course is refused until the volunteer has completed one', async () => {
    const world = await matchingWorld({ adData: { requiresIntroCourse: true } })
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const approve = () => approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Hus B' }, NOW)
    expect(await approve()).toEqual({ ok: false, reason: 'missing-course' })
    expect(await prisma.match.count({ where: { jobAdId: world.ad.id } })).toBe(0)
    // A course of another kind does not count; the intro course, attended every time, does.
    for (const kind of ['course_volunteers', 'intro_meeting'] as const) {
      const event = await prisma.event.create({
        data: { centreId: world.centre.id, kind, title: kind, capacity: 10, audience: 'volunteers', status: 'published', signupDeadline: NOW },
      })
      await prisma.eventSignup.create({ data: { eventId: event.id, userId: world.volunteer.id, status: 'confirmed', position: 1, completedAt: NOW } })
      if (kind === 'course_volunteers') expect(await approve()).toEqual({ ok: false, reason: 'missing-course' })
    }
    expect(await approve()).toMatchObject({ ok: true })
  })

  test('refused while a required check is missing or expired, naming them; nothing is saved', async () => {
    const world = await matchingWorld({ adData: { requiresCriminalRecord: true, requiresChildCertificate: true } })
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    await recordValidCheck(world.volunteer.id, 'criminal_record', new Date(NOW.getTime() - 86_400_000))
    const result = await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Hus B' }, NOW)
    expect(result).toMatchObject({
      ok: false,
      reason: 'missing-checks',
      missing: [
        { kind: 'criminal_record', reason: 'expired' },
        { kind: 'child_certificate', reason: 'missing' },
      ],
    })
    expect(await prisma.match.count({ where: { jobAdId: world.ad.id } })).toBe(0)
    expect(await prisma.outboxMessage.count({ where: { toEmail: { in: [world.volunteer.email, world.contact.email] } } })).toBe(0)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })).status).toBe('submitted')

    // A fresh certificate supersedes the expired one.
    await recordValidCheck(world.volunteer.id, 'criminal_record', new Date(NOW.getTime() + 365 * 86_400_000))
    expect(await missingChecks(world.volunteer.id, world.ad, NOW)).toEqual([{ kind: 'child_certificate', reason: 'missing' }])
  })

  test('a second approval of the same application is refused, and an intro in the past too', async () => {
    const world = await matchingWorld({ adData: { volunteersWanted: 2 } })
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    expect(await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: NOW, introPlace: 'Hus B' }, NOW)).toEqual({ ok: false, reason: 'intro-in-past' })
    expect(await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Hus B' }, NOW)).toMatchObject({ ok: true, adFilled: false })
    expect(await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Hus B' }, NOW)).toEqual({ ok: false, reason: 'already-decided' })
    expect(await prisma.match.count({ where: { jobAdId: world.ad.id } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: { in: [world.volunteer.email, world.contact.email] } } })).toBe(2)
  })

  test('a full ad takes no more matches', async () => {
    const world = await matchingWorld()
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const second = await createVolunteer('Gribskov Kommune', { name: 'Anden Frivillig' })
    await recordValidCheck(second.id, 'confidentiality')
    const secondApplication = await createApplication(world.ad.id, second.id)
    await prisma.jobAd.update({ where: { id: world.ad.id }, data: { status: 'published' } })
    expect(await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Hus B' }, NOW)).toMatchObject({ ok: true, othersAnswered: 1 })
    // Filling the ad answered the other applicant; reopened (and the ad republished), the place count still guards.
    expect((await prisma.application.findUniqueOrThrow({ where: { id: secondApplication.id } })).status).toBe('declined')
    await prisma.application.update({ where: { id: secondApplication.id }, data: { status: 'submitted' } })
    await prisma.jobAd.update({ where: { id: world.ad.id }, data: { status: 'published' } })
    expect(await approveMatch(world.coordinator.id, { applicationId: secondApplication.id, introAt: INTRO, introPlace: 'Hus B' }, NOW)).toEqual({ ok: false, reason: 'ad-full' })
  })
})

describe('declining and reviewing', () => {
  test('declining sends the kind message to the volunteer and is audited', async () => {
    const world = await matchingWorld()
    const note = 'Kære Mette. Tak for din ansøgning. Der er desværre ikke plads lige nu, men vi gemmer din profil.'
    expect(await declineApplication(world.coordinator.id, { applicationId: world.application.id, note })).toEqual({ ok: true })
    const application = await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })
    expect(application).toMatchObject({ status: 'declined', decisionNote: note })
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: world.volunteer.email } })
    expect(mail.subject).toBe(`Svar på din ansøgning: ${world.ad.title}`)
    expect(mail.text).toContain(note)
    expect(mail.text).not.toContain(world.contact.email)
    expect(await prisma.auditLog.count({ where: { action: 'application.declined', actorId: world.coordinator.id, entityId: world.application.id } })).toBe(1)
    expect(await declineApplication(world.coordinator.id, { applicationId: world.application.id, note })).toEqual({ ok: false, reason: 'already-decided' })
  })

  test('taking an application into review marks it in review', async () => {
    const world = await matchingWorld({ municipality: 'Furesø Kommune' })
    await markInReview(world.coordinator.id, world.application.id)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })).status).toBe('in_review')
  })
})

describe('ranked candidates', () => {
  test('applicants first, then fitting volunteers; paused, overloaded and unrelated volunteers are left out', async () => {
    resetMunicipalityCache()
    const world = await matchingWorld({ municipality: 'Halsnæs Kommune', adData: { volunteersWanted: 2 } })
    const fit = await createVolunteer('Halsnæs Kommune', { name: 'Passer Godt' })
    const traveller = await createVolunteer('Hillerød Kommune', { name: 'Rejser Gerne', areas: ['Hillerød Kommune', 'Halsnæs Kommune'] })
    await createVolunteer('Halsnæs Kommune', { name: 'Holder Pause', paused: true })
    await createVolunteer('Halsnæs Kommune', { name: 'Kan Andet', skills: [['games', 3]] })
    const busy = await createVolunteer('Halsnæs Kommune', { name: 'Har Travlt' })
    // Three current matches elsewhere: full load, so not suggested.
    const other = await createAd(world.facility, null, { volunteersWanted: 5 })
    for (let i = 0; i < 3; i++) await prisma.match.create({ data: { jobAdId: other.id, facilityId: world.facility.id, volunteerId: busy.id, status: 'active' } })
    await createVolunteer('Aarhus Kommune', { name: 'Bor Langt Væk' })
    const result = await candidatesForAd(world.ad.id)
    expect(result?.applicants.map((c) => c.volunteerId)).toEqual([world.volunteer.id])
    expect(result?.suggestions.map((c) => c.name)).toEqual(['Passer Godt', 'Rejser Gerne'])
    expect(result?.suggestions[0].reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['tasks', 'availability', 'sameMunicipality', 'noLoad']))
    expect(result?.suggestions[1].reasons.map((r) => r.code)).toContain('travelArea')
    expect(fit.id).toBeTruthy()
    expect(traveller.id).toBeTruthy()

    // A full ad is flagged and gets no suggestions.
    await prisma.jobAd.update({ where: { id: world.ad.id }, data: { volunteersWanted: 1 } })
    await prisma.match.create({ data: { jobAdId: world.ad.id, facilityId: world.facility.id, volunteerId: fit.id, status: 'active', approvedAt: new Date() } })
    const full = await candidatesForAd(world.ad.id)
    expect(full?.ad.full).toBe(true)
    expect(full?.suggestions).toEqual([])
  })
})
