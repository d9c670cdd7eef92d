import { TZDate } from '@date-fns/tz'
import { describe, expect, test } from 'vitest'
import { createCentre, createFacility, createUser, formRequest, getRequest, sessionCookieFor } from '../../tests/setup/fixtures'
import { createAd, createApplication, createVolunteer, matchingWorld, recordValidCheck } from '../../tests/setup/fixtures-matching'
import { callRoute } from '../../tests/setup/routes'
import { smtpCatcherForFile } from '../../tests/setup/smtp-catcher-for-file'
import { applyToAd } from './application.server'
import { adSummary, invitationBehind, inviteToApply } from './invitation.server'
import { approveMatch, moveApplication } from './match.server'
import * as applicationPage from '~/routes/centre+/applications.$applicationId'
import * as candidatesPage from '~/routes/centre+/ads.$adId_.candidates'
import * as adPage from '~/routes/jobs+/$jobId'
import { loadActor } from '~/utils/permissions.server'
import { prisma } from '~/utils/db.server'
import { createMailer, deliverDueMessages } from '~/utils/outbox.server'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'
const copenhagen = (y: number, m: number, d: number, h: number) => new Date(new TZDate(y, m - 1, d, h, 0, 0, 'Europe/Copenhagen').getTime())
const catcher = smtpCatcherForFile()


async function deliver() {
  await deliverDueMessages({ mailer: createMailer(catcher.url), from: FROM })
}

/** A matching world (Gribskov) plus a second volunteer of the centre who has not applied. */
async function inviteWorld() {
  const world = await matchingWorld({ adData: { title: 'Hjælp til videoopkald med familien' } })
  await prisma.jobAd.update({ where: { id: world.ad.id }, data: { description: 'Beboerne vil gerne ringe med video til deres familie. '.repeat(12) } })
  const candidate = await createVolunteer('Gribskov Kommune', { name: 'Sofie Kandidat', email: `sofie-${world.ad.id}@example.test` })
  const cookie = await sessionCookieFor(world.coordinator.id)
  return { ...world, candidate, cookie }
}

