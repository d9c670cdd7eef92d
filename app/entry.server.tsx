import { Writable } from 'node:stream'
import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { prisma } from './utils/db.server'
import { getLocale, i18nInstance } from './utils/i18n.server'
import { logger } from './utils/logger.server'
import { NonceProvider } from './utils/nonce-provider'
import { scriptsAfterFirstPaint } from './utils/scripts-after-paint.server'

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
// …and the messages the browser fetches (app/entry.client.tsx), one file per language.
export { browserMessages } from './utils/i18n.server'

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

  // The whole page is rendered into memory and sent as one body with its length. No page suspends
  // (no defer, Await or Suspense), so streaming sent nothing sooner; it only cost CPU: React's
  // chunks went through a PassThrough, a web ReadableStream and back into Express, and the
  // compression middleware flushed zlib after each one (README decision "Pages rendered whole").
  return new Promise((resolve, reject) => {
    // An error inside a Suspense boundary still renders the page (with a 500); one in the shell
    // rejects, and Remix logs it (handleError).
    let boundaryError: unknown
    const chunks: Buffer[] = []
    const body = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
      writev(entries, done) {
        for (const entry of entries) chunks.push(entry.chunk as Buffer)
        done()
      },
      final(done) {
        const html = scriptsAfterFirstPaint(Buffer.concat(chunks))
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        responseHeaders.set('Content-Length', String(html.byteLength))
        resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }))
        done()
      },
    })
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </I18nextProvider>
      </NonceProvider>,
      {
        // React's own inline scripts (streamed Suspense boundaries) carry it too.
        nonce: nonce || undefined,
        onAllReady() {
          clearTimeout(timer)
          if (boundaryError !== undefined) logger.error({ err: boundaryError }, 'render error')
          pipe(body)
        },
        onShellError(error: unknown) {
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          boundaryError = error
        },
      },
    )
    // Only for a render that never finishes; cleared as soon as it does (a timer left running
    // fired abort() on every finished page 5 s later, which made and threw away a stream error).
    // React calls back only after this line (its work starts on a later turn of the event loop).
    const timer = setTimeout(abort, ABORT_DELAY)
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
