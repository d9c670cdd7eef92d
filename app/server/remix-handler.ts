import { createReadableStreamFromReadable, createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

/*
 * The bridge between Express and Remix: what @remix-run/express's createRequestHandler does, with
 * two costs of every page taken out (README decision 28).
 *
 * 1. A page comes back whole. app/entry.server.tsx renders each page into one Buffer and hands it
 *    over through `wholeBodyOf` with a Response that has no body of its own. @remix-run/express
 *    would read the page back out of a web ReadableStream chunk by chunk (and the Response would
 *    first copy the Buffer into that stream), flushing compression after each chunk: here the
 *    Buffer goes to `res.end` as it is. Every other answer — data requests, resource routes
 *    (calendar feeds, CSV that streams), redirects, errors — is streamed exactly as before.
 * 2. The request's headers go to the web Request as a list of pairs, not through a Headers object
 *    that the Request then copies again.
 *
 * The rest is kept as it was: the address is built the same way (X-Forwarded-Host's or Host's
 * port, `req.hostname` for the trust-proxy setting, `req.originalUrl`), the request's signal aborts
 * when the client goes away before the answer is finished, a body is passed on for other methods
 * than GET and HEAD, and every response header is appended with `res.append`.
 */

type LoadContext = Record<string, unknown>

export type RemixHandlerOptions = {
  build: ServerBuild
  mode: string
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => LoadContext
  /** The whole page a Response stands for, when app/entry.server.tsx rendered it (else undefined). */
  wholeBodyOf: (response: Response) => Uint8Array | undefined
}

export function remixHandler({ build, mode, getLoadContext, wholeBodyOf }: RemixHandlerOptions) {
  const handleRequest = createRemixHandler(build, mode)
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handleRequest(webRequestOf(req, res), getLoadContext(req, res))
      await send(res, response, wholeBodyOf(response))
    } catch (error) {
      // Express does not await handlers: an error is passed on by hand.
      next(error)
    }
  }
}

function portOf(host: string | undefined) {
  const port = Number.parseInt(host?.split(':')[1] ?? '', 10)
  return Number.isSafeInteger(port) ? port : null
}

export function webRequestOf(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname has no port and follows the trust-proxy setting; the port comes from X-Forwarded-Host, else Host.
  const port = portOf(req.get('X-Forwarded-Host')) ?? portOf(req.get('host'))
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)

  const headers: [string, string][] = []
  for (const name in req.headers) {
    const value = req.headers[name]
    if (value === undefined || value === '') continue
    if (Array.isArray(value)) for (const one of value) headers.push([name, one])
    else headers.push([name, value])
  }

  // Abort loaders and actions when the answer can no longer be written (`close` without `finish`).
  let controller: AbortController | null = new AbortController()
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())

  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(req)
    init.duplex = 'half'
  }
  return new Request(url.href, init)
}

async function send(res: ExpressResponse, response: Response, wholeBody: Uint8Array | undefined) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers) res.append(name, value)
  if (wholeBody) {
    res.end(wholeBody)
    return
  }
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
