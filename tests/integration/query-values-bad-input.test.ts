// Odd but well-formed query values (and path ids) are a page or a 4xx, never a 500. Every loader
// that reads the query string is in the table below, with the parameters it reads: a new loader
// that reads one is a new row. A thrown error that is not a Response, or a status of 500 or more,
// is a failure; all failures are reported together.
import { beforeAll, describe, expect, test } from 'vitest'
import { getRequest, sessionCookieFor } from '../setup/fixtures'
import { bookingWorld } from '../setup/fixtures-booking'
import { threadsWorld } from '../setup/fixtures-threads'
import * as invitation from '~/routes/_auth+/invitation'
import * as resetPassword from '~/routes/_auth+/reset-password'
import * as verifyEmail from '~/routes/_auth+/verify-email'
import * as calendar from '~/routes/calendar.$token[.]ics'
import * as centreApplication from '~/routes/centre+/applications.$applicationId'
import * as centreAds from '~/routes/centre+/ads._index'
import * as centreApplications from '~/routes/centre+/applications._index'
import * as centreFacilities from '~/routes/centre+/facilities'
import * as centreMatches from '~/routes/centre+/matches._index'
import * as centreVolunteers from '~/routes/centre+/volunteers._index'
import * as centreVolunteersCsv from '~/routes/centre+/volunteers[.]csv'
import * as centreMatchesCsv from '~/routes/centre+/matches[.]csv'
import * as centreReport from '~/routes/centre+/report'
import * as centreReportCsv from '~/routes/centre+/report[.]csv'
import * as facilityEthics from '~/routes/facility+/$facilityId.ethics'
import * as facilityStaff from '~/routes/facility+/$facilityId.staff'
import * as newAd from '~/routes/facility+/ads.new'
import * as followUp from '~/routes/follow-up.$token'
import * as jobPage from '~/routes/jobs+/$jobId'
import * as board from '~/routes/jobs+/_index'
import * as jobsJson from '~/routes/jobs[.]json'
import * as jobsRss from '~/routes/jobs[.]rss'
import * as threadPage from '~/routes/threads+/$threadId'
import * as threadsIndex from '~/routes/threads+/_index'
import * as newThread from '~/routes/threads+/new'
import * as threadSearch from '~/routes/threads+/search'
import * as space from '~/routes/threads+/spaces.$spaceKey'
import * as visitPage from '~/routes/visits+/$visitId'
import * as visits from '~/routes/visits+/_index'
import * as newPlan from '~/routes/visits+/plans.new'
import * as unfollow from '~/routes/unfollow.$token'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

/**
 * Values a person (or a crawler, or a hand-edited bookmark) can put in a URL: years outside
 * 1–9999, impossible months and days, numbers too large for SQLite or JavaScript, negative and
 * fractional numbers, NaN, other digits, control characters, very long strings, injection.
 */
const ODD_VALUES = [
  '',
  '0000-01',
  '9999-12',
  '10000-01',
  '2026-13',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '2026-13-45',
  '+275760-09-13',
  '-000001-01-01',
  '-1',
  '0',
  '1.5',
  '1e308',
  '99999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '0x10',
  ' 7 ',
  '٣',
  'last',
  '[]',
  '{"a":1}',
  '__proto__',
  '\u0000',
  '\r\nSet-Cookie: x=1',
  '\u202e',
  '😀',
  '%',
  '<script>alert(1)</script>',
  '" OR NEAR(',
  'x'.repeat(10_000),
]

type Who = 'anonymous' | 'volunteer' | 'staff' | 'coordinator' | 'threadVolunteer' | 'threadCoordinator'
type Row = {
  name: string
  loader: Loader
  /** The path, with the query every request starts from (e.g. the view that reads `month`). */
  path: (w: World) => string
  params?: (w: World) => Record<string, string>
  /** Query parameters the loader reads; each gets every odd value, alone and repeated. */
  query: string[]
  as: Who[]
}