describe('inviting a candidate to apply', () => {
  test('the candidate gets an e-mail with the ad, facility, a summary, the personal line and a link; the list shows "Inviteret"; the ad page tells them', async () => {
    const w = await inviteWorld()
    const response = await callRoute(
      candidatesPage.action,
      formRequest(`/centre/ads/${w.ad.id}/candidates`, { intent: 'invite', volunteerId: w.candidate.id, message: 'Du nævnte, at du er god til FaceTime — det er lige dette.' }, { cookie: w.cookie }),
      { adId: w.ad.id },
    )
    expect(response.status).toBe(302)

    await deliver()
    const mail = await catcher.waitFor((m) => m.to.includes(w.candidate.email.toLowerCase()))
    expect(mail.subject).toBe('Invitation til at søge: Hjælp til videoopkald med familien')
    expect(mail.text).toContain(`Karin Koordinator fra ${w.centre.name} synes, du vil passe godt til opgaven »Hjælp til videoopkald med familien« hos ${w.facility.name}`)
    expect(mail.text).toContain('Karin Koordinator skriver: »Du nævnte, at du er god til FaceTime — det er lige dette.«')
    expect(mail.text).toContain('Beboerne vil gerne ringe med video til deres familie.')
    expect(mail.text).toContain(`/jobs/${w.ad.id}`)
    // A summary, not the whole description.
    expect(mail.text.length).toBeLessThan(1500)

    const loaded = await (await callRoute(candidatesPage.loader, getRequest(`/centre/ads/${w.ad.id}/candidates`, w.cookie), { adId: w.ad.id })).json()
    const suggestion = loaded.suggestions.find((row: { volunteerId: string }) => row.volunteerId === w.candidate.id)
    expect(suggestion.invitedAt).not.toBeNull()

    const page = await (await callRoute(adPage.loader, getRequest(`/jobs/${w.ad.id}`, await sessionCookieFor(w.candidate.id)), { jobId: w.ad.id })).json()
    expect(page.invitation).toMatchObject({ invitedBy: { name: 'Karin Koordinator' } })
    // Nobody else sees it.
    const other = await (await callRoute(adPage.loader, getRequest(`/jobs/${w.ad.id}`, await sessionCookieFor(w.volunteer.id)), { jobId: w.ad.id })).json()
    expect(other.invitation).toBeNull()
  })

  test('a second invitation is refused with a message, and no second e-mail is written', async () => {
    const w = await inviteWorld()
    const coordinator = { id: w.coordinator.id, name: w.coordinator.name, centreMunicipalityIds: [w.ad.municipalityId] }
    expect(await inviteToApply(coordinator, { jobAdId: w.ad.id, volunteerId: w.candidate.id, message: '' })).toMatchObject({ ok: true })
    expect(await inviteToApply(coordinator, { jobAdId: w.ad.id, volunteerId: w.candidate.id, message: '' })).toEqual({ ok: false, reason: 'already-invited' })
    const response = await callRoute(
      candidatesPage.action,
      formRequest(`/centre/ads/${w.ad.id}/candidates`, { intent: 'invite', volunteerId: w.candidate.id, message: '' }, { cookie: w.cookie }),
      { adId: w.ad.id },
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ formError: 'matching:invite.refused.already-invited' })
    expect(await prisma.outboxMessage.count({ where: { toEmail: w.candidate.email, template: 'invitation-to-apply' } })).toBe(1)
  })

  test('another centre\'s coordinator gets 403; an applicant, a paused or deactivated volunteer, or one of another centre cannot be invited', async () => {
    const w = await inviteWorld()
    const otherCentre = await createCentre(['Hillerød Kommune'])
    const stranger = await createUser('coordinator', { centreId: otherCentre.id })
    const forbidden = await callRoute(
      candidatesPage.action,
      formRequest(`/centre/ads/${w.ad.id}/candidates`, { intent: 'invite', volunteerId: w.candidate.id, message: '' }, { cookie: await sessionCookieFor(stranger.id) }),
      { adId: w.ad.id },
    )
    expect(forbidden.status).toBe(403)
    const asVolunteer = await callRoute(
      candidatesPage.action,
      formRequest(`/centre/ads/${w.ad.id}/candidates`, { intent: 'invite', volunteerId: w.candidate.id, message: '' }, { cookie: await sessionCookieFor(w.volunteer.id) }),
      { adId: w.ad.id },
    )
    expect(asVolunteer.status).toBe(403)

    const coordinator = { id: w.coordinator.id, name: w.coordinator.name, centreMunicipalityIds: [w.ad.municipalityId] }
    const invite = (volunteerId: string) => inviteToApply(coordinator, { jobAdId: w.ad.id, volunteerId, message: '' })
    expect(await invite(w.volunteer.id)).toEqual({ ok: false, reason: 'already-applied' })
    const paused = await createVolunteer('Gribskov Kommune', { paused: true })
    expect(await invite(paused.id)).toEqual({ ok: false, reason: 'unavailable' })
    const deactivated = await createVolunteer('Gribskov Kommune')
    await prisma.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } })
    expect(await invite(deactivated.id)).toEqual({ ok: false, reason: 'unavailable' })
    const elsewhere = await createVolunteer('Hillerød Kommune')
    expect(await invite(elsewhere.id)).toEqual({ ok: false, reason: 'not-our-volunteer' })
    await prisma.jobAd.update({ where: { id: w.ad.id }, data: { status: 'paused' } })
    expect(await invite(w.candidate.id)).toEqual({ ok: false, reason: 'ad-not-open' })
    expect(await prisma.applicationInvitation.count({ where: { jobAdId: w.ad.id } })).toBe(0)
  })

  test('when the invited volunteer applies, the coordinator sees "Søgte efter invitation fra … den …"', async () => {
    const w = await inviteWorld()
    const actor = await loadActor({ id: w.coordinator.id, role: 'coordinator', centreId: w.centre.id, email: '', name: '', locale: 'da', emailVerified: true, deactivated: false })
    await inviteToApply({ id: w.coordinator.id, name: w.coordinator.name, centreMunicipalityIds: actor.centreMunicipalityIds }, { jobAdId: w.ad.id, volunteerId: w.candidate.id, message: '' })
    const applied = await applyToAd({ volunteerId: w.candidate.id, jobAdId: w.ad.id, motivation: 'Tak for invitationen, jeg vil gerne.' })
    expect(applied.ok).toBe(true)
    if (!applied.ok) return
    const data = await (await callRoute(applicationPage.loader, getRequest(`/centre/applications/${applied.applicationId}`, w.cookie), { applicationId: applied.applicationId })).json()
    expect(data.invitation).toMatchObject({ invitedBy: 'Karin Koordinator' })
    // The plain applicant was not invited.
    expect(await invitationBehind({ jobAdId: w.ad.id, volunteerId: w.volunteer.id, createdAt: new Date() })).toBeNull()
  })

  test('the summary is cut at a word', () => {
    expect(adSummary('kort tekst')).toBe('kort tekst')
    const long = adSummary('ord '.repeat(200))
    expect(long.length).toBeLessThanOrEqual(282)
    expect(long.endsWith('ord …')).toBe(true)
  })
})

