import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser } from '../../tests/setup/fixtures'
import { boardAd } from '../../tests/setup/fixtures-board'
import { prisma } from '~/utils/db.server'
import { publishedAd } from './job-board.server'
import { acceptInvitation } from './user.server'
import {
  addEthicsEntry,
  ethicsPolicy,
  facilityStaff,
  inviteStaff,
  moveEthicsEntry,
  removeEthicsEntry,
  removeStaffMember,
  saveItScreening,
  setContactPerson,
  setFacilityActive,
  updateEthicsEntry,
  updateFacilityProfile,
  type FacilityProfileInput,
} from './facility.server'

const profile = (changes: Partial<FacilityProfileInput> = {}): FacilityProfileInput => ({
  name: 'Bostedet Egely',
  kind: 'bosted',
  targetGroups: ['autisme', 'ældre', 'not-a-group'],
  address: 'Egevej 3',
  postcode: '8000',
  description: 'Et bosted for 12 voksne.',
  practicalInfo: 'Parkér ved hovedindgangen.',
  phone: '48 79 40 00',
  email: 'kontakt@egely.test',
  website: null,
  ...changes,
})

async function auditActions(entityId: string) {
  return (await prisma.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } })).map((row) => row.action)
}

describe('the facility profile', () => {
  test('a postcode decides town and municipality; unknown target groups are dropped; the ads follow a move', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    await prisma.jobAd.create({ data: { facilityId: facility.id, municipalityId: facility.municipalityId, title: 'IT-café' } })

    expect(await updateFacilityProfile(leader.id, facility.id, profile({ postcode: '3000' }))).toEqual({ ok: true })
    const saved = await prisma.facility.findUniqueOrThrow({ where: { id: facility.id }, include: { municipality: true } })
    expect(saved).toMatchObject({ name: 'Bostedet Egely', postcode: '3000', town: 'Helsingør', targetGroups: '["autisme","ældre"]' })
    expect(saved.municipality.name).toBe('Helsingør Kommune')
    const ad = await prisma.jobAd.findFirstOrThrow({ where: { facilityId: facility.id } })
    expect(ad.municipalityId).toBe(saved.municipalityId)
    expect(await auditActions(facility.id)).toContain('facility.profile_updated')
  })

  test('an unknown postcode changes nothing; a border postcode asks which municipality', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    expect(await updateFacilityProfile(leader.id, facility.id, profile({ postcode: '0001' }))).toEqual({ ok: false, reason: 'postcode-unknown' })
    expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).name).toBe(facility.name)

    const ask = await updateFacilityProfile(leader.id, facility.id, profile({ postcode: '4000' }))
    expect(ask).toMatchObject({ ok: false, reason: 'choose-municipality' })
    const choices = 'choices' in ask ? ask.choices : []
    expect(choices.map((c) => c.name)).toEqual(expect.arrayContaining(['Roskilde Kommune', 'Høje-Taastrup Kommune']))
    const roskilde = choices.find((c) => c.name === 'Roskilde Kommune')!
    expect(await updateFacilityProfile(leader.id, facility.id, profile({ postcode: '4000', municipalityId: roskilde.id }))).toEqual({ ok: true })
    expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).municipalityId).toBe(roskilde.id)
  })
})

test('the IT screening is created once and then updated; unknown tasks are dropped', async () => {
  const facility = await createFacility('Gribskov Kommune')
  const leader = await createUser('facility_staff')
  const input = { residentWishes: 'Videoopkald til familien', wishedTasks: ['video_calls', 'hacking'], technology: 'To iPads', network: 'Gæste-wifi', staffReadiness: 'Trygge' }
  expect(await saveItScreening(leader.id, facility.id, input)).toEqual({ ok: true })
  expect(await saveItScreening(leader.id, facility.id, { ...input, wishedTasks: ['photos', 'games'], network: 'Fiber' })).toEqual({ ok: true })
  const rows = await prisma.facilityItScreening.findMany({ where: { facilityId: facility.id } })
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ wishedTasks: '["photos","games"]', network: 'Fiber', residentWishes: 'Videoopkald til familien' })
  expect(await saveItScreening(leader.id, 'nope', input)).toEqual({ ok: false, reason: 'not-found' })
})

