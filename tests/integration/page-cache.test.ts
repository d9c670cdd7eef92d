// The anonymous page cache in front of the board, ad pages and feeds (app/utils/page-cache.server.ts),
// on a real Express server with compression, as app/server.ts mounts it, over the real loaders and
// the real database with its version triggers.
import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { boardAd, boardFacility } from '../setup/fixtures-board'
import { createUser } from '../setup/fixtures'
import { changeJobAdStatus, publishJobAd } from '~/models/job.server'
import { publicContentVersion } from '~/models/job-board.server'
import * as adRoute from '~/routes/jobs+/$jobId'
import * as boardRoute from '~/routes/jobs+/_index'
import * as rssRoute from '~/routes/jobs[.]rss'
import { prisma } from '~/utils/db.server'
import { localeCookie } from '~/utils/i18n.server'
import { anonymousCacheKey, anonymousPageCache } from '~/utils/page-cache.server'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

let base = ''
let close = () => {}
let clock = Date.now()
/** How many times a loader really ran: a cached answer does not add one. */
let rendered = 0

beforeAll(async () => {
  const app = express()
  app.use(compression())
  app.use(anonymousPageCache({ version: publicContentVersion, now: () => clock }))
  const serve = (loader: Loader) => async (req: express.Request, res: express.Response) => {
    rendered++
    const headers = new Headers()
    if (req.headers.cookie) headers.set('cookie', req.headers.cookie)
    const response = await loader({ request: new Request(`http://localhost${req.originalUrl}`, { headers }), params: req.params, context: {} }).catch(
      (thrown: unknown) => {
        if (thrown instanceof Response) return thrown // e.g. the 404 of an ad that is gone
        throw thrown
      },
    )
    res.status(response.status).type(response.headers.get('content-type') ?? 'application/json')
    // Stands in for the root loader: a signed-in visitor's page names them.
    if (req.headers.cookie?.includes('frivilligbro_session=')) res.setHeader('Set-Cookie', 'frivilligbro_session=refreshed; Path=/')
    // Stands in for any answer that sets a cookie, e.g. one that reads a flash message.
    if (req.query.flash) res.setHeader('Set-Cookie', 'frivilligbro_toast=; Max-Age=0; Path=/')
    res.send(`${req.headers.cookie?.includes('frivilligbro_session=') ? 'Signed in as Mette\n' : ''}${await response.text()}`)
  }
  app.get('/jobs', serve(boardRoute.loader as unknown as Loader))
  app.get('/jobs.rss', serve(rssRoute.loader as unknown as Loader))
  app.get('/jobs/:jobId', serve(adRoute.loader as unknown as Loader))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})

afterAll(() => close())

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, { headers })
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text(), encoding: response.headers.get('content-encoding') }
}

