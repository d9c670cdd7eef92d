// Security headers for every answer (helmet) and "do not store" for signed-in ones.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler, Response } from 'express'
import helmet from 'helmet'

/** The nonce of this response's inline scripts; app/entry.server.tsx puts it on every <script> Remix writes. */
export function cspNonce(res: Response): string {
  return (res.locals.cspNonce as string | undefined) ?? ''
}

/**
 * helmet with a Content-Security-Policy that fits this Remix app:
 * - scripts: our own files plus the inline scripts carrying this response's nonce (Remix's
 *   <Scripts> context and module loader, <ScrollRestoration>, React's streaming scripts). No
 *   'unsafe-inline', no inline event handlers (script-src-attr 'none').
 * - styles: stylesheets and <style> elements only from our own origin; style ATTRIBUTES are
 *   allowed (style-src-attr 'unsafe-inline'). A style attribute cannot run script, and CSS
 *   injection that leaks data needs selectors, i.e. a stylesheet or <style>, which stay 'self'.
 *   The app writes a few flex layouts as attributes, and the mailbox's e-mail preview (an iframe
 *   with srcdoc, which inherits this policy) is HTML e-mail: inline styles by nature.
 * - frame-ancestors 'none' (and X-Frame-Options DENY for old browsers): nobody frames our pages.
 * - upgrade-insecure-requests and HSTS only under https: on http://localhost they would send
 *   the browser to an https port that does not exist.
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    // 128 bits, fresh for every response; base64url so it needs no escaping in an attribute.
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64url')
    next()
  }
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The app never loads cross-origin resources that would need CORP headers of their own.
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // One year, subdomains of the app's own host included; not preloaded (that is the operator's choice).
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  return [nonce, headers]
}

export const NO_STORE = 'private, no-store'

/**
 * `Cache-Control: private, no-store` on every answer to a request that carries a valid session, so
 * no browser cache, shared computer or proxy keeps a signed-in page (a volunteer's phone number,
 * a coordinator's queue). Decided here, before Remix runs, because only here is every answer seen
 * — pages, data requests and resource routes (calendar, exports) alike; the session lookup is the
 * one the loaders then reuse (one per request, app/utils/request-scope.server.ts). Whatever a
 * route set (e.g. a feed's public max-age) is replaced as the headers go out.
 */
export function noStoreWhenSignedIn(isSignedIn: (cookieHeader: string) => Promise<boolean>): RequestHandler {
  return (req, res, next) => {
    const cookie = req.headers.cookie
    if (!cookie) return next()
    isSignedIn(cookie).then(
      (signedIn) => {
        if (signedIn) forceHeaderOnWrite(res, 'Cache-Control', NO_STORE)
        next()
      },
      // A failing lookup fails the page itself a moment later, where it is reported.
      () => next(),
    )
  }
}

/** Sets a header just before the head of the answer is written, over whatever was set meanwhile. */
function forceHeaderOnWrite(res: Response, name: string, value: string) {
  res.setHeader(name, value)
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    if (!res.headersSent) res.setHeader(name, value)
    // Headers passed to writeHead itself win over setHeader; Remix passes none, compression neither.
    return writeHead(...args)
  }) as Response['writeHead']
}
