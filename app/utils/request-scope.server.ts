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

/** What the scope needs of the HTTP response: to hear when it has been sent (or abandoned). */
export type ScopeResponse = { once(event: 'close', listener: () => void): unknown; readonly closed?: boolean }

const responses = new WeakMap<object, ScopeResponse>()

export function runInRequestScope<T>(fn: () => T, response?: ScopeResponse): T {
  const store = {}
  if (response) responses.set(store, response)
  return scope.run(store, fn)
}

/**
 * Runs `callback` once the current request's response has left (after-response.server.ts).
 * False outside a request scope, or when the server did not hand over its response.
 */
export function whenResponseSent(callback: () => void) {
  const store = scope.getStore()
  const response = store && responses.get(store)
  if (!response) return false
  // A client that gave up before the action finished: the work still happens, at once.
  if (response.closed) setImmediate(callback)
  else response.once('close', callback)
  return true
}

export function currentRequestScope(): object | undefined {
  return scope.getStore()
}
