import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { prisma } from './utils/db.server'
import { getLocale, i18nInstance } from './utils/i18n.server'
import { logger } from './utils/logger.server'
import { NonceProvider } from './utils/nonce-provider'

// The Express server (app/server.ts) reaches these through the server build's entry module, so
// the app and its background work share one Prisma client and one set of settings.
export { startBackgroundWork, stopBackgroundWork } from './background.server'
export { afterResponseWorkDone } from './utils/after-response.server'
// …and the version the anonymous page cache (app/utils/page-cache.server.ts) is checked against.
export { publicContentVersion } from './models/job-board.server'
// …and the per-request scope it runs every request in (app/utils/request-scope.server.ts).
export { runInRequestScope } from './utils/request-scope.server'
// …and whether a request is signed in, for its Cache-Control (app/server/security.ts).
export { hasValidSession } from './utils/auth.server'

const ABORT_DELAY = 5_000

// The app's one SQLite connection reads through memory-mapped I/O (up to 1 GiB of the file): the
// board's and matching's index walks then cost no read() calls, about half the CPU time on the
// national-scale data. A per-connection setting, so it is made here, where the server starts.
void prisma.$queryRawUnsafe('PRAGMA mmap_size = 1073741824').catch((error: unknown) => logger.warn({ err: error }, 'PRAGMA mmap_size failed'))

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Set by the Express app for every request (app/server/security.ts); absent only where no such
  // policy is sent (then there is nothing to match).
  const nonce = typeof loadContext?.cspNonce === 'string' ? loadContext.cspNonce : ''
  const instance = await i18nInstance(await getLocale(request))
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')

  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </I18nextProvider>
      </NonceProvider>,
      {
        // React's own inline scripts (streamed Suspense boundaries) carry it too.
        nonce: nonce || undefined,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger.error({ err: error }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/**
 * Remix calls this for failures, and also for the error responses its router makes itself: an
 * address no route matches (404) and a method a route does not take (405). Those are a visitor's
 * mistake, not the app's — logged at warn, so an error in the log still means something broke.
 * Responses a loader throws on purpose (notFound(), a 403) never reach here.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.warn({ status: error.status, method: request.method, url: request.url }, 'client error')
    return
  }
  logger.error({ err: error, url: request.url }, 'unhandled error')
}
