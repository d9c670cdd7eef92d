import { describe, expect, test } from 'vitest'
import { createCentre, createUser } from '../../tests/setup/fixtures'
import { createAd, createVolunteer } from '../../tests/setup/fixtures-volunteer'
import { prisma } from '~/utils/db.server'
import { applicationsOfVolunteer, applyToAd, withdrawApplication } from './application.server'

describe('applying to an ad', () => {
  test('happy path: one submitted application, audited, a confirmation to the volunteer and a notice to the centre, each in their language', async () => {
    const centre = await createCentre(['Gribskov Kommune'])
    const danish = await createUser('coordinator', { centreId: centre.id, locale: 'da' })
    const english = await createUser('coordinator', { centreId: centre.id, locale: 'en' })
    const otherCentre = await createCentre(['Hillerød Kommune'])
    const elsewhere = await createUser('coordinator', { centreId: otherCentre.id })
    const volunteer = await createVolunteer({ locale: 'en', name: 'Sam Volunteer' })
    const { ad, facility } = await createAd('Gribskov Kommune', { title: 'Videoopkald med familien' })

    const result = await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: 'I like helping.' })
    expect(result.ok).toBe(true)
    const application = await prisma.application.findFirstOrThrow({ where: { volunteerId: volunteer.id } })
    expect(application).toMatchObject({ status: 'submitted', motivation: 'I like helping.', jobAdId: ad.id })
    expect(await prisma.auditLog.count({ where: { action: 'application.submitted', entityId: application.id, actorId: volunteer.id } })).toBe(1)

    const toVolunteer = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: volunteer.email } })
    expect(toVolunteer.subject).toBe('Thank you for applying: Videoopkald med familien')
    expect(toVolunteer.text).toContain(facility.name)
    expect(toVolunteer.text).toContain('/volunteer/applications')
    const toDanish = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: danish.email } })
    expect(toDanish.subject).toBe('Ny ansøgning: Videoopkald med familien')
    expect(toDanish.text).toContain('Sam Volunteer')
    const toEnglish = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: english.email } })
    expect(toEnglish.subject).toBe('New application: Videoopkald med familien')
    expect(await prisma.outboxMessage.count({ where: { toEmail: elsewhere.email } })).toBe(0)

    const listed = await applicationsOfVolunteer(volunteer.id)
    expect(listed.map((a) => [a.jobAd.title, a.status])).toEqual([['Videoopkald med familien', 'submitted']])
  })

  test('applying twice to the same ad is refused while the first is open, and allowed again after withdrawing', async () => {
    const volunteer = await createVolunteer()
    const { ad } = await createAd('Gribskov Kommune')
    const first = await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: '' })
    expect(await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: 'igen' })).toEqual({ ok: false, reason: 'already-applied' })
    await prisma.application.updateMany({ where: { volunteerId: volunteer.id }, data: { status: 'in_review' } })
    expect(await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: 'igen' })).toEqual({ ok: false, reason: 'already-applied' })
    expect(await prisma.application.count({ where: { volunteerId: volunteer.id } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: volunteer.email } })).toBe(1)

    if (!first.ok) throw new Error('first application failed')
    expect(await withdrawApplication(volunteer.id, first.applicationId)).toMatchObject({ ok: true })
    expect(await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: 'nu igen' })).toMatchObject({ ok: true })
  })

  test('ten applications at once end in exactly one, and one confirmation', async () => {
    await createCentre(['Gribskov Kommune'])
    const volunteer = await createVolunteer()
    const { ad } = await createAd('Gribskov Kommune')
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: `forsøg ${i}` })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'already-applied')).toBe(true)
    expect(await prisma.application.count({ where: { jobAdId: ad.id } })).toBe(1)
    expect(await prisma.outboxMessage.count({ where: { toEmail: volunteer.email } })).toBe(1)
  })

  test('the database itself refuses a second open application to the same ad', async () => {
    const volunteer = await createVolunteer()
    const { ad } = await createAd('Gribskov Kommune')
    await prisma.application.create({ data: { jobAdId: ad.id, volunteerId: volunteer.id } })
    await expect(prisma.application.create({ data: { jobAdId: ad.id, volunteerId: volunteer.id, status: 'in_review' } })).rejects.toThrow()
  })

  test.each([
    ['paused', 'ad-not-open'],
    ['filled', 'ad-not-open'],
    ['closed', 'ad-not-open'],
    ['draft', 'not-found'],
    ['submitted', 'not-found'],
  ])('an ad that is %s is refused (%s), and nothing is saved', async (status, reason) => {
    const volunteer = await createVolunteer()
    const { ad } = await createAd('Gribskov Kommune', { status })
    expect(await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: '' })).toEqual({ ok: false, reason })
    expect(await prisma.application.count({ where: { volunteerId: volunteer.id } })).toBe(0)
    expect(await prisma.outboxMessage.count({ where: { toEmail: volunteer.email } })).toBe(0)
    expect(await prisma.auditLog.count({ where: { actorId: volunteer.id } })).toBe(0)
  })

  test('an ad of a facility that is not active is refused', async () => {
    const volunteer = await createVolunteer()
    for (const facilityStatus of ['pending', 'inactive'] as const) {
      const { ad } = await createAd('Gribskov Kommune', { facilityStatus })
      expect(await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: '' })).toEqual({ ok: false, reason: 'facility-inactive' })
    }
    expect(await prisma.application.count({ where: { volunteerId: volunteer.id } })).toBe(0)
  })

  test('without data consent the volunteer is refused; an unknown ad or a non-volunteer too', async () => {
    const volunteer = await createVolunteer({ consent: false })
    const { ad } = await createAd('Gribskov Kommune')
    expect(await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: '' })).toEqual({ ok: false, reason: 'no-consent' })
    const consenting = await createVolunteer()
    expect(await applyToAd({ volunteerId: consenting.id, jobAdId: 'nope', motivation: '' })).toEqual({ ok: false, reason: 'not-found' })
    const staff = await createUser('facility_staff')
    expect(await applyToAd({ volunteerId: staff.id, jobAdId: ad.id, motivation: '' })).toEqual({ ok: false, reason: 'not-volunteer' })
    expect(await prisma.application.count({ where: { jobAdId: ad.id } })).toBe(0)
  })
})

