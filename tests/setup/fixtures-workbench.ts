import { prisma } from '~/utils/db.server'
import { addStaff, createCentre, createFacility, createUser } from './fixtures'
import { createAd, createApplication, createVolunteer, recordValidCheck } from './fixtures-matching'

const DAY = 86_400_000

/**
 * A small, hand-made centre for the workbench lists, with the expected rows written in
 * tests/integration/workbench.test.ts. Centre A covers Halsnæs and Furesø; centre B covers Allerød
 * and has a volunteer, a facility, an ad, a match and an application that A must never see.
 *
 * Volunteers of A: Anna Østergaard (Halsnæs; video calls; a check running out in 10 days; an active
 * match with no visit; logged in 10 days ago), Bent Hansen (Furesø; e-mail; no checks; paused),
 * Carla Jensen (Halsnæs; photos; a check that never runs out; an ended match; logged in yesterday)
 * and 30 "Zeta NN" (Halsnæs; checks in order) so the list has two pages. Zeta 01 has an active match
 * at Beta with a visit 5 days ago; Zeta 02 a paused one.
 */
export async function workbenchWorld() {
  const now = Date.now()
  const centre = await createCentre(['Halsnæs Kommune', 'Furesø Kommune'])
  const otherCentre = await createCentre(['Allerød Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Kirsten Koordinator' })
  const otherCoordinator = await createUser('coordinator', { centreId: otherCentre.id, name: 'Ole Andetsteds' })

  const facility = async (municipality: string, name: string, status: 'active' | 'pending' = 'active', createdAt = new Date(now - 100 * DAY)) => {
    const f = await createFacility(municipality, status)
    return prisma.facility.update({ where: { id: f.id }, data: { name, createdAt } })
  }
  const alfa = await facility('Halsnæs Kommune', 'Bostedet Alfa')
  const beta = await facility('Furesø Kommune', 'Bostedet Beta')
  const gamma = await facility('Halsnæs Kommune', 'Gamma Venter', 'pending', new Date(now - DAY))
  const elsewhere = await facility('Allerød Kommune', 'Andet Centers Sted')
  const leader = await createUser('facility_staff', { name: 'Lise Leder', email: `lise-${alfa.id}@example.test` })
  await addStaff(alfa.id, leader.id, 'leader')

  const ad = async (f: { id: string; municipalityId: string }, title: string, status: string, tasks: string[], at: number) => {
    const created = await createAd(f, null, { title, status, tasks })
    return prisma.jobAd.update({
      where: { id: created.id },
      data: {
        createdAt: new Date(at),
        submittedAt: status === 'draft' ? null : new Date(at),
        publishedAt: status === 'published' ? new Date(at) : null,
      },
    })
  }
  const published = await ad(alfa, 'Videoopkald med familien', 'published', ['video_calls'], now - 20 * DAY)
  const submitted = await ad(beta, 'Hjælp med e-mail', 'submitted', ['email'], now - 2 * DAY)
  const draft = await ad(alfa, 'Kladde om billeder', 'draft', ['photos'], now - DAY)
  const elsewhereAd = await ad(elsewhere, 'Andet centers opslag', 'published', ['video_calls'], now - 5 * DAY)

  const volunteer = async (municipality: string, name: string, created: number, skills: [string, number][], paused = false) => {
    const v = await createVolunteer(municipality, { name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.test`, skills, paused })
    return prisma.user.update({ where: { id: v.id }, data: { createdAt: new Date(created) } })
  }
  const anna = await volunteer('Halsnæs Kommune', 'Anna Østergaard', now - 30 * DAY, [['video_calls', 3]])
  const bent = await volunteer('Furesø Kommune', 'Bent Hansen', now - 3 * DAY, [['email', 2]], true)
  const carla = await volunteer('Halsnæs Kommune', 'Carla Jensen', now - 60 * DAY, [['photos', 2]])
  const dorte = await volunteer('Allerød Kommune', 'Dorte Andetsteds', now - 10 * DAY, [['video_calls', 2]])
  await prisma.user.update({ where: { id: anna.id }, data: { lastLoginAt: new Date(now - 10 * DAY) } })
  await prisma.user.update({ where: { id: carla.id }, data: { lastLoginAt: new Date(now - DAY) } })
  await recordValidCheck(anna.id, 'confidentiality', new Date(now + 10 * DAY))
  await recordValidCheck(carla.id, 'confidentiality', null)
  const zetas = []
  for (let n = 1; n <= 30; n++) {
    const zeta = await volunteer('Halsnæs Kommune', `Zeta ${String(n).padStart(2, '0')}`, now - (100 + n) * DAY, [['games', 1]])
    await recordValidCheck(zeta.id, 'confidentiality', null)
    zetas.push(zeta)
  }

  const match = async (volunteerId: string, f: { id: string }, jobAdId: string, status: string, approvedDaysAgo: number) =>
    prisma.match.create({
      data: { volunteerId, facilityId: f.id, jobAdId, status, approvedAt: new Date(now - approvedDaysAgo * DAY), createdAt: new Date(now - (approvedDaysAgo + 1) * DAY) },
    })
  const annaMatch = await match(anna.id, alfa, published.id, 'active', 60)
  const carlaMatch = await match(carla.id, alfa, published.id, 'ended', 200)
  const zetaMatch = await match(zetas[0].id, beta, submitted.id, 'active', 90)
  const pausedMatch = await match(zetas[1].id, beta, submitted.id, 'paused', 40)
  const elsewhereMatch = await match(dorte.id, elsewhere, elsewhereAd.id, 'active', 50)
  const visitAt = new Date(now - 5 * DAY)
  await prisma.visit.create({
    data: {
      matchId: zetaMatch.id,
      facilityId: beta.id,
      volunteerId: zetas[0].id,
      localDate: visitAt.toISOString().slice(0, 10),
      startsAt: visitAt,
      endsAt: new Date(visitAt.getTime() + 2 * 3_600_000),
      status: 'done',
      hours: 2,
    },
  })

  const waiting = await createApplication(published.id, bent.id, { status: 'submitted', createdAt: new Date(now - 3 * DAY) })
  const fresh = await createApplication(submitted.id, carla.id, { status: 'in_review', createdAt: new Date(now - 3_600_000) })
  await createApplication(published.id, zetas[2].id, { status: 'declined', createdAt: new Date(now - 5 * DAY) })
  const elsewhereApplication = await createApplication(elsewhereAd.id, dorte.id, { status: 'submitted', createdAt: new Date(now - 4 * DAY) })

  return {
    centre,
    coordinator,
    otherCoordinator,
    leader,
    facilities: { alfa, beta, gamma, elsewhere },
    ads: { published, submitted, draft, elsewhereAd },
    volunteers: { anna, bent, carla, dorte, zetas },
    matches: { annaMatch, carlaMatch, zetaMatch, pausedMatch, elsewhereMatch },
    applications: { waiting, fresh, elsewhereApplication },
  }
}
