import { subDays, subMonths, subYears } from 'date-fns'
import { getEnv } from './env.server'

/**
 * How long personal data is kept. The background jobs (app/models/retention.server.ts) and the
 * privacy page both read these, so what the page promises is what the code does.
 */
export type RetentionPeriods = {
  /** Body, subject and attachments of a delivered e-mail are emptied this many days after delivery. */
  outboxDays: number
  /** Recorded checks go this many months after the volunteer's last match or application ended. */
  checksMonths: number
  /** Volunteers and staff without a log-in for this many months are warned by e-mail… */
  inactiveMonths: number
  /** …and their account is deleted (anonymised) this many days after the warning. */
  inactiveGraceDays: number
  /** Audit entries (and the emptied e-mail rows) are deleted after this many years. */
  auditYears: number
  /** Used one-time links stay this many days (so a second click says "already used"), then go. */
  usedTokenDays: number
}

/** Not a setting: a used link is worthless, the short wait only keeps the second click's message kind. */
const USED_TOKEN_DAYS = 7

export function retentionPeriods(): RetentionPeriods {
  const env = getEnv()
  return {
    outboxDays: env.RETENTION_OUTBOX_DAYS,
    checksMonths: env.RETENTION_CHECKS_MONTHS,
    inactiveMonths: env.RETENTION_INACTIVE_MONTHS,
    inactiveGraceDays: env.RETENTION_INACTIVE_GRACE_DAYS,
    auditYears: env.RETENTION_AUDIT_YEARS,
    usedTokenDays: USED_TOKEN_DAYS,
  }
}

/** The moments before which each kind of data is due, seen from `now`. */
export function retentionCutoffs(now: Date, periods = retentionPeriods()) {
  return {
    outboxDeliveredBefore: subDays(now, periods.outboxDays),
    checksInvolvementBefore: subMonths(now, periods.checksMonths),
    inactiveSince: subMonths(now, periods.inactiveMonths),
    warnedBefore: subDays(now, periods.inactiveGraceDays),
    auditBefore: subYears(now, periods.auditYears),
    tokenUsedBefore: subDays(now, periods.usedTokenDays),
  }
}
