import { describe, expect, test } from 'vitest'
import { adInput, adWorld, outboxTo } from '../../tests/setup/fixtures-ads'
import { prisma } from '~/utils/db.server'
import {
  AD_LIFETIME_DAYS,
  changeJobAdStatus,
  closeExpiredJobAds,
  jobAdForWork,
  publishJobAd,
  returnJobAd,
  saveJobAd,
  submitJobAd,
  TRANSITIONS,
  type Transition,
} from './job.server'

const DAY = 86_400_000

async function auditActions(adId: string) {
  const rows = await prisma.auditLog.findMany({ where: { entityType: 'JobAd', entityId: adId }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => row.action)
}

async function statusOf(adId: string) {
  return (await prisma.jobAd.findUniqueOrThrow({ where: { id: adId } })).status
}

describe('writing and submitting', () => {
  test('a draft is saved with the facility’s municipality and the creator; the centre hears nothing yet', async () => {
    const w = await adWorld()
    const result = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id))
    expect(result.ok).toBe(true)
    const ad = await prisma.jobAd.findUniqueOrThrow({ where: { id: result.ok ? result.id : '' } })
    expect(ad).toMatchObject({ status: 'draft', municipalityId: w.facility.municipalityId, createdById: w.leader.id, contactPersonId: w.contact.id })
    expect(JSON.parse(ad.tasks)).toEqual(['video_calls', 'tablets_phones'])
    // What the builder reads back is what was saved, so editing a draft loses nothing.
    expect(await jobAdForWork(ad.id)).toMatchObject({ weekdays: [2], tasks: ['video_calls', 'tablets_phones'], languages: ['da'], timeFrom: '15:00', timeTo: '17:00' })
    expect(await auditActions(ad.id)).toEqual(['ad.created'])
    expect(await outboxTo(w.coordinator.email)).toHaveLength(0)
  })

  test('submitting e-mails every coordinator of the covering centre in their own language, and nobody else', async () => {
    const w = await adWorld()
    const result = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!result.ok) throw new Error(result.problem)
    expect(await statusOf(result.id)).toBe('submitted')
    const [da] = await outboxTo(w.coordinator.email)
    expect(da.subject).toBe('Jobopslag til godkendelse: IT-ven til videoopkald')
    expect(da.text).toContain(`/centre/ads/${result.id}`)
    const [en] = await outboxTo(w.coordinatorEn.email)
    expect(en.subject).toBe('Job ad for review: IT-ven til videoopkald')
    expect(await outboxTo(w.otherCoordinator.email)).toHaveLength(0)
    expect(await outboxTo(w.leader.email)).toHaveLength(0)
    expect(await auditActions(result.id)).toEqual(['ad.created', 'ad.submitted'])
  })

  test('a contact person from another facility is refused and nothing is saved', async () => {
    const w = await adWorld()
    const result = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.outsider.id), { submit: true })
    expect(result).toEqual({ ok: false, problem: 'contact-person' })
    expect(await prisma.jobAd.count({ where: { facilityId: w.facility.id } })).toBe(0)
    expect(await outboxTo(w.coordinator.email)).toHaveLength(0)

    const draft = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id))
    if (!draft.ok) throw new Error(draft.problem)
    expect(await saveJobAd(w.leader.id, { adId: draft.id }, adInput(w.outsider.id))).toEqual({ ok: false, problem: 'contact-person' })
    expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: draft.id } })).contactPersonId).toBe(w.contact.id)
  })

  test('a staff member whose membership was removed cannot be the contact person', async () => {
    const w = await adWorld()
    await prisma.facilityMembership.updateMany({ where: { userId: w.contact.id }, data: { status: 'removed' } })
    expect(await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id))).toEqual({ ok: false, problem: 'contact-person' })
  })

  test('only a draft can be edited or submitted', async () => {
    const w = await adWorld()
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    expect(await saveJobAd(w.leader.id, { adId: ad.id }, adInput(w.contact.id, { title: 'Ændret' }))).toEqual({ ok: false, problem: 'wrong-state' })
    expect(await submitJobAd(w.leader.id, ad.id)).toEqual({ ok: false, problem: 'wrong-state' })
    expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: ad.id } })).title).toBe('IT-ven til videoopkald')
    expect(await submitJobAd(w.leader.id, 'missing')).toEqual({ ok: false, problem: 'not-found' })
  })
})

