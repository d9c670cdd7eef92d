import type { Tx } from '~/utils/db.server'
import { prisma } from '~/utils/db.server'
import { localeOf, type Locale, type Role } from '~/utils/domain'
import { queueEmail, renderEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { runAfterResponse } from '~/utils/after-response.server'
import { BACKOFF, RULES, consumeBackoff, consumeWindow, forgive, hitRateLimit, ipKey, refund } from '~/utils/rate-limit.server'
import { TOKEN_LIFETIME_MS, consumeToken, findValidToken, issueToken } from '~/utils/tokens.server'
import { audit } from '~/utils/audit.server'
import { endAllSessions } from '~/utils/auth.server'

const HOUR = 60 * 60 * 1000

export async function findUserByEmail(email: string) {
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } })
}

/** Sends (queues) a fresh verification link to a user. */
async function queueVerification(tx: Tx, user: { id: string; email: string; name: string; locale: string }) {
  const token = await issueToken(tx, { purpose: 'verify_email', userId: user.id, email: user.email })
  await queueEmail(tx, {
    to: user.email,
    toName: user.name,
    locale: localeOf(user.locale),
    template: 'verify-email',
    props: { name: user.name, url: appUrl(`/verify-email?token=${token}`), expiresInHours: TOKEN_LIFETIME_MS.verify_email / HOUR },
  })
}

/**
 * Someone signed up with an address that already has an account. The page says the same as for
 * a new address; the owner gets a note with a way back in instead of a verification link.
 */
async function queueAccountExists(tx: Tx, user: { email: string; name: string; locale: string }) {
  await queueEmail(tx, {
    to: user.email,
    toName: user.name,
    locale: localeOf(user.locale),
    template: 'notice',
    props: { kind: 'accountExists', name: user.name, url: appUrl('/forgot-password'), values: {} },
  })
}

export type NewAccount = { name: string; email: string; password: string; phone: string | null; locale: Locale }

/**
 * The new account, or null when the address already has one: its owner is then told by e-mail
 * (nobody learns from the form whether an address is registered).
 */
async function createAccountUnlessTaken(tx: Tx, account: NewAccount, role: 'volunteer' | 'facility_staff', passwordHash: string) {
  const existing = await tx.user.findUnique({ where: { email: account.email } })
  if (existing) {
    await queueAccountExists(tx, existing)
    return null
  }
  return tx.user.create({ data: { name: account.name, email: account.email, phone: account.phone, locale: account.locale, role, passwordHash } })
}

export async function signUpVolunteer(account: NewAccount) {
  const passwordHash = await hashPassword(account.password)
  return prisma.$transaction(async (tx) => {
    const user = await createAccountUnlessTaken(tx, account, 'volunteer', passwordHash)
    if (!user) return { created: false as const }
    // The sign-up form's consent is the profile's data consent (same words); asking again on the
    // profile would make a new volunteer's first save look like a new decision.
    await tx.volunteerProfile.create({ data: { userId: user.id, consentDataAt: new Date() } })
    await audit(tx, { actorId: user.id, action: 'user.signed_up', entityType: 'User', entityId: user.id, data: { role: 'volunteer' } })
    await queueVerification(tx, user)
    return { created: true as const, userId: user.id }
  })
}

/**
 * The sign-up forms answer before anything is looked up: whether the address already has an
 * account decides only which e-mail is sent, after the response (see after-response.server.ts).
 */
export function requestVolunteerSignUp(account: NewAccount) {
  runAfterResponse('volunteer sign-up', () => signUpVolunteer(account))
}

export type NewFacility = {
  name: string
  kind: string
  address: string
  postcode: string
  town: string
  municipalityId: string
}

/**
 * Facility staff sign up either creating their facility (pending until a coordinator approves
 * it; the creator becomes its leader and contact person) or asking to join an existing one
 * (the leader approves).
 */
