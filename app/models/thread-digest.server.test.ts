import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { formRequest, getRequest } from '../../tests/setup/fixtures'
import { addPost, createThread, spacesWorld } from '../../tests/setup/fixtures-notify'
import { linkIn, type CaughtMail } from '../../tests/setup/smtp-catcher'
import { smtpCatcherForFile } from '../../tests/setup/smtp-catcher-for-file'
import * as unfollowRoute from '~/routes/unfollow.$token'
import { prisma } from '~/utils/db.server'
import { createMailer, deliverDueMessages } from '~/utils/outbox.server'
import { DIGEST_MAX_POSTS, readUnfollowToken, sendThreadDigests, unfollowToken } from './thread-digest.server'
import { callRoute } from '../../tests/setup/routes'

const FROM = 'Frivilligbro <no-reply@frivilligbro.test>'
const MINUTE = 60_000
const catcher = smtpCatcherForFile()
let mailer: ReturnType<typeof createMailer>

beforeAll(() => {
  mailer = createMailer(catcher.url)
})
beforeEach(async () => {
  catcher.messages.length = 0
  await prisma.outboxMessage.deleteMany()
})

/** A sweep at a given moment, then whatever it queued delivered through real SMTP. */
async function sweep(at: Date) {
  const result = await sendThreadDigests(at)
  await deliverDueMessages({ mailer, from: FROM })
  return result
}
const to = (email: string) => catcher.messages.filter((mail) => mail.to.includes(email.toLowerCase()))

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>
async function call(handler: Handler, request: Request, token: string) {
  return callRoute(handler, request, { token })
}
const tokenIn = (mail: CaughtMail) => new URL(linkIn(mail, '/unfollow/')).pathname.split('/').pop() ?? ''

