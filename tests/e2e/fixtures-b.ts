/**
 * More factories on top of ./fixtures (e2ea's): what the results story, the residents' wishes,
 * the common-room board, the threads and the municipality's view need. Same rules: everything is
 * fresh and unique to the story, written with the app's models (or its Prisma client where no
 * model makes it), in the database the e2e server serves.
 *
 *   import { expect, test } from './fixtures-b'
 *   test('…', async ({ make, more }) => { … })
 */
import type { prisma } from '~/utils/db.server'
import { test as base, type Factories, type FacilityWorld, type Person } from './fixtures'

export { expect, PASSWORD } from './fixtures'
export type { AdWorld, CentreWorld, Factories, FacilityWorld, Person } from './fixtures'

type Match = { id: string; facilityId: string; volunteerId: string; jobAdId: string }
type VisitOptions = {
  /** Days from today (Copenhagen); negative is in the past. */
  day: number
  from?: string
  to?: string
  status?: 'planned' | 'done' | 'cancelled' | 'no_show'
  location?: string
  residentsHelped?: number
  feedback?: 'happy' | 'neutral' | 'unhappy'
  feedbackBy?: 'resident' | 'staff'
  helpedWith?: string[]
}

/** Today, a date, in Copenhagen (the browser's time zone in these stories), as the date inputs want it. */
export function isoDate(daysFromNow = 0) {
  return new Date(Date.now() + daysFromNow * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
}

/** Pages in a PDF made by Chromium (each page object is "/Type /Page"; the tree is "/Type /Pages"). */
export function pdfPageCount(pdf: Buffer) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length
}

export type More = ReturnType<typeof moreFactories>

export const test = base.extend<{ more: More }>({
  // (`provide`, not `use`: the React hooks lint rule reads any call of `use` as a hook.)
  more: async ({ app, make }, provide) => {
    await provide(moreFactories(app.prisma, make))
  },
})

type Db = typeof prisma

/**
 * SQLite has one writer at a time, and this process writes next to the server (and the other
 * worker). On a loaded 2-core machine a write here once met SQLITE_BUSY ("Operation has timed
 * out") before the busy timeout: a failed write is rolled back whole, so it is tried again.
 */
async function written<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      const busy = /Operation has timed out|SQLITE_BUSY|database is locked/.test(error instanceof Error ? error.message : String(error))
      if (!busy || attempt === 4) throw error
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt))
    }
  }
}

