import { prisma } from '~/utils/db.server'
import { all, inJsonList, sql } from '~/utils/sql.server'
import { TASKS, localeOf } from '~/utils/domain'
import { TOKEN_LIFETIME_MS, issueToken } from '~/utils/tokens.server'
import { TARGET_GROUPS } from '~/utils/facility'
import { municipalitiesForPostcode } from './reference.server'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { audit } from '~/utils/audit.server'
import { refreshFacilityAgreements } from '~/models/agreement.server'
import { touchEthicsPolicy } from './ethics-template.server'

/** Active facilities someone can ask to join, by name, with their municipality. */
export function facilitiesToJoin() {
  return prisma.facility.findMany({
    where: { status: 'active' },
    select: { id: true, name: true, town: true, municipality: { select: { name: true } } },
    orderBy: { name: 'asc' },
  })
}

export function isJoinableFacility(facilityId: string) {
  return prisma.facility.count({ where: { id: facilityId, status: 'active' } }).then((count) => count === 1)
}

/**
 * Facilities waiting for approval in these municipalities (a coordinator's centre), the oldest
 * first (`take`: only the first so many), each with its municipality's name and its leaders. Read
 * on the start page straight from SQLite: two statements, the leaders of only the facilities shown.
 */
export function pendingFacilities(municipalityIds: string[], take = -1) {
  const facilities = all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
      .where('f.status', '=', 'pending')
      .where(inJsonList('f.municipalityId', municipalityIds))
      .select(['f.id', 'f.name', 'f.kind', 'f.address', 'f.postcode', 'f.town', 'f.createdAt', 'mu.name as municipalityName'])
      .orderBy('f.createdAt')
      .orderBy('f.id')
      .limit(take),
  )
  const leaders = all(
    sql
      .selectFrom('FacilityMembership as m')
      .innerJoin('User as u', 'u.id', 'm.userId')
      .where(inJsonList('m.facilityId', facilities.map((f) => f.id)))
      .where('m.role', '=', 'leader')
      .select(['m.facilityId', 'u.name', 'u.email', 'u.emailVerifiedAt'])
      .orderBy('m.id'),
  )
  return facilities.map(({ municipalityName, createdAt, ...facility }) => ({
    ...facility,
    createdAt: new Date(createdAt),
    municipality: { name: municipalityName },
    memberships: leaders
      .filter((leader) => leader.facilityId === facility.id)
      .map((leader) => ({ user: { name: leader.name, email: leader.email, emailVerifiedAt: leader.emailVerifiedAt === null ? null : new Date(leader.emailVerifiedAt) } })),
  }))
}

/** A coordinator approves a new facility; its leader is told by e-mail. */
export async function approveFacility(actorId: string, facilityId: string) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.facility.updateMany({
      where: { id: facilityId, status: 'pending' },
      data: { status: 'active', approvedAt: new Date(), approvedById: actorId },
    })
    if (updated.count === 0) return { ok: false as const }
    const facility = await tx.facility.findUniqueOrThrow({
      where: { id: facilityId },
      select: { name: true, memberships: { where: { role: 'leader', status: 'active' }, select: { user: { select: { email: true, name: true, locale: true } } } } },
    })
    await audit(tx, { actorId, action: 'facility.approved', entityType: 'Facility', entityId: facilityId })
    for (const { user } of facility.memberships) {
      await queueEmail(tx, {
        to: user.email,
        toName: user.name,
        locale: localeOf(user.locale),
        template: 'notice',
        props: { kind: 'facilityApproved', name: user.name, url: appUrl('/facility'), values: { facility: facility.name } },
      })
    }
    return { ok: true as const, name: facility.name }
  })
}

/** The facilities a staff member belongs to, with what a start page shows about each. */
export function facilitiesOfStaff(userId: string) {
  return prisma.facilityMembership.findMany({
    where: { userId, status: { in: ['active', 'requested'] } },
    select: {
      role: true,
      status: true,
      isContactPerson: true,
      facility: {
        select: {
          id: true,
          name: true,
          status: true,
          town: true,
          description: true,
          practicalInfo: true,
          itScreening: { select: { id: true } },
          _count: { select: { ethicsEntries: true } },
          municipality: { select: { name: true } },
          memberships: {
            where: { status: 'requested' },
            select: { id: true, createdAt: true, user: { select: { name: true, email: true } } },
          },
        },
      },
    },
    orderBy: { createdAt: 'asc' },
  })
}

