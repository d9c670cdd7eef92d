import { describe, expect, test } from 'vitest'
import { addStaff, createUser, formRequest, getRequest, sessionCookieFor } from '../../tests/setup/fixtures'
import { createAd, createApplication, createVolunteer, matchingWorld, recordValidCheck } from '../../tests/setup/fixtures-matching'
import { actorOf } from '../../tests/setup/fixtures-plans'
import { callRoute } from '../../tests/setup/routes'
import { action as agreementAction, loader as agreementLoader } from '../routes/matches+/$matchId.agreement'
import { loader as versionLoader } from '../routes/matches+/$matchId.agreement_.versions.$number'
import { acceptAgreement, addAgreementLine, agreementsMissing, agreementVersions, ensureAgreement } from './agreement.server'
import { removeStaffMember, setContactPerson } from './facility.server'
import { approveMatch } from './match.server'
import { prisma } from '~/utils/db.server'

const NOW = new Date('2026-03-02T10:00:00Z')
const INTRO = new Date('2026-03-09T13:00:00Z')

/**
 * A match approved by the centre: the facility's leader Jonas is the ad's contact person, Sara
 * (another contact person) the stand-in; the facility has practical information and one ethics
 * entry, and the volunteer's confidentiality agreement is recorded.
 */
async function approvedWorld() {
  const world = await matchingWorld({ volunteer: { name: 'Mette Frivillig' } })
  await prisma.facility.update({ where: { id: world.facility.id }, data: { practicalInfo: 'Ring på ved hoveddøren, parkér ved hus B.', phone: '48 11 22 33' } })
  await prisma.jobAd.update({ where: { id: world.ad.id }, data: { boundaries: 'Ingen hjælp med netbank.' } })
  const standIn = await createUser('facility_staff', { name: 'Sara Stedfortræder' })
  const standInMembership = await prisma.facilityMembership.create({ data: { facilityId: world.facility.id, userId: standIn.id, role: 'staff', isContactPerson: true } })
  await recordValidCheck(world.volunteer.id, 'confidentiality')
  const approved = await approveMatch(world.coordinator.id, { applicationId: world.application.id, introAt: INTRO, introPlace: 'Fællesstuen' }, NOW)
  if (!approved.ok) throw new Error(`not approved: ${approved.reason}`)
  const match = await prisma.match.findUniqueOrThrow({ where: { id: approved.matchId } })
  return {
    ...world,
    match,
    standIn,
    standInMembership,
    volunteerActor: await actorOf(world.volunteer.id),
    contactActor: await actorOf(world.contact.id),
    coordinatorActor: { ...(await actorOf(world.coordinator.id)), centreMunicipalityIds: [world.facility.municipalityId] },
  }
}

