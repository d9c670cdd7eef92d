// Request bodies above a limit are refused with 413 before they are read into memory.
import type { Request, RequestHandler, Response } from 'express'

/** Every form of the app fits in far less (the longest, an ad, is a few kB of text). */
export const MAX_FORM_BYTES = 1024 * 1024

/**
 * Paths that may take more than MAX_FORM_BYTES, first match wins.
 * - The volunteer's board photo (app/routes/volunteer+/photo.tsx) takes a photo of up to 5 MB; the
 *   route itself stops reading the photo one byte past that and says so next to the field. The
 *   body may be somewhat larger, so that a photo of 5–12 MB sent without JavaScript (which checks
 *   the size before sending) gets that message too, rather than this middleware's 413 page.
 */
export const BODY_LIMIT_OVERRIDES: ReadonlyArray<{ path: RegExp; bytes: number }> = [{ path: /^\/volunteer\/photo\/?$/, bytes: 12 * 1024 * 1024 }]

export function bodyLimitFor(path: string, overrides = BODY_LIMIT_OVERRIDES) {
  return overrides.find((override) => override.path.test(path))?.bytes ?? MAX_FORM_BYTES
}

type Push = (chunk: unknown, encoding?: BufferEncoding) => boolean

/**
 * Remix reads a request body only when an action asks for it, and then reads it whole
 * (request.formData()): an anonymous 200 MB POST to /login took 400 MB of memory and 12 s.
 * - A declared Content-Length above the limit is answered 413 at once; nothing is read (Node's
 *   parser never lets a body run past its declared length).
 * - A body without Content-Length (chunked) is counted as it arrives and held back — at most the
 *   limit — until it is complete; then Remix reads it as if it had just arrived. One byte past the
 *   limit and the answer is 413, the rest is never kept. Browsers always declare a length for
 *   forms, so only scripts take this path.
 * The 413 closes the connection, so the sender stops rather than uploading the rest into a void.
 */
export function bodyLimit({ limitFor = bodyLimitFor }: { limitFor?: (path: string) => number } = {}): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    const limit = limitFor(req.path)
    const declared = req.headers['content-length']
    if (declared !== undefined) {
      if (Number(declared) > limit) return refuse(req, res, limit)
      return next()
    }
    if (!req.headers['transfer-encoding']) return next()

    // Chunks the parser already handed over before we got here, if any, stay where they are.
    let received = req.readableLength
    if (received > limit) return refuse(req, res, limit)
    if (req.complete) return next()
    const held: Buffer[] = []
    const push = req.push.bind(req) as Push
    // Node's HTTP parser delivers the body through the message's push(); taking its place is the
    // one way to see bytes without consuming them on Remix's behalf.
    req.push = ((chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk === null) {
        req.push = push
        for (const part of held) push(part)
        push(null)
        next()
        return false
      }
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding)
      received += bytes.length
      if (received > limit) {
        held.length = 0
        // Everything else the client sends is dropped; returning false stops reading the socket.
        req.push = () => false
        refuse(req, res, limit)
        return false
      }
      held.push(bytes)
      return true
    }) as Request['push']
  }
}

function refuse(req: Request, res: Response, limit: number) {
  res.status(413).setHeader('Connection', 'close')
  // A form submitted by Remix in the browser (a data request): answered as a thrown 413 response,
  // so the route's error boundary says what happened (app/components/error-boundary.tsx).
  if (req.query._data !== undefined) {
    res.setHeader('X-Remix-Catch', 'yes')
    res.json({ message: 'payload-too-large', limit })
    return
  }
  // Browsers navigating get a page in the visitor's language; scripts and Remix's data requests (Accept: */*) plain text.
  if (req.accepts(['text/plain', 'text/html']) === 'text/html') {
    res.type('html').send(tooLargePage(languageOf(req), limit))
  } else {
    res.type('text/plain').send(`Payload Too Large: at most ${limit} bytes`)
  }
}

function languageOf(req: Request): 'da' | 'en' {
  return /(?:^|;\s*)lng=en(?:;|$)/.test(req.headers.cookie ?? '') ? 'en' : 'da'
}

function megabytes(bytes: number, language: 'da' | 'en') {
  const value = Math.round((bytes / (1024 * 1024)) * 10) / 10
  return `${language === 'da' ? String(value).replace('.', ',') : value} MB`
}

/** A page of its own (no app shell): it is written before Remix or the database are involved. */
function tooLargePage(language: 'da' | 'en', limit: number) {
  const text =
    language === 'da'
      ? {
          title: 'Det var for meget på én gang',
          body: `Det, du sendte, fylder mere end ${megabytes(limit, 'da')}, som er det mest, en formular kan tage imod. Intet er gemt. Gå tilbage, gør teksten kortere eller vedhæft mindre, og prøv igen.`,
          home: 'Til forsiden',
        }
      : {
          title: 'That was too much at once',
          body: `What you sent is larger than ${megabytes(limit, 'en')}, the most a form accepts. Nothing was saved. Go back, shorten the text or attach less, and try again.`,
          home: 'To the front page',
        }
  return `<!DOCTYPE html>
<html lang="${language}" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title} – Frivilligbro</title></head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.body}</p>
<p><a href="/">${text.home}</a></p>
</main>
</body>
</html>
`
}