/** A leader lets someone who asked to join into the facility; they are told by e-mail. */
export async function approveJoinRequest(actorId: string, membershipId: string) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.facilityMembership.findUnique({
      where: { id: membershipId },
      select: { id: true, status: true, facilityId: true, facility: { select: { name: true } }, user: { select: { id: true, email: true, name: true, locale: true } } },
    })
    if (!membership || membership.status !== 'requested') return { ok: false as const }
    await tx.facilityMembership.update({ where: { id: membershipId }, data: { status: 'active' } })
    await audit(tx, { actorId, action: 'facility.join_approved', entityType: 'Facility', entityId: membership.facilityId, data: { userId: membership.user.id } })
    await queueEmail(tx, {
      to: membership.user.email,
      toName: membership.user.name,
      locale: localeOf(membership.user.locale),
      template: 'notice',
      props: { kind: 'joinApproved', name: membership.user.name, url: appUrl('/facility'), values: { facility: membership.facility.name } },
    })
    return { ok: true as const, name: membership.user.name }
  })
}

export function membershipFacility(membershipId: string) {
  return prisma.facilityMembership.findUnique({
    where: { id: membershipId },
    select: { facilityId: true, facility: { select: { municipalityId: true } } },
  })
}

// ---------------------------------------------------------------------------------------------
// The facility's own pages: profile, IT screening, ethics policy, staff; the centre's overview
// ---------------------------------------------------------------------------------------------


/** Each model function below is scoped by facility: an id of another facility is "not found". */
type Missing = { ok: false; reason: 'not-found' }
const missing: Missing = { ok: false, reason: 'not-found' }

export function facilityProfile(facilityId: string) {
  return prisma.facility.findUnique({
    where: { id: facilityId },
    select: {
      id: true,
      name: true,
      kind: true,
      targetGroups: true,
      address: true,
      postcode: true,
      town: true,
      municipalityId: true,
      municipality: { select: { name: true } },
      description: true,
      practicalInfo: true,
      phone: true,
      email: true,
      website: true,
      status: true,
    },
  })
}

export type FacilityProfileInput = {
  name: string
  kind: string
  targetGroups: string[]
  address: string
  postcode: string
  /** Only needed when the postcode lies in several municipalities. */
  municipalityId?: string
  description: string
  practicalInfo: string
  phone: string | null
  email: string | null
  website: string | null
}

export type ProfileUpdateResult =
  | { ok: true }
  | Missing
  | { ok: false; reason: 'postcode-unknown' }
  | { ok: false; reason: 'choose-municipality'; choices: { id: string; name: string }[] }

/**
 * Saves the profile. The postcode decides the municipality (and so which centre looks after the
 * facility); a postcode on a municipal border asks which side. The facility's ads follow a move,
 * because the board filters ads on their own municipality column.
 */
export async function updateFacilityProfile(actorId: string, facilityId: string, input: FacilityProfileInput): Promise<ProfileUpdateResult> {
  const places = await municipalitiesForPostcode(input.postcode)
  if (places.length === 0) return { ok: false, reason: 'postcode-unknown' }
  const place = places.length === 1 ? places[0] : places.find((p) => p.municipalityId === input.municipalityId)
  if (!place) return { ok: false, reason: 'choose-municipality', choices: places.map((p) => ({ id: p.municipalityId, name: p.municipalityName })) }
  return prisma.$transaction(async (tx) => {
    const before = await tx.facility.findUnique({ where: { id: facilityId }, select: { municipalityId: true } })
    if (!before) return missing
    const targetGroups = TARGET_GROUPS.filter((group) => input.targetGroups.includes(group))
    await tx.facility.update({
      where: { id: facilityId },
      data: {
        name: input.name,
        kind: input.kind,
        targetGroups: JSON.stringify(targetGroups),
        address: input.address,
        postcode: input.postcode,
        town: place.town,
        municipalityId: place.municipalityId,
        description: input.description,
        practicalInfo: input.practicalInfo,
        phone: input.phone,
        email: input.email,
        website: input.website,
      },
    })
    if (before.municipalityId !== place.municipalityId) {
      await tx.jobAd.updateMany({ where: { facilityId }, data: { municipalityId: place.municipalityId } })
    }
    await audit(tx, {
      actorId,
      action: 'facility.profile_updated',
      entityType: 'Facility',
      entityId: facilityId,
      data: before.municipalityId !== place.municipalityId ? { municipalityId: { from: before.municipalityId, to: place.municipalityId } } : undefined,
    })
    return { ok: true as const }
  })
}

