// The Express app of app/server/app.ts on a random port, serving the real Remix build (build/index.js,
// made by `npx remix build`; `npm test` builds first) over this test file's own database copy:
// security headers, the CSP nonce end to end, no-store for signed-in answers, and the body limit.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createUser, sessionCookieFor } from '../../tests/setup/fixtures'
import { createApp } from './app'
import { MAX_FORM_BYTES } from './body-limit'

let build: ServerBuild
const servers: http.Server[] = []

beforeAll(async () => {
  const file = path.resolve('build/index.js')
  if (!fs.existsSync(file)) execFileSync(path.resolve('node_modules/.bin/remix'), ['build'], { stdio: 'pipe' })
  build = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ServerBuild
}, 120_000)

afterAll(() => {
  for (const server of servers) server.close()
})

async function start(appUrl = 'http://localhost:3000', { compression = 'on' as 'on' | 'off' } = {}) {
  const server = createApp(build, { APP_URL: appUrl, NODE_ENV: 'production', COMPRESSION: compression }).listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

let base = ''
beforeAll(async () => {
  base = await start()
})

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${base}${pathname}`, { headers, redirect: 'manual' })

/** The nonce the policy allows, and every <script> tag of the page (JSON-LD data blocks are not scripts). */
async function noncesOf(response: Response) {
  const policy = response.headers.get('content-security-policy') ?? ''
  const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src '))
  const allowed = scriptSrc?.match(/'nonce-([^']+)'/)?.[1]
  const html = await response.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes('application/ld+json'))
  return { policy, scriptSrc: scriptSrc ?? '', allowed, scripts, html }
}

describe('security headers', () => {
  test('a page carries the policy, and every script on it the nonce the policy allows', async () => {
    const first = await noncesOf(await get('/login'))
    expect(first.allowed).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(first.scriptSrc).not.toContain('unsafe-inline')
    expect(first.policy).toContain("frame-ancestors 'none'")
    expect(first.policy).toContain("object-src 'none'")
    expect(first.policy).toContain("script-src-attr 'none'")
    // Remix's context script, its module loader and <ScrollRestoration> are inline: each has the nonce.
    expect(first.scripts.length).toBeGreaterThanOrEqual(3)
    for (const tag of first.scripts) expect(tag).toContain(`nonce="${first.allowed}"`)
    // A new nonce for every answer.
    const second = await noncesOf(await get('/login'))
    expect(second.allowed).not.toBe(first.allowed)
    for (const tag of second.scripts) expect(tag).toContain(`nonce="${second.allowed}"`)
  })

  test('the public pages people arrive at from a search are sent without JavaScript; other pages keep theirs', async () => {
    // (not /jobs itself: the page-cache test below needs it unvisited)
    for (const page of ['/', '/jobs?page=2', '/privacy']) {
      const { scripts, html } = await noncesOf(await get(page))
      expect(scripts, page).toEqual([])
      expect(html, page).not.toContain('modulepreload')
    }
    expect((await noncesOf(await get('/login'))).scripts.length).toBeGreaterThanOrEqual(3)
  })

  test('nosniff, the referrer policy and no framing on pages, static files and refusals alike; no HSTS over http', async () => {
    const answers = [await get('/'), await get('/favicon.svg'), await fetch(`${base}/login`, { method: 'POST', headers: { Origin: 'https://evil.example' } })]
    expect(answers.map((a) => a.status)).toEqual([200, 200, 403])
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(answer.headers.get('x-frame-options')).toBe('DENY')
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(answer.headers.get('strict-transport-security')).toBeNull()
      expect(answer.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
    }
  })

  test('HSTS and upgrade-insecure-requests only when APP_URL is https', async () => {
    const https = await start('https://frivilligbro.example.dk')
    const answer = await fetch(`${https}/`)
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    expect(answer.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
  })

  test('the anonymous board, also from the page cache, has a fresh nonce that matches its policy', async () => {
    const miss = await get('/jobs')
    expect(miss.headers.get('x-cache')).toBe('miss')
    const fresh = await noncesOf(miss)
    const hitAnswer = await get('/jobs')
    expect(hitAnswer.headers.get('x-cache')).toBe('hit')
    const cached = await noncesOf(hitAnswer)
    expect(cached.allowed).not.toBe(fresh.allowed)
    expect(cached.scripts.length).toBe(fresh.scripts.length)
    for (const tag of cached.scripts) expect(tag).toContain(`nonce="${cached.allowed}"`)
    expect(cached.html).not.toContain(fresh.allowed)
  })
})

describe('Cache-Control for signed-in answers', () => {
  test('every answer to a signed-in request is private, no-store; anonymous ones are not', async () => {
    const volunteer = await createUser('volunteer')
    const cookie = await sessionCookieFor(volunteer.id)
    for (const pathname of ['/settings', '/', '/jobs', '/jobs.rss', '/settings?_data=root', '/healthz']) {
      const answer = await get(pathname, { cookie })
      expect(answer.status, pathname).toBe(200)
      expect(answer.headers.get('cache-control'), pathname).toBe('private, no-store')
      expect(answer.headers.get('x-cache'), pathname).toBeNull()
    }
    // The public board and feed for anonymous visitors keep what they had (and stay cacheable).
    expect((await get('/jobs')).headers.get('cache-control') ?? '').not.toContain('no-store')
    expect((await get('/jobs.rss')).headers.get('cache-control')).toMatch(/public/)
    // A session cookie that is no longer valid does not count.
    expect((await get('/jobs', { cookie: 'frivilligbro_session=ended' })).headers.get('cache-control') ?? '').not.toContain('no-store')
  })
})

type Sent = { status: number; contentType: string; body: string; sentWhenAnswered: number }

/**
 * Posts `total` bytes to /login in 64 kB pieces, as fast as the socket takes them, and stops once
 * an answer comes. `sentWhenAnswered` says how far the upload was when the server answered.
 */
function upload({ total, chunked, accept = '*/*', body, cookie, pathname = '/login' }: { total: number; chunked: boolean; accept?: string; body?: string; cookie?: string; pathname?: string }): Promise<Sent & { remixCatch?: string }> {
  const url = new URL(`${base}${pathname}`)
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Origin: base, Accept: accept, 'Content-Type': 'application/x-www-form-urlencoded' }
    if (cookie) headers.Cookie = cookie
    if (!chunked) headers['Content-Length'] = String(body ? Buffer.byteLength(body) : total)
    const request = http.request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', headers })
    let sent = 0
    let answered = false
    request.on('response', (response) => {
      answered = true
      const sentWhenAnswered = sent
      const parts: Buffer[] = []
      response.on('data', (part: Buffer) => parts.push(part))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type']),
          body: Buffer.concat(parts).toString(),
          sentWhenAnswered,
          remixCatch: response.headers['x-remix-catch'] as string | undefined,
        }),
      )
    })
    // The server closing the connection on a sender it refused is expected.
    request.on('error', (error) => (answered ? undefined : reject(error)))
    if (body) {
      // Small pieces, so a chunked body really arrives in several chunks.
      const step = body.length > 10_000 ? 16 * 1024 : 7
      for (let i = 0; i < body.length; i += step) request.write(body.slice(i, i + step))
      request.end()
      return
    }
    const piece = Buffer.alloc(64 * 1024, 'a')
    const pump = () => {
      while (!answered && sent < total) {
        sent += piece.length
        if (!request.write(piece)) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    pump()
  })
}

describe('the body limit', () => {
  test('a declared body above the limit is refused before it is read: 413 while the upload has barely begun', async () => {
    const total = 200 * 1024 * 1024
    const answer = await upload({ total, chunked: false })
    expect(answer.status).toBe(413)
    expect(answer.contentType).toMatch(/^text\/plain/)
    expect(answer.body).toContain('Payload Too Large')
    // The answer came with at most a few megabytes (socket buffers) of the 200 MB on their way.
    expect(answer.sentWhenAnswered).toBeLessThan(16 * 1024 * 1024)
  })

  test('a chunked body with no length is counted and cut off just past the limit', async () => {
    const total = 200 * 1024 * 1024
    const answer = await upload({ total, chunked: true })
    expect(answer.status).toBe(413)
    expect(answer.sentWhenAnswered).toBeGreaterThan(MAX_FORM_BYTES)
    expect(answer.sentWhenAnswered).toBeLessThan(16 * 1024 * 1024)
  })

  test('a browser gets a page in Danish (English with the language cookie), not a stack trace', async () => {
    const answer = await upload({ total: 2 * MAX_FORM_BYTES, chunked: false, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
    expect(answer.status).toBe(413)
    expect(answer.contentType).toMatch(/^text\/html/)
    expect(answer.body).toContain('<html lang="da"')
    expect(answer.body).toContain('Det var for meget på én gang')
    expect(answer.body).toContain('1 MB')
    expect(answer.body).not.toMatch(/at \w+ \(|node_modules/)
    const english = await upload({ total: 2 * MAX_FORM_BYTES, chunked: true, accept: 'text/html', cookie: 'lng=en' })
    expect(english.status).toBe(413)
    expect(english.body).toContain('<html lang="en"')
    expect(english.body).toContain('That was too much at once')
    // Submitted by Remix in the browser: a caught 413, which the route's error boundary explains.
    const dataRequest = await upload({ total: 2 * MAX_FORM_BYTES, chunked: false, pathname: '/login?_data=routes%2F_auth%2B%2Flogin' })
    expect(dataRequest).toMatchObject({ status: 413, remixCatch: 'yes' })
    expect(JSON.parse(dataRequest.body)).toMatchObject({ message: 'payload-too-large' })
  })

  test('bodies within the limit reach the form as sent, chunked or not', async () => {
    const form = `email=${encodeURIComponent('ukendt-chunk@example.test')}&password=forkert-adgangskode`
    for (const chunked of [true, false]) {
      const answer = await upload({ total: 0, chunked, body: form, accept: 'text/html' })
      // The log-in form answers "wrong e-mail or password" and keeps the typed address.
      expect(answer.status, `chunked: ${chunked}`).toBe(400)
      expect(answer.body).toContain('value="ukendt-chunk@example.test"')
    }
    // Just under the limit, in one declared body, is still read (and refused by the form, not by size).
    const padded = `${form}&redirectTo=${'a'.repeat(MAX_FORM_BYTES - form.length - 20)}`
    expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(MAX_FORM_BYTES)
    const nearLimit = await upload({ total: 0, chunked: true, body: padded, accept: 'text/html' })
    expect(nearLimit.status).not.toBe(413)
  })
})

describe('compression', () => {
  test('large answers are compressed, small ones are not, and COMPRESSION=off leaves it to a reverse proxy', async () => {
    const gzip = { 'Accept-Encoding': 'gzip' }
    const page = await get('/privacy', gzip)
    expect(page.headers.get('content-encoding')).toBe('gzip')
    expect(await page.text()).toContain('</html>')
    // A small answer (under the 8 KB threshold) is sent as it is.
    const small = await get('/favicon.svg', gzip)
    expect(Number(small.headers.get('content-length'))).toBeLessThan(8 * 1024)
    expect(small.headers.get('content-encoding')).toBeNull()
    const plain = await start('http://localhost:3000', { compression: 'off' })
    expect((await fetch(`${plain}/privacy`, { headers: gzip })).headers.get('content-encoding')).toBeNull()
  })
})

describe('meta descriptions', () => {
  const descriptionOf = async (response: Response) => (await response.text()).match(/<meta name="description" content="([^"]*)"/)?.[1]

  test('every page has one in its language: the site’s own, or the page’s (board, ad)', async () => {
    expect(await descriptionOf(await get('/'))).toMatch(/^Frivilligbro forbinder IT-frivillige/)
    expect(await descriptionOf(await get('/login'))).toMatch(/^Frivilligbro forbinder IT-frivillige/)
    expect(await descriptionOf(await get('/', { Cookie: `lng=${btoa(JSON.stringify('en'))}` }))).toMatch(/^Frivilligbro connects IT volunteers/)
    expect(await descriptionOf(await get('/jobs'))).toMatch(/^Ledige frivillige IT-opgaver/)
    expect(await descriptionOf(await get('/jobs', { Cookie: `lng=${btoa(JSON.stringify('en'))}` }))).toMatch(/^Open IT volunteering tasks/)
  })
})

describe('the browser’s messages as a file', () => {
  test('the browser gets one language’s messages without the e-mails, kept for the build’s life even when signed in', async () => {
    const cookie = await sessionCookieFor((await createUser('volunteer')).id)
    const danish = await get(`/locales/da.json?v=${build.assets.version}`, { cookie })
    expect(danish.status).toBe(200)
    expect(danish.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const da = (await danish.json()) as Record<string, Record<string, unknown>>
    expect(Object.keys(da)).toContain('common')
    expect(Object.keys(da)).not.toContain('emails')
    const en = (await (await get(`/locales/en.json?v=${build.assets.version}`)).json()) as Record<string, Record<string, unknown>>
    expect(en.common.skipLink).not.toBe(da.common.skipLink)
    // An old page after a new build asks with its old version: answered, but not kept.
    expect((await get('/locales/da.json?v=old')).headers.get('cache-control')).toBe('no-cache')
    expect((await get('/locales/xx.json')).status).toBe(404)
  })
})