function moreFactories(prisma: Db, make: Factories) {
  return {
    /** The Prisma client the server's database is opened with, for a one-off change a story needs. */
    db: prisma,

    /** A municipality's contact (kommunal tovholder) who reads the given municipality. */
    async municipalityAccount(municipalityId: string, options: { name?: string } = {}): Promise<Person> {
      const person = await written(() => make.person('municipality', { name: options.name ?? `Kirsten Kommune ${make.unique('k').slice(-6)}` }))
      await written(() => prisma.municipalityAccess.create({ data: { userId: person.id, municipalityId } }))
      return person
    },

    /** The application was sent `days` days ago (the centre's queue is oldest first, flagged after 48 hours). */
    async sentDaysAgo(applicationId: string, days: number) {
      const at = new Date(Date.now() - days * 86_400_000)
      await written(() => prisma.application.update({ where: { id: applicationId }, data: { createdAt: at, updatedAt: at } }))
    },

    /** A visit of the match on a day relative to today; `done` ones are logged by the volunteer. */
    async visit(match: Match, options: VisitOptions) {
      const { addDays, copenhagenDate, wallClockInstant, minutesOf } = await import('~/utils/time')
      const localDate = addDays(copenhagenDate(), options.day)
      const from = options.from ?? '15:00'
      const to = options.to ?? '17:00'
      const status = options.status ?? 'planned'
      const done = status === 'done'
      return written(() => prisma.visit.create({
        data: {
          matchId: match.id,
          facilityId: match.facilityId,
          volunteerId: match.volunteerId,
          localDate,
          startsAt: wallClockInstant(localDate, from),
          endsAt: wallClockInstant(localDate, to),
          location: options.location ?? 'Fællesstuen',
          status,
          hours: done ? (minutesOf(to) - minutesOf(from)) / 60 : null,
          helpedWith: JSON.stringify(options.helpedWith ?? (done ? ['video_calls'] : [])),
          loggedById: done ? match.volunteerId : null,
          loggedAt: done ? wallClockInstant(localDate, to) : null,
          residentsHelped: done ? (options.residentsHelped ?? null) : null,
          residentFeedback: done ? (options.feedback ?? null) : null,
          feedbackBy: done && options.feedback ? (options.feedbackBy ?? 'resident') : null,
        },
      }))
    },

    /** The match's check-in falls due now and is sent (the model's own sending: the e-mails go through the outbox). */
    async checkInSent(match: Pick<Match, 'id'>) {
      const { sendFollowUp } = await import('~/models/follow-up.server')
      const followUp = await written(() => prisma.followUp.create({ data: { matchId: match.id, dueAt: new Date(Date.now() - 60_000) } }))
      // Sending claims the check-in (due → sent) in its transaction: a retry never sends twice.
      const sent = await written(() => sendFollowUp(followUp.id))
      if (!sent) throw new Error('The check-in was not sent')
      return followUp
    },

    /** A resident's wish at the facility, added by a staff member (one after the other: the oldest first). */
    async wish(facility: FacilityWorld, input: { what: string; tasks: string[]; residentCount?: number; by?: Person }) {
      const { addWish } = await import('~/models/wish.server')
      const result = await written(() => addWish((input.by ?? facility.leader).id, facility.id, { what: input.what, tasks: input.tasks as never, residentCount: input.residentCount ?? 1 }))
      if (!result.ok) throw new Error(`The wish was not added: ${result.reason}`)
      return result.id
    },

    /** The facility's common-room screen address. */
    async whoComesAddress(facility: FacilityWorld) {
      const { regenerateWhoComesToken } = await import('~/models/who-comes.server')
      return `/who-comes/${await written(() => regenerateWhoComesToken(facility.leader.id, facility.id))}`
    },

    /** One more point in the municipality's ethics template (made by its contact; every change raises the version). */
    async templateEntry(by: Pick<Person, 'id'>, municipalityId: string, entry: { technology: string; dilemma: string; agreedValues: string }) {
      const { changeEthicsTemplate } = await import('~/models/ethics-template.server')
      const result = await written(() => changeEthicsTemplate(by.id, municipalityId, { intent: 'add', entry }))
      if (!result.ok) throw new Error(`The template was not changed: ${result.reason}`)
    },

    /** The facility's leader takes the municipality's template (as it is now) in use. */
    async adoptTemplate(facility: FacilityWorld) {
      const { adoptEthicsTemplate } = await import('~/models/ethics-template.server')
      const result = await written(() => adoptEthicsTemplate(facility.leader.id, facility.id))
      if (!result.ok) throw new Error(`The template was not adopted: ${result.reason}`)
    },

    /** Every volunteer's name, e-mail and phone in the database: what a municipality's page must never show. */
    async volunteersPersonalData() {
      const volunteers = await prisma.user.findMany({ where: { role: 'volunteer' }, select: { name: true, email: true, phone: true } })
      return volunteers.flatMap((v) => [v.name, v.email, v.phone].filter((value): value is string => Boolean(value)))
    },

    /** A thread started by `author` in a facility's space or (facilityId null) the centre's network; the author follows it. */
    async thread(author: Pick<Person, 'id'>, place: { centreId: string; facilityId: string | null }, input: { title: string; body: string; tags?: string[] }) {
      const { startThread } = await import('~/models/thread.server')
      const { threadId } = await written(() => startThread(author.id, place, { title: input.title, body: input.body, tags: input.tags ?? [], announcement: false }))
      return { id: threadId, title: input.title, path: `/threads/${threadId}` }
    },

    /** The one-click unfollow link a digest e-mail carries for this follower and thread (signed with the server's secret). */
    async unfollowPath(follower: Pick<Person, 'id'>, threadId: string) {
      const { unfollowToken } = await import('~/models/thread-digest.server')
      return `/unfollow/${unfollowToken(follower.id, threadId)}`
    },

    /** The volunteer's photo for the boards, with consent. */
    async photo(volunteer: Pick<Person, 'id'>, colour = '#e76f51') {
      const sharp = (await import('sharp')).default
      const { saveVolunteerPhoto } = await import('~/models/who-comes.server')
      const bytes = await sharp({ create: { width: 600, height: 600, channels: 3, background: colour } }).jpeg().toBuffer()
      const result = await written(() => saveVolunteerPhoto(volunteer.id, bytes))
      if (!result.ok) throw new Error(`The photo was not saved: ${result.reason}`)
    },
  }
}

export type { Match }
