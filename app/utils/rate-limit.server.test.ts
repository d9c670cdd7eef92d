import { afterEach, describe, expect, test } from 'vitest'
import {
  BACKOFF,
  MemoryRateLimitStore,
  RULES,
  backoffDelayMs,
  consumeBackoff,
  consumeWindow,
  forgive,
  ipKey,
  refund,
  resetRateLimits,
  setRateLimitStore,
  tryAgainMessage,
  type LimitRecord,
  type RateLimitStore,
} from './rate-limit.server'

afterEach(() => resetRateLimits())

const T0 = Date.parse('2026-11-30T10:00:00Z')

describe('growing delay after failures', () => {
  test('a few free failures, then 1 s, 2 s, 4 s … capped at 15 minutes', () => {
    const rule = BACKOFF.loginPair
    const delays = Array.from({ length: 20 }, (_, i) => backoffDelayMs(rule, i + 1) / 1000)
    expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0])
    expect(delays.slice(4, 10)).toEqual([1, 2, 4, 8, 16, 32])
    expect(Math.max(...delays)).toBe(900)
    expect(delays.at(-1)).toBe(900)
  })

  test('while waiting, attempts are refused and not counted; after the wait the next one counts', async () => {
    const key = 'login:a@example.test|1.2.3.4'
    let now = T0
    for (let i = 0; i < 5; i++) expect(await consumeBackoff(key, BACKOFF.loginPair, now)).toEqual({ ok: true })
    // The fifth failure started a 1 s wait.
    expect(await consumeBackoff(key, BACKOFF.loginPair, now + 500)).toEqual({ ok: false, retryAfterSeconds: 1 })
    expect(await consumeBackoff(key, BACKOFF.loginPair, now + 999)).toMatchObject({ ok: false })
    now += 1000
    expect(await consumeBackoff(key, BACKOFF.loginPair, now)).toEqual({ ok: true })
    expect(await consumeBackoff(key, BACKOFF.loginPair, now)).toEqual({ ok: false, retryAfterSeconds: 2 })
    await forgive(key, now)
    expect(await consumeBackoff(key, BACKOFF.loginPair, now)).toEqual({ ok: true })
  })

  test('a day without failures starts from zero', async () => {
    const key = 'current-password:user-1'
    for (let i = 0; i < 4; i++) await consumeBackoff(key, BACKOFF.currentPassword, T0)
    expect(await consumeBackoff(key, BACKOFF.currentPassword, T0)).toMatchObject({ ok: false })
    const nextDay = T0 + BACKOFF.currentPassword.forgetAfterMs + 1
    for (let i = 0; i < 3; i++) expect(await consumeBackoff(key, BACKOFF.currentPassword, nextDay)).toEqual({ ok: true })
  })
})

describe('fixed windows', () => {
  test('the attempt that fills the window passes; the next waits for its end; a refund frees a place', async () => {
    const rule = { limit: 3, windowMs: 60_000 }
    for (let i = 0; i < 3; i++) expect(await consumeWindow('k', rule, T0)).toEqual({ ok: true })
    expect(await consumeWindow('k', rule, T0 + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 })
    await refund('k', rule, T0 + 15_000)
    expect(await consumeWindow('k', rule, T0 + 15_000)).toEqual({ ok: true })
    expect(await consumeWindow('k', rule, T0 + 59_000)).toMatchObject({ ok: false })
    expect(await consumeWindow('k', rule, T0 + 60_000)).toEqual({ ok: true })
  })

  test('the per-address cap on wrong passwords is generous but exists', async () => {
    const rule = RULES.passwordFailuresPerIp
    for (let i = 0; i < rule.limit; i++) expect(await consumeWindow('password-failures:5.6.7.8', rule, T0)).toEqual({ ok: true })
    expect(await consumeWindow('password-failures:5.6.7.8', rule, T0)).toMatchObject({ ok: false })
    expect(await consumeWindow('password-failures:5.6.7.9', rule, T0)).toEqual({ ok: true })
  })
})

describe('the store can be replaced', () => {
  test('every change goes through the store given', async () => {
    const seen: string[] = []
    const memory = new MemoryRateLimitStore()
    const recording: RateLimitStore = {
      update(key: string, change: (current: LimitRecord | undefined) => LimitRecord | null, now: number) {
        seen.push(key)
        return memory.update(key, change, now)
      },
      clear: () => memory.clear(),
    }
    setRateLimitStore(recording)
    try {
      await consumeBackoff('x', BACKOFF.loginPair, T0)
      await consumeWindow('y', RULES.signupPerIp, T0)
      await forgive('x', T0)
      expect(seen).toEqual(['x', 'y', 'x'])
    } finally {
      setRateLimitStore(new MemoryRateLimitStore())
    }
  })
})

describe('the in-memory store stays bounded', () => {
  test('past its size, expired records go first, then the oldest, down to 90 %', async () => {
    const store = new MemoryRateLimitStore(100)
    const record = (expiresAt: number) => () => ({ count: 1, expiresAt, blockedUntil: 0 })
    for (let i = 0; i < 50; i++) await store.update(`old-${i}`, record(T0 + 1000), T0)
    for (let i = 0; i < 50; i++) await store.update(`live-${i}`, record(T0 + 60_000), T0)
    await store.update('one-more', record(T0 + 60_000), T0 + 2000)
    expect(store.size).toBe(51) // the 50 expired ones went, nothing live
    for (let i = 0; i < 50; i++) await store.update(`later-${i}`, record(T0 + 60_000), T0 + 2000)
    expect(store.size).toBe(90) // 101 live: the oldest went
    let kept: LimitRecord | undefined
    await store.update('later-49', (current) => (kept = current) ?? null, T0 + 2000)
    expect(kept).toBeDefined()
  })
})

describe('addresses and messages', () => {
  test('IPv6 clients count per /64; IPv4 written as IPv6 counts as IPv4', () => {
    expect(ipKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(ipKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(ipKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(ipKey('::ffff:10.1.2.3')).toBe('10.1.2.3')
    expect(ipKey('10.1.2.3')).toBe('10.1.2.3')
    expect(ipKey('unknown')).toBe('unknown')
  })

  test('short waits are told in seconds, long ones in minutes', () => {
    expect(tryAgainMessage(0)).toBe('common:limits.tryAgainInSeconds?count=1')
    expect(tryAgainMessage(8)).toBe('common:limits.tryAgainInSeconds?count=8')
    expect(tryAgainMessage(900)).toBe('common:limits.tryAgainInMinutes?count=15')
  })
})