export function facilityItScreening(facilityId: string) {
  return prisma.facilityItScreening.findUnique({
    where: { facilityId },
    select: { residentWishes: true, wishedTasks: true, technology: true, network: true, staffReadiness: true, updatedAt: true },
  })
}

export type ItScreeningInput = { residentWishes: string; wishedTasks: string[]; technology: string; network: string; staffReadiness: string }

export async function saveItScreening(actorId: string, facilityId: string, input: ItScreeningInput) {
  const wishedTasks = TASKS.filter((task) => input.wishedTasks.includes(task))
  const { residentWishes, technology, network, staffReadiness } = input
  const data = { residentWishes, technology, network, staffReadiness, wishedTasks: JSON.stringify(wishedTasks) }
  return prisma.$transaction(async (tx) => {
    if ((await tx.facility.count({ where: { id: facilityId } })) === 0) return missing
    await tx.facilityItScreening.upsert({ where: { facilityId }, create: { facilityId, ...data }, update: data })
    await audit(tx, { actorId, action: 'facility.it_screening_saved', entityType: 'Facility', entityId: facilityId })
    return { ok: true as const }
  })
}

export function ethicsPolicy(facilityId: string) {
  return prisma.ethicsPolicyEntry.findMany({
    where: { facilityId },
    select: { id: true, technology: true, dilemma: true, agreedValues: true, position: true },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  })
}

export type EthicsEntryInput = { technology: string; dilemma: string; agreedValues: string }

/** Only the entry's own fields reach the database, whatever else the caller's object carries. */
function entryFields({ technology, dilemma, agreedValues }: EthicsEntryInput) {
  return { technology, dilemma, agreedValues }
}

export async function addEthicsEntry(actorId: string, facilityId: string, input: EthicsEntryInput) {
  return prisma.$transaction(async (tx) => {
    if ((await tx.facility.count({ where: { id: facilityId } })) === 0) return missing
    const last = await tx.ethicsPolicyEntry.findFirst({ where: { facilityId }, orderBy: { position: 'desc' }, select: { position: true } })
    const entry = await tx.ethicsPolicyEntry.create({ data: { facilityId, ...entryFields(input), position: (last?.position ?? -1) + 1 }, select: { id: true } })
    await touchEthicsPolicy(tx, facilityId)
    await audit(tx, { actorId, action: 'facility.ethics_entry_added', entityType: 'Facility', entityId: facilityId, data: { entryId: entry.id, technology: input.technology } })
    await refreshFacilityAgreements(tx, facilityId, new Date(), actorId)
    return { ok: true as const, entryId: entry.id }
  })
}

export async function updateEthicsEntry(actorId: string, facilityId: string, entryId: string, input: EthicsEntryInput) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.ethicsPolicyEntry.updateMany({ where: { id: entryId, facilityId }, data: entryFields(input) })
    if (updated.count === 0) return missing
    await touchEthicsPolicy(tx, facilityId)
    await audit(tx, { actorId, action: 'facility.ethics_entry_updated', entityType: 'Facility', entityId: facilityId, data: { entryId } })
    await refreshFacilityAgreements(tx, facilityId, new Date(), actorId)
    return { ok: true as const }
  })
}

export async function removeEthicsEntry(actorId: string, facilityId: string, entryId: string) {
  return prisma.$transaction(async (tx) => {
    const entry = await tx.ethicsPolicyEntry.findFirst({ where: { id: entryId, facilityId }, select: { technology: true, dilemma: true, agreedValues: true } })
    if (!entry) return missing
    await tx.ethicsPolicyEntry.delete({ where: { id: entryId } })
    // The removed text is kept in the audit log: the policy is something volunteers agreed to.
    await touchEthicsPolicy(tx, facilityId)
    await audit(tx, { actorId, action: 'facility.ethics_entry_removed', entityType: 'Facility', entityId: facilityId, data: { entryId, ...entry } })
    await refreshFacilityAgreements(tx, facilityId, new Date(), actorId)
    return { ok: true as const }
  })
}

