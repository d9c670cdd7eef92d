import { prisma } from '~/utils/db.server'
import { copenhagenDate } from '~/utils/time'
import { addStaff, createCentre, createFacility, createUser } from './fixtures'
import { createAd, createApplication, createVolunteer } from './fixtures-matching'

const at = (iso: string) => new Date(iso)

/**
 * A small, hand-made half year for the results report (period 2026-01-01 – 2026-06-30), with the
 * right answers worked out by hand in app/models/report.server.test.ts. Centre A covers Halsnæs
 * and Furesø; centre B covers Allerød and has a facility with figures of its own that A's report
 * must not show. Instants are UTC: Copenhagen is UTC+1 in winter, so 1 January 00:00 is
 * 2025-12-31T23:00Z, and UTC+2 in summer, so 1 July 00:00 is 2026-06-30T22:00Z.
 */
export async function reportWorld() {
  const centre = await createCentre(['Halsnæs Kommune', 'Furesø Kommune'])
  const otherCentre = await createCentre(['Allerød Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Rikke Rapport' })
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id })

  const facility = async (municipality: string, name: string, status: 'active' | 'pending' | 'inactive', approvedAt: string | null) => {
    const f = await createFacility(municipality, status)
    return prisma.facility.update({ where: { id: f.id }, data: { name, approvedAt: approvedAt ? at(approvedAt) : null } })
  }
  const skovly = await facility('Halsnæs Kommune', 'Bostedet Skovly', 'active', '2025-06-01T10:00:00Z')
  const fjorden = await facility('Furesø Kommune', 'Huset "Fjorden"; Værløse', 'active', '2026-03-10T10:00:00Z')
  const stille = await facility('Furesø Kommune', 'Dagtilbuddet Stille', 'active', '2026-05-01T10:00:00Z')
  await facility('Halsnæs Kommune', 'Venter På Godkendelse', 'pending', null)
  await facility('Halsnæs Kommune', 'Lukket Tilbud', 'inactive', '2025-02-01T10:00:00Z')
  const elsewhere = await facility('Allerød Kommune', 'Andet Centers Tilbud', 'active', '2025-01-01T10:00:00Z')

  const contact = await createUser('facility_staff', { name: 'Kim Kontakt' })
  await addStaff(skovly.id, contact.id, 'leader')

  const ad = async (f: { id: string; municipalityId: string }, publishedAt: string) => {
    const created = await createAd(f, null, { title: `Annonce ${publishedAt}` })
    return prisma.jobAd.update({ where: { id: created.id }, data: { publishedAt: at(publishedAt) } })
  }
  await ad(skovly, '2025-05-01T10:00:00Z')
  const skovlyAd = await ad(skovly, '2026-02-01T10:00:00Z')
  await ad(skovly, '2025-12-31T23:00:00Z') // 1 January 00:00 in Copenhagen: in the period
  const fjordenAd = await ad(fjorden, '2026-03-15T10:00:00Z')
  await ad(fjorden, '2026-06-30T22:00:00Z') // 1 July 00:00: after the period
  const elsewhereAd = await ad(elsewhere, '2026-02-01T10:00:00Z')

  const volunteer = async (municipality: string, name: string, birthYear: number | null, employer: string | null) => {
    const v = await createVolunteer(municipality, { name, areas: [municipality] })
    await prisma.volunteerProfile.update({ where: { userId: v.id }, data: { birthYear, employer } })
    return v
  }
  const v1 = await volunteer('Halsnæs Kommune', 'Vagn Ældre', 1950, null)
  const v2 = await volunteer('Furesø Kommune', 'Vibeke Midt', 1990, 'Novo Nordisk')
  const v3 = await volunteer('Halsnæs Kommune', 'Viggo Trukket', null, 'Ikke Med A/S')
  const v4 = await volunteer('Allerød Kommune', 'Vera Ung', 2001, null)
  const v5 = await volunteer('Halsnæs Kommune', 'Villy Senior', 1960, 'Novo Nordisk ')

  const application = async (jobAdId: string, volunteerId: string, createdAt: string, status: string, decidedAt: string | null) => {
    const a = await createApplication(jobAdId, volunteerId, { status, createdAt: at(createdAt) })
    return prisma.application.update({ where: { id: a.id }, data: { decidedAt: decidedAt ? at(decidedAt) : null } })
  }
  const a1 = await application(skovlyAd.id, v1.id, '2025-12-20T14:00:00Z', 'matched', '2026-01-05T14:00:00Z')
  await application(skovlyAd.id, v2.id, '2026-01-10T10:00:00Z', 'declined', '2026-01-14T10:00:00Z')
  await application(skovlyAd.id, v3.id, '2026-02-01T10:00:00Z', 'withdrawn', '2026-02-03T10:00:00Z')
  const a4 = await application(skovlyAd.id, v2.id, '2026-03-01T10:00:00Z', 'matched', '2026-03-11T10:00:00Z')
  await application(skovlyAd.id, v4.id, '2026-06-20T10:00:00Z', 'submitted', null)
  const b1 = await application(fjordenAd.id, v2.id, '2026-03-20T10:00:00Z', 'matched', '2026-03-22T10:00:00Z')
  await application(fjordenAd.id, v5.id, '2026-04-01T10:00:00Z', 'declined', '2026-04-08T10:00:00Z')
  await application(elsewhereAd.id, v4.id, '2026-02-05T10:00:00Z', 'declined', '2026-02-06T10:00:00Z')

  const match = async (
    f: { id: string },
    jobAdId: string,
    volunteerId: string,
    data: { approvedAt?: string; status: string; pausedAt?: string; endedAt?: string; endReason?: string; applicationId?: string },
  ) =>
    prisma.match.create({
      data: {
        facilityId: f.id,
        jobAdId,
        volunteerId,
        applicationId: data.applicationId,
        status: data.status,
        approvedAt: data.approvedAt ? at(data.approvedAt) : null,
        pausedAt: data.pausedAt ? at(data.pausedAt) : null,
        endedAt: data.endedAt ? at(data.endedAt) : null,
        endReason: data.endReason,
      },
    })
  await match(skovly, skovlyAd.id, v5.id, { approvedAt: '2025-01-15T10:00:00Z', status: 'ended', endedAt: '2025-05-01T10:00:00Z', endReason: 'Flyttet' })
  const m1 = await match(skovly, skovlyAd.id, v1.id, { approvedAt: '2026-01-05T14:00:00Z', status: 'active', applicationId: a1.id })
  const m2 = await match(skovly, skovlyAd.id, v2.id, { approvedAt: '2026-03-11T10:00:00Z', status: 'paused', pausedAt: '2026-05-01T10:00:00Z', applicationId: a4.id })
  const m3 = await match(fjorden, fjordenAd.id, v2.id, { approvedAt: '2026-03-22T10:00:00Z', status: 'ended', endedAt: '2026-05-22T10:00:00Z', endReason: '  Flyttet ', applicationId: b1.id })
  await match(skovly, skovlyAd.id, v5.id, { approvedAt: '2025-06-01T10:00:00Z', status: 'ended', endedAt: '2026-02-01T10:00:00Z', endReason: 'Flyttet' })
  const m5 = await match(skovly, skovlyAd.id, v4.id, { approvedAt: '2025-03-01T10:00:00Z', status: 'active' })
  await match(skovly, skovlyAd.id, v3.id, { approvedAt: '2026-07-05T10:00:00Z', status: 'active' })
  await match(fjorden, fjordenAd.id, v1.id, { status: 'proposed' })
  const m8 = await match(elsewhere, elsewhereAd.id, v4.id, { approvedAt: '2026-02-01T10:00:00Z', status: 'active' })

  const visit = async (
    m: { id: string; facilityId: string; volunteerId: string },
    startsAt: string,
    status: string,
    data: { hours?: number; helpedWith?: string[]; late?: boolean } = {},
  ) => {
    const start = at(startsAt)
    return prisma.visit.create({
      data: {
        matchId: m.id,
        facilityId: m.facilityId,
        volunteerId: m.volunteerId,
        localDate: copenhagenDate(start),
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * 3_600_000),
        status,
        hours: data.hours ?? null,
        helpedWith: JSON.stringify(data.helpedWith ?? []),
        lateCancellation: data.late ?? false,
        cancelledAt: status === 'cancelled' ? start : null,
      },
    })
  }
  await visit(m1, '2026-01-12T14:00:00Z', 'done', { hours: 2, helpedWith: ['video_calls', 'tablets_phones'] })
  await visit(m1, '2026-01-19T14:00:00Z', 'done', { hours: 1.5, helpedWith: ['video_calls'] })
  await visit(m2, '2026-03-14T10:00:00Z', 'done', { hours: 2.25, helpedWith: ['email'] })
  await visit(m2, '2026-04-01T10:00:00Z', 'cancelled', { late: true })
  await visit(m2, '2026-04-08T10:00:00Z', 'cancelled')
  await visit(m1, '2026-06-30T21:59:00Z', 'planned') // 30 June 23:59 in Copenhagen
  await visit(m1, '2026-06-30T22:00:00Z', 'planned') // 1 July 00:00
  await visit(m5, '2025-12-31T22:59:00Z', 'done', { hours: 3, helpedWith: ['games'] }) // 31 December 23:59
  await visit(m5, '2025-12-31T23:00:00Z', 'done', { hours: 1, helpedWith: ['social_media', 'video_calls'] }) // 1 January 00:00
  await visit(m5, '2026-02-10T10:00:00Z', 'no_show')
  await visit(m3, '2026-03-29T10:00:00Z', 'no_show')
  await visit(m3, '2026-04-05T10:00:00Z', 'done', { hours: 2, helpedWith: ['games'] })
  await visit(m8, '2026-03-01T10:00:00Z', 'done', { hours: 5, helpedWith: ['email'] })

  const answer = async (m: { id: string }, respondentId: string, role: 'volunteer' | 'contact_person', answeredAt: string | null, satisfaction: number | null, aligned: boolean | null) => {
    // One check-in per match and date (unique index); both parties answer the same one.
    const dueAt = at('2026-01-01T10:00:00Z')
    const followUp = await prisma.followUp.upsert({
      where: { matchId_dueAt: { matchId: m.id, dueAt } },
      create: { matchId: m.id, dueAt, status: 'answered' },
      update: {},
    })
    await prisma.followUpResponse.create({
      data: { followUpId: followUp.id, respondentId, respondentRole: role, answeredAt: answeredAt ? at(answeredAt) : null, satisfaction, expectationsAligned: aligned },
    })
  }
  await answer(m1, v1.id, 'volunteer', '2026-02-05T10:00:00Z', 5, true)
  await answer(m1, contact.id, 'contact_person', '2026-02-06T10:00:00Z', 4, true)
  await answer(m2, v2.id, 'volunteer', '2026-04-15T10:00:00Z', 2, false)
  await answer(m2, contact.id, 'contact_person', null, null, null)
  await answer(m3, v2.id, 'volunteer', '2026-04-20T10:00:00Z', 3, null)
  await answer(m5, v4.id, 'volunteer', '2025-12-01T10:00:00Z', 4, true)
  await answer(m8, v4.id, 'volunteer', '2026-03-05T10:00:00Z', 1, false)

  // Follow-up meetings count by the Copenhagen date they were held on.
  const meeting = (m: { id: string }, heldOn: string) => prisma.followUpMeeting.create({ data: { matchId: m.id, heldOn, participants: 'Frivillig, kontaktperson, koordinator' } })
  await meeting(m2, '2026-04-20')
  await meeting(m2, '2026-07-01') // after the period
  await meeting(m1, '2025-12-31') // before it
  await meeting(m3, '2026-06-30') // its last day
  await meeting(m8, '2026-03-06') // the other centre's

  const municipalities = await prisma.municipality.findMany({ where: { centreId: { in: [centre.id, otherCentre.id] } }, select: { id: true, name: true, centreId: true } })
  const municipalityId = (name: string) => municipalities.find((m) => m.name === name)!.id
  return {
    centre,
    otherCentre,
    coordinator,
    otherCoordinator,
    contact,
    volunteer: v1,
    facilities: { skovly, fjorden, stille, elsewhere },
    municipalityIds: { halsnaes: municipalityId('Halsnæs Kommune'), furesoe: municipalityId('Furesø Kommune'), alleroed: municipalityId('Allerød Kommune') },
    period: { from: '2026-01-01', to: '2026-06-30' },
  }
}