type World = Awaited<ReturnType<typeof makeWorld>>

async function makeWorld() {
  const booking = await bookingWorld()
  const threads = await threadsWorld('Halsnæs Kommune', 'Allerød Kommune')
  return {
    booking,
    threads,
    cookies: {
      anonymous: undefined,
      volunteer: await sessionCookieFor(booking.volunteer.id),
      staff: await sessionCookieFor(booking.contact.id),
      coordinator: await sessionCookieFor(booking.coordinator.id),
      threadVolunteer: await sessionCookieFor(threads.volunteerHere.id),
      threadCoordinator: await sessionCookieFor(threads.coordinator.id),
    } satisfies Record<Who, string | undefined>,
  }
}

const BOARD = ['q', 'municipality', 'region', 'task', 'weekday', 'frequency', 'targetGroup', 'sort', 'postcode', 'page', 'lng']

const ROWS: Row[] = [
  { name: 'visits (list)', loader: visits.loader as Loader, path: () => '/visits', query: ['view', 'date', 'month', 'lng'], as: ['volunteer', 'staff'] },
  { name: 'visits (week)', loader: visits.loader as Loader, path: () => '/visits?view=week', query: ['date', 'month'], as: ['volunteer', 'staff'] },
  { name: 'visits (month)', loader: visits.loader as Loader, path: () => '/visits?view=month', query: ['month', 'date'], as: ['volunteer', 'staff'] },
  { name: 'job board', loader: board.loader as Loader, path: () => '/jobs', query: BOARD, as: ['anonymous'] },
  { name: 'job board (nearest)', loader: board.loader as Loader, path: () => '/jobs?sort=nearest', query: ['postcode', 'page'], as: ['anonymous'] },
  { name: 'jobs.rss', loader: jobsRss.loader as Loader, path: () => '/jobs.rss', query: [...BOARD, 'lang'], as: ['anonymous'] },
  { name: 'jobs.json', loader: jobsJson.loader as Loader, path: () => '/jobs.json', query: [...BOARD, 'lang'], as: ['anonymous'] },
  { name: 'thread search', loader: threadSearch.loader as Loader, path: () => '/threads/search?q=tablet', query: ['q', 'tag', 'space', 'page'], as: ['threadVolunteer', 'threadCoordinator'] },
  { name: 'threads', loader: threadsIndex.loader as Loader, path: () => '/threads', query: ['all'], as: ['threadVolunteer', 'threadCoordinator'] },
  {
    name: 'thread space',
    loader: space.loader as Loader,
    path: (w) => `/threads/spaces/network-${w.threads.centre.id}`,
    params: (w) => ({ spaceKey: `network-${w.threads.centre.id}` }),
    query: ['tag', 'page'],
    as: ['threadVolunteer'],
  },
  {
    name: 'thread',
    loader: threadPage.loader as Loader,
    path: (w) => `/threads/${w.threads.network.threadId}`,
    params: (w) => ({ threadId: w.threads.network.threadId }),
    query: ['page', 'quote', 'edit'],
    as: ['threadVolunteer', 'threadCoordinator'],
  },
  { name: 'new thread', loader: newThread.loader as Loader, path: () => '/threads/new', query: ['space'], as: ['threadVolunteer'] },
  {
    name: 'facility staff',
    loader: facilityStaff.loader as Loader,
    path: (w) => `/facility/${w.booking.facility.id}/staff`,
    params: (w) => ({ facilityId: w.booking.facility.id }),
    query: ['remove'],
    as: ['staff'],
  },
  {
    name: 'facility ethics',
    loader: facilityEthics.loader as Loader,
    path: (w) => `/facility/${w.booking.facility.id}/ethics`,
    params: (w) => ({ facilityId: w.booking.facility.id }),
    query: ['edit', 'delete'],
    as: ['staff'],
  },
  { name: 'new ad', loader: newAd.loader as Loader, path: () => '/facility/ads/new', query: ['facilityId'], as: ['staff'] },
  { name: 'new plan', loader: newPlan.loader as Loader, path: () => '/visits/plans/new', query: ['matchId'], as: ['staff', 'volunteer'] },
  {
    name: 'centre facilities',
    loader: centreFacilities.loader as Loader,
    path: () => '/centre/facilities',
    query: ['q', 'status', 'municipality', 'openAds', 'activeMatches', 'sort', 'page'],
    as: ['coordinator'],
  },
  {
    name: 'centre volunteers',
    loader: centreVolunteers.loader as Loader,
    path: () => '/centre/volunteers',
    query: ['q', 'noMatch', 'checks', 'paused', 'municipality', 'sort', 'page'],
    as: ['coordinator'],
  },
  {
    name: 'centre matches',
    loader: centreMatches.loader as Loader,
    path: () => '/centre/matches',
    query: ['q', 'state', 'facility', 'municipality', 'quiet', 'sort', 'page'],
    as: ['coordinator'],
  },
  {
    name: 'centre volunteers CSV',
    loader: centreVolunteersCsv.loader as Loader,
    path: () => '/centre/volunteers.csv',
    query: ['q', 'noMatch', 'checks', 'paused', 'municipality', 'sort'],
    as: ['coordinator'],
  },
  {
    name: 'centre matches CSV',
    loader: centreMatchesCsv.loader as Loader,
    path: () => '/centre/matches.csv',
    query: ['q', 'state', 'facility', 'municipality', 'quiet', 'sort'],
    as: ['coordinator'],
  },
  { name: 'centre ads', loader: centreAds.loader as Loader, path: () => '/centre/ads', query: ['q', 'state', 'task', 'municipality', 'sort', 'page'], as: ['coordinator'] },
  {
    name: 'centre applications',
    loader: centreApplications.loader as Loader,
    path: () => '/centre/applications',
    query: ['q', 'waiting', 'municipality', 'sort', 'page'],
    as: ['coordinator'],
  },
  { name: 'results report', loader: centreReport.loader as Loader, path: () => '/centre/report', query: ['from', 'to', 'municipality'], as: ['coordinator'] },
  { name: 'results report CSV', loader: centreReportCsv.loader as Loader, path: () => '/centre/report.csv', query: ['from', 'to', 'municipality'], as: ['coordinator'] },
  { name: 'follow-up', loader: followUp.loader as Loader, path: () => '/follow-up/nope', params: () => ({ token: 'nope' }), query: ['thanks'], as: ['anonymous'] },
  { name: 'reset password', loader: resetPassword.loader as Loader, path: () => '/reset-password', query: ['token'], as: ['anonymous'] },
  { name: 'invitation', loader: invitation.loader as Loader, path: () => '/invitation', query: ['token'], as: ['anonymous'] },
  { name: 'verify e-mail', loader: verifyEmail.loader as Loader, path: () => '/verify-email', query: ['token', 'change'], as: ['anonymous', 'volunteer'] },
]

