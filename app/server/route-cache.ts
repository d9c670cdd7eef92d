import { createRequire } from 'node:module'

/*
 * Remix's route work done once, not on every request (README decision 8).
 *
 * 1. Route matching once per address, not four times per request.
 *
 * A signed-in page made Remix match the address against all ~100 routes four times: the server
 * runtime (matchServerRoutes), React Router's <DataRoutes> while rendering, and twice more for the
 * manifest of lazy route discovery (fog-of-war's getPartialManifest, once per parent path). Each
 * call flattens the whole route tree, scores and sorts every branch and compiles a RegExp per
 * branch tried — 11 % of a thread page's CPU (profile of 2026-11-30, tests/bench/profile-page.ts).
 *
 * All of those callers reach `matchRoutes` through the exports object of @remix-run/router (one
 * copy in node_modules), so it is replaced there by a version that remembers the answer per
 * route-tree shape, basename and pathname. The answer is a list of route ids with their params; a
 * later call maps the ids onto the route objects of the tree it was given (Remix builds new route
 * objects for every render, with the same ids and paths), and gets fresh match objects.
 *
 * Only what matching reads (id, path, index, caseSensitive, children) makes up the shape, so a
 * tree with other routes gets its own answers; a route without an id, or a location with a search
 * or hash, goes to the original function. The router's own staticHandler matches once more
 * internally (not reachable from here).
 *
 * 3. (below) The router's static handler — which runs the loaders — matched each address against
 * the whole tree once more, internally, where (1) does not reach: 4–5 % of a thread page's CPU.
 *
 * 2. The route tree that <RemixServer> renders, built once per build. Remix's RemixServer calls
 * createServerRoutes for every render, making ~100 route objects (5 % of the thread page's CPU)
 * from the build's manifest and modules, which do not change while the build runs; React Router's
 * createStaticRouter copies the tree and never changes it. RemixServer reaches createServerRoutes
 * through the exports of @remix-run/react's routes module, where it is replaced by a version that
 * keeps the tree per manifest and answers anew when the modules, flags or SPA mode differ.
 */

type RouteLike = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteLike[] }
type MatchLike = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: RouteLike }
type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => MatchLike[] | null
type RouterModule = { matchRoutes: MatchRoutes }
type Remembered = { routeId: string; params: Record<string, string | undefined>; pathname: string; pathnameBase: string }[] | null
type Tree = { shape: number; byId: Map<string, RouteLike> }

const MAX_REMEMBERED = 5_000
const CACHED = Symbol.for('frivilligbro.cachedMatchRoutes')
const BRANCHED = Symbol.for('frivilligbro.branchStaticHandlers')

/** Makes @remix-run/router's matchRoutes remember its answers (once per process; later calls do nothing). */
export function cacheRouteMatches() {
  const router = createRequire(import.meta.url)('@remix-run/router') as RouterModule & { [CACHED]?: MatchRoutes }
  if (router[CACHED]) return
  const original = router.matchRoutes
  const cached = rememberingMatchRoutes(original)
  router.matchRoutes = cached
  router[CACHED] = original
}

type CreateServerRoutes = (manifest: Record<string, { id: string }>, routeModules: Record<string, unknown>, future: unknown, isSpaMode: boolean, ...rest: unknown[]) => unknown[]

/** Makes @remix-run/react's createServerRoutes keep its tree per build (once per process). */
export function cacheServerRoutes() {
  const routes = createRequire(import.meta.url)('@remix-run/react/dist/routes.js') as { createServerRoutes: CreateServerRoutes; [CACHED]?: CreateServerRoutes }
  if (routes[CACHED]) return
  const original = routes.createServerRoutes
  routes.createServerRoutes = keepingServerRoutes(original)
  routes[CACHED] = original
}

export function keepingServerRoutes(original: CreateServerRoutes): CreateServerRoutes {
  type Kept = { routeModules: Record<string, unknown>; future: unknown; isSpaMode: boolean; tree: unknown[] }
  const kept = new WeakMap<object, Kept>()
  // The entry context's module map is a new object per request with the same modules in it.
  const sameModules = (a: Record<string, unknown>, b: Record<string, unknown>, manifest: Record<string, unknown>) => Object.keys(manifest).every((id) => a[id] === b[id])
  return function createServerRoutes(manifest, routeModules, future, isSpaMode, ...rest) {
    // Only the top-level call (RemixServer's); the recursion inside the module calls the original directly.
    if (rest.length > 0) return original(manifest, routeModules, future, isSpaMode, ...rest)
    const entry = kept.get(manifest)
    if (entry && entry.future === future && entry.isSpaMode === isSpaMode && (entry.routeModules === routeModules || sameModules(entry.routeModules, routeModules, manifest))) return entry.tree
    const tree = original(manifest, routeModules, future, isSpaMode)
    kept.set(manifest, { routeModules, future, isSpaMode, tree })
    return tree
  }
}