/** Moves an entry one place up or down; positions are renumbered 0…n-1 so gaps never build up. */
export async function moveEthicsEntry(actorId: string, facilityId: string, entryId: string, direction: 'up' | 'down') {
  return prisma.$transaction(async (tx) => {
    const entries = await tx.ethicsPolicyEntry.findMany({
      where: { facilityId },
      select: { id: true },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    })
    const index = entries.findIndex((entry) => entry.id === entryId)
    if (index === -1) return missing
    const target = direction === 'up' ? index - 1 : index + 1
    if (target < 0 || target >= entries.length) return { ok: true as const, moved: false }
    const order = entries.map((entry) => entry.id)
    ;[order[index], order[target]] = [order[target], order[index]]
    for (const [position, id] of order.entries()) await tx.ethicsPolicyEntry.update({ where: { id }, data: { position } })
    await touchEthicsPolicy(tx, facilityId)
    await audit(tx, { actorId, action: 'facility.ethics_entry_moved', entityType: 'Facility', entityId: facilityId, data: { entryId, direction } })
    await refreshFacilityAgreements(tx, facilityId, new Date(), actorId)
    return { ok: true as const, moved: true }
  })
}

export function facilityStaff(facilityId: string) {
  return prisma.facilityMembership.findMany({
    where: { facilityId, status: 'active' },
    select: {
      id: true,
      role: true,
      status: true,
      isContactPerson: true,
      itAmbassadorSince: true,
      user: { select: { id: true, name: true, email: true, phone: true, passwordHash: true } },
    },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  }).then((rows) =>
    // Whether the person has set a password yet ("invited"), without sending the hash anywhere.
    rows.map(({ user: { passwordHash, ...user }, ...row }) => ({ ...row, user: { ...user, invited: !passwordHash } })),
  )
}

export async function setContactPerson(actorId: string, facilityId: string, membershipId: string, isContactPerson: boolean) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.facilityMembership.updateMany({ where: { id: membershipId, facilityId, status: 'active' }, data: { isContactPerson } })
    if (updated.count === 0) return missing
    const { user } = await tx.facilityMembership.findUniqueOrThrow({ where: { id: membershipId }, select: { user: { select: { id: true, name: true } } } })
    await audit(tx, { actorId, action: isContactPerson ? 'facility.contact_person_added' : 'facility.contact_person_removed', entityType: 'Facility', entityId: facilityId, data: { userId: user.id } })
    // The agreements name a stand-in among the contact persons.
    await refreshFacilityAgreements(tx, facilityId, new Date(), actorId)
    return { ok: true as const, name: user.name }
  })
}

/**
 * A leader removes someone from the staff; a facility never ends up without an active leader. The
 * membership is marked `removed`, never deleted, so who was staff stays on record. The facility's
 * ads that named them as contact person are left without one, for the leader to choose anew.
 */
export async function removeStaffMember(actorId: string, facilityId: string, membershipId: string) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.facilityMembership.findFirst({
      where: { id: membershipId, facilityId, status: { in: ['active', 'requested'] } },
      select: { role: true, user: { select: { id: true, name: true } } },
    })
    if (!membership) return missing
    if (membership.role === 'leader') {
      const leaders = await tx.facilityMembership.count({ where: { facilityId, role: 'leader', status: 'active' } })
      if (leaders <= 1) return { ok: false as const, reason: 'last-leader' as const }
    }
    await tx.facilityMembership.update({ where: { id: membershipId }, data: { status: 'removed', isContactPerson: false } })
    // Someone who has left cannot be an ad's contact person: those ads now say there is none yet.
    const ads = await tx.jobAd.updateMany({ where: { facilityId, contactPersonId: membership.user.id }, data: { contactPersonId: null } })
    await audit(tx, {
      actorId,
      action: 'facility.staff_removed',
      entityType: 'Facility',
      entityId: facilityId,
      data: { userId: membership.user.id, adsWithoutContactPerson: ads.count },
    })
    await refreshFacilityAgreements(tx, facilityId, new Date(), actorId)
    return { ok: true as const, name: membership.user.name }
  })
}

export type StaffInvitation = { name: string; email: string; locale: 'da' | 'en' }

/**
 * A leader invites a colleague. A new address gets a facility_staff account without a password
 * and an invitation link (the same /invitation page admins' invitations use) in the language the
 * leader chose; an existing staff account is added and told in its own language. Any other kind
 * of account cannot be staff.
 */