/** Loaders that read an id or token from the path: every odd value as that path segment. */
const PATH_ROWS: { name: string; loader: Loader; param: string; path: (value: string) => string; as: Who }[] = [
  { name: 'job ad', loader: jobPage.loader as Loader, param: 'jobId', path: (v) => `/jobs/${v}`, as: 'anonymous' },
  { name: 'visit', loader: visitPage.loader as Loader, param: 'visitId', path: (v) => `/visits/${v}`, as: 'volunteer' },
  { name: 'thread', loader: threadPage.loader as Loader, param: 'threadId', path: (v) => `/threads/${v}`, as: 'threadVolunteer' },
  { name: 'thread space', loader: space.loader as Loader, param: 'spaceKey', path: (v) => `/threads/spaces/${v}`, as: 'threadVolunteer' },
  { name: 'application', loader: centreApplication.loader as Loader, param: 'applicationId', path: (v) => `/centre/applications/${v}`, as: 'coordinator' },
  { name: 'facility ethics', loader: facilityEthics.loader as Loader, param: 'facilityId', path: (v) => `/facility/${v}/ethics`, as: 'staff' },
  { name: 'follow-up', loader: followUp.loader as Loader, param: 'token', path: (v) => `/follow-up/${v}`, as: 'anonymous' },
  { name: 'calendar feed', loader: calendar.loader as Loader, param: 'token', path: (v) => `/calendar/${v}.ics`, as: 'anonymous' },
  { name: 'unfollow', loader: unfollow.loader as Loader, param: 'token', path: (v) => `/unfollow/${v}`, as: 'anonymous' },
]