export function rememberingMatchRoutes(original: MatchRoutes): MatchRoutes {
  const shapeNumbers = new Map<string, number>()
  const trees = new WeakMap<RouteLike[], Tree | null>()
  let answers = new Map<string, Remembered>()

  function treeOf(routes: RouteLike[]): Tree | null {
    let tree = trees.get(routes)
    if (tree === undefined) {
      const byId = new Map<string, RouteLike>()
      const parts: string[] = []
      const walk = (list: RouteLike[]): boolean => {
        parts.push('[')
        for (const route of list) {
          if (typeof route.id !== 'string' || byId.has(route.id)) return false
          byId.set(route.id, route)
          parts.push(route.id, '\u0001', route.path ?? '\u0002', route.index ? '\u0003' : '', route.caseSensitive ? '\u0004' : '')
          if (route.children && !walk(route.children)) return false
          parts.push('\u0005')
        }
        parts.push(']')
        return true
      }
      if (walk(routes)) {
        const text = parts.join('')
        let shape = shapeNumbers.get(text)
        if (shape === undefined) shapeNumbers.set(text, (shape = shapeNumbers.size))
        tree = { shape, byId }
      } else tree = null
      trees.set(routes, tree)
    }
    return tree
  }

  return function matchRoutes(routes, location, basename = '/') {
    const pathname = typeof location === 'string' ? location : location?.pathname
    const tree = Array.isArray(routes) ? treeOf(routes) : null
    if (tree === null || typeof pathname !== 'string' || pathname.includes('?') || pathname.includes('#')) return original(routes, location, basename)
    const key = `${tree.shape}\u0000${basename}\u0000${pathname}`
    let remembered = answers.get(key)
    if (remembered === undefined) {
      const matches = original(routes, location, basename)
      remembered = matches ? matches.map((match) => ({ routeId: match.route.id!, params: { ...match.params }, pathname: match.pathname, pathnameBase: match.pathnameBase })) : null
      // Addresses carry ids, so the set of keys grows without end: start over when it is full.
      if (answers.size >= MAX_REMEMBERED) answers = new Map()
      answers.set(key, remembered)
      if (matches) return matches
    }
    if (remembered === null) return null
    return remembered.map((match) => ({ params: { ...match.params }, pathname: match.pathname, pathnameBase: match.pathnameBase, route: tree.byId.get(match.routeId)! }))
  }
}

type StaticHandler = { dataRoutes: RouteLike[]; query: (request: Request, options?: unknown) => Promise<unknown>; queryRoute: (request: Request, options?: unknown) => Promise<unknown> }
type CreateStaticHandler = (routes: RouteLike[], options?: { basename?: string }) => StaticHandler

/**
 * 3. The static handler's own matching. The server runtime makes one static handler per build
 * through @remix-run/router's exports, and its `query` (pages) and `queryRoute` (data and resource
 * requests) match the address against the whole tree inside the module, out of reach of (1).
 * So `createStaticHandler` is replaced by one that, per request, matches the address with the
 * remembered matchRoutes of (1) and hands the request to a static handler made for that matched
 * branch only: the same routes, each given just its one child on the branch. Matching that small
 * tree gives the same routes and params as the whole tree did (the whole tree's best match is in
 * it, and it has nothing the whole tree lacks), and costs little. An address that matches nothing
 * (the 404 page) goes to the handler of the whole tree, as does any address that cannot be read.
 * One small handler per branch the app has (a route of the build), made on its first request.
 */
export function cacheStaticHandlerMatches() {
  const router = createRequire(import.meta.url)('@remix-run/router') as RouterModule & { createStaticHandler: CreateStaticHandler; [BRANCHED]?: CreateStaticHandler }
  if (router[BRANCHED]) return
  const original = router.createStaticHandler
  // Matched through the exports, so through the remembering matchRoutes once (1) is in place.
  router.createStaticHandler = branchStaticHandlers(original, (routes, location, basename) => router.matchRoutes(routes, location, basename))
  router[BRANCHED] = original
}

export function branchStaticHandlers(original: CreateStaticHandler, match: MatchRoutes): CreateStaticHandler {
  return function createStaticHandler(routes, options) {
    const whole = original(routes, options)
    const basename = options?.basename ?? '/'
    const byBranch = new Map<string, StaticHandler>()
    function handlerFor(request: Request): StaticHandler {
      let pathname: string
      try {
        pathname = new URL(request.url).pathname
      } catch {
        return whole
      }
      const matches = match(routes, { pathname }, basename)
      if (!matches || matches.length === 0) return whole
      const key = matches.map((m) => m.route.id).join('\u0000')
      let handler = byBranch.get(key)
      if (!handler) {
        let branch: RouteLike | undefined
        for (let i = matches.length - 1; i >= 0; i--) {
          const { children: _all, ...route } = matches[i].route
          branch = branch ? { ...route, children: [branch] } : route
        }
        handler = original([branch!], options)
        byBranch.set(key, handler)
      }
      return handler
    }
    return {
      ...whole,
      // Remix reads the root's id from here when a render fails (getStaticContextFromError).
      dataRoutes: whole.dataRoutes,
      query: (request, queryOptions) => handlerFor(request).query(request, queryOptions),
      queryRoute: (request, queryOptions) => handlerFor(request).queryRoute(request, queryOptions),
    }
  }
}