describe('the anonymous page cache', () => {
  test('a change to an ad shows on the very next anonymous request, cached or not', async () => {
    const coordinator = await createUser('coordinator', { name: 'Karin Koordinator' })
    const facility = await boardFacility({ postcode: '3200', name: 'Bostedet Cache' })
    const first = await boardAd(facility, { title: 'Hjælp med tablets på Cache' })
    const second = await boardAd(facility, { title: 'Videoopkald med familien på Cache', status: 'submitted' })

    const miss = await get('/jobs')
    expect(miss).toMatchObject({ status: 200, cache: 'miss' })
    expect(miss.body).toContain('Hjælp med tablets på Cache')
    const before = rendered
    const hit = await get('/jobs')
    expect(hit).toMatchObject({ status: 200, cache: 'hit', body: miss.body })
    expect(rendered).toBe(before)

    // Publishing through the model: the database bumps the version, so the board is rendered again.
    expect(await publishJobAd(coordinator.id, second.id)).toMatchObject({ ok: true })
    const afterPublish = await get('/jobs')
    expect(afterPublish.cache).toBe('miss')
    expect(afterPublish.body).toContain('Videoopkald med familien på Cache')

    // The ad page and the feed too, and closing takes the ad off at once.
    expect((await get(`/jobs/${first.id}`)).cache).toBe('miss')
    expect((await get(`/jobs/${first.id}`)).cache).toBe('hit')
    expect((await get('/jobs.rss')).body).toContain('Hjælp med tablets på Cache')
    expect(await changeJobAdStatus(coordinator.id, first.id, 'close')).toMatchObject({ ok: true })
    expect((await get(`/jobs/${first.id}`)).status).toBe(404)
    expect((await get('/jobs')).body).not.toContain('Hjælp med tablets på Cache')
    expect((await get('/jobs.rss')).body).not.toContain('Hjælp med tablets på Cache')

    // A facility's new name, written straight to the database, is seen as well.
    await get(`/jobs/${second.id}`)
    await prisma.facility.update({ where: { id: facility.id }, data: { name: 'Bostedet Nyt Navn' } })
    expect((await get(`/jobs/${second.id}`)).body).toContain('Bostedet Nyt Navn')
  })

  test('answers expire after the time to live, and each language and URL has its own', async () => {
    const facility = await boardFacility({ postcode: '3200' })
    await boardAd(facility, { title: 'Spil og musik om torsdagen' })
    clock = Date.now()
    expect((await get('/jobs?q=spil')).cache).toBe('miss')
    expect((await get('/jobs?q=spil')).cache).toBe('hit')
    expect((await get('/jobs?q=musik')).cache).toBe('miss')
    const english = await get('/jobs?q=spil', { cookie: (await localeCookie.serialize('en')).split(';')[0] })
    expect(english.cache).toBe('miss')
    expect(english.body).toContain('"title":"Job ads"')
    expect((await get('/jobs?q=spil')).body).toContain('"title":"Jobopslag"')
    clock += 31_000
    expect((await get('/jobs?q=spil')).cache).toBe('miss')
  })

  test('signed-in visitors and visitors with a message waiting are never served from, nor stored in, the cache', async () => {
    const anonymous = await get('/jobs?page=1')
    expect(anonymous.cache).not.toBeNull()
    expect((await get('/jobs?page=1')).cache).toBe('hit')
    for (const cookie of ['frivilligbro_session=abc', 'lng=da; frivilligbro_session=abc', 'frivilligbro_toast=xyz', 'lng=da; frivilligbro_toast=xyz']) {
      const before = rendered
      const signedIn = await get('/jobs?page=1', { cookie })
      expect(signedIn.cache, cookie).toBeNull()
      expect(rendered, cookie).toBe(before + 1)
      expect(signedIn.body.startsWith('Signed in as Mette') || !cookie.includes('session')).toBe(true)
    }
    // A signed-in answer never becomes what the next anonymous visitor gets.
    expect((await get('/jobs?page=1')).body.startsWith('Signed in')).toBe(false)
    // Nor does any answer that sets a cookie.
    expect((await get('/jobs?page=1&flash=1')).cache).toBe('miss')
    expect((await get('/jobs?page=1&flash=1')).cache).toBe('miss')
  })

  test('compressed and plain answers come from the same entry', async () => {
    const facility = await boardFacility({ postcode: '3200' })
    await boardAd(facility, { title: 'Sociale medier for begyndere', description: 'Facebook og Messenger. '.repeat(100) })
    const plain = await get('/jobs?q=sociale')
    const gzipped = await fetch(`${base}/jobs?q=sociale`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers.get('x-cache')).toBe('hit')
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(await gzipped.text()).toBe(plain.body)
  })

  test('only GETs of the public pages without other cookies have a key', () => {
    const request = (method: string, url: string, cookie?: string) => ({
      method,
      path: url.split('?')[0],
      originalUrl: url,
      headers: cookie ? { cookie } : {},
    })
    expect(anonymousCacheKey(request('GET', '/jobs?q=x'))).toBe('\n/jobs?q=x')
    expect(anonymousCacheKey(request('GET', '/jobs/abc', 'lng=en'))).toBe('en\n/jobs/abc')
    expect(anonymousCacheKey(request('GET', '/jobs.json'))).not.toBeNull()
    expect(anonymousCacheKey(request('GET', '/jobs/abc/apply'))).toBeNull()
    expect(anonymousCacheKey(request('GET', '/centre/ads/abc/candidates'))).toBeNull()
    expect(anonymousCacheKey(request('GET', '/'))).toBeNull()
    expect(anonymousCacheKey(request('POST', '/jobs'))).toBeNull()
    expect(anonymousCacheKey(request('GET', '/jobs', 'lng=da; frivilligbro_session=abc'))).toBeNull()
  })

  test('without the version row nothing is cached', async () => {
    const version = await publicContentVersion()
    expect(version).toBeGreaterThan(0)
    await prisma.$executeRaw`DELETE FROM "PublicContentVersion"`
    await expect(publicContentVersion()).rejects.toThrow()
    expect((await get('/jobs?page=2')).cache).toBeNull()
    expect((await get('/jobs?page=2')).cache).toBeNull()
    await prisma.$executeRaw`INSERT INTO "PublicContentVersion" ("id", "version") VALUES (1, ${version})`
  })
})