describe('the centre’s review', () => {
  async function submitted() {
    const w = await adWorld()
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    await prisma.outboxMessage.deleteMany()
    return { ...w, adId: ad.id }
  }

  test('returning with a comment puts it back to draft and mails the comment to the contact person and the creator', async () => {
    const w = await submitted()
    const comment = 'Skriv venligst, hvilke programmer det drejer sig om.'
    expect(await returnJobAd(w.coordinator.id, w.adId, comment)).toMatchObject({ ok: true })
    const ad = await prisma.jobAd.findUniqueOrThrow({ where: { id: w.adId } })
    expect(ad).toMatchObject({ status: 'draft', reviewComment: comment })
    const [toContact] = await outboxTo(w.contact.email)
    expect(toContact.subject).toBe('The job ad “IT-ven til videoopkald” was returned with a comment')
    expect(toContact.text).toContain(comment)
    expect(toContact.text).toContain(`/facility/ads/${w.adId}`)
    const [toCreator] = await outboxTo(w.leader.email)
    expect(toCreator.subject).toBe('Jobopslaget »IT-ven til videoopkald« er sendt tilbage med en kommentar')
    expect(toCreator.text).toContain('Karin Koordinator')
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: w.adId, action: 'ad.returned' } })
    expect(entry.actorId).toBe(w.coordinator.id)
    expect(JSON.parse(entry.data ?? '{}')).toMatchObject({ from: 'submitted', to: 'draft', comment })

    // Fixed and resubmitted: the centre hears again; publishing clears the old comment.
    expect(await saveJobAd(w.leader.id, { adId: w.adId }, adInput(w.contact.id, { title: 'Rettet opslag' }), { submit: true })).toMatchObject({ ok: true })
    expect(await outboxTo(w.coordinator.email)).toHaveLength(1)
    expect(await publishJobAd(w.coordinator.id, w.adId)).toMatchObject({ ok: true })
    expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: w.adId } })).reviewComment).toBeNull()
  })

  test('the creator who is also the contact person gets one e-mail, not two', async () => {
    const w = await adWorld()
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.leader.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    await returnJobAd(w.coordinator.id, ad.id, 'Lidt mere om opgaven, tak.')
    expect(await outboxTo(w.leader.email)).toHaveLength(1)
  })

  test('publishing sets the expiry, audits, and mails the contact person and creator', async () => {
    const w = await submitted()
    const now = new Date('2030-03-01T10:00:00Z')
    expect(await publishJobAd(w.coordinator.id, w.adId, now)).toMatchObject({ ok: true })
    const ad = await prisma.jobAd.findUniqueOrThrow({ where: { id: w.adId } })
    expect(ad.status).toBe('published')
    expect(ad.publishedAt?.toISOString()).toBe(now.toISOString())
    expect(ad.expiresAt?.getTime()).toBe(now.getTime() + AD_LIFETIME_DAYS * DAY)
    const [toContact] = await outboxTo(w.contact.email)
    expect(toContact.subject).toBe('The job ad “IT-ven til videoopkald” is published')
    expect(toContact.text).toContain(`/jobs/${w.adId}`)
    expect((await outboxTo(w.leader.email))[0].subject).toBe('Jobopslaget »IT-ven til videoopkald« er offentliggjort')
    expect(await auditActions(w.adId)).toContain('ad.published')
  })

  test('an ad of a facility the centre has not approved cannot be published', async () => {
    const w = await adWorld('pending')
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    expect(await publishJobAd(w.coordinator.id, ad.id)).toEqual({ ok: false, problem: 'facility-not-active' })
    expect(await statusOf(ad.id)).toBe('submitted')
    expect(await outboxTo(w.contact.email)).toHaveLength(0)
    await prisma.facility.update({ where: { id: w.facility.id }, data: { status: 'active' } })
    expect(await publishJobAd(w.coordinator.id, ad.id)).toMatchObject({ ok: true })
  })

  test('a draft cannot be published or returned; a published ad cannot be returned', async () => {
    const w = await adWorld()
    const draft = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id))
    if (!draft.ok) throw new Error(draft.problem)
    expect(await publishJobAd(w.coordinator.id, draft.id)).toEqual({ ok: false, problem: 'wrong-state' })
    expect(await returnJobAd(w.coordinator.id, draft.id, 'x')).toEqual({ ok: false, problem: 'wrong-state' })
    await submitJobAd(w.leader.id, draft.id)
    await publishJobAd(w.coordinator.id, draft.id)
    expect(await returnJobAd(w.coordinator.id, draft.id, 'x')).toEqual({ ok: false, problem: 'wrong-state' })
    expect(await publishJobAd(w.coordinator.id, draft.id)).toEqual({ ok: false, problem: 'wrong-state' })
  })
})