export async function signUpFacilityStaff(account: NewAccount, facility: { create: NewFacility } | { joinFacilityId: string }) {
  const passwordHash = await hashPassword(account.password)
  return prisma.$transaction(async (tx) => {
    const user = await createAccountUnlessTaken(tx, account, 'facility_staff', passwordHash)
    if (!user) return { created: false as const }
    if ('create' in facility) {
      const created = await tx.facility.create({ data: { ...facility.create, status: 'pending' } })
      await tx.facilityMembership.create({
        data: { facilityId: created.id, userId: user.id, role: 'leader', isContactPerson: true, status: 'active' },
      })
      await audit(tx, { actorId: user.id, action: 'facility.created', entityType: 'Facility', entityId: created.id })
    } else {
      await tx.facilityMembership.create({
        data: { facilityId: facility.joinFacilityId, userId: user.id, role: 'staff', status: 'requested' },
      })
      await audit(tx, { actorId: user.id, action: 'facility.join_requested', entityType: 'Facility', entityId: facility.joinFacilityId })
    }
    await audit(tx, { actorId: user.id, action: 'user.signed_up', entityType: 'User', entityId: user.id, data: { role: 'facility_staff' } })
    await queueVerification(tx, user)
    return { created: true as const, userId: user.id }
  })
}

/** As `requestVolunteerSignUp`: the account and the e-mail are made after the response. */
export function requestFacilityStaffSignUp(account: NewAccount, facility: { create: NewFacility } | { joinFacilityId: string }) {
  runAfterResponse('facility staff sign-up', () => signUpFacilityStaff(account, facility))
}

/**
 * Confirms an address. The people waiting on this account hear about it now, not at sign-up,
 * so nobody is bothered by an address that was never confirmed: the centre about a new facility,
 * a leader about someone asking to join.
 */
export async function verifyEmail(token: string) {
  return prisma.$transaction(async (tx) => {
    const row = await findValidToken(tx, token, 'verify_email')
    if (!row || !(await consumeToken(tx, row.id))) return { ok: false as const }
    const user = await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() } })
    await audit(tx, { actorId: user.id, action: 'user.email_verified', entityType: 'User', entityId: user.id })
    await queueEmail(tx, {
      to: user.email,
      toName: user.name,
      locale: localeOf(user.locale),
      template: 'welcome',
      props: { name: user.name, url: appUrl('/login'), role: user.role as Role },
    })
    const memberships = await tx.facilityMembership.findMany({
      where: { userId: user.id },
      select: { role: true, status: true, facility: { select: { id: true, name: true, status: true, municipalityId: true } } },
    })
    for (const membership of memberships) {
      if (membership.role === 'leader' && membership.facility.status === 'pending') {
        const coordinators = await tx.user.findMany({
          where: { role: 'coordinator', deactivatedAt: null, centre: { municipalities: { some: { id: membership.facility.municipalityId } } } },
          select: { email: true, name: true, locale: true },
        })
        for (const coordinator of coordinators) {
          await queueEmail(tx, {
            to: coordinator.email,
            toName: coordinator.name,
            locale: localeOf(coordinator.locale),
            template: 'notice',
            props: { kind: 'facilityPending', name: coordinator.name, url: appUrl('/centre'), values: { facility: membership.facility.name } },
          })
        }
      }
      if (membership.status === 'requested') {
        const leaders = await tx.facilityMembership.findMany({
          where: { facilityId: membership.facility.id, role: 'leader', status: 'active' },
          select: { user: { select: { email: true, name: true, locale: true } } },
        })
        for (const { user: leader } of leaders) {
          await queueEmail(tx, {
            to: leader.email,
            toName: leader.name,
            locale: localeOf(leader.locale),
            template: 'notice',
            props: { kind: 'joinRequest', name: leader.name, url: appUrl('/facility'), values: { person: user.name, facility: membership.facility.name } },
          })
        }
      }
    }
    return { ok: true as const, userId: user.id }
  })
}

/** Sends a new verification link, e.g. when an unconfirmed user tries to log in. */
export async function resendVerification(userId: string) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } })
    if (!user.emailVerifiedAt) await queueVerification(tx, user)
  })
}

export type LoginResult =
  | { ok: true; userId: string; role: string }
  | { ok: false; reason: 'invalid' | 'unverified' | 'deactivated' | 'rate-limited'; retryAfterSeconds?: number }

