import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * One object per HTTP request, for what should be worked out once per request however many
 * loaders ask. Remix hands each loader its own copy of the Request (without `?index`, `_data`,
 * `_routes`), so a cache keyed by the Request object missed: a signed-in page read the session
 * three times (root loader, route loader, the renderer's language). The Express server
 * (app/server.ts) runs each request inside `runInRequestScope`; outside it (tests, jobs) callers
 * fall back to their own keys.
 */
const scope = new AsyncLocalStorage<object>()

export function runInRequestScope<T>(fn: () => T): T {
  return scope.run({}, fn)
}

export function currentRequestScope(): object | undefined {
  return scope.getStore()
}
