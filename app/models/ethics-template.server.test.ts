import { beforeAll, describe, expect, test } from 'vitest'
import { addStaff, createFacility, createUser, municipality } from '../../tests/setup/fixtures'
import { prisma } from '~/utils/db.server'
import { addEthicsEntry } from './facility.server'
import {
  acknowledgeTemplateChanges,
  adoptEthicsTemplate,
  changeEthicsTemplate,
  ethicsPolicyOverview,
  ethicsTemplate,
  queueEthicsReviewReminders,
  recordEthicsReview,
} from './ethics-template.server'

const entry = (technology: string) => ({ technology, dilemma: `Dilemma om ${technology}`, agreedValues: `Værdier om ${technology}` })

describe('the municipal template, adopted and kept alive', () => {
  let municipalityId: string
  let facilityId: string
  let leaderId: string
  let kommuneId: string

  beforeAll(async () => {
    municipalityId = (await municipality('Gribskov Kommune')).id
    const facility = await createFacility('Gribskov Kommune')
    facilityId = facility.id
    leaderId = (await createUser('facility_staff')).id
    await addStaff(facilityId, leaderId, 'leader')
    kommuneId = (await createUser('municipality')).id
  })

  test('no template: nothing to adopt', async () => {
    expect(await adoptEthicsTemplate(leaderId, facilityId)).toEqual({ ok: false, reason: 'no-template' })
    const overview = await ethicsPolicyOverview(facilityId)
    expect(overview).toMatchObject({ template: null, adoptedAt: null, changedSince: false })
  })

  test('adopting adds the template’s entries after the facility’s own, and nothing has changed since', async () => {
    await addEthicsEntry(leaderId, facilityId, entry('Vores eget punkt'))
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'add', entry: entry('Sociale medier') })
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'add', entry: entry('Billeder') })
    // Two clicks at once: one adoption.
    const results = await Promise.all([adoptEthicsTemplate(leaderId, facilityId), adoptEthicsTemplate(leaderId, facilityId)])
    expect(results).toContainEqual({ ok: true, added: 2 })
    expect(results).toContainEqual({ ok: false, reason: 'already-adopted' })
    const entries = await prisma.ethicsPolicyEntry.findMany({ where: { facilityId }, orderBy: { position: 'asc' }, select: { technology: true, position: true } })
    expect(entries).toEqual([
      { technology: 'Vores eget punkt', position: 0 },
      { technology: 'Sociale medier', position: 1 },
      { technology: 'Billeder', position: 2 },
    ])
    const overview = await ethicsPolicyOverview(facilityId)
    expect(overview?.adoptedAt).toBeInstanceOf(Date)
    expect(overview?.changedSince).toBe(false)
    expect(overview?.changes).toBeNull()
  })

  test('the facility changes its own copy: the template does not count that as a change', async () => {
    const own = await prisma.ethicsPolicyEntry.findFirstOrThrow({ where: { facilityId, technology: 'Billeder' } })
    await prisma.ethicsPolicyEntry.update({ where: { id: own.id }, data: { agreedValues: 'Vores egen udgave' } })
    expect((await ethicsPolicyOverview(facilityId))?.changedSince).toBe(false)
  })

  test('the municipality adds, changes and removes entries: "changed since", with what changed', async () => {
    const [social, photos] = (await ethicsTemplate(municipalityId))!.entries
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'update', entryId: photos!.id, entry: { ...entry('Billeder'), agreedValues: 'Spørg altid først' } })
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'delete', entryId: social!.id })
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'add', entry: entry('Kunstig intelligens') })
    const overview = await ethicsPolicyOverview(facilityId)
    expect(overview?.changedSince).toBe(true)
    expect(overview?.changes?.added.map((e) => e.technology)).toEqual(['Kunstig intelligens'])
    expect(overview?.changes?.changed.map((c) => [c.before.agreedValues, c.after.agreedValues])).toEqual([['Værdier om Billeder', 'Spørg altid først']])
    expect(overview?.changes?.removed.map((e) => e.technology)).toEqual(['Sociale medier'])
    // The facility's own entries are its own: nothing was changed in them.
    expect(await prisma.ethicsPolicyEntry.count({ where: { facilityId } })).toBe(3)
  })

  test('once the facility has seen the changes, the signal goes until the template changes again', async () => {
    expect(await acknowledgeTemplateChanges(leaderId, facilityId)).toEqual({ ok: true })
    expect((await ethicsPolicyOverview(facilityId))?.changedSince).toBe(false)
    const [first] = (await ethicsTemplate(municipalityId))!.entries
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'move', entryId: first!.id, direction: 'down' })
    // A new order is a new version but no entry differs: nothing to tell.
    expect((await ethicsPolicyOverview(facilityId))?.changedSince).toBe(false)
    await changeEthicsTemplate(kommuneId, municipalityId, { intent: 'add', entry: entry('Spil') })
    expect((await ethicsPolicyOverview(facilityId))?.changedSince).toBe(true)
  })

  test('another municipality’s facility is not offered this template', async () => {
    const elsewhere = await createFacility('Hillerød Kommune')
    expect(await adoptEthicsTemplate(leaderId, elsewhere.id)).toEqual({ ok: false, reason: 'no-template' })
  })
})