/** Runs a loader as Remix would; returns a description of the failure, or null for a page or a 4xx (a redirect is fine too). */
async function failureOf(loader: Loader, url: string, params: Record<string, string>, cookie: string | undefined) {
  try {
    const response = await loader({ request: getRequest(url, cookie), params, context: {} })
    return response.status >= 500 ? `${response.status}` : null
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status >= 500 ? `threw ${thrown.status}` : null
    return `threw ${thrown instanceof Error ? `${thrown.name}: ${thrown.message.split('\n').filter(Boolean).slice(-1)[0]}` : String(thrown)}`
  }
}

const show = (value: string) => JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…(${value.length})` : value)

let world: World
beforeAll(async () => {
  world = await makeWorld()
})

describe('odd query values are a page or a 4xx, never a 500', () => {
  for (const row of ROWS) {
    test(row.name, async () => {
      const failures: string[] = []
      for (const who of row.as) {
        const base = row.path(world)
        const join = base.includes('?') ? '&' : '?'
        for (const name of row.query) {
          for (const value of ODD_VALUES) {
            const encoded = encodeURIComponent(value)
            const failure = await failureOf(row.loader, `${base}${join}${name}=${encoded}`, row.params?.(world) ?? {}, world.cookies[who])
            if (failure) failures.push(`${who} ${base}${join}${name}=${show(value)}: ${failure}`)
          }
          // The same parameter many times over, odd values and a normal one mixed.
          const repeated = ['2026-03', ...ODD_VALUES.filter((value) => value.length < 100), '1'].map((value) => `${name}=${encodeURIComponent(value)}`).join('&')
          const failure = await failureOf(row.loader, `${base}${join}${repeated}`, row.params?.(world) ?? {}, world.cookies[who])
          if (failure) failures.push(`${who} ${base}${join}${name}=… repeated ${ODD_VALUES.length} times: ${failure}`)
        }
        // Every parameter odd at once, and a query string that is not valid percent-encoding.
        for (const value of ODD_VALUES) {
          const query = row.query.map((name) => `${name}=${encodeURIComponent(value)}`).join('&')
          const failure = await failureOf(row.loader, `${base}${join}${query}`, row.params?.(world) ?? {}, world.cookies[who])
          if (failure) failures.push(`${who} ${base} all=${show(value)}: ${failure}`)
        }
        const broken = await failureOf(row.loader, `${base}${join}${row.query[0]}=%E0%A4%A&${row.query[0]}=%ZZ%`, row.params?.(world) ?? {}, world.cookies[who])
        if (broken) failures.push(`${who} ${base} broken percent-encoding: ${broken}`)
      }
      expect(failures).toEqual([])
    }, 180_000)
  }
})

describe('odd ids in the path are a 404 or a 4xx, never a 500', () => {
  for (const row of PATH_ROWS) {
    test(row.name, async () => {
      const failures: string[] = []
      for (const value of ODD_VALUES.filter(Boolean)) {
        const failure = await failureOf(row.loader, row.path(encodeURIComponent(value)), { [row.param]: value }, world.cookies[row.as])
        if (failure) failures.push(`${row.path(show(value))}: ${failure}`)
      }
      expect(failures).toEqual([])
    })
  }
})
