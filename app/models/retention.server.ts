import { addDays } from 'date-fns'
import { audit } from '~/utils/audit.server'
import { formatDate } from '~/utils/dates'
import { prisma } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueAfterClaim } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { addDays as addLocalDays, copenhagenDate, wallClockInstant } from '~/utils/time'
import { retentionCutoffs, retentionPeriods, type RetentionPeriods } from '~/utils/retention.server'

/**
 * Retention: personal data is deleted when its purpose has passed. Every function takes `now`
 * so tests run it on a fake clock; the periods come from app/utils/retention.server.ts, which the
 * privacy page reads too.
 */

/**
 * Roles whose unused accounts are deleted after the warning's grace period. Coordinators and admins
 * are warned too but never deleted automatically: a centre or the whole installation can hang on one
 * such account (the last admin gone by absence locks everyone out; a centre's only coordinator takes
 * the application queue along), so removing them is an admin's decision.
 */
const AUTO_DELETED_ROLES = ['volunteer', 'facility_staff']
const WARNED_ROLES = ['volunteer', 'facility_staff', 'coordinator', 'admin']
const OPEN_MATCH = ['proposed', 'active', 'paused']
const OPEN_APPLICATION = ['submitted', 'in_review']
const DELIVERED = ['sent', 'kept']
/** Rendering a warning costs ~25 ms of CPU in the background thread; a backlog drains over several ticks. */
const WARNINGS_PER_RUN = 200
/** Anonymising ends matches and queues e-mails to the other party; kept small per tick for the same reason. */
const ANONYMISATIONS_PER_RUN = 50
const DUE_READ_PER_RUN = 500
/** The nightly pass starts at the first housekeeping tick after this Copenhagen hour. */
const NIGHTLY_HOUR = 3

/**
 * A delivered message's subject, bodies, attachments and the recipient's name are emptied once
 * the message is `outboxDays` old; the row (address, template, status, times) stays for the
 * admin's queue. "Delivered" is sent (from sentAt) or kept in the demo mailbox (from createdAt,
 * the moment it was kept). Pending and failed messages keep everything: they still have to go out.
 */
export async function emptyDeliveredMessages(now: Date, periods = retentionPeriods()) {
  const before = retentionCutoffs(now, periods).outboxDeliveredBefore
  const result = await prisma.outboxMessage.updateMany({
    where: {
      OR: [
        { status: 'sent', sentAt: { lte: before } },
        { status: 'kept', createdAt: { lte: before } },
      ],
      NOT: { html: '' },
    },
    data: { subject: '', html: '', text: '', attachments: null, toName: null },
  })
  return result.count
}

/** An emptied message has no body left; rendered e-mails never have an empty HTML part. */
export function isEmptied(message: { status: string; html?: string; subject: string }) {
  return DELIVERED.includes(message.status) && message.subject === '' && (message.html === undefined || message.html === '')
}

/** Expired sessions, and one-time links that expired or were used a while ago. */
export async function purgeSessionsAndTokens(now: Date, periods = retentionPeriods()) {
  const { tokenUsedBefore } = retentionCutoffs(now, periods)
  const sessions = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } })
  const tokens = await prisma.oneTimeToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { lte: tokenUsedBefore } }] } })
  return { sessions: sessions.count, tokens: tokens.count }
}

/**
 * Recorded checks (confidentiality agreement, criminal-record and child-protection certificates)
 * are there for placements. They go `checksMonths` after the volunteer's last involvement: the
 * last match ended, the last application closed, or the check was recorded — whichever is latest
 * — and only while the volunteer has no proposed, active or paused match and no open application.
 */
export async function deleteStaleChecks(now: Date, periods = retentionPeriods()) {
  const before = retentionCutoffs(now, periods).checksInvolvementBefore
  const result = await prisma.volunteerCheck.deleteMany({
    where: {
      createdAt: { lte: before },
      volunteer: {
        is: {
          matches: { none: { OR: [{ status: { in: OPEN_MATCH } }, { endedAt: { gt: before } }] } },
          applications: { none: { OR: [{ status: { in: OPEN_APPLICATION } }, { updatedAt: { gt: before } }] } },
        },
      },
    },
  })
  return result.count
}