/**
 * Counts one password guess before it is checked: against the address's guesses over every
 * account (RULES.passwordFailuresPerIp) and against `backoffKey`'s growing delay. Refused while
 * either must wait, without looking at the password. `settle(true)` hands the attempt back.
 */
async function beginPasswordAttempt(ip: string, backoffKey: string, backoff: (typeof BACKOFF)[keyof typeof BACKOFF]) {
  const ipFailures = `password-failures:${ipKey(ip)}`
  const perIp = await consumeWindow(ipFailures, RULES.passwordFailuresPerIp)
  if (!perIp.ok) return perIp
  const perKey = await consumeBackoff(backoffKey, backoff)
  if (!perKey.ok) {
    await refund(ipFailures, RULES.passwordFailuresPerIp)
    return perKey
  }
  return {
    ok: true as const,
    async settle(right: boolean) {
      if (!right) return
      await forgive(backoffKey)
      await refund(ipFailures, RULES.passwordFailuresPerIp)
    },
  }
}

/**
 * Log-in. Wrong passwords slow down one account from one address (BACKOFF.loginPair: a few free
 * tries, then 1 s, 2 s, 4 s … up to 15 minutes), never the account as a whole: someone guessing
 * from elsewhere cannot lock the owner out. The key is the address as typed, so an unknown
 * address is throttled exactly like a real one.
 * An address must be confirmed before the account is used: the right password with an unconfirmed
 * address sends the verification link again and the page says so (someone who lost the first mail
 * is not stuck).
 */
export async function login({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const attempt = await beginPasswordAttempt(ip, `login:${email}|${ipKey(ip)}`, BACKOFF.loginPair)
  if (!attempt.ok) return { ok: false, reason: 'rate-limited', retryAfterSeconds: attempt.retryAfterSeconds }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, role: true, passwordHash: true, emailVerifiedAt: true, deactivatedAt: true },
  })
  const valid = await verifyPassword(user?.passwordHash, password)
  // A deactivated account's right password still counts as a failed try (it opens nothing), but
  // only the right password learns that the account is closed: a guesser sees "wrong" as always.
  await attempt.settle(Boolean(user && valid && !user.deactivatedAt))
  if (!user || !valid) return { ok: false, reason: 'invalid' }
  if (user.deactivatedAt) return { ok: false, reason: 'deactivated' }
  if (!user.emailVerifiedAt) {
    await resendVerification(user.id)
    return { ok: false, reason: 'unverified' }
  }
  return { ok: true, userId: user.id, role: user.role }
}

export type CurrentPasswordCheck = { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * "Type your current password" before a change that matters (new password, new e-mail, deleting
 * the account). Every such check goes through here, so guesses on a signed-in page are throttled
 * like log-in: per account (BACKOFF.currentPassword) and per address, together with log-in guesses.
 */
export async function checkCurrentPassword(userId: string, password: string, ip: string): Promise<CurrentPasswordCheck> {
  const attempt = await beginPasswordAttempt(ip, `current-password:${userId}`, BACKOFF.currentPassword)
  if (!attempt.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds }
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
  const right = await verifyPassword(user?.passwordHash, password)
  await attempt.settle(right)
  return right ? { ok: true } : { ok: false, reason: 'wrong' }
}

/**
 * Always looks the same from outside, whether the address has an account or not: after the
 * limits (which count the address as typed, known or not), the lookup, the token and the e-mail
 * happen after the response.
 */
export async function requestPasswordReset({ email, ip }: { email: string; ip: string }) {
  const limit = await hitRateLimit([
    { key: `reset:ip:${ipKey(ip)}`, rule: RULES.resetPerIp },
    { key: `reset:account:${email}`, rule: RULES.resetPerAccount },
  ])
  if (!limit.ok) return limit
  runAfterResponse('password reset', () => sendPasswordReset(email))
  return { ok: true as const }
}

/** Sends a reset link if the address has an account that can log in; nothing otherwise. */
export async function sendPasswordReset(email: string) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } })
    if (!user || user.deactivatedAt || !user.passwordHash) {
      // Rendering is most of the work; doing it anyway keeps the server as busy right after the
      // answer, so probing its load cannot tell a known address from an unknown one either.
      await renderEmail('reset-password', { name: '', url: appUrl('/reset-password?token=-'), expiresInMinutes: TOKEN_LIFETIME_MS.reset_password / 60_000 }, 'da')
      return
    }
    const token = await issueToken(tx, { purpose: 'reset_password', userId: user.id, email: user.email })
    await queueEmail(tx, {
      to: user.email,
      toName: user.name,
      locale: localeOf(user.locale),
      template: 'reset-password',
      props: { name: user.name, url: appUrl(`/reset-password?token=${token}`), expiresInMinutes: TOKEN_LIFETIME_MS.reset_password / 60_000 },
    })
  })
}

