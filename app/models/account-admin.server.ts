import { releaseCommitmentsIn } from '~/models/account-deletion.server'
import { audit } from '~/utils/audit.server'
import { prisma, type Prisma } from '~/utils/db.server'
import { ROLES, type Role } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'

/** Rows per page of the admin's account search. */
export const ACCOUNTS_PAGE_SIZE = 25

/**
 * SQLite's LIKE ignores case for ASCII letters only, so "SØREN" would miss "Søren": the word is
 * also tried in lower, upper and capitalised form, which covers how names and addresses are written.
 */
function caseVariants(word: string) {
  const lower = word.toLocaleLowerCase('da')
  return [...new Set([word, lower, word.toLocaleUpperCase('da'), lower.charAt(0).toLocaleUpperCase('da') + lower.slice(1)])]
}

/**
 * Any account found by part of its name or e-mail, optionally of one role, newest first. Deleted
 * (anonymised) accounts have no name or address left to find and are not listed.
 */
export async function findAccounts(query: { q: string; role: Role | null; page: number }) {
  const words = query.q.trim().split(/\s+/).filter(Boolean).slice(0, 5)
  const where: Prisma.UserWhereInput = {
    anonymizedAt: null,
    ...(query.role ? { role: query.role } : {}),
    // Every word must match the name or the address: "anna holm" finds Anna-Marie Holm.
    AND: words.map((word) => ({ OR: caseVariants(word).flatMap((variant) => [{ name: { contains: variant } }, { email: { contains: variant } }]) })),
  }
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: { id: true, name: true, email: true, role: true, emailVerifiedAt: true, deactivatedAt: true, centre: { select: { name: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (query.page - 1) * ACCOUNTS_PAGE_SIZE,
      take: ACCOUNTS_PAGE_SIZE,
    }),
  ])
  return { total, pages: Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE)), rows }
}

/** One account as the admin sees it before deactivating: what would end with it. */
export async function accountForAdmin(userId: string) {
  const user = await prisma.user.findFirst({
    where: { id: userId, anonymizedAt: null },
    select: { id: true, name: true, email: true, phone: true, role: true, createdAt: true, lastLoginAt: true, deactivatedAt: true, centre: { select: { name: true } } },
  })
  if (!user) return null
  const [liveMatches, openApplications, sessions] = await Promise.all([
    prisma.match.count({ where: { volunteerId: userId, status: { in: ['proposed', 'active', 'paused'] } } }),
    prisma.application.count({ where: { volunteerId: userId, status: { in: ['submitted', 'in_review'] } } }),
    prisma.session.count({ where: { userId } }),
  ])
  return { ...user, liveMatches, openApplications, sessions }
}

export type DeactivateResult = { ok: true; matchesEnded: number; applicationsWithdrawn: number } | { ok: false; reason: 'not-found' | 'self' | 'already-deactivated' }

/**
 * An admin closes an account without deleting it: every session ends at once (a stolen or shared
 * log-in stops working on the next request), log-in is refused with its own message, and the
 * person's matches and applications are ended and withdrawn exactly as when an account is deleted,
 * with the same e-mails. Their data stays, so the account can be opened again.
 */
export async function deactivateAccount(actorId: string, userId: string, now = new Date()): Promise<DeactivateResult> {
  if (actorId === userId) return { ok: false, reason: 'self' }
  const endReason = (await getFixedT('da', 'admin'))('account.matchEndReason')
  return prisma.$transaction(async (tx): Promise<DeactivateResult> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, anonymizedAt: true, deactivatedAt: true } })
    if (!user || user.anonymizedAt) return { ok: false, reason: 'not-found' }
    // Guarded update: of two admins at once, one deactivates, the other is told it is done.
    const claimed = await tx.user.updateMany({ where: { id: userId, deactivatedAt: null }, data: { deactivatedAt: now } })
    if (claimed.count === 0) return { ok: false, reason: 'already-deactivated' }
    // What Lucia's invalidateUserSessions does, inside this transaction so it cannot be half done.
    const sessions = await tx.session.deleteMany({ where: { userId } })
    const released = await releaseCommitmentsIn(tx, userId, { actorId, endReason }, now)
    await audit(tx, { actorId, action: 'user.deactivated', entityType: 'User', entityId: userId, data: { role: user.role, sessionsEnded: sessions.count, ...released } })
    return { ok: true, ...released }
  })
}

/** Opens a deactivated account again: the person can log in; what was ended stays ended. */
export async function reactivateAccount(actorId: string, userId: string): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'not-deactivated' }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { anonymizedAt: true } })
    if (!user || user.anonymizedAt) return { ok: false as const, reason: 'not-found' as const }
    const updated = await tx.user.updateMany({ where: { id: userId, deactivatedAt: { not: null } }, data: { deactivatedAt: null } })
    if (updated.count === 0) return { ok: false as const, reason: 'not-deactivated' as const }
    await audit(tx, { actorId, action: 'user.reactivated', entityType: 'User', entityId: userId })
    return { ok: true as const }
  })
}

export function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value)
}
