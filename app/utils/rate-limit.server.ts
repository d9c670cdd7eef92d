import { isIPv6 } from 'node:net'
import { databaseFilePath } from './database-url'
import { getEnv } from './env.server'
import { SqliteRateLimitStore } from './rate-limit-store.server'

/**
 * Rate limits and the growing delay after wrong passwords.
 *
 * Every limit is one record per key: how many attempts were counted, until when the record
 * matters, and until when the key must wait. Two kinds of rule write those records:
 * - a fixed window (`RULES`): at most `limit` attempts per window, then wait for the window's end;
 * - a backoff (`BACKOFF`): a few free failures, then each further failure doubles the wait
 *   (1 s, 2 s, 4 s … up to a cap). A success clears the key.
 *
 * An attempt is counted before the password is checked, atomically with the "must it wait?"
 * question, so a burst of parallel guesses cannot all slip through before the first failure is
 * written. A success hands its count back (`forgive`, `refund`).
 */
export type LimitRecord = {
  count: number
  /** When the record can be forgotten (ms since epoch). */
  expiresAt: number
  /** Until when the key is refused without looking at the attempt (ms since epoch); 0 = not. */
  blockedUntil: number
}

/**
 * Where the records live. Only `update` must be atomic: it reads a record, lets `change` decide
 * the new one (or null to delete it) and writes it, with no other update of the key in between.
 * The in-memory store serves one process; several processes share SqliteRateLimitStore (a table
 * updated in one `BEGIN IMMEDIATE` transaction); tests may swap either in with `setRateLimitStore`.
 */
export interface RateLimitStore {
  update(key: string, change: (current: LimitRecord | undefined) => LimitRecord | null, now: number): Promise<LimitRecord | null>
  clear(): Promise<void>
}

/**
 * Records in a Map. Bounded: past `maxKeys` the expired ones go, and if that is not enough the
 * oldest (a Map keeps insertion order), down to 90 % so the sweep runs once per 10 % growth. A
 * botnet spraying made-up addresses could thus shorten some waits, but never exhaust memory
 * (~150 bytes a record).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private records = new Map<string, LimitRecord>()

  constructor(private readonly maxKeys = 100_000) {}

  async update(key: string, change: (current: LimitRecord | undefined) => LimitRecord | null, now: number) {
    const existing = this.records.get(key)
    const next = change(existing && existing.expiresAt > now ? existing : undefined)
    if (next) this.records.set(key, next)
    else this.records.delete(key)
    if (this.records.size > this.maxKeys) this.sweep(now)
    return next
  }

  async clear() {
    this.records.clear()
  }

  get size() {
    return this.records.size
  }

  private sweep(now: number) {
    for (const [key, record] of this.records) if (record.expiresAt <= now) this.records.delete(key)
    const keep = Math.floor(this.maxKeys * 0.9)
    for (const key of this.records.keys()) {
      if (this.records.size <= keep) break
      this.records.delete(key)
    }
  }
}

let store: RateLimitStore | undefined

/**
 * One process keeps its records in memory; several web processes (WEB_CONCURRENCY > 1) share them
 * in the database (rate-limit-store.server.ts), or each would allow its own share of guesses.
 */
function currentStore() {
  const env = getEnv()
  return (store ??= env.WEB_CONCURRENCY > 1 ? new SqliteRateLimitStore(databaseFilePath(env.DATABASE_URL)) : new MemoryRateLimitStore())
}

export function setRateLimitStore(next: RateLimitStore) {
  store = next
}

export type WindowRule = { limit: number; windowMs: number }
export type BackoffRule = {
  /** Failures allowed before any wait. */
  freeFailures: number
  /** The first wait; each further failure doubles it. */
  firstDelayMs: number
  maxDelayMs: number
  /** A key with no failure for this long starts from zero again. */
  forgetAfterMs: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const RULES = {
  /**
   * Wrong passwords from one address over every account (log-in and current-password checks):
   * generous, so a school or an office behind one address is not stopped, but it ends credential
   * stuffing, where each account gets one or two guesses and the per-account backoff never starts.
   */
  passwordFailuresPerIp: { limit: 100, windowMs: HOUR },
  signupPerIp: { limit: 10, windowMs: HOUR },
  resetPerIp: { limit: 10, windowMs: HOUR },
  resetPerAccount: { limit: 3, windowMs: HOUR },
} satisfies Record<string, WindowRule>

export const BACKOFF = {
  /** One account from one address: 4 free tries, then 1 s, 2 s, 4 s … 15 min between tries. */
  loginPair: { freeFailures: 4, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 24 * HOUR },
  /**
   * "Type your current password" on a signed-in page, per account (whoever holds the session
   * could change address at will, so the address is not part of the key): 3 free tries.
   */
  currentPassword: { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 24 * HOUR },
} satisfies Record<string, BackoffRule>

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

function limitsOff() {
  return getEnv().RATE_LIMITS === 'off'
}

function waitFor(record: LimitRecord | undefined, now: number) {
  return record && record.blockedUntil > now ? record.blockedUntil - now : 0
}

export function backoffDelayMs(rule: BackoffRule, failures: number) {
  if (failures <= rule.freeFailures) return 0
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (failures - rule.freeFailures - 1))
}