export async function inviteStaff(actor: { id: string; name: string }, facilityId: string, invitation: StaffInvitation) {
  return prisma.$transaction(async (tx) => {
    const facility = await tx.facility.findUnique({ where: { id: facilityId }, select: { name: true } })
    if (!facility) return missing
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true, name: true, email: true, role: true, locale: true } })
    if (existing) {
      if (existing.role !== 'facility_staff') return { ok: false as const, reason: 'not-staff-account' as const }
      const membership = await tx.facilityMembership.findUnique({ where: { facilityId_userId: { facilityId, userId: existing.id } }, select: { id: true, status: true } })
      if (membership?.status === 'active') return { ok: false as const, reason: 'already-staff' as const }
      if (membership) await tx.facilityMembership.update({ where: { id: membership.id }, data: { status: 'active', role: 'staff', isContactPerson: false } })
      else await tx.facilityMembership.create({ data: { facilityId, userId: existing.id, role: 'staff', status: 'active' } })
      await audit(tx, { actorId: actor.id, action: 'facility.staff_added', entityType: 'Facility', entityId: facilityId, data: { userId: existing.id } })
      await queueEmail(tx, {
        to: existing.email,
        toName: existing.name,
        locale: localeOf(existing.locale),
        template: 'facility-staff-added',
        props: { name: existing.name, url: appUrl('/facility'), invitedBy: actor.name, facility: facility.name },
      })
      return { ok: true as const, userId: existing.id, created: false }
    }
    const user = await tx.user.create({
      data: { name: invitation.name, email: invitation.email, role: 'facility_staff', locale: invitation.locale },
      select: { id: true, name: true, email: true },
    })
    await tx.facilityMembership.create({ data: { facilityId, userId: user.id, role: 'staff', status: 'active' } })
    const token = await issueToken(tx, { purpose: 'invitation', userId: user.id, email: user.email })
    await audit(tx, { actorId: actor.id, action: 'user.invited', entityType: 'User', entityId: user.id, data: { role: 'facility_staff', facilityId } })
    await audit(tx, { actorId: actor.id, action: 'facility.staff_added', entityType: 'Facility', entityId: facilityId, data: { userId: user.id } })
    await queueEmail(tx, {
      to: user.email,
      toName: user.name,
      locale: invitation.locale,
      template: 'facility-invitation',
      props: {
        name: user.name,
        url: appUrl(`/invitation?token=${token}`),
        invitedBy: actor.name,
        facility: facility.name,
        expiresInDays: TOKEN_LIFETIME_MS.invitation / (24 * 60 * 60 * 1000),
      },
    })
    return { ok: true as const, userId: user.id, created: true }
  })
}

/**
 * A coordinator takes a facility off the platform (inactive) or brings it back (active), with a
 * reason the leaders read in their e-mail.
 */
export async function setFacilityActive(actorId: string, facilityId: string, active: boolean, reason: string) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.facility.updateMany({
      where: { id: facilityId, status: active ? 'inactive' : 'active' },
      data: { status: active ? 'active' : 'inactive' },
    })
    if (updated.count === 0) return { ok: false as const, reason: 'wrong-status' as const }
    const facility = await tx.facility.findUniqueOrThrow({
      where: { id: facilityId },
      select: { name: true, memberships: { where: { role: 'leader', status: 'active' }, select: { user: { select: { email: true, name: true, locale: true } } } } },
    })
    await audit(tx, { actorId, action: active ? 'facility.reactivated' : 'facility.deactivated', entityType: 'Facility', entityId: facilityId, data: { reason } })
    if (!active) {
      // An inactive facility takes no volunteers: its published ads leave the board and the feeds
      // (paused, so they can be resumed once the facility is active again).
      const published = await tx.jobAd.findMany({ where: { facilityId, status: 'published' }, select: { id: true } })
      await tx.jobAd.updateMany({ where: { id: { in: published.map((ad) => ad.id) } }, data: { status: 'paused' } })
      for (const ad of published) {
        await audit(tx, { actorId, action: 'ad.paused', entityType: 'JobAd', entityId: ad.id, data: { reason: 'facility.deactivated' } })
      }
    }
    for (const { user } of facility.memberships) {
      await queueEmail(tx, {
        to: user.email,
        toName: user.name,
        locale: localeOf(user.locale),
        template: 'facility-status',
        props: { kind: active ? 'reactivated' : 'deactivated', name: user.name, url: appUrl('/facility'), facility: facility.name, reason },
      })
    }
    return { ok: true as const, name: facility.name }
  })
}

/** The facilities of a staff member, by id, with what the permission check needs. */
export function staffFacilities(facilityIds: string[]) {
  return prisma.facility.findMany({ where: { id: { in: facilityIds } }, select: { id: true, name: true, municipalityId: true }, orderBy: { name: 'asc' } })
}
