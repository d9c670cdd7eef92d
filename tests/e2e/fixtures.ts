/**
 * Fixtures for browser stories that stand alone: every story makes its own people and data in the
 * e2e server's database, so any spec runs alone and specs run side by side on two workers.
 *
 * Usage:
 *
 *   import { expect, test } from './fixtures'
 *
 *   test('…', async ({ page, make, signIn }) => {
 *     const world = await make.centre()                          // a fresh centre with its own municipality
 *     const facility = await make.facility({ centre: world })    // active, with a leader (contact person)
 *     const ad = await make.ad({ facility })                      // published, contact person = the leader
 *     const volunteer = await make.volunteer({ centre: world })  // complete profile, consent, in the centre's municipality
 *     await signIn(page, volunteer)                               // a session cookie: no log-in form, no waiting
 *     await page.goto(`/jobs/${ad.id}`)
 *     await logIn(page, facility.leader.email, PASSWORD)          // or through the form (helpers.ts), waits for "Log ud"
 *   })
 *
 * - Also: make.person(role), make.coordinator(centre), make.application(ad, volunteer),
 *   make.match(ad, volunteer), make.visitWindow(facility), make.booking(volunteer, window, date),
 *   make.pastVisit(match, window, date), make.closure(facility, …), make.event({ centre, sessions }),
 *   make.signUp(event, person, { at }), make.runFollowUps(), make.unique(prefix); nextWeekday(n).
 * - Every person gets a unique e-mail (worker, counter and random part), so `waitForMail(email, …)`
 *   on the shared mail catcher only ever sees this story's mail. Every password is `PASSWORD`
 *   (the demo password), so `logIn(page, person.email)` works too.
 * - `make.centre()` claims a municipality no centre covers yet: its coordinator's pages show only
 *   this story's facilities, ads and volunteers. `make.centre({ demo: 'Frivilligcenter Gribskov' })`
 *   instead adds a fresh coordinator to a demo centre (sees the demo's data too).
 * - Data is written with the app's Prisma client in the test process (the same file the server
 *   serves). The anonymous page cache follows: PublicContentVersion is bumped by triggers in the
 *   database, whoever writes. E-mail queued here (by a model function) is sent by the server's
 *   outbox worker, which polls the outbox every two seconds.
 * - Models are imported lazily (inside the fixtures): Playwright loads spec files before the web
 *   server has created the database.
 */
import crypto from 'node:crypto'
import { register } from 'node:module'
import path from 'node:path'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { addDays, copenhagenDate, isoWeekday } from '../../app/utils/time'
import type { Db } from '~/utils/db.server'
import { DEMO_PASSWORD } from './helpers'

export { expect }
export const PASSWORD = DEMO_PASSWORD

const PORT = Number(process.env.E2E_PORT ?? 3100)
const BASE_URL = `http://localhost:${PORT}`

/** The test process opens the server's database (tests/e2e/serve.ts, playwright.config.ts). */
function pointAtServerDatabase() {
  process.env.DATABASE_URL = `file:${path.resolve(`tests/.tmp/e2e-${PORT}/db/e2e.db`)}`
  // E-mails rendered in this process must link to the server the browser talks to.
  process.env.APP_URL = BASE_URL
  process.env.LOG_LEVEL ??= 'warn'
  process.env.DEMO_DATA = 'on'
}

/** The first Copenhagen date at least `after` days ahead that falls on the ISO weekday (1 = Monday). */
export function nextWeekday(isoWeekdayWanted: number, after = 1) {
  let date = addDays(copenhagenDate(), after)
  while (isoWeekday(date) !== isoWeekdayWanted) date = addDays(date, 1)
  return date
}

/**
 * The app imports its translations as plain `import x from '….json'` (tsx and Vite allow it); in
 * Playwright's worker Node's own loader wants `with { type: 'json' }`. This loader hook supplies
 * it, so model functions that render e-mails can run in the test process.
 */
const JSON_IMPORTS_HOOK = `export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.json')) return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
  return next(url, context)
}`
let jsonHookRegistered = false
function allowJsonImports() {
  if (jsonHookRegistered) return
  jsonHookRegistered = true
  register(`data:text/javascript,${encodeURIComponent(JSON_IMPORTS_HOOK)}`)
}


export type Person = { id: string; email: string; name: string; role: string; centreId: string | null }
export type CentreWorld = { id: string; name: string; municipalityId: string; municipalityName: string; postcode: string; town: string; coordinator: Person }
export type FacilityWorld = { id: string; name: string; municipalityId: string; centre: CentreWorld; leader: Person; staff: Person[] }
export type AdWorld = { id: string; title: string; facility: FacilityWorld; path: string }