/**
 * Counts one attempt against a fixed window. Refused (and not counted) while the key waits; the
 * attempt that fills the window is allowed, the next ones wait for the window's end.
 */
export async function consumeWindow(key: string, rule: WindowRule, now = Date.now()): Promise<LimitResult> {
  if (limitsOff()) return { ok: true }
  let refusedFor = 0
  await currentStore().update(
    key,
    (current) => {
      refusedFor = waitFor(current, now)
      if (refusedFor > 0) return current!
      const record = current ?? { count: 0, expiresAt: now + rule.windowMs, blockedUntil: 0 }
      const count = record.count + 1
      return { ...record, count, blockedUntil: count >= rule.limit ? record.expiresAt : 0 }
    },
    now,
  )
  return refusedFor > 0 ? { ok: false, retryAfterSeconds: Math.ceil(refusedFor / 1000) } : { ok: true }
}

/** Gives back an attempt counted by `consumeWindow` (e.g. the password turned out right). */
export async function refund(key: string, rule: WindowRule, now = Date.now()) {
  if (limitsOff()) return
  await currentStore().update(
    key,
    (current) => {
      if (!current) return null
      const count = Math.max(0, current.count - 1)
      return { ...current, count, blockedUntil: count >= rule.limit ? current.blockedUntil : 0 }
    },
    now,
  )
}

/**
 * Counts one attempt against a backoff as a failure until proven otherwise. Refused (and not
 * counted) while the key waits, so a guess during the wait is never even checked.
 */
export async function consumeBackoff(key: string, rule: BackoffRule, now = Date.now()): Promise<LimitResult> {
  if (limitsOff()) return { ok: true }
  let refusedFor = 0
  await currentStore().update(
    key,
    (current) => {
      refusedFor = waitFor(current, now)
      if (refusedFor > 0) return current!
      const count = (current?.count ?? 0) + 1
      const delay = backoffDelayMs(rule, count)
      return { count, expiresAt: now + rule.forgetAfterMs, blockedUntil: delay ? now + delay : 0 }
    },
    now,
  )
  return refusedFor > 0 ? { ok: false, retryAfterSeconds: Math.ceil(refusedFor / 1000) } : { ok: true }
}

/** The attempt succeeded: the key starts from zero. */
export async function forgive(key: string, now = Date.now()) {
  if (limitsOff()) return
  await currentStore().update(key, () => null, now)
}

/** Counts one attempt against several windows at once; refused when any of them is full. */
export async function hitRateLimit(checks: { key: string; rule: WindowRule }[], now = Date.now()): Promise<LimitResult> {
  let retryAfterSeconds = 0
  for (const { key, rule } of checks) {
    const result = await consumeWindow(key, rule, now)
    if (!result.ok) retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds)
  }
  return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true }
}

/** Forgets every record (tests). */
export async function resetRateLimits() {
  await currentStore().clear()
}

/** The client's address as the server saw it (set by the Express server; "unknown" in tests). */
export function clientIp(context: unknown) {
  const ip = (context as { clientIp?: string } | undefined)?.clientIp
  return ip || 'unknown'
}

/**
 * The part of an address that identifies one client, for limit keys. An IPv6 client usually
 * owns a whole /64 and could step through it, so IPv6 addresses count per /64; IPv4 addresses
 * written as IPv6 (::ffff:1.2.3.4) count as the IPv4 address.
 */
export function ipKey(ip: string) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]
  if (!isIPv6(ip)) return ip
  const [head, tail = ''] = ip.toLowerCase().split('::')
  const headParts = head ? head.split(':') : []
  const tailParts = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts] : headParts
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

/** The message key for "try again in …", in seconds while the wait is short. */
export function tryAgainMessage(retryAfterSeconds: number) {
  if (retryAfterSeconds < 90) return `common:limits.tryAgainInSeconds?count=${Math.max(1, retryAfterSeconds)}`
  return `common:limits.tryAgainInMinutes?count=${Math.ceil(retryAfterSeconds / 60)}`
}