describe('the yearly review reminder', () => {
  const day = (iso: string) => new Date(`${iso}T10:00:00Z`)
  let facilityId: string
  let leader: { id: string; email: string }

  beforeAll(async () => {
    const facility = await createFacility('Halsnæs Kommune')
    facilityId = facility.id
    leader = await createUser('facility_staff', { name: 'Lene Leder' })
    await addStaff(facilityId, leader.id, 'leader')
    const staff = await createUser('facility_staff')
    await addStaff(facilityId, staff.id, 'staff')
    await prisma.ethicsPolicyEntry.create({ data: { facilityId, ...entry('Sociale medier'), createdAt: day('2025-03-01') } })
  })

  const reminders = () => prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `ethics-review:${facilityId}:` } }, select: { toEmail: true, dedupeKey: true, subject: true } })

  test('a year after the policy was written the leader (only) is reminded, once however often the job runs', async () => {
    await queueEthicsReviewReminders(day('2026-02-27'))
    expect(await reminders()).toEqual([])
    // Two runs at once both render the reminder; the one that claims the due date writes it.
    await Promise.all([queueEthicsReviewReminders(day('2026-03-01')), queueEthicsReviewReminders(day('2026-03-01'))])
    expect(await reminders()).toHaveLength(1)
    await queueEthicsReviewReminders(day('2026-03-01'))
    await Promise.all([queueEthicsReviewReminders(day('2026-03-02')), queueEthicsReviewReminders(day('2026-03-02'))])
    const sent = await reminders()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ toEmail: leader.email, dedupeKey: `ethics-review:${facilityId}:2026-03-01:${leader.id}` })
    expect(sent[0]!.subject).toContain('digital etik')
  })

  test('a recorded review moves the next reminder a year on from the review', async () => {
    await recordEthicsReview(leader.id, facilityId, { reviewedOn: '2026-03-10', residents: 5, staff: 2, otherRoles: 'pårørende', note: '' })
    await queueEthicsReviewReminders(day('2027-03-09'))
    expect(await reminders()).toHaveLength(1)
    await queueEthicsReviewReminders(day('2027-03-10'))
    await queueEthicsReviewReminders(day('2027-03-11'))
    expect((await reminders()).map((r) => r.dedupeKey)).toEqual([`ethics-review:${facilityId}:2026-03-01:${leader.id}`, `ethics-review:${facilityId}:2027-03-10:${leader.id}`])
  })

  test('no review after a reminder: the next one comes a year after it, not every run', async () => {
    await queueEthicsReviewReminders(day('2027-09-01'))
    expect(await reminders()).toHaveLength(2)
    await queueEthicsReviewReminders(day('2028-03-10'))
    expect(await reminders()).toHaveLength(3)
  })

  test('a review recorded late for an earlier date does not make the policy look older', async () => {
    await recordEthicsReview(leader.id, facilityId, { reviewedOn: '2027-01-01', residents: 1, staff: 1, otherRoles: '', note: '' })
    const state = await prisma.ethicsPolicyState.findUniqueOrThrow({ where: { facilityId } })
    expect(state.reviewedOn).toBe('2027-01-01')
    await recordEthicsReview(leader.id, facilityId, { reviewedOn: '2026-12-01', residents: 1, staff: 1, otherRoles: '', note: '' })
    expect((await prisma.ethicsPolicyState.findUniqueOrThrow({ where: { facilityId } })).reviewedOn).toBe('2027-01-01')
    expect(await prisma.ethicsPolicyReview.count({ where: { facilityId } })).toBe(3)
  })
})