type App = { prisma: Db; passwordHash: string; createUserSession: (userId: string) => Promise<string> }

let counter = 0

function makeFactories(app: App, workerIndex: number) {
  const { prisma } = app
  /** Unique in the run: the worker, a counter and a random part (a retried test never collides). */
  const unique = (prefix: string) => `${prefix}-w${workerIndex}-${++counter}-${crypto.randomBytes(3).toString('hex')}`
  const tag = () => `${workerIndex}${++counter}${crypto.randomBytes(2).toString('hex')}`

  async function person(role: string, options: { name?: string; email?: string; centreId?: string | null; locale?: 'da' | 'en'; phone?: string; verified?: boolean } = {}): Promise<Person> {
    const email = options.email ?? `${unique(role.replace('_', '-'))}@example.test`
    const user = await prisma.user.create({
      data: {
        email,
        name: options.name ?? `Test ${role} ${tag()}`,
        role,
        locale: options.locale ?? 'da',
        centreId: options.centreId ?? null,
        phone: options.phone ?? null,
        passwordHash: app.passwordHash,
        emailVerifiedAt: options.verified === false ? null : new Date(),
      },
    })
    return { id: user.id, email: user.email, name: user.name, role: user.role, centreId: user.centreId }
  }

  /** A municipality no centre covers, claimed atomically (two workers never get the same one). */
  async function claimMunicipality(centreId: string) {
    for (let attempt = 0; attempt < 20; attempt++) {
      // Only municipalities with a postcode of their own, so forms never ask which municipality is meant.
      const free = await prisma.$queryRaw<{ id: string; name: string }[]>`
        SELECT m."id", m."name" FROM "Municipality" m
        WHERE m."centreId" IS NULL
          AND EXISTS (SELECT 1 FROM "Postcode" p WHERE p."municipalityId" = m."id" AND (SELECT count(*) FROM "Postcode" q WHERE q."code" = p."code") = 1)
        ORDER BY m."name" LIMIT 20`
      if (free.length === 0) throw new Error('No municipality without a centre is left for make.centre()')
      const pick = free[(workerIndex + attempt) % free.length]
      const { count } = await prisma.municipality.updateMany({ where: { id: pick.id, centreId: null }, data: { centreId } })
      if (count === 1) return pick
    }
    throw new Error('Could not claim a municipality for make.centre()')
  }

  async function municipalityPlace(municipalityId: string) {
    // A postcode only this municipality has, so forms show no municipality picker for it.
    const codes = await prisma.postcode.findMany({ where: { municipalityId }, orderBy: { code: 'asc' } })
    for (const code of codes) if ((await prisma.postcode.count({ where: { code: code.code } })) === 1) return code
    return codes[0]
  }

  const factories = {
    unique,
    person,

    /**
     * A centre with a coordinator. By default a fresh centre covering a municipality of its own;
     * with `demo`, a fresh coordinator of that demo centre (e.g. 'Frivilligcenter Gribskov').
     */
    async centre(options: { demo?: string; coordinatorName?: string; coordinatorLocale?: 'da' | 'en' } = {}): Promise<CentreWorld> {
      let centre: { id: string; name: string }
      let municipality: { id: string; name: string }
      if (options.demo) {
        centre = await prisma.centre.findUniqueOrThrow({ where: { name: options.demo } })
        municipality = await prisma.municipality.findFirstOrThrow({ where: { centreId: centre.id }, orderBy: { name: 'asc' } })
      } else {
        const name = `Frivilligcenter ${tag()}`
        centre = await prisma.centre.create({ data: { name, email: `${unique('centre')}@example.test`, phone: '48 00 00 00', address: 'Torvet 1' } })
        municipality = await claimMunicipality(centre.id)
      }
      const place = await municipalityPlace(municipality.id)
      const coordinator = await person('coordinator', { centreId: centre.id, name: options.coordinatorName ?? `Karin Koordinator ${tag()}`, locale: options.coordinatorLocale })
      return { id: centre.id, name: centre.name, municipalityId: municipality.id, municipalityName: municipality.name, postcode: place.code, town: place.town, coordinator }
    },

    /** One more coordinator of a centre. */
    coordinator(centre: Pick<CentreWorld, 'id'>, options: { name?: string; locale?: 'da' | 'en' } = {}) {
      return person('coordinator', { centreId: centre.id, name: options.name, locale: options.locale })
    },

    /**
     * An active facility in the centre's municipality with a leader who is its contact person, one
     * entry in its ethics policy, and the staff given (active or asking to join).
     */
    async facility(options: { centre: CentreWorld; name?: string; status?: 'pending' | 'active' | 'inactive'; leaderName?: string; kind?: string; staff?: { name?: string; status?: 'active' | 'requested'; contact?: boolean }[]; ethics?: boolean }): Promise<FacilityWorld> {
      const { centre } = options
      const status = options.status ?? 'active'
      const facility = await prisma.facility.create({
        data: {
          name: options.name ?? `Bostedet ${tag()}`,
          kind: options.kind ?? 'bosted',
          address: 'Skovvej 1',
          postcode: centre.postcode,
          town: centre.town,
          municipalityId: centre.municipalityId,
          phone: '48 11 22 33',
          status,
          approvedAt: status === 'pending' ? null : new Date(),
          approvedById: status === 'pending' ? null : centre.coordinator.id,
        },
      })
      const leader = await person('facility_staff', { name: options.leaderName ?? `Tina Leder ${tag()}`, phone: '48 79 40 01' })
      await prisma.facilityMembership.create({ data: { facilityId: facility.id, userId: leader.id, role: 'leader', isContactPerson: true, status: 'active' } })
      // A facility's ethics policy has an entry unless told otherwise (ads and applications show it).
      if (options.ethics !== false)
        await prisma.ethicsPolicyEntry.create({
          data: { facilityId: facility.id, technology: 'Facebook', dilemma: 'Beboere vil gerne være venner med de frivillige.', agreedValues: 'Frivillige er ikke venner med beboerne på private profiler.', position: 0 },
        })
      const staff: Person[] = []
      for (const member of options.staff ?? []) {
        const user = await person('facility_staff', { name: member.name ?? `Jonas Personale ${tag()}`, phone: '48 79 40 02' })
        await prisma.facilityMembership.create({ data: { facilityId: facility.id, userId: user.id, role: 'staff', isContactPerson: member.contact ?? false, status: member.status ?? 'active' } })
        staff.push(user)
      }
      return { id: facility.id, name: facility.name, municipalityId: facility.municipalityId, centre, leader, staff }
    },

    /** A published ad of the facility (Tuesdays 15–17, video calls), the leader as contact person. */
    async ad(options: {
      facility: FacilityWorld
      title?: string
      status?: 'draft' | 'submitted' | 'published' | 'paused' | 'returned' | 'closed' | 'filled'
      tasks?: string[]
      weekdays?: number[]
      timeFrom?: string
      timeTo?: string
      volunteersWanted?: number
      requiresConfidentiality?: boolean
      requiresIntroCourse?: boolean
      contactPersonId?: string
      description?: string
    }): Promise<AdWorld> {
      const { facility } = options
      const status = options.status ?? 'published'
      const ad = await prisma.jobAd.create({
        data: {
          facilityId: facility.id,
          municipalityId: facility.municipalityId,
          title: options.title ?? `IT-ven til videoopkald ${tag()}`,
          tasks: JSON.stringify(options.tasks ?? ['video_calls']),
          description: options.description ?? 'Vi søger en frivillig, der vil hjælpe beboerne med at ringe til familien med video.',
          boundaries: 'Ingen personlig pleje, ingen penge, adgangskoder eller MitID.',
          targetGroup: 'Voksne med udviklingshæmning',
          weekdays: JSON.stringify(options.weekdays ?? [2]),
          timeFrom: options.timeFrom ?? '15:00',
          timeTo: options.timeTo ?? '17:00',
          volunteersWanted: options.volunteersWanted ?? 1,
          requiresConfidentiality: options.requiresConfidentiality ?? false,
          requiresIntroCourse: options.requiresIntroCourse ?? false,
          offers: 'Kaffe og en fast kontaktperson.',
          contactPersonId: options.contactPersonId ?? facility.leader.id,
          createdById: facility.leader.id,
          status,
          submittedAt: status === 'draft' ? null : new Date(),
          publishedAt: status === 'published' || status === 'paused' ? new Date() : null,
          expiresAt: status === 'published' || status === 'paused' ? new Date(Date.now() + 90 * 86_400_000) : null,
        },
      })
      return { id: ad.id, title: ad.title, facility, path: `/jobs/${ad.id}` }
    },

    /**
     * A volunteer with a complete profile and data consent, living in (and willing to help in) the
     * centre's municipality; skills and a weekly availability as given.
     */
    async volunteer(options: {
      centre?: CentreWorld
      /** Instead of the centre's own postcode, e.g. one shared by two municipalities ('3200'). */
      postcode?: string
      name?: string
      phone?: string
      locale?: 'da' | 'en'
      consent?: boolean
      skills?: string[]
      availability?: { weekday: number; part: 'morning' | 'afternoon' | 'evening' }[]
      checks?: ('confidentiality' | 'criminal_record' | 'child_certificate')[]
    } = {}): Promise<Person> {
      const user = await person('volunteer', { name: options.name ?? `Mette Frivillig ${tag()}`, phone: options.phone ?? '60 00 00 00', locale: options.locale })
      const centre = options.centre
      const profile = await prisma.volunteerProfile.create({
        data: {
          userId: user.id,
          bio: 'Jeg hjælper gerne med tablets og videoopkald.',
          postcode: options.postcode ?? centre?.postcode ?? null,
          municipalityId: centre?.municipalityId ?? null,
          birthYear: 1985,
          consentDataAt: options.consent === false ? null : new Date(),
        },
      })
      for (const task of options.skills ?? ['video_calls']) await prisma.volunteerSkill.create({ data: { profileId: profile.id, task, level: 2 } })
      for (const slot of options.availability ?? [{ weekday: 2, part: 'afternoon' as const }]) await prisma.volunteerAvailability.create({ data: { profileId: profile.id, weekday: slot.weekday, part: slot.part } })
      if (centre) await prisma.volunteerArea.create({ data: { profileId: profile.id, municipalityId: centre.municipalityId } })
      for (const kind of options.checks ?? []) await prisma.volunteerCheck.create({ data: { volunteerId: user.id, kind, checkedAt: new Date(), recordedById: centre?.coordinator.id ?? null } })
      return user
    },

    /** A submitted application of the volunteer to the ad. */
    application(ad: Pick<AdWorld, 'id'>, volunteer: Pick<Person, 'id'>, motivation = 'Jeg har tid tirsdag eftermiddag.') {
      return prisma.application.create({ data: { jobAdId: ad.id, volunteerId: volunteer.id, motivation, status: 'submitted' } })
    },

    /** An approved, active match between the volunteer and the ad's facility (approved a week ago). */
    async match(ad: AdWorld, volunteer: Pick<Person, 'id'>, options: { approvedAt?: Date } = {}) {
      const approvedAt = options.approvedAt ?? new Date(Date.now() - 7 * 86_400_000)
      const application = await prisma.application.create({ data: { jobAdId: ad.id, volunteerId: volunteer.id, motivation: 'Jeg glæder mig.', status: 'matched', decidedAt: approvedAt } })
      return prisma.match.create({
        data: { jobAdId: ad.id, facilityId: ad.facility.id, volunteerId: volunteer.id, applicationId: application.id, status: 'active', approvedAt, approvedById: ad.facility.centre.coordinator.id, introAt: approvedAt },
      })
    },

    /** A weekly visit window volunteers matched with the facility can book. */
    visitWindow(facility: Pick<FacilityWorld, 'id'>, options: { title?: string; weekday?: number; startTime?: string; endTime?: string; capacity?: number; location?: string } = {}) {
      return prisma.visitWindow.create({
        data: {
          facilityId: facility.id,
          title: options.title ?? `Internetcafé ${tag()}`,
          weekday: options.weekday ?? 3,
          startTime: options.startTime ?? '14:00',
          endTime: options.endTime ?? '16:00',
          capacity: options.capacity ?? 2,
          validFrom: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10),
          location: options.location ?? 'Caféen',
        },
      })
    },

    /** A weekly visit booked by a matched volunteer in a window (the app's own booking rules). */
    async booking(volunteer: Pick<Person, 'id'>, window: { id: string }, localDate: string) {
      const { bookWindowVisit } = await import('~/models/visit-booking.server')
      const result = await bookWindowVisit(volunteer.id, { windowId: window.id, localDate })
      if (!result.ok) throw new Error(`make.booking refused: ${result.reason}`)
      return result
    },

    /**
     * A visit in a window that has already happened and nobody has logged (booking refuses the
     * past, so it is written as the booking would have left it).
     */
    async pastVisit(match: { id: string; facilityId: string; volunteerId: string }, window: { id: string; startTime: string; endTime: string; location: string }, localDate: string) {
      const { wallClockInstant } = await import('~/utils/time')
      return prisma.visit.create({
        data: {
          matchId: match.id,
          facilityId: match.facilityId,
          volunteerId: match.volunteerId,
          windowId: window.id,
          localDate,
          startsAt: wallClockInstant(localDate, window.startTime),
          endsAt: wallClockInstant(localDate, window.endTime),
          location: window.location,
          status: 'planned',
        },
      })
    },

    /** The follow-up sweep of the background job, now: check-ins that fell due are sent. */
    async runFollowUps() {
      const { runFollowUps } = await import('~/models/follow-up.server')
      return runFollowUps()
    },

    /**
     * Signs the person up for the event as the event page would (a place, or the waiting list, and
     * the e-mail). `at`: as if it happened then, e.g. before a session that now lies in the past.
     */
    async signUp(event: { id: string }, person: Pick<Person, 'id' | 'role' | 'centreId'>, options: { at?: Date } = {}) {
      const { eventViewer, signUp } = await import('~/models/event.server')
      const viewer = await eventViewer(person)
      if (!viewer) throw new Error('make.signUp: no viewer')
      const result = await signUp(viewer, event.id, options.at)
      if (!result.ok) throw new Error(`make.signUp refused: ${result.reason}`)
      return result
    },

    /** A closure period of the facility, added by its leader. */
    async closure(facility: FacilityWorld, input: { fromDate: string; toDate: string; reason: string }) {
      const { addClosure } = await import('~/models/facility-closure.server')
      return addClosure(facility.leader.id, facility.id, input)
    },

    /**
     * An event of the centre made by its coordinator, published unless told otherwise. Sessions are
     * Copenhagen dates and times (app/utils/time.ts addDays/copenhagenDate for "in 12 days").
     */
    async event(options: {
      centre: CentreWorld
      kind?: 'intro_meeting' | 'course_volunteers' | 'course_staff' | 'network_meeting' | 'internet_cafe'
      title?: string
      description?: string
      capacity?: number
      audience?: 'public' | 'volunteers' | 'staff' | 'network'
      sessions: { localDate: string; startTime?: string; endTime?: string; place?: string }[]
      publish?: boolean
    }) {
      const { createEvent, setEventStatus } = await import('~/models/event.server')
      const title = options.title ?? `Introkursus ${tag()}`
      const created = await createEvent(options.centre.coordinator.id, options.centre.id, {
        kind: options.kind ?? 'intro_meeting',
        title,
        description: options.description ?? 'Et møde om at være IT-frivillig.',
        capacity: options.capacity ?? 10,
        audience: options.audience ?? 'volunteers',
        signupDeadlineDate: null,
        sessions: options.sessions.map((s) => ({ localDate: s.localDate, startTime: s.startTime ?? '17:00', endTime: s.endTime ?? '19:00', place: s.place ?? options.centre.name, onlineUrl: null })),
      })
      if (options.publish !== false) await setEventStatus(options.centre.coordinator.id, created.eventId, 'published')
      return { id: created.eventId, title, path: `/events/${created.eventId}` }
    },
  }
  return factories
}