/**
 * Accounts with no log-in for `inactiveMonths` (log-in time, or creation when they never logged
 * in) and not yet warned. Logging in clears the warning (app/utils/auth.server.ts).
 */
function inactiveUnwarned(now: Date, periods: RetentionPeriods) {
  const { inactiveSince } = retentionCutoffs(now, periods)
  return {
    role: { in: WARNED_ROLES },
    anonymizedAt: null,
    inactivityWarnedAt: null,
    OR: [{ lastLoginAt: { lte: inactiveSince } }, { lastLoginAt: null, createdAt: { lte: inactiveSince } }],
  }
}

/**
 * Warns each long-unused account once by e-mail, queued in the same transaction that sets
 * `inactivityWarnedAt` (the start of the grace period). Deactivated accounts cannot log in, so
 * they get no e-mail that tells them to; their grace period starts all the same. The warning is
 * rendered before its short transaction (queueAfterClaim); an account that logged in, was warned
 * by another run, or was (re)activated after it was read is not claimed, and the e-mail is dropped.
 */
export async function warnInactiveAccounts(now: Date, periods = retentionPeriods()) {
  const due = await prisma.user.findMany({
    where: inactiveUnwarned(now, periods),
    select: { id: true, email: true, name: true, locale: true, role: true, deactivatedAt: true },
    orderBy: { createdAt: 'asc' },
    take: WARNINGS_PER_RUN + 1,
  })
  let warned = 0
  for (const user of due.slice(0, WARNINGS_PER_RUN)) {
    const locale = localeOf(user.locale)
    const autoDelete = AUTO_DELETED_ROLES.includes(user.role)
    const emailed = !user.deactivatedAt
    const requests = emailed
      ? [
          {
            to: user.email,
            toName: user.name,
            locale,
            template: 'inactivity-warning' as const,
            props: {
              name: user.name,
              url: appUrl(`/login?lng=${locale}`),
              months: periods.inactiveMonths,
              deleteOn: formatDate(addDays(now, periods.inactiveGraceDays), locale),
              autoDelete,
            },
            dedupeKey: `inactivity-warning:${user.id}:${now.toISOString()}`,
          },
        ]
      : []
    const written = await queueAfterClaim(requests, async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: user.id, ...inactiveUnwarned(now, periods), deactivatedAt: emailed ? null : { not: null } },
        data: { inactivityWarnedAt: now },
      })
      if (claimed.count === 0) return false
      await audit(tx, { actorId: null, action: 'user.inactivity_warned', entityType: 'User', entityId: user.id, data: { autoDelete, emailed } })
      return true
    })
    if (written !== null) warned++
  }
  return { warned, more: due.length > WARNINGS_PER_RUN }
}

/**
 * Volunteers and staff warned at least `inactiveGraceDays` ago who have not logged in since, and
 * are not anonymised yet. Coordinators and admins are never on this list.
 */
export async function accountsDueForAnonymisation(now: Date, periods = retentionPeriods(), take = DUE_READ_PER_RUN) {
  const { warnedBefore, inactiveSince } = retentionCutoffs(now, periods)
  const rows = await prisma.user.findMany({
    where: {
      role: { in: AUTO_DELETED_ROLES },
      anonymizedAt: null,
      inactivityWarnedAt: { lte: warnedBefore },
      // Logging in clears the warning; these guard against a warning left behind by other paths.
      AND: [
        { OR: [{ lastLoginAt: null }, { lastLoginAt: { lte: inactiveSince } }] },
        { OR: [{ lastLoginAt: { not: null } }, { createdAt: { lte: inactiveSince } }] },
      ],
    },
    select: { id: true },
    orderBy: { inactivityWarnedAt: 'asc' },
    take,
  })
  return rows.map((row) => row.id)
}

