import { prisma } from '~/utils/db.server'
import { isLocale } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { audit } from '~/utils/audit.server'

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

/** Facilities waiting for approval in the given municipalities (a coordinator's centre). */
export function pendingFacilities(municipalityIds: string[]) {
  return prisma.facility.findMany({
    where: { status: 'pending', municipalityId: { in: municipalityIds } },
    select: {
      id: true,
      name: true,
      kind: true,
      address: true,
      postcode: true,
      town: true,
      createdAt: true,
      municipality: { select: { name: true } },
      memberships: { where: { role: 'leader' }, select: { user: { select: { name: true, email: true, emailVerifiedAt: true } } } },
    },
    orderBy: { createdAt: 'asc' },
  })
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
        locale: isLocale(user.locale) ? user.locale : 'da',
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
      locale: isLocale(membership.user.locale) ? membership.user.locale : 'da',
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
