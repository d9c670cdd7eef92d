// Control characters posted to representative forms: a 400 with the message next to the field, the
// typed text sent back, and nothing saved. (The writers of .ics and feeds defend themselves too:
// tests/integration/file-formats-fuzz.test.ts.)
import { afterEach, describe, expect, test } from 'vitest'
import { formRequest, sessionCookieFor } from '../setup/fixtures'
import { adWorld } from '../setup/fixtures-ads'
import { matchingWorld, recordValidCheck } from '../setup/fixtures-matching'
import { threadsWorld } from '../setup/fixtures-threads'
import { createVolunteer } from '../setup/fixtures-volunteer'
import * as application from '~/routes/centre+/applications.$applicationId'
import * as newAd from '~/routes/facility+/ads.new'
import * as settings from '~/routes/settings+/_index'
import * as newThread from '~/routes/threads+/new'
import * as threadPage from '~/routes/threads+/$threadId'
import * as profile from '~/routes/volunteer+/profile'
import * as signup from '~/routes/_auth+/signup'
import { prisma } from '~/utils/db.server'
import { formatInZone } from '~/utils/dates'
import { resetRateLimits } from '~/utils/rate-limit.server'
import { afterResponseWorkDone } from '~/utils/after-response.server'
import { callRoute } from '../setup/routes'

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>
type Body = { fieldErrors: Record<string, string[] | undefined>; formError?: string; values: Record<string, unknown> }

async function post(handler: Handler, request: Request, params: Record<string, string> = {}) {
  return callRoute(handler, request, params, { clientIp: '10.9.8.7' })
}

afterEach(() => resetRateLimits())

/** What breaks a one-line field: line breaks (the .ics injection), NUL, other C0/C1 controls, DEL, separators, a bidi override. */
const ONE_LINE_BREAKERS = [
  'Aisha\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:X',
  'Aisha\nHansen',
  'Aisha\rHansen',
  'Aisha\u0000',
  'Aisha\tHansen',
  'Aisha\u001b[31m',
  'Aisha\u007f',
  'Aisha\u0085',
  'Aisha\u2028Hansen',
  'Aisha\u202eevil',
  'Aisha\u2066x\u2069',
]
/** What a multi-line field still refuses: NUL and the other controls, but not line breaks or tabs. */
const MULTI_LINE_BREAKERS = ['Hej\u0000', 'Hej\u0007 med dig', 'Hej\u000b', 'Hej\u001b[2J', 'Hej\u007f', 'Hej\u009b']

