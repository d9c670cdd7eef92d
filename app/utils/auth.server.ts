import { redirect } from '@remix-run/node'
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import { prisma } from './db.server'
import type { Locale, Role } from './domain'
import { secureCookies } from './env.server'
import { currentRequestScope } from './request-scope.server'
import { sameSitePath, startPageFor } from './start-page'
import { first, sql } from './sql.server'

/** Lucia's storage: the Session table, read through the typed read connection, written through Prisma. */
const adapter: Adapter = {
  // Every signed-in request starts here: a typed read straight to SQLite (sql.server.ts).
  async getSessionAndUser(sessionId) {
    const row = first(
      sql
        .selectFrom('Session as s')
        .innerJoin('User as u', 'u.id', 's.userId')
        .select(['s.id', 's.userId', 's.expiresAt', 'u.email', 'u.name', 'u.role', 'u.locale', 'u.centreId', 'u.emailVerifiedAt', 'u.deactivatedAt'])
        .where('s.id', '=', sessionId),
    )
    if (!row) return [null, null]
    const session: DatabaseSession = { id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt), attributes: {} }
    const user: DatabaseUser = {
      id: row.userId,
      attributes: {
        email: row.email,
        name: row.name,
        role: row.role,
        locale: row.locale,
        centreId: row.centreId,
        emailVerifiedAt: row.emailVerifiedAt === null ? null : new Date(row.emailVerifiedAt),
        deactivatedAt: row.deactivatedAt === null ? null : new Date(row.deactivatedAt),
      },
    }
    return [session, user]
  },
  async getUserSessions(userId) {
    const rows = await prisma.session.findMany({ where: { userId }, select: { id: true, userId: true, expiresAt: true } })
    return rows.map((row) => ({ ...row, attributes: {} }))
  },
  // A new session is a log-in, and Lucia extends a session only when it is used: both count as
  // use of the account and cancel a pending inactivity warning (retention, app/models/retention.server.ts).
  async setSession(session) {
    await prisma.$transaction([
      prisma.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } }),
      prisma.user.update({ where: { id: session.userId }, data: { lastLoginAt: new Date(), inactivityWarnedAt: null }, select: { id: true } }),
    ])
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await prisma.$transaction([
      prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt } }),
      prisma.user.updateMany({ where: { sessions: { some: { id: sessionId } } }, data: { lastLoginAt: new Date(), inactivityWarnedAt: null } }),
    ])
  },
  async deleteSession(sessionId) {
    await prisma.session.deleteMany({ where: { id: sessionId } })
  },
  async deleteUserSessions(userId) {
    await prisma.session.deleteMany({ where: { userId } })
  },
  async deleteExpiredSessions() {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } })
  },
}

let luciaInstance: ReturnType<typeof createLucia> | undefined
function createLucia() {
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: {
      name: 'frivilligbro_session',
      expires: true,
      attributes: { secure: secureCookies(), sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role as Role,
      locale: attributes.locale as Locale,
      centreId: attributes.centreId,
      emailVerified: attributes.emailVerifiedAt !== null,
      deactivated: attributes.deactivatedAt !== null,
    }),
  })
}
export function lucia() {
  return (luciaInstance ??= createLucia())
}

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof createLucia>
    DatabaseUserAttributes: {
      email: string
      name: string
      role: string
      locale: string
      centreId: string | null
      emailVerifiedAt: Date | null
      deactivatedAt: Date | null
    }
  }
}

export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  locale: Locale
  centreId: string | null
  emailVerified: boolean
  deactivated: boolean
}

type SessionLookup = { user: SessionUser | null; sessionId: string | null; refreshCookie: string | null }
const lookups = new WeakMap<object, Promise<SessionLookup>>()

/**
 * The signed-in user, or null. Looked up once per HTTP request however many callers ask (keyed by
 * the request scope, see request-scope.server.ts; else by the Request object).
 */
export function getSession(request: Request): Promise<SessionLookup> {
  return sessionOnce(currentRequestScope() ?? request, () => request.headers.get('Cookie') ?? '')
}

function sessionOnce(key: object, cookieHeader: () => string): Promise<SessionLookup> {
  let lookup = lookups.get(key)
  if (!lookup) {
    lookup = lookupSession(cookieHeader())
    lookups.set(key, lookup)
  }
  return lookup
}

async function lookupSession(cookieHeader: string): Promise<SessionLookup> {
  const sessionId = lucia().readSessionCookie(cookieHeader)
  if (!sessionId) return { user: null, sessionId: null, refreshCookie: null }
  const { session, user } = await lucia().validateSession(sessionId)
  if (!session || !user || user.deactivated) {
    return { user: null, sessionId: null, refreshCookie: lucia().createBlankSessionCookie().serialize() }
  }
  const refreshCookie = session.fresh ? lucia().createSessionCookie(session.id).serialize() : null
  return { user: { ...user }, sessionId: session.id, refreshCookie }
}

/**
 * Whether a Cookie header carries a valid session: the Express app marks such answers no-store
 * (app/server/security.ts). Inside a request scope this is the same lookup the loaders then use.
 */
export async function hasValidSession(cookieHeader: string) {
  // Without a Request object to make (an undici Request and Headers per page, for one header).
  const scope = currentRequestScope()
  const { user } = await (scope ? sessionOnce(scope, () => cookieHeader) : lookupSession(cookieHeader))
  return user !== null
}

export async function getUser(request: Request) {
  return (await getSession(request)).user
}

/** Every protected loader and action starts here: no session → to the log-in page and back. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = `${url.pathname}${url.search}`
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
  }
  return user
}

/** A signed-in person who opens log-in or sign-up is sent to their own start page. */
export async function requireAnonymous(request: Request) {
  const user = await getUser(request)
  if (user) throw redirect(startPageFor(user.role))
}

/** Starts a session and returns the Set-Cookie header value. */
export async function createUserSession(userId: string) {
  const session = await lucia().createSession(userId, {})
  return lucia().createSessionCookie(session.id).serialize()
}

export async function endSession(request: Request) {
  const { sessionId } = await getSession(request)
  if (sessionId) await lucia().invalidateSession(sessionId)
  return lucia().createBlankSessionCookie().serialize()
}

/** "Log out on all devices" and what a password change or reset does to other sessions. */
export async function endAllSessions(userId: string) {
  await lucia().invalidateUserSessions(userId)
}

/** Only relative paths inside the app are followed after log-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  return sameSitePath(to) ?? fallback
}