describe('the cooperation agreement', () => {
  test('is made at approval from the ad, the facility, the contact person, the stand-in and the checks', async () => {
    const world = await approvedWorld()
    const versions = await agreementVersions(world.match.id)
    expect(versions).toHaveLength(1)
    const [v1] = versions
    expect(v1).toMatchObject({ number: 1, changes: ['approval'], volunteerAcceptedAt: null, facilityAcceptedAt: null, complete: false })
    expect(v1.content).toMatchObject({
      adTitle: 'IT-ven til videoopkald',
      facilityName: world.facility.name,
      tasks: ['video_calls', 'tablets_phones'],
      boundaries: 'Ingen hjælp med netbank.',
      schedule: { plans: [], ad: { weekdays: [2], timeFrom: '15:00', timeTo: '17:00', frequency: 'weekly' } },
      intro: { at: INTRO.toISOString(), place: 'Fællesstuen' },
      volunteer: { id: world.volunteer.id, name: 'Mette Frivillig', phone: '20 30 40 50' },
      contact: { id: world.contact.id, name: 'Jonas Kontakt', phone: '48 79 40 02' },
      standIn: { id: world.standIn.id, name: 'Sara Stedfortræder' },
      fallbackPhone: null,
      practicalInfo: 'Ring på ved hoveddøren, parkér ved hus B.',
      ethics: [{ technology: 'Facebook', dilemma: 'Må beboere være venner med frivillige?', agreedValues: 'Nej, kun via tilbuddets egen side.' }],
      checks: [{ kind: 'confidentiality' }],
    })
    expect(v1.content.facilityLines).toEqual([
      { key: 'line.facility.contact' },
      { key: 'line.facility.times' },
      { key: 'line.facility.staffKnow' },
      { key: 'line.facility.access' },
      { key: 'line.facility.introduction' },
    ])
    expect(v1.content.volunteerLines).toEqual([
      { key: 'line.volunteer.boundaries' },
      { key: 'line.volunteer.confidentiality' },
      { key: 'line.volunteer.ethics' },
      { key: 'line.volunteer.cancel' },
    ])
    // Both approval e-mails link to the agreement; no separate "accept" e-mail for the first version.
    const mails = await prisma.outboxMessage.findMany({ where: { template: 'match-approved', toEmail: { in: [world.volunteer.email, world.contact.email] } } })
    expect(mails).toHaveLength(2)
    for (const mail of mails) expect(mail.text).toContain(`/matches/${world.match.id}/agreement`)
    expect(await prisma.outboxMessage.count({ where: { template: 'agreement-to-accept', dedupeKey: { startsWith: `agreement:${world.match.id}:` } } })).toBe(0)
    // Until both accept, the coordinator sees "aftale mangler".
    expect(agreementsMissing([world.facility.municipalityId]).map((m) => m.matchId)).toContain(world.match.id)
  })

  test('without a stand-in, the agreement says whom to call', async () => {
    const world = await approvedWorld()
    await setContactPerson(world.contact.id, world.facility.id, world.standInMembership.id, false)
    const [v2] = await agreementVersions(world.match.id)
    expect(v2).toMatchObject({ number: 2, changes: ['contact'] })
    expect(v2.content.standIn).toBeNull()
    expect(v2.content.fallbackPhone).toBe('48 11 22 33')
  })

  test('only the two parties accept; a changed contact person makes version 2, which both accept again, and version 1 stays readable', async () => {
    const world = await approvedWorld()
    const otherFacilityStaff = await createUser('facility_staff')
    const other = await prisma.facility.create({
      data: { name: 'Andet bosted', kind: 'bosted', address: 'Vej 1', postcode: world.facility.postcode, town: world.facility.town, municipalityId: world.facility.municipalityId, status: 'active' },
    })
    await addStaff(other.id, otherFacilityStaff.id, 'leader')
    const colleague = await createUser('facility_staff', { name: 'Ali Kollega' })
    await addStaff(world.facility.id, colleague.id, 'staff')

    expect(await acceptAgreement(world.coordinatorActor, world.match.id, 1, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await acceptAgreement(await actorOf(otherFacilityStaff.id), world.match.id, 1, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    // Staff who are neither the contact person nor a leader read it, but do not sign for the facility.
    expect(await acceptAgreement(await actorOf(colleague.id), world.match.id, 1, NOW)).toEqual({ ok: false, reason: 'forbidden' })

    expect(await acceptAgreement(world.volunteerActor, world.match.id, 1, NOW)).toEqual({ ok: true, number: 1 })
    expect(await acceptAgreement(world.volunteerActor, world.match.id, 1, NOW)).toEqual({ ok: false, reason: 'already-accepted' })
    expect(agreementsMissing([world.facility.municipalityId]).find((m) => m.matchId === world.match.id)).toMatchObject({ volunteerAccepted: true, facilityAccepted: false })
    expect(await acceptAgreement(world.contactActor, world.match.id, 1, NOW)).toEqual({ ok: true, number: 1 })
    expect(agreementsMissing([world.facility.municipalityId]).map((m) => m.matchId)).not.toContain(world.match.id)

    // A new leader comes; Jonas, the ad's contact person, leaves: the leader is the contact person now.
    const lise = await createUser('facility_staff', { name: 'Lise Leder' })
    await addStaff(world.facility.id, lise.id, 'leader')
    const jonasMembership = await prisma.facilityMembership.findFirstOrThrow({ where: { facilityId: world.facility.id, userId: world.contact.id } })
    expect(await removeStaffMember(lise.id, world.facility.id, jonasMembership.id)).toMatchObject({ ok: true })

    const versions = await agreementVersions(world.match.id)
    expect(versions.map((v) => v.number)).toEqual([2, 1])
    const [v2, v1] = versions
    expect(v2).toMatchObject({ changes: ['contact'], volunteerAcceptedAt: null, facilityAcceptedAt: null })
    expect(v2.content.contact).toMatchObject({ id: lise.id, name: 'Lise Leder' })
    expect(v1.content.contact).toMatchObject({ id: world.contact.id, name: 'Jonas Kontakt' })
    expect(v1).toMatchObject({ complete: true, volunteerAcceptedBy: { name: 'Mette Frivillig' }, facilityAcceptedBy: { name: 'Jonas Kontakt' } })
    expect(agreementsMissing([world.facility.municipalityId]).map((m) => m.matchId)).toContain(world.match.id)
    // Both parties are asked by e-mail to accept the new version.
    const asked = await prisma.outboxMessage.findMany({ where: { template: 'agreement-to-accept', dedupeKey: { startsWith: `agreement:${world.match.id}:` } }, select: { toEmail: true, subject: true, text: true } })
    expect(asked.map((m) => m.toEmail).sort()).toEqual([world.volunteer.email, lise.email].sort())
    expect(asked[0].text).toContain(`/matches/${world.match.id}/agreement`)

    // The old version can no longer be accepted; the new one by both, Lise for the facility.
    expect(await acceptAgreement(world.volunteerActor, world.match.id, 1, NOW)).toEqual({ ok: false, reason: 'not-latest' })
    expect(await acceptAgreement(world.volunteerActor, world.match.id, 2, NOW)).toEqual({ ok: true, number: 2 })
    expect(await acceptAgreement(await actorOf(lise.id), world.match.id, 2, NOW)).toEqual({ ok: true, number: 2 })
    expect(agreementsMissing([world.facility.municipalityId]).map((m) => m.matchId)).not.toContain(world.match.id)

    // Version 1 is readable on its own page, by the volunteer.
    const cookie = await sessionCookieFor(world.volunteer.id)
    const response = await callRoute(versionLoader, getRequest(`/matches/${world.match.id}/agreement/versions/1`, cookie), { matchId: world.match.id, number: '1' })
    expect(response.status).toBe(200)
    const data = (await response.json()) as { version: { number: number; content: { contact: { name: string } } }; current: number }
    expect(data).toMatchObject({ version: { number: 1, content: { contact: { name: 'Jonas Kontakt' } } }, current: 2 })
  })

  test('a line added before anyone accepts joins the version; after an acceptance it makes a new version', async () => {
    const world = await approvedWorld()
    expect(await addAgreementLine({ ...world.volunteerActor, name: 'Mette Frivillig' }, world.match.id, 'Jeg tager min egen bærbare med.', NOW)).toEqual({ ok: true, number: 1 })
    expect(await acceptAgreement(world.contactActor, world.match.id, 1, NOW)).toEqual({ ok: true, number: 1 })
    expect(await addAgreementLine({ ...world.contactActor, name: 'Jonas Kontakt' }, world.match.id, 'Wi-fi-koden står på kontoret.', NOW)).toEqual({ ok: true, number: 2 })
    const [v2, v1] = await agreementVersions(world.match.id)
    expect(v1.content.volunteerLines.at(-1)).toMatchObject({ text: 'Jeg tager min egen bærbare med.', authorName: 'Mette Frivillig' })
    expect(v1.facilityAcceptedAt).not.toBeNull()
    expect(v2).toMatchObject({ changes: ['lines'], facilityAcceptedAt: null })
    expect(v2.content.volunteerLines.at(-1)).toMatchObject({ text: 'Jeg tager min egen bærbare med.' })
    expect(v2.content.facilityLines.at(-1)).toMatchObject({ text: 'Wi-fi-koden står på kontoret.', authorName: 'Jonas Kontakt' })
  })

  test('the page: parties accept through it; a coordinator gets 403 on accepting, a volunteer of another match and another facility 403 on reading', async () => {
    const world = await approvedWorld()
    const page = `/matches/${world.match.id}/agreement`
    const params = { matchId: world.match.id }

    const coordinatorCookie = await sessionCookieFor(world.coordinator.id)
    const read = await callRoute(agreementLoader, getRequest(page, coordinatorCookie), params)
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ side: null, canAct: false })
    const refused = await callRoute(agreementAction, formRequest(page, { intent: 'accept', version: '1' }, { cookie: coordinatorCookie }), params)
    expect(refused.status).toBe(403)

    const stranger = await createVolunteer('Gribskov Kommune', { name: 'Peter Anden' })
    const otherAd = await createAd(world.facility, world.contact.id, { title: 'Andet opslag' })
    const otherApplication = await createApplication(otherAd.id, stranger.id, { status: 'matched' })
    await prisma.match.create({ data: { jobAdId: otherAd.id, facilityId: world.facility.id, volunteerId: stranger.id, applicationId: otherApplication.id, status: 'active', approvedAt: NOW } })
    const strangerCookie = await sessionCookieFor(stranger.id)
    expect((await callRoute(agreementLoader, getRequest(page, strangerCookie), params)).status).toBe(403)
    expect((await callRoute(agreementAction, formRequest(page, { intent: 'accept', version: '1' }, { cookie: strangerCookie }), params)).status).toBe(403)

    const otherStaff = await createUser('facility_staff')
    const other = await prisma.facility.create({
      data: { name: 'Tredje bosted', kind: 'bosted', address: 'Vej 3', postcode: world.facility.postcode, town: world.facility.town, municipalityId: world.facility.municipalityId, status: 'active' },
    })
    await addStaff(other.id, otherStaff.id, 'leader')
    expect((await callRoute(agreementLoader, getRequest(page, await sessionCookieFor(otherStaff.id)), params)).status).toBe(403)
    expect((await callRoute(agreementLoader, getRequest('/matches/nope/agreement', strangerCookie), { matchId: 'nope' })).status).toBe(404)

    const accepted = await callRoute(agreementAction, formRequest(page, { intent: 'accept', version: '1' }, { cookie: await sessionCookieFor(world.volunteer.id) }), params)
    expect(accepted.status).toBe(302)
    const badLine = await callRoute(agreementAction, formRequest(page, { intent: 'add-line', text: 'Beboer 010190-1234 vil gerne have hjælp.' }, { cookie: await sessionCookieFor(world.contact.id) }), params)
    expect(badLine.status).toBe(400)
    expect(await badLine.json()).toMatchObject({ fieldErrors: { text: [expect.stringContaining('cpr')] } })
    const [v1] = await agreementVersions(world.match.id)
    expect(v1).toMatchObject({ volunteerAcceptedBy: { name: 'Mette Frivillig' }, facilityAcceptedAt: null })
  })

  test('a match approved before agreements existed gets its first version when first opened', async () => {
    const world = await matchingWorld()
    const match = await prisma.match.create({
      data: { jobAdId: world.ad.id, facilityId: world.facility.id, volunteerId: world.volunteer.id, applicationId: world.application.id, status: 'active', approvedAt: NOW },
    })
    expect(agreementsMissing([world.facility.municipalityId]).find((m) => m.matchId === match.id)).toMatchObject({ version: null })
    await ensureAgreement(match.id, NOW)
    await ensureAgreement(match.id, NOW)
    expect((await agreementVersions(match.id)).map((v) => v.number)).toEqual([1])
  })
})