describe('follower digests', () => {
  test('two posts in 10 minutes make one digest with both; a third waits for the hour; authors hear nothing of their own posts', async () => {
    const w = await spacesWorld()
    const t0 = new Date(Date.now() - 5 * 60 * MINUTE)
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE)
    const thread = await createThread({
      centreId: w.centre.id,
      title: 'Guidet adgang på iPad',
      tags: ['ipad'],
      posts: [{ authorId: w.volunteer.id, body: 'Hvordan slår I guidet adgang til?', at: at(0) }],
    })
    await addPost(thread.id, { authorId: w.staffThere.id, body: 'Under **Indstillinger** → Tilgængelighed.', at: at(1) })
    await addPost(thread.id, { authorId: w.staffThere.id, body: 'Husk også at sætte en kode.', at: at(10) })

    expect(await sweep(at(11))).toMatchObject({ sent: 1 })
    const [first] = to(w.volunteer.email)
    expect(catcher.messages).toHaveLength(1)
    expect(first.subject).toBe('2 nye indlæg i »Guidet adgang på iPad«')
    expect(first.text).toContain('Under Indstillinger → Tilgængelighed.')
    expect(first.text).toContain('Husk også at sætte en kode.')
    expect(first.text).toContain('Tom Der skrev')
    expect(first.text).not.toContain('Hvordan slår I guidet adgang til?') // their own post
    expect(linkIn(first, `/threads/${thread.id}`)).toBe(`http://localhost:3000/threads/${thread.id}`)
    expect(readUnfollowToken(tokenIn(first))).toEqual({ userId: w.volunteer.id, threadId: thread.id })

    // Nothing new: nothing sent, however often the sweep runs.
    expect(await sweep(at(12))).toMatchObject({ sent: 0 })
    await addPost(thread.id, { authorId: w.coordinator.id, body: 'Vi har en vejledning på centret.', at: at(40) })
    await sweep(at(41))
    expect(to(w.volunteer.email)).toHaveLength(1)
    // Tom follows since his reply and reads English: he hears of the coordinator's post at once.
    const [tom] = to(w.staffThere.email)
    expect(tom.subject).toBe('A new post in “Guidet adgang på iPad”')
    expect(tom.text).toContain('Karin Koordinator wrote on')
    await sweep(at(70))
    expect(to(w.volunteer.email)).toHaveLength(1)

    // An hour after the first digest: one more, with only what came since.
    await sweep(at(72))
    const volunteerMails = to(w.volunteer.email)
    expect(volunteerMails).toHaveLength(2)
    expect(volunteerMails[1].subject).toBe('Nyt indlæg i »Guidet adgang på iPad«')
    expect(volunteerMails[1].text).toContain('Vi har en vejledning på centret.')
    expect(volunteerMails[1].text).not.toContain('Husk også')
    expect(to(w.coordinator.email)).toHaveLength(0)
    expect(catcher.messages).toHaveLength(3)
  })

  test('the unfollow link works signed out: GET only asks, POST stops the digests, and it cannot unfollow anyone else', async () => {
    const w = await spacesWorld()
    const t0 = new Date(Date.now() - 5 * 60 * MINUTE)
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE)
    const thread = await createThread({ centreId: w.centre.id, title: 'Svindel-sms’er', posts: [{ authorId: w.volunteer.id, body: 'Hvad gør I?', at: at(0) }] })
    await addPost(thread.id, { authorId: w.staffThere.id, body: 'Vi øver med falske beskeder.', at: at(5) })
    await sweep(at(6))
    const token = tokenIn(to(w.volunteer.email)[0])
    const path = `/unfollow/${token}`
    const following = () => prisma.threadSubscription.count({ where: { userId: w.volunteer.id, threadId: thread.id } })

    const page = await call(unfollowRoute.loader as Handler, getRequest(path), token)
    expect(page.status).toBe(200)
    expect(await following()).toBe(1) // a mail scanner opening the link changes nothing

    // Someone else's follow cannot be touched: a forged or altered link is a 404 and changes nothing.
    const tomsToken = unfollowToken(w.staffThere.id, thread.id)
    const forged = `${w.staffThere.id}.${thread.id}.${token.split('.')[2]}`
    for (const bad of [forged, `${tomsToken.slice(0, -2)}xx`, 'nonsense', `${w.volunteer.id}.${thread.id}`, '..', `${token}.extra`]) {
      expect((await call(unfollowRoute.loader as Handler, getRequest(`/unfollow/${bad}`), bad)).status).toBe(404)
      expect((await call(unfollowRoute.action as Handler, formRequest(`/unfollow/${bad}`, { intent: 'unfollow' }), bad)).status).toBe(404)
    }
    expect(await prisma.threadSubscription.count({ where: { userId: w.staffThere.id, threadId: thread.id } })).toBe(1)
    expect((await call(unfollowRoute.action as Handler, formRequest(path, { intent: 'delete-everything' }), token)).status).toBe(400)

    const done = await call(unfollowRoute.action as Handler, formRequest(path, { intent: 'unfollow' }), token)
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe(path)
    expect(await following()).toBe(0)
    expect(await prisma.auditLog.count({ where: { action: 'thread.unfollowed', entityId: thread.id, actorId: w.volunteer.id } })).toBe(1)
    // Doing it twice is harmless.
    expect((await call(unfollowRoute.action as Handler, formRequest(path, { intent: 'unfollow' }), token)).status).toBe(302)

    await addPost(thread.id, { authorId: w.staffThere.id, body: 'Og vi taler om det hver uge.', at: at(80) })
    await sweep(at(81))
    expect(to(w.volunteer.email)).toHaveLength(1)

    // "Follow again" from the same page: digests resume with what comes after.
    expect((await call(unfollowRoute.action as Handler, formRequest(path, { intent: 'follow' }), token)).status).toBe(302)
    await prisma.threadSubscription.update({ where: { userId_threadId: { userId: w.volunteer.id, threadId: thread.id } }, data: { createdAt: at(82) } })
    await addPost(thread.id, { authorId: w.staffThere.id, body: 'Nyt fra os.', at: at(90) })
    await sweep(at(91))
    const mails = to(w.volunteer.email)
    expect(mails).toHaveLength(2)
    expect(mails[1].text).toContain('Nyt fra os.')
    expect(mails[1].text).not.toContain('hver uge')
  })

  test('nothing for followers who lost access, who are deactivated, or about hidden posts; the list is capped', async () => {
    const w = await spacesWorld()
    const t0 = new Date(Date.now() - 5 * 60 * MINUTE)
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE)
    // A facility thread the matched volunteer follows.
    const facilityThread = await createThread({
      centreId: w.centre.id,
      facilityId: w.here.id,
      title: 'Tablets i fællesstuen',
      posts: [{ authorId: w.volunteer.id, body: 'Hvor står opladeren?', at: at(0) }],
    })
    await prisma.match.update({ where: { id: w.match.id }, data: { status: 'ended', endedAt: at(1), endReason: 'Flyttet' } })
    await addPost(facilityThread.id, { authorId: w.staffHere.id, body: 'I skabet ved døren.', at: at(2) })
    expect(await sweep(at(3))).toMatchObject({ sent: 0, noAccess: 1 })
    // Asked once; not again within the hour.
    expect(await sweep(at(4))).toMatchObject({ sent: 0, noAccess: 0, checked: 0 })

    // A deactivated follower of a network thread.
    const network = await createThread({ centreId: w.centre.id, title: 'MitID-hjælp', posts: [{ authorId: w.unmatched.id, body: 'Hvor går grænsen?', at: at(0) }] })
    await prisma.user.update({ where: { id: w.unmatched.id }, data: { deactivatedAt: at(1) } })
    await addPost(network.id, { authorId: w.staffHere.id, body: 'Ved koden.', at: at(2) })
    // A hidden post only: nothing to tell.
    const quiet = await createThread({ centreId: w.centre.id, title: 'Billeder', posts: [{ authorId: w.volunteer.id, body: 'Må vi dele?', at: at(0) }] })
    await addPost(quiet.id, { authorId: w.staffHere.id, body: 'Beboeren Birthe på billedet.', at: at(2), hidden: true })
    await sweep(at(5))
    expect(catcher.messages).toHaveLength(0)

    // Hidden posts are left out of a digest; more than the cap are counted, not listed.
    await addPost(quiet.id, { authorId: w.coordinator.id, body: 'Kun med samtykke.', at: at(6) })
    for (let i = 0; i < DIGEST_MAX_POSTS + 2; i++) await addPost(quiet.id, { authorId: w.staffThere.id, body: `Svar nummer ${i}.`, at: at(7 + i) })
    await sweep(at(30))
    const mails = to(w.volunteer.email)
    expect(mails).toHaveLength(1)
    const [mail] = mails
    expect(mail.subject).toBe(`${DIGEST_MAX_POSTS + 3} nye indlæg i »Billeder«`)
    expect(mail.text).toContain('Kun med samtykke.')
    expect(mail.text).not.toContain('Birthe')
    expect(mail.text).toContain('… og 3 indlæg mere.')
  })

  test('sweeps at once render the same digest; one claims the subscription and sends it, the others drop theirs', async () => {
    const w = await spacesWorld()
    const t0 = new Date(Date.now() - 60 * MINUTE)
    const thread = await createThread({ centreId: w.centre.id, title: 'Skærmlæser', posts: [{ authorId: w.volunteer.id, body: 'Hvem kender VoiceOver?', at: t0 }] })
    await addPost(thread.id, { authorId: w.staffHere.id, body: 'Det gør jeg.', at: new Date(t0.getTime() + MINUTE) })
    const now = new Date(t0.getTime() + 2 * MINUTE)
    const results = await Promise.all([sweep(now), sweep(now), sweep(now)])
    // Every sweep found the follower due (and so rendered the digest); one of them sent it.
    expect(results.map((r) => r.checked)).toEqual([1, 1, 1])
    expect(results.map((r) => r.sent).sort()).toEqual([0, 0, 1])
    expect(to(w.volunteer.email).map((mail) => mail.subject)).toEqual(['Nyt indlæg i »Skærmlæser«'])
    expect(await sweep(new Date(now.getTime() + 1000))).toMatchObject({ checked: 0, sent: 0 })
  })
})