const NOW = copenhagen(2026, 3, 20, 10)
const INTRO = copenhagen(2026, 3, 30, 15)

describe('an approval that fills the ad', () => {
  test('answers every other open applicant in the same transaction: declined with a note, one e-mail each; the approval page said how many', async () => {
    const w = await matchingWorld()
    await recordValidCheck(w.volunteer.id, 'confidentiality')
    const second = await createVolunteer('Gribskov Kommune', { name: 'Bo Anden', email: `bo-${w.ad.id}@example.test`, locale: 'en' })
    const third = await createVolunteer('Gribskov Kommune', { name: 'Ida Tredje', email: `ida-${w.ad.id}@example.test` })
    const secondApp = await createApplication(w.ad.id, second.id)
    const thirdApp = await createApplication(w.ad.id, third.id, { status: 'in_review' })
    // Already settled applications are not answered again.
    const withdrawn = await createVolunteer('Gribskov Kommune')
    const withdrawnApp = await createApplication(w.ad.id, withdrawn.id, { status: 'withdrawn' })

    const cookie = await sessionCookieFor(w.coordinator.id)
    const page = await (await callRoute(applicationPage.loader, getRequest(`/centre/applications/${w.application.id}`, cookie), { applicationId: w.application.id })).json()
    expect(page.consequence).toEqual({ fillsAd: true, othersToAnswer: 2 })

    const result = await approveMatch(w.coordinator.id, { applicationId: w.application.id, introAt: INTRO, introPlace: 'Skovvej 1' }, NOW)
    expect(result).toMatchObject({ ok: true, adFilled: true, othersAnswered: 2 })

    for (const id of [secondApp.id, thirdApp.id]) {
      const application = await prisma.application.findUniqueOrThrow({ where: { id } })
      expect(application.status).toBe('declined')
      expect(application.decidedAt?.toISOString()).toBe(NOW.toISOString())
    }
    expect((await prisma.application.findUniqueOrThrow({ where: { id: thirdApp.id } })).decisionNote).toContain('Opgaven er nu besat')
    expect((await prisma.application.findUniqueOrThrow({ where: { id: secondApp.id } })).decisionNote).toContain('The task has now been filled')
    expect((await prisma.application.findUniqueOrThrow({ where: { id: withdrawnApp.id } })).status).toBe('withdrawn')
    expect(await prisma.outboxMessage.count({ where: { template: 'application-filled', toEmail: { in: [second.email, third.email, withdrawn.email, w.volunteer.email] } } })).toBe(2)

    await deliver()
    const toThird = await catcher.waitFor((m) => m.to.includes(third.email.toLowerCase()))
    expect(toThird.subject).toBe('Opgaven er besat — tak for din interesse')
    expect(toThird.text).toContain('/jobs')
    const toSecond = await catcher.waitFor((m) => m.to.includes(second.email.toLowerCase()))
    expect(toSecond.subject).toBe('The task has been filled — thank you for your interest')
    expect(catcher.messages.some((m) => m.to.includes(withdrawn.email.toLowerCase()))).toBe(false)
  })

  test('if the approval is refused, nobody else is answered (one transaction)', async () => {
    const w = await matchingWorld()
    // No confidentiality check recorded: the approval is refused.
    const other = await createVolunteer('Gribskov Kommune')
    const otherApp = await createApplication(w.ad.id, other.id)
    const result = await approveMatch(w.coordinator.id, { applicationId: w.application.id, introAt: INTRO, introPlace: 'Skovvej 1' }, NOW)
    expect(result).toMatchObject({ ok: false, reason: 'missing-checks' })
    expect((await prisma.application.findUniqueOrThrow({ where: { id: otherApp.id } })).status).toBe('submitted')
    expect(await prisma.outboxMessage.count({ where: { template: 'application-filled', toEmail: other.email } })).toBe(0)
  })

  test('an approval that leaves places open answers nobody', async () => {
    const w = await matchingWorld({ adData: { volunteersWanted: 2 } })
    await recordValidCheck(w.volunteer.id, 'confidentiality')
    const other = await createVolunteer('Gribskov Kommune')
    const otherApp = await createApplication(w.ad.id, other.id)
    expect(await approveMatch(w.coordinator.id, { applicationId: w.application.id, introAt: INTRO, introPlace: 'Skovvej 1' }, NOW)).toMatchObject({ ok: true, adFilled: false, othersAnswered: 0 })
    expect((await prisma.application.findUniqueOrThrow({ where: { id: otherApp.id } })).status).toBe('submitted')
  })
})