describe('the digital-ethics policy', () => {
  test('entries are added at the end, edited, moved up and down, and removed', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    const entry = (technology: string) => ({ technology, dilemma: `Dilemma om ${technology}`, agreedValues: `Værdier om ${technology}` })
    const a = await addEthicsEntry(leader.id, facility.id, entry('Facebook'))
    const b = await addEthicsEntry(leader.id, facility.id, entry('MitID'))
    const c = await addEthicsEntry(leader.id, facility.id, entry('Billeder'))
    if (!a.ok || !b.ok || !c.ok) throw new Error('not added')
    const order = async () => (await ethicsPolicy(facility.id)).map((e) => e.technology)
    expect(await order()).toEqual(['Facebook', 'MitID', 'Billeder'])

    await moveEthicsEntry(leader.id, facility.id, c.entryId, 'up')
    expect(await order()).toEqual(['Facebook', 'Billeder', 'MitID'])
    await moveEthicsEntry(leader.id, facility.id, a.entryId, 'down')
    expect(await order()).toEqual(['Billeder', 'Facebook', 'MitID'])
    expect(await moveEthicsEntry(leader.id, facility.id, c.entryId, 'up')).toEqual({ ok: true, moved: false })
    expect(await order()).toEqual(['Billeder', 'Facebook', 'MitID'])

    await updateEthicsEntry(leader.id, facility.id, a.entryId, { technology: 'Facebook', dilemma: 'Venneanmodninger', agreedValues: 'Ikke venner privat' })
    await removeEthicsEntry(leader.id, facility.id, b.entryId)
    const policy = await ethicsPolicy(facility.id)
    expect(policy.map((e) => e.technology)).toEqual(['Billeder', 'Facebook'])
    expect(policy[1].agreedValues).toBe('Ikke venner privat')
    expect(await auditActions(facility.id)).toEqual(expect.arrayContaining(['facility.ethics_entry_added', 'facility.ethics_entry_moved', 'facility.ethics_entry_updated', 'facility.ethics_entry_removed']))
  })

  test("another facility's entry cannot be edited, moved or removed", async () => {
    const mine = await createFacility('Gribskov Kommune')
    const theirs = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    const added = await addEthicsEntry(leader.id, theirs.id, { technology: 'Facebook', dilemma: 'x', agreedValues: 'y' })
    if (!added.ok) throw new Error('not added')
    const values = { technology: 'Hacked', dilemma: 'x', agreedValues: 'y' }
    expect(await updateEthicsEntry(leader.id, mine.id, added.entryId, values)).toEqual({ ok: false, reason: 'not-found' })
    expect(await moveEthicsEntry(leader.id, mine.id, added.entryId, 'up')).toEqual({ ok: false, reason: 'not-found' })
    expect(await removeEthicsEntry(leader.id, mine.id, added.entryId)).toEqual({ ok: false, reason: 'not-found' })
    expect((await ethicsPolicy(theirs.id))[0].technology).toBe('Facebook')
  })
})

describe('staff', () => {
  test('a new colleague gets an account without password, a membership, and an invitation in the chosen language', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff', { name: 'Tina Leder' })
    await addStaff(facility.id, leader.id, 'leader')
    const result = await inviteStaff({ id: leader.id, name: leader.name }, facility.id, { name: 'Ny Kollega', email: 'ny@example.test', locale: 'en' })
    expect(result).toMatchObject({ ok: true, created: true })
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'ny@example.test' }, include: { memberships: true } })
    expect(user).toMatchObject({ role: 'facility_staff', passwordHash: null, locale: 'en' })
    expect(user.memberships).toMatchObject([{ facilityId: facility.id, role: 'staff', status: 'active' }])
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: 'ny@example.test' } })
    expect(mail.subject).toBe(`You are invited to join ${facility.name} on Frivilligbro`)
    expect(mail.text).toContain('Tina Leder')
    const token = mail.text.match(/\/invitation\?token=([A-Za-z0-9_-]+)/)![1]
    expect(await acceptInvitation(token, 'en god lang adgangskode')).toMatchObject({ ok: true, userId: user.id })

    const again = await inviteStaff({ id: leader.id, name: leader.name }, facility.id, { name: 'Ny Kollega', email: 'ny@example.test', locale: 'da' })
    expect(again).toEqual({ ok: false, reason: 'already-staff' })
  })

  test('an existing staff account is added and told in its own language; other roles are refused', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    await addStaff(facility.id, leader.id, 'leader')
    const colleague = await createUser('facility_staff', { email: 'kollega@example.test', locale: 'da' })
    expect(await inviteStaff({ id: leader.id, name: leader.name }, facility.id, { name: 'X', email: 'kollega@example.test', locale: 'en' })).toMatchObject({ ok: true, created: false })
    expect(await prisma.facilityMembership.findFirst({ where: { facilityId: facility.id, userId: colleague.id, status: 'active' } })).not.toBeNull()
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: 'kollega@example.test' } })
    expect(mail.subject).toBe(`Du er nu med på ${facility.name}`)

    await createUser('volunteer', { email: 'frivillig@example.test' })
    expect(await inviteStaff({ id: leader.id, name: leader.name }, facility.id, { name: 'X', email: 'frivillig@example.test', locale: 'da' })).toEqual({ ok: false, reason: 'not-staff-account' })
    expect(await prisma.facilityMembership.count({ where: { facilityId: facility.id } })).toBe(2)
  })

  test('contact persons are toggled, and the last leader cannot be removed', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    const staff = await createUser('facility_staff')
    const leaderMembership = await addStaff(facility.id, leader.id, 'leader')
    const staffMembership = await addStaff(facility.id, staff.id, 'staff')

    expect(await setContactPerson(leader.id, facility.id, staffMembership.id, true)).toMatchObject({ ok: true })
    expect((await facilityStaff(facility.id)).find((m) => m.id === staffMembership.id)?.isContactPerson).toBe(true)
    await setContactPerson(leader.id, facility.id, staffMembership.id, false)
    expect((await facilityStaff(facility.id)).find((m) => m.id === staffMembership.id)?.isContactPerson).toBe(false)

    expect(await removeStaffMember(leader.id, facility.id, leaderMembership.id)).toEqual({ ok: false, reason: 'last-leader' })
    expect(await removeStaffMember(leader.id, facility.id, staffMembership.id)).toMatchObject({ ok: true })
    expect((await facilityStaff(facility.id)).map((m) => m.id)).toEqual([leaderMembership.id])

    const other = await createFacility('Gribskov Kommune')
    expect(await setContactPerson(leader.id, other.id, leaderMembership.id, false)).toEqual({ ok: false, reason: 'not-found' })
    expect(await auditActions(facility.id)).toEqual(expect.arrayContaining(['facility.contact_person_added', 'facility.contact_person_removed', 'facility.staff_removed']))
  })

  test('removing a contact person leaves their ads at this facility without one, and the ad page says so', async () => {
    const facility = await createFacility('Gribskov Kommune')
    const elsewhere = await createFacility('Gribskov Kommune')
    const leader = await createUser('facility_staff')
    const contact = await createUser('facility_staff')
    await addStaff(facility.id, leader.id, 'leader')
    const membership = await addStaff(facility.id, contact.id, 'staff')
    await addStaff(elsewhere.id, contact.id, 'leader')
    const theirs = await boardAd(facility, { contactPersonId: contact.id })
    const leaders = await boardAd(facility, { contactPersonId: leader.id })
    const atOtherPlace = await boardAd(elsewhere, { contactPersonId: contact.id })
    expect((await publishedAd(theirs.id))?.hasContactPerson).toBe(true)

    expect(await removeStaffMember(leader.id, facility.id, membership.id)).toMatchObject({ ok: true })
    const contactOf = async (id: string) => (await prisma.jobAd.findUniqueOrThrow({ where: { id } })).contactPersonId
    expect(await contactOf(theirs.id)).toBeNull()
    expect(await contactOf(leaders.id)).toBe(leader.id)
    expect(await contactOf(atOtherPlace.id)).toBe(contact.id)
    expect((await publishedAd(theirs.id))?.hasContactPerson).toBe(false)
    const removal = await prisma.auditLog.findFirstOrThrow({ where: { entityId: facility.id, action: 'facility.staff_removed' } })
    expect(JSON.parse(removal.data ?? '{}')).toMatchObject({ userId: contact.id, adsWithoutContactPerson: 1 })
  })
})