describe('withdrawing', () => {
  test('an open application is withdrawn, audited, and the centre is told; a decided one cannot be', async () => {
    const centre = await createCentre(['Gribskov Kommune'])
    const coordinator = await createUser('coordinator', { centreId: centre.id, locale: 'en' })
    const volunteer = await createVolunteer({ name: 'Mette Frivillig' })
    const { ad } = await createAd('Gribskov Kommune', { title: 'Spil om onsdagen' })
    const applied = await applyToAd({ volunteerId: volunteer.id, jobAdId: ad.id, motivation: '' })
    if (!applied.ok) throw new Error('apply failed')

    const stranger = await createVolunteer()
    expect(await withdrawApplication(stranger.id, applied.applicationId)).toEqual({ ok: false, reason: 'not-found' })

    expect(await withdrawApplication(volunteer.id, applied.applicationId)).toEqual({ ok: true, adTitle: 'Spil om onsdagen' })
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applied.applicationId } })).status).toBe('withdrawn')
    expect(await prisma.auditLog.count({ where: { action: 'application.withdrawn', entityId: applied.applicationId } })).toBe(1)
    const notice = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: coordinator.email, template: 'application-withdrawn' } })
    expect(notice.subject).toBe('Application withdrawn: Spil om onsdagen')
    expect(notice.text).toContain('Mette Frivillig')

    expect(await withdrawApplication(volunteer.id, applied.applicationId)).toEqual({ ok: false, reason: 'not-open' })
    const declined = await prisma.application.create({ data: { jobAdId: ad.id, volunteerId: volunteer.id, status: 'declined', decisionNote: 'Tak!' } })
    expect(await withdrawApplication(volunteer.id, declined.id)).toEqual({ ok: false, reason: 'not-open' })
    expect((await prisma.application.findUniqueOrThrow({ where: { id: declined.id } })).status).toBe('declined')
  })
})
