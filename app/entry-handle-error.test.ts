import { createStaticHandler } from '@remix-run/router'
import { afterEach, expect, test, vi } from 'vitest'
import { handleError } from './entry.server'
import { logger } from './utils/logger.server'

afterEach(() => vi.restoreAllMocks())

/** The error Remix's router makes for a request, as handleError receives it. */
async function routerErrorFor(request: Request) {
  const handler = createStaticHandler([{ id: 'root', path: '/', children: [{ id: 'jobs', path: 'jobs', loader: () => null }] }])
  const context = await handler.query(request)
  if (context instanceof Response) throw new Error('expected a context')
  return Object.values(context.errors ?? {})[0]
}

function logged() {
  return { warn: vi.spyOn(logger, 'warn'), error: vi.spyOn(logger, 'error') }
}

test('an address no route matches is a warning, not an error', async () => {
  const request = new Request('http://localhost/findes-ikke')
  const error = await routerErrorFor(request)
  const log = logged()
  handleError(error, { request, params: {}, context: {} })
  expect(log.error).not.toHaveBeenCalled()
  expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ status: 404, url: 'http://localhost/findes-ikke' }), 'client error')
})

test('a method the route does not take (405) is a warning too', async () => {
  const request = new Request('http://localhost/jobs', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
  const error = await routerErrorFor(request)
  const log = logged()
  handleError(error, { request, params: {}, context: {} })
  expect(log.error).not.toHaveBeenCalled()
  expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ status: 405 }), 'client error')
})

test('a real failure is still an error', () => {
  const request = new Request('http://localhost/jobs')
  const log = logged()
  handleError(new Error('database is locked'), { request, params: {}, context: {} })
  expect(log.warn).not.toHaveBeenCalled()
  expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://localhost/jobs' }), 'unhandled error')
})