describe('after publishing', () => {
  async function published() {
    const w = await adWorld()
    const ad = await saveJobAd(w.leader.id, { facilityId: w.facility.id }, adInput(w.contact.id), { submit: true })
    if (!ad.ok) throw new Error(ad.problem)
    await publishJobAd(w.coordinator.id, ad.id)
    await prisma.outboxMessage.deleteMany()
    return { ...w, adId: ad.id }
  }

  test('every transition is allowed exactly from its listed states', async () => {
    const w = await adWorld()
    const quiet = ['pause', 'resume', 'fill', 'close', 'renew'] as const
    for (const transition of quiet) {
      for (const from of ['draft', 'submitted', 'published', 'paused', 'filled', 'closed'] as const) {
        const ad = await prisma.jobAd.create({
          data: { facilityId: w.facility.id, municipalityId: w.facility.municipalityId, title: `${transition} from ${from}`, status: from, expiresAt: new Date(Date.now() + DAY) },
        })
        const result = await changeJobAdStatus(w.leader.id, ad.id, transition)
        const allowed = (TRANSITIONS[transition as Transition] as readonly string[]).includes(from)
        expect(result.ok, `${transition} from ${from}`).toBe(allowed)
        if (!allowed) {
          expect(result).toEqual({ ok: false, problem: 'wrong-state' })
          expect(await statusOf(ad.id)).toBe(from)
          expect(await auditActions(ad.id)).toEqual([])
        }
      }
    }
  })

  test('pause, resume, mark filled and close move the ad and are audited', async () => {
    const w = await published()
    expect(await changeJobAdStatus(w.leader.id, w.adId, 'pause')).toMatchObject({ ok: true })
    expect(await statusOf(w.adId)).toBe('paused')
    expect(await changeJobAdStatus(w.leader.id, w.adId, 'resume')).toMatchObject({ ok: true })
    expect(await statusOf(w.adId)).toBe('published')
    expect(await changeJobAdStatus(w.leader.id, w.adId, 'fill')).toMatchObject({ ok: true })
    expect(await statusOf(w.adId)).toBe('filled')
    expect(await changeJobAdStatus(w.coordinator.id, w.adId, 'close')).toMatchObject({ ok: true })
    const ad = await prisma.jobAd.findUniqueOrThrow({ where: { id: w.adId } })
    expect(ad.status).toBe('closed')
    expect(ad.closedAt).not.toBeNull()
    expect(await auditActions(w.adId)).toEqual(['ad.created', 'ad.submitted', 'ad.published', 'ad.paused', 'ad.resumed', 'ad.filled', 'ad.closed'])
  })

  test('a paused ad of a facility that became inactive is not resumed', async () => {
    const w = await published()
    await changeJobAdStatus(w.leader.id, w.adId, 'pause')
    await prisma.facility.update({ where: { id: w.facility.id }, data: { status: 'inactive' } })
    expect(await changeJobAdStatus(w.leader.id, w.adId, 'resume')).toEqual({ ok: false, problem: 'facility-not-active' })
    expect(await statusOf(w.adId)).toBe('paused')
  })

  test('renewing pushes the expiry a full period from now', async () => {
    const w = await published()
    const now = new Date(Date.now() + 100 * DAY)
    expect(await changeJobAdStatus(w.leader.id, w.adId, 'renew', now)).toMatchObject({ ok: true })
    const ad = await prisma.jobAd.findUniqueOrThrow({ where: { id: w.adId } })
    expect(ad.status).toBe('published')
    expect(ad.expiresAt?.getTime()).toBe(now.getTime() + AD_LIFETIME_DAYS * DAY)
    expect(await auditActions(w.adId)).toContain('ad.renewed')
  })

  test('expired ads are closed once, with an e-mail to the contact person and creator; others are left alone', async () => {
    const w = await published()
    const fresh = await published()
    await prisma.jobAd.update({ where: { id: w.adId }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await closeExpiredJobAds()).toBeGreaterThanOrEqual(1)
    expect(await closeExpiredJobAds()).toBe(0)
    expect(await statusOf(w.adId)).toBe('closed')
    expect(await statusOf(fresh.adId)).toBe('published')
    const [toContact] = await outboxTo(w.contact.email)
    expect(toContact.subject).toBe('The job ad “IT-ven til videoopkald” has expired and is closed')
    expect(await outboxTo(w.leader.email)).toHaveLength(1)
    expect(await outboxTo(fresh.contact.email)).toHaveLength(0)
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: w.adId, action: 'ad.expired' } })
    expect(entry.actorId).toBeNull()
  })

  test('a renewed ad does not expire at its old date', async () => {
    const w = await published()
    await prisma.jobAd.update({ where: { id: w.adId }, data: { expiresAt: new Date(Date.now() + DAY) } })
    await changeJobAdStatus(w.leader.id, w.adId, 'renew')
    await closeExpiredJobAds(new Date(Date.now() + 2 * DAY))
    expect(await statusOf(w.adId)).toBe('published')
  })
})