describe('one-line fields refuse control characters with the message next to the field; nothing is saved', () => {
  test('sign-up: the name (the .ics injection of the issue)', async () => {
    for (const name of ONE_LINE_BREAKERS) {
      const response = await post(signup.action as Handler, formRequest('/signup', { name, email: 'aisha@example.test', password: 'a long enough password', consent: 'on' }))
      expect(response.status, JSON.stringify(name)).toBe(400)
      const body = (await response.json()) as Body
      expect(body.fieldErrors).toEqual({ name: ['validation.oneLine'] })
      expect(body.values.name).toBe(name)
      expect(body.values.email).toBe('aisha@example.test')
    }
    expect(await prisma.user.count({ where: { email: 'aisha@example.test' } })).toBe(0)
    // The same person without the control characters signs up fine; emoji and accents are welcome.
    const fine = await post(signup.action as Handler, formRequest('/signup', { name: 'Aisha Ødegård-Hansen 🌻', email: 'aisha@example.test', password: 'a long enough password', consent: 'on' }))
    expect(fine.status).toBe(302)
    await afterResponseWorkDone()
    expect((await prisma.user.findUniqueOrThrow({ where: { email: 'aisha@example.test' } })).name).toBe('Aisha Ødegård-Hansen 🌻')
  })

  test('settings: the name; the message is the only one even when the text is also too long', async () => {
    const volunteer = await createVolunteer({ name: 'Mette' })
    const cookie = await sessionCookieFor(volunteer.id)
    const response = await post(settings.action as Handler, formRequest('/settings', { intent: 'profile', name: `${'x'.repeat(200)}\n`, phone: '', locale: 'da' }, { cookie }))
    expect(response.status).toBe(400)
    expect(((await response.json()) as Body).fieldErrors.name).toEqual(['validation.oneLine'])
    expect((await prisma.user.findUniqueOrThrow({ where: { id: volunteer.id } })).name).toBe('Mette')
  })

  test('volunteer profile: the employer (one line) and the bio (several lines, but no NUL)', async () => {
    const volunteer = await createVolunteer()
    const cookie = await sessionCookieFor(volunteer.id)
    const before = await prisma.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } })
    for (const [employer, bio] of ONE_LINE_BREAKERS.map((value, i) => [value, MULTI_LINE_BREAKERS[i % MULTI_LINE_BREAKERS.length]])) {
      const response = await post(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'save', employer, bio, languages: ['da'] }, { cookie }))
      expect(response.status).toBe(400)
      const body = (await response.json()) as Body
      expect(body.fieldErrors.employer, JSON.stringify(employer)).toEqual(['validation.oneLine'])
      expect(body.fieldErrors.bio, JSON.stringify(bio)).toEqual(['validation.controlCharacters'])
      expect(body.values).toMatchObject({ employer, bio })
    }
    expect((await prisma.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } })).updatedAt).toEqual(before.updatedAt)
    // Line breaks (as a browser sends them from a text area) and tabs belong in a bio.
    const fine = await post(profile.action as Handler, formRequest('/volunteer/profile', { intent: 'save', employer: 'Netcompany', bio: 'Pensioneret.\r\n\r\nJeg kan:\t- iPad\n\t- Android', languages: ['da'] }, { cookie }))
    expect(fine.status).toBe(302)
    expect((await prisma.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } })).bio).toBe('Pensioneret.\r\n\r\nJeg kan:\t- iPad\n\t- Android')
  })

  test('ad builder: the title, the target group and the description', async () => {
    const w = await adWorld()
    const cookie = await sessionCookieFor(w.leader.id)
    const inAWeek = formatInZone(Date.now() + 7 * 86_400_000, 'yyyy-MM-dd', 'da')
    const base = { facilityId: w.facility.id, intent: 'save', frequency: 'weekly', volunteersWanted: '1', startDate: inAWeek }
    for (const title of ONE_LINE_BREAKERS) {
      const response = await post(newAd.action as Handler, formRequest('/facility/ads/new', { ...base, title, targetGroup: title, description: 'Linje 1\nLinje 2\u0000' }, { cookie }))
      expect(response.status, JSON.stringify(title)).toBe(400)
      const body = (await response.json()) as Body
      expect(body.fieldErrors).toMatchObject({ title: ['validation.oneLine'], targetGroup: ['validation.oneLine'], description: ['validation.controlCharacters'] })
      expect(body.values.title).toBe(title)
    }
    expect(await prisma.jobAd.count({ where: { facilityId: w.facility.id } })).toBe(0)
  })

  test('threads: the title of a new thread, and a reply body with NUL', async () => {
    const world = await threadsWorld()
    const cookie = await sessionCookieFor(world.volunteerHere.id)
    const space = `network-${world.centre.id}`
    const before = await prisma.thread.count()
    for (const title of ONE_LINE_BREAKERS) {
      const response = await post(newThread.action as Handler, formRequest('/threads/new', { space, title, body: 'Hvad bruger I?\n\nVi bruger Spotify.', tags: ['spotify'] }, { cookie }))
      expect(response.status, JSON.stringify(title)).toBe(400)
      const body = (await response.json()) as Body
      expect(body.fieldErrors).toEqual({ title: ['validation.oneLine'] })
      expect(body.values).toMatchObject({ title, body: 'Hvad bruger I?\n\nVi bruger Spotify.' })
    }
    expect(await prisma.thread.count()).toBe(before)

    const posts = await prisma.post.count({ where: { threadId: world.network.threadId } })
    for (const text of MULTI_LINE_BREAKERS) {
      const reply = await post(threadPage.action as Handler, formRequest(`/threads/${world.network.threadId}`, { intent: 'reply', body: text }, { cookie }), { threadId: world.network.threadId })
      expect(reply.status).toBe(400)
      expect(((await reply.json()) as Body).fieldErrors.body).toEqual(['validation.controlCharacters'])
    }
    expect(await prisma.post.count({ where: { threadId: world.network.threadId } })).toBe(posts)
  })

  test('approving a match: the intro meeting place, which goes into the .ics sent to both parties', async () => {
    const world = await matchingWorld()
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const cookie = await sessionCookieFor(world.coordinator.id)
    const inAWeek = formatInZone(Date.now() + 7 * 86_400_000, 'yyyy-MM-dd', 'da')
    const place = 'Fællesstuen\r\nEND:VEVENT\r\nBEGIN:VEVENT'
    const response = await post(
      application.action as Handler,
      formRequest(`/centre/applications/${world.application.id}`, { intent: 'approve', introDate: inAWeek, introTime: '15:00', introPlace: place }, { cookie }),
      { applicationId: world.application.id },
    )
    expect(response.status).toBe(400)
    const body = (await response.json()) as Body
    expect(body.fieldErrors.introPlace).toEqual(['validation.oneLine'])
    expect(body.values.introPlace).toBe(place)
    expect(await prisma.match.count({ where: { applicationId: world.application.id } })).toBe(0)
    expect(await prisma.outboxMessage.count({ where: { template: 'match-approved' } })).toBe(0)
  })
})