describe('moving an application to another ad', () => {
  test('keeps its text, leaves the old ad, tells the volunteer; refused when they already applied there', async () => {
    const w = await matchingWorld()
    const target = await createAd(w.facility, w.contact.id, { title: 'Tablet-café om tirsdagen' })
    const cookie = await sessionCookieFor(w.coordinator.id)
    const page = await (await callRoute(applicationPage.loader, getRequest(`/centre/applications/${w.application.id}`, cookie), { applicationId: w.application.id })).json()
    const targets = page.moveTargets.map((ad: { id: string }) => ad.id)
    expect(targets).toContain(target.id)
    expect(targets).not.toContain(w.ad.id)

    const response = await callRoute(applicationPage.action, formRequest(`/centre/applications/${w.application.id}`, { intent: 'move', toAdId: target.id }, { cookie }), { applicationId: w.application.id })
    expect(response.status).toBe(302)
    const moved = await prisma.application.findUniqueOrThrow({ where: { id: w.application.id } })
    expect(moved).toMatchObject({ jobAdId: target.id, motivation: 'Jeg vil gerne hjælpe.', status: 'in_review' })
    expect(await prisma.application.count({ where: { jobAdId: w.ad.id } })).toBe(0)
    await deliver()
    const mail = await catcher.waitFor((m) => m.to.includes(w.volunteer.email.toLowerCase()) && m.subject.includes('flyttet'))
    expect(mail.subject).toBe('Din ansøgning er flyttet til »Tablet-café om tirsdagen«')

    // Back to the first ad works; but not onto an ad they already applied to.
    const again = await createApplication(w.ad.id, w.volunteer.id)
    const refused = await callRoute(applicationPage.action, formRequest(`/centre/applications/${w.application.id}`, { intent: 'move', toAdId: w.ad.id }, { cookie }), { applicationId: w.application.id })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ fieldErrors: { toAdId: ['matching:move.refused.already-applied'] } })
    expect((await prisma.application.findUniqueOrThrow({ where: { id: w.application.id } })).jobAdId).toBe(target.id)
    expect(again.jobAdId).toBe(w.ad.id)
  })

  test('only to a published ad of the coordinator\'s own centre; another centre\'s coordinator gets 403', async () => {
    const w = await matchingWorld()
    const otherCentre = await createCentre(['Hillerød Kommune'])
    const farFacility = await createFacility('Hillerød Kommune')
    const farAd = await createAd(farFacility, null)
    const draft = await createAd(w.facility, w.contact.id, { status: 'draft' })
    expect(await moveApplication(w.coordinator.id, [w.ad.municipalityId], { applicationId: w.application.id, toAdId: farAd.id })).toEqual({ ok: false, reason: 'target-not-open' })
    expect(await moveApplication(w.coordinator.id, [w.ad.municipalityId], { applicationId: w.application.id, toAdId: draft.id })).toEqual({ ok: false, reason: 'target-not-open' })
    expect(await moveApplication(w.coordinator.id, [w.ad.municipalityId], { applicationId: w.application.id, toAdId: w.ad.id })).toEqual({ ok: false, reason: 'same-ad' })
    const stranger = await createUser('coordinator', { centreId: otherCentre.id })
    const response = await callRoute(
      applicationPage.action,
      formRequest(`/centre/applications/${w.application.id}`, { intent: 'move', toAdId: farAd.id }, { cookie: await sessionCookieFor(stranger.id) }),
      { applicationId: w.application.id },
    )
    expect(response.status).toBe(403)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: w.application.id } })).jobAdId).toBe(w.ad.id)
  })
})
