import { getEnv } from './env.server'

/**
 * Fixed-window counters in memory, per process. Enough for one server; the windows are short,
 * so a restart forgetting them does no harm.
 */
type Window = { count: number; resetAt: number }
const windows = new Map<string, Window>()

export type RateLimitRule = { limit: number; windowMs: number }

export const RULES = {
  loginPerIp: { limit: 30, windowMs: 15 * 60_000 },
  loginPerAccount: { limit: 8, windowMs: 15 * 60_000 },
  signupPerIp: { limit: 10, windowMs: 60 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 60 * 60_000 },
  resetPerAccount: { limit: 3, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitRule>

/** Counts one attempt against each key; `ok` is false when any of them is over its limit. */
export function hitRateLimit(checks: { key: string; rule: RateLimitRule }[], now = Date.now()) {
  if (getEnv().RATE_LIMITS === 'off') return { ok: true as const, retryAfterSeconds: 0 }
  let retryAfterMs = 0
  for (const { key, rule } of checks) {
    let window = windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + rule.windowMs }
      windows.set(key, window)
    }
    window.count++
    if (window.count > rule.limit) retryAfterMs = Math.max(retryAfterMs, window.resetAt - now)
  }
  if (windows.size > 50_000) {
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key)
  }
  return retryAfterMs > 0
    ? { ok: false as const, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }
    : { ok: true as const, retryAfterSeconds: 0 }
}

export function resetRateLimits() {
  windows.clear()
}

/** The client's address as the server saw it (set by the Express server; "unknown" in tests). */
export function clientIp(context: unknown) {
  const ip = (context as { clientIp?: string } | undefined)?.clientIp
  return ip || 'unknown'
}