/** Audit entries older than `auditYears`, and the (long emptied) rows of e-mails as old. */
export async function deleteOldAuditEntries(now: Date, periods = retentionPeriods()) {
  const before = retentionCutoffs(now, periods).auditBefore
  const audits = await prisma.auditLog.deleteMany({ where: { createdAt: { lte: before } } })
  const messages = await prisma.outboxMessage.deleteMany({ where: { createdAt: { lte: before }, status: { notIn: ['pending', 'sending'] } } })
  return { audits: audits.count, messages: messages.count }
}

/** The account deletion of the data-protection rights (app/models/account-deletion.server.ts), injected. */
export type Anonymizer = (userId: string, options: { reason: 'inactive'; now: Date }) => Promise<{ ok: boolean }>

export type RetentionSummary = {
  emptiedMessages: number
  sessions: number
  tokens: number
  checks: number
  warned: number
  anonymised: number
  anonymiseRefused: number
  anonymiseSkipped: number
  audits: number
  messages: number
  /** Something was left for the next tick (a capped batch). */
  more: boolean
}

/**
 * One retention pass. `anonymize` deletes an account; without one (before the rights module is
 * wired) due accounts are only counted, so nothing is deleted by surprise.
 */
export async function runRetention(now: Date, { anonymize, periods = retentionPeriods() }: { anonymize?: Anonymizer; periods?: RetentionPeriods } = {}): Promise<RetentionSummary> {
  const emptiedMessages = await emptyDeliveredMessages(now, periods)
  const purged = await purgeSessionsAndTokens(now, periods)
  const checks = await deleteStaleChecks(now, periods)
  const warnings = await warnInactiveAccounts(now, periods)

  // Read past the cap: an account the deletion refuses (e.g. a facility's last leader) stays due
  // every night and must not keep the accounts behind it waiting.
  const due = await accountsDueForAnonymisation(now, periods, DUE_READ_PER_RUN)
  let anonymised = 0
  let anonymiseRefused = 0
  if (anonymize) {
    for (const userId of due) {
      if (anonymised === ANONYMISATIONS_PER_RUN) break
      try {
        const result = await anonymize(userId, { reason: 'inactive', now })
        if (result.ok) anonymised++
        else anonymiseRefused++
      } catch (error) {
        anonymiseRefused++
        logger.error({ err: error, userId }, 'anonymising an unused account failed')
      }
    }
  }
  const old = await deleteOldAuditEntries(now, periods)
  return {
    emptiedMessages,
    ...purged,
    checks,
    warned: warnings.warned,
    anonymised,
    anonymiseRefused,
    anonymiseSkipped: anonymize ? 0 : due.length,
    ...old,
    more: warnings.more || anonymised === ANONYMISATIONS_PER_RUN,
  }
}

/** The latest 03:00 in Copenhagen at or before `now` (the night the current pass belongs to). */
export function nightStart(now: Date) {
  const today = copenhagenDate(now)
  const time = `${String(NIGHTLY_HOUR).padStart(2, '0')}:00`
  const start = wallClockInstant(today, time)
  return start.getTime() > now.getTime() ? wallClockInstant(addLocalDays(today, -1), time) : start
}

const RUN_ENTITY = { entityType: 'Retention', entityId: 'nightly' } as const

/**
 * Runs the pass once a night: when no complete pass has been recorded since the latest 03:00
 * Copenhagen time. The record is an audit entry (with the counts), so a restart neither skips
 * nor repeats a night. A capped pass is recorded as partial, and the next tick continues it.
 */
export async function runRetentionIfDue(now: Date, options: { anonymize?: Anonymizer } = {}) {
  const last = await prisma.auditLog.findFirst({
    where: { ...RUN_ENTITY, action: 'retention.completed' },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  })
  if (last && last.createdAt.getTime() >= nightStart(now).getTime()) return null
  const summary = await runRetention(now, options)
  // Written directly rather than through audit(): the row's time must be the pass's `now`.
  await prisma.auditLog.create({
    data: { actorId: null, action: summary.more ? 'retention.partial' : 'retention.completed', ...RUN_ENTITY, data: JSON.stringify(summary), createdAt: now },
  })
  return summary
}