export type Factories = ReturnType<typeof makeFactories>

/** Signs the person in by giving the browser a fresh session cookie: no form, nothing to wait for. */
export type SignIn = (target: Page | BrowserContext, person: Pick<Person, 'id'>) => Promise<void>

export const test = base.extend<{ make: Factories; signIn: SignIn }, { app: App }>({
  app: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      pointAtServerDatabase()
      allowJsonImports()
      const { prisma } = await import('~/utils/db.server')
      const { hashPassword } = await import('~/utils/password.server')
      const { createUserSession } = await import('~/utils/auth.server')
      // Hashing is slow on purpose: one hash of the shared password per worker.
      const passwordHash = await hashPassword(PASSWORD)
      await provide({ prisma, passwordHash, createUserSession })
      await prisma.$disconnect()
    },
    { scope: 'worker' },
  ],
  make: async ({ app }, provide, testInfo) => {
    await provide(makeFactories(app, testInfo.workerIndex))
  },
  signIn: async ({ app }, provide) => {
    await provide(async (target, person) => {
      const context = 'context' in target ? target.context() : target
      const [pair] = (await app.createUserSession(person.id)).split(';')
      const [name, ...value] = pair.split('=')
      await context.addCookies([{ name: name.trim(), value: value.join('='), url: BASE_URL }])
    })
  },
})