export async function isTokenValid(token: string, purpose: 'reset_password' | 'invitation') {
  return Boolean(await findValidToken(prisma, token, purpose))
}

/** The name and address of a link's owner, so a new password chosen from it is not built from them. */
export async function tokenOwnerWords(token: string, purpose: 'reset_password' | 'invitation') {
  const row = await findValidToken(prisma, token, purpose)
  if (!row) return []
  const user = await prisma.user.findUnique({ where: { id: row.userId }, select: { name: true, email: true } })
  return user ? [user.name, user.email] : []
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(token: string, password: string) {
  const passwordHash = await hashPassword(password)
  const result = await prisma.$transaction(async (tx) => {
    const row = await findValidToken(tx, token, 'reset_password')
    if (!row || !(await consumeToken(tx, row.id))) return { ok: false as const }
    // Following the link proves the address is theirs.
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, emailVerifiedAt: new Date() },
      select: { id: true, emailVerifiedAt: true },
    })
    await audit(tx, { actorId: user.id, action: 'user.password_reset', entityType: 'User', entityId: user.id })
    return { ok: true as const, userId: user.id }
  })
  if (result.ok) await endAllSessions(result.userId)
  return result
}

export type Invitation = {
  name: string
  email: string
  role: 'coordinator' | 'admin' | 'municipality'
  centreId: string | null
  locale: Locale
  /** The municipality role: the municipalities it reads (at least one). */
  municipalityIds?: string[]
}

/** An admin creates a coordinator, admin or municipality account; the person sets a password from the e-mail. */
export async function inviteUser(actor: { id: string; name: string }, invitation: Invitation) {
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: invitation.email } })) return { ok: false as const, reason: 'email-taken' as const }
    let roleDescription = invitation.role === 'admin' ? 'admin' : 'coordinator'
    if (invitation.role === 'coordinator') {
      const centre = invitation.centreId ? await tx.centre.findUnique({ where: { id: invitation.centreId } }) : null
      if (!centre) return { ok: false as const, reason: 'centre-missing' as const }
      roleDescription = centre.name
    }
    const municipalityIds = invitation.role === 'municipality' ? [...new Set(invitation.municipalityIds ?? [])] : []
    if (invitation.role === 'municipality') {
      const municipalities = await tx.municipality.findMany({ where: { id: { in: municipalityIds } }, select: { name: true }, orderBy: { name: 'asc' } })
      if (municipalityIds.length === 0 || municipalities.length !== municipalityIds.length) return { ok: false as const, reason: 'municipality-missing' as const }
      roleDescription = municipalities.map((m) => m.name).join(', ')
    }
    const user = await tx.user.create({
      data: {
        name: invitation.name,
        email: invitation.email,
        role: invitation.role,
        centreId: invitation.role === 'coordinator' ? invitation.centreId : null,
        locale: invitation.locale,
        municipalityAccess: { create: municipalityIds.map((municipalityId) => ({ municipalityId })) },
      },
    })
    const token = await issueToken(tx, { purpose: 'invitation', userId: user.id, email: user.email })
    await queueEmail(tx, {
      to: user.email,
      toName: user.name,
      locale: invitation.locale,
      template: 'invitation',
      props: {
        name: user.name,
        url: appUrl(`/invitation?token=${token}`),
        invitedBy: actor.name,
        roleDescription,
        role: invitation.role,
        expiresInDays: TOKEN_LIFETIME_MS.invitation / (24 * HOUR),
      },
    })
    await audit(tx, { actorId: actor.id, action: 'user.invited', entityType: 'User', entityId: user.id, data: { role: invitation.role, centreId: invitation.centreId, municipalityIds } })
    return { ok: true as const, userId: user.id }
  })
}

