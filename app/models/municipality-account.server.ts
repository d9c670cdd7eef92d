import { deactivateAccount, reactivateAccount } from '~/models/account-admin.server'
import { inviteUser } from '~/models/user.server'
import { prisma } from '~/utils/db.server'

/**
 * The centre's coordinator keeps the municipality's accounts (kommunal tovholder) for the
 * municipalities the centre covers — and no others. An account that also reads another centre's
 * municipality is shown (the coordinator should know who reads their figures) but only an admin
 * may close it: it is not the centre's alone.
 */

type Coordinator = { id: string; name: string; centreMunicipalityIds: string[] }

export type MunicipalityAccountRow = {
  id: string
  name: string
  email: string
  invited: boolean
  deactivated: boolean
  municipalities: string[]
  /** Every municipality it reads is the centre's: the coordinator may deactivate or reactivate it. */
  manageable: boolean
}

export async function municipalityAccountsOfCentre(centreMunicipalityIds: string[]): Promise<MunicipalityAccountRow[]> {
  if (centreMunicipalityIds.length === 0) return []
  const users = await prisma.user.findMany({
    where: { role: 'municipality', anonymizedAt: null, municipalityAccess: { some: { municipalityId: { in: centreMunicipalityIds } } } },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerifiedAt: true,
      deactivatedAt: true,
      municipalityAccess: { select: { municipalityId: true, municipality: { select: { name: true } } }, orderBy: { municipality: { name: 'asc' } } },
    },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
  })
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    invited: !user.emailVerifiedAt,
    deactivated: Boolean(user.deactivatedAt),
    municipalities: user.municipalityAccess.map((access) => access.municipality.name),
    manageable: user.municipalityAccess.every((access) => centreMunicipalityIds.includes(access.municipalityId)),
  }))
}

export type MunicipalityInvitation = { name: string; email: string; locale: 'da' | 'en'; municipalityIds: string[] }

/** The same invitation as the admin's (e-mail with a link to choose a password), for the centre's own municipalities only. */
export async function inviteMunicipalityAccount(coordinator: Coordinator, invitation: MunicipalityInvitation) {
  const municipalityIds = [...new Set(invitation.municipalityIds)]
  if (municipalityIds.length === 0 || !municipalityIds.every((id) => coordinator.centreMunicipalityIds.includes(id))) {
    return { ok: false as const, reason: 'municipality-missing' as const }
  }
  return inviteUser(coordinator, { ...invitation, municipalityIds, role: 'municipality', centreId: null })
}

/** Deactivate or reactivate: a municipality account whose municipalities are all the centre's. */
export async function setMunicipalityAccountActive(coordinator: Coordinator, userId: string, active: boolean) {
  const account = (await municipalityAccountsOfCentre(coordinator.centreMunicipalityIds)).find((row) => row.id === userId)
  if (!account) return { ok: false as const, reason: 'not-found' as const }
  if (!account.manageable) return { ok: false as const, reason: 'not-the-centres' as const }
  const result = active ? await reactivateAccount(coordinator.id, userId) : await deactivateAccount(coordinator.id, userId)
  return result.ok ? { ok: true as const, name: account.name || account.email } : result
}
