// Remix's route work kept between requests (app/server/route-cache.ts): the remembered matches
// must be exactly what @remix-run/router answers, on the route trees of the real build.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createStaticHandler, matchRoutes } from '@remix-run/router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createUser, sessionCookieFor } from '../../tests/setup/fixtures'
import { createApp } from './app'
import { branchStaticHandlers, keepingServerRoutes, rememberingMatchRoutes } from './route-cache'

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }

let build: ServerBuild
beforeAll(async () => {
  const file = path.resolve('build/index.js')
  if (!fs.existsSync(file)) execFileSync(path.resolve('node_modules/.bin/remix'), ['build'], { stdio: 'pipe' })
  build = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ServerBuild
}, 120_000)

/** The build's routes as a tree of fresh objects, as Remix makes one per render. */
function treeOf(manifest: ServerBuild['routes'], parentId?: string): Route[] {
  return Object.values(manifest)
    .filter((route) => route!.parentId === parentId)
    .map((route) => {
      const children = treeOf(manifest, route!.id)
      return { id: route!.id, path: route!.path, index: route!.index, caseSensitive: route!.caseSensitive, ...(children.length > 0 ? { children } : {}) }
    })
}

/** An address for every route of the build: params filled in, splats given two segments, plus some that match nothing. */
function addresses(manifest: ServerBuild['routes']) {
  const full = (id: string | undefined): string => {
    const route = id ? manifest[id] : undefined
    if (!route) return ''
    return `${full(route.parentId)}/${route.path ?? ''}`
  }
  const paths = Object.keys(manifest).map((id) =>
    `/${full(id)}`
      .replace(/\/+/g, '/')
      .replace(/:[A-Za-z]+\?/g, '')
      .replace(/:[A-Za-z]+/g, 'c0ffee123')
      .replace(/\*/g, 'a/b'),
  )
  return [...new Set([...paths, '/', '/threads', '/threads/', '/THREADS', '/visits/book/extra', '/no-such-page', '/jobs/%C3%A6', '/jobs/a%2Fb'])]
}

describe('remembered route matches', () => {
  test('every address of the build matches as @remix-run/router matches it, on each fresh tree, the first time and later', () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never)
    const all = addresses(build.routes)
    expect(all.length).toBeGreaterThan(50)
    for (let round = 0; round < 3; round++) {
      const tree = treeOf(build.routes)
      for (const address of all) {
        for (const location of [address, { pathname: address }]) {
          const expected = matchRoutes(tree as never, location)
          const got = remembering(tree, location)
          expect(got).toEqual(expected)
          // The routes in the answer are the objects of the tree passed in, not of an earlier one.
          got?.forEach((match, i) => expect(match.route).toBe(expected![i].route))
        }
      }
    }
    // Another tree shape is answered for itself, not from the build's answers.
    const other: Route[] = [{ id: 'only', path: 'threads/:threadId' }]
    expect(remembering(treeOf(build.routes), '/threads/abc')?.at(-1)?.route.id).toBe('routes/threads+/$threadId')
    expect(remembering(other, '/threads/abc')).toEqual(matchRoutes(other as never, '/threads/abc'))
    expect(remembering(other, '/threads')).toBeNull()
    // A changed answer object does not change the next answer.
    const first = remembering(treeOf(build.routes), '/threads/abc')!
    first.at(-1)!.params.threadId = 'changed'
    expect(remembering(treeOf(build.routes), '/threads/abc')!.at(-1)!.params.threadId).toBe('abc')
  })

  test("the static handler's answer for every address is the same with a handler per matched branch", async () => {
    type Context = { statusCode: number; matches: { route: { id: string }; params: object; pathname: string; pathnameBase: string }[] }
    const seen = (context: unknown) => {
      const { statusCode, matches } = context as Context
      return { statusCode, matches: matches.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) }
    }
    const routes = treeOf(build.routes)
    const whole = createStaticHandler(routes as never)
    const made: number[] = []
    const create = (tree: unknown[], options?: object) => {
      made.push(tree === routes ? 0 : 1)
      return createStaticHandler(tree as never, options) as never
    }
    const branched = branchStaticHandlers(create, rememberingMatchRoutes(matchRoutes as never))(routes, {})
    for (let round = 0; round < 2; round++) {
      for (const address of addresses(build.routes)) {
        const url = `http://localhost${address}`
        // Pages (query) and data or resource requests (queryRoute, for the address's own route).
        expect(seen(await branched.query(new Request(url)))).toEqual(seen(await whole.query(new Request(url))))
        const expected = await whole.queryRoute(new Request(url)).catch((error: unknown) => error)
        const got = await branched.queryRoute(new Request(url)).catch((error: unknown) => error)
        expect(got).toEqual(expected)
      }
    }
    // One whole handler, then one per branch, each made once however often its addresses come.
    expect(made[0]).toBe(0)
    expect(made.filter((kind) => kind === 1).length).toBeLessThanOrEqual(Object.keys(build.routes).length)
    expect((branched.dataRoutes[0] as { id: string }).id).toBe('root')
  })

  test('the server route tree is kept per build, and made anew for other route modules', () => {
    let made = 0
    const create = keepingServerRoutes(() => [{ made: ++made }])
    const manifest = { root: { id: 'root' }, 'routes/a': { id: 'routes/a' } }
    const modules = { root: { default: 1 }, 'routes/a': { default: 2 } }
    const future = {}
    const tree = create(manifest, modules, future, false)
    // Remix passes a new module map per request with the same modules in it.
    expect(create(manifest, { ...modules }, future, false)).toBe(tree)
    expect(made).toBe(1)
    expect(create(manifest, { ...modules, 'routes/a': { default: 3 } }, future, false)).not.toBe(tree)
    expect(create(manifest, modules, future, true)).not.toBe(tree)
    expect(create({ ...manifest }, modules, future, false)).not.toBe(tree)
    expect(made).toBe(4)
  })
})

describe('pages through the app with the route work kept', () => {
  const servers: http.Server[] = []
  afterAll(() => {
    for (const server of servers) server.close()
  })

  test('the same page twice is the same page, and pages of other routes still render as themselves', async () => {
    const server = createApp(build, { APP_URL: 'http://localhost:3000', NODE_ENV: 'production' }).listen(0, '127.0.0.1')
    servers.push(server)
    await new Promise((resolve) => server.once('listening', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const volunteer = await createUser('volunteer', { name: 'Rute Frivillig' })
    const cookie = await sessionCookieFor(volunteer.id)
    const page = async (pathname: string) => {
      const response = await fetch(`${base}${pathname}`, { headers: { cookie, 'accept-encoding': 'identity' }, redirect: 'manual' })
      const html = await response.text()
      // The nonce differs per response by design.
      return { status: response.status, length: response.headers.get('content-length'), html: html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/"nonce":"[^"]+"/g, '') }
    }
    const first = await page('/visits')
    expect(first.status).toBe(200)
    expect(first.html).toContain('</html>')
    // Rendered whole (app/entry.server.tsx): sent with its length, not in chunks.
    expect(Number(first.length)).toBeGreaterThan(1000)
    const book = await page('/visits/book')
    expect(book.status).toBe(200)
    expect(book.html).toContain('<h1>')
    expect(book.html).not.toEqual(first.html)
    expect(await page('/visits')).toEqual(first)
    expect((await page('/no-such-page')).status).toBe(404)
  })
})
