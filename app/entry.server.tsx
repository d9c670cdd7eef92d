import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
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
// …and the messages the browser fetches (app/entry.client.tsx), one file per language.
export { browserMessages } from './utils/i18n.server'

const ABORT_DELAY = 5_000

const wholeBodies = new WeakMap<Response, Buffer>()

/**
 * The page a Response from handleRequest stands for. The Response itself has no body: the app's
 * bridge to Remix (app/server/remix-handler.ts) sends this Buffer as it is, where a body would
 * first be copied into a web stream and read back out of it (README decision 28).
 * Only that bridge serves these Responses.
 */
export function wholeBodyOf(response: Response): Buffer | undefined {
  return wholeBodies.get(response)
}

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

  // The whole page is rendered into one string and sent as one body with its length. No page
  // suspends (no defer, Await or Suspense), so streaming sent nothing sooner; it only cost CPU:
  // React's chunks went through a PassThrough, a web ReadableStream and back into Express, and the
  // compression middleware flushed zlib after each one (README decision 8).
  // renderToString rather than renderToPipeableStream into memory: the streaming renderer encodes
  // its output into small byte chunks as it goes (TextEncoder, ~5 % of a page's CPU), where one
  // Buffer.from of the finished text does the same work at once. A render error throws here, as
  // a shell error did before, and Remix renders the error boundary instead (handleError logs it).
  const html = Buffer.from(
    '<!DOCTYPE html>' +
      renderToString(
        <NonceProvider value={nonce}>
          <I18nextProvider i18n={instance}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
          </I18nextProvider>
        </NonceProvider>,
      ),
    'utf8',
  )
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  responseHeaders.set('Content-Length', String(html.byteLength))
  const response = new Response(null, { headers: responseHeaders, status: responseStatusCode })
  wholeBodies.set(response, html)
  return response
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