/** The invited person chooses a password; the link confirms their address too. */
export async function acceptInvitation(token: string, password: string) {
  const passwordHash = await hashPassword(password)
  return prisma.$transaction(async (tx) => {
    const row = await findValidToken(tx, token, 'invitation')
    if (!row || !(await consumeToken(tx, row.id))) return { ok: false as const }
    const user = await tx.user.update({ where: { id: row.userId }, data: { passwordHash, emailVerifiedAt: new Date() } })
    await audit(tx, { actorId: user.id, action: 'user.invitation_accepted', entityType: 'User', entityId: user.id })
    return { ok: true as const, userId: user.id, role: user.role as Role }
  })
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string, ip: string) {
  const check = await checkCurrentPassword(userId, currentPassword, ip)
  if (!check.ok) return check
  const passwordHash = await hashPassword(newPassword)
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } })
    await audit(tx, { actorId: userId, action: 'user.password_changed', entityType: 'User', entityId: userId })
  })
  return { ok: true as const }
}

/**
 * Sends a confirmation link to the new address; the change happens when it is followed. Whether
 * the new address is taken decides only whether a link is sent, after the response, so neither
 * the answer nor its timing tells.
 */
export async function requestEmailChange(userId: string, newEmail: string, password: string, ip: string) {
  const check = await checkCurrentPassword(userId, password, ip)
  if (!check.ok) return check
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true } })
  if (newEmail === user.email) return { ok: false as const, reason: 'same' as const }
  runAfterResponse('e-mail change', () => sendEmailChangeLink(userId, user, newEmail))
  return { ok: true as const }
}

async function sendEmailChangeLink(userId: string, user: { name: string; locale: string }, newEmail: string) {
  await prisma.$transaction(async (tx) => {
    const props = { name: user.name, newEmail, expiresInHours: TOKEN_LIFETIME_MS.change_email / HOUR }
    // A taken address gets no link and no hint, so nobody learns who has an account; the e-mail is
    // rendered anyway so the server is as busy either way (as for a password reset).
    if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
      await renderEmail('change-email', { ...props, url: appUrl('/verify-email?token=-&change=1') }, localeOf(user.locale))
      return
    }
    const token = await issueToken(tx, { purpose: 'change_email', userId, email: newEmail, data: { email: newEmail } })
    await queueEmail(tx, {
      to: newEmail,
      toName: user.name,
      locale: localeOf(user.locale),
      template: 'change-email',
      props: { ...props, url: appUrl(`/verify-email?token=${token}&change=1`) },
    })
  })
}

export async function confirmEmailChange(token: string) {
  return prisma.$transaction(async (tx) => {
    const row = await findValidToken(tx, token, 'change_email')
    if (!row) return { ok: false as const }
    const newEmail = (JSON.parse(row.data ?? '{}') as { email?: string }).email
    if (!newEmail || (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } }))) return { ok: false as const }
    if (!(await consumeToken(tx, row.id))) return { ok: false as const }
    const before = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } })
    await tx.user.update({ where: { id: row.userId }, data: { email: newEmail, emailVerifiedAt: new Date() } })
    await audit(tx, { actorId: row.userId, action: 'user.email_changed', entityType: 'User', entityId: row.userId, data: { from: before.email, to: newEmail } })
    return { ok: true as const, userId: row.userId }
  })
}

export async function updateAccount(userId: string, data: { name: string; phone: string | null; locale: Locale }) {
  await prisma.user.update({ where: { id: userId }, data })
}

export async function saveLocale(userId: string, locale: Locale) {
  await prisma.user.update({ where: { id: userId }, data: { locale } })
}

export async function getAccount(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, phone: true, locale: true, role: true },
  })
}