test('a coordinator deactivates and reactivates a facility with a reason; the leader is told', async () => {
  const centre = await createCentre(['Gribskov Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id })
  const facility = await createFacility('Gribskov Kommune')
  const pending = await createFacility('Gribskov Kommune', 'pending')
  const leader = await createUser('facility_staff', { locale: 'en' })
  await addStaff(facility.id, leader.id, 'leader')

  expect(await setFacilityActive(coordinator.id, facility.id, false, 'Ingen kontakt i et halvt år')).toMatchObject({ ok: true })
  expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).status).toBe('inactive')
  expect(await setFacilityActive(coordinator.id, facility.id, false, 'igen')).toEqual({ ok: false, reason: 'wrong-status' })
  const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: leader.email } })
  expect(mail.subject).toBe(`${facility.name} has been paused on Frivilligbro`)
  expect(mail.text).toContain('Ingen kontakt i et halvt år')

  expect(await setFacilityActive(coordinator.id, facility.id, true, 'Ny leder')).toMatchObject({ ok: true })
  expect((await prisma.facility.findUniqueOrThrow({ where: { id: facility.id } })).status).toBe('active')
  expect(await setFacilityActive(coordinator.id, pending.id, false, 'x')).toEqual({ ok: false, reason: 'wrong-status' })
  const log = await prisma.auditLog.findMany({ where: { entityId: facility.id } })
  expect(log.map((row) => row.action)).toEqual(expect.arrayContaining(['facility.deactivated', 'facility.reactivated']))
  expect(log.find((row) => row.action === 'facility.deactivated')?.actorId).toBe(coordinator.id)
})

test('deactivating a facility takes its published ads off the board; drafts stay as they are', async () => {
  const centre = await createCentre(['Gribskov Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id })
  const facility = await createFacility('Gribskov Kommune')
  const ad = (status: string) => prisma.jobAd.create({ data: { facilityId: facility.id, municipalityId: facility.municipalityId, title: `Opslag ${status}`, status } })
  const published = await ad('published')
  const draft = await ad('draft')
  expect(await setFacilityActive(coordinator.id, facility.id, false, 'Lukker')).toMatchObject({ ok: true })
  expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: published.id } })).status).toBe('paused')
  expect((await prisma.jobAd.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('draft')
  expect(await prisma.auditLog.count({ where: { entityId: published.id, action: 'ad.paused' } })).toBe(1)
})
