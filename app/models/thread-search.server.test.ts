import { describe, expect, test } from 'vitest'
import { createThread, addPost, spacesWorld } from '../../tests/setup/fixtures-notify'
import { prisma } from '~/utils/db.server'
import type { Role } from '~/utils/domain'
import { buildActor } from '~/utils/permissions.server'
import { spacesFor } from './space.server'
import { searchThreads, searchableSpaces, snippetParts, threadSearchFromUrl } from './thread-search.server'

async function spacesOf(user: { id: string; role: string; centreId: string | null }) {
  return spacesFor(await buildActor({ id: user.id, role: user.role as Role, centreId: user.centreId }))
}

function search(query: string) {
  return threadSearchFromUrl(new URLSearchParams(query))
}

const titles = (result: Awaited<ReturnType<typeof searchThreads>>) => result.results.map((r) => r.title).sort()

describe('thread search', () => {
  test('a volunteer finds threads of their network and their matched facility, never another facility’s; an ended match loses that space', async () => {
    const w = await spacesWorld()
    await createThread({ centreId: w.centre.id, title: 'Netværk: videoopkald', posts: [{ authorId: w.coordinator.id, body: 'Zoom eller Messenger til videoopkald?' }] })
    await createThread({ centreId: w.centre.id, facilityId: w.here.id, title: 'Her: videoopkald', posts: [{ authorId: w.staffHere.id, body: 'Vores iPad til videoopkald.' }] })
    await createThread({ centreId: w.centre.id, facilityId: w.there.id, title: 'Der: videoopkald', posts: [{ authorId: w.staffThere.id, body: 'Hemmeligt om videoopkald hos os.' }] })

    expect(titles(await searchThreads(await spacesOf(w.volunteer), search('q=videoopkald')))).toEqual(['Her: videoopkald', 'Netværk: videoopkald'])
    // The words of the other facility's thread find nothing at all for this volunteer.
    expect((await searchThreads(await spacesOf(w.volunteer), search('q=hemmeligt'))).total).toBe(0)
    // Not even by naming that facility's space in the URL.
    expect((await searchThreads(await spacesOf(w.volunteer), search(`q=videoopkald&space=facility:${w.there.id}`))).total).toBe(0)
    expect(titles(await searchThreads(await spacesOf(w.unmatched), search('q=videoopkald')))).toEqual(['Netværk: videoopkald'])
    expect(titles(await searchThreads(await spacesOf(w.staffThere), search('q=videoopkald')))).toEqual(['Der: videoopkald', 'Netværk: videoopkald'])
    expect((await searchThreads(await spacesOf(w.coordinator), search('q=videoopkald'))).total).toBe(3)

    // The space choices: exactly the spaces each one is in.
    expect((await searchableSpaces(await spacesOf(w.unmatched))).map((s) => s.value)).toEqual([`network:${w.centre.id}`])
    expect((await searchableSpaces(await spacesOf(w.volunteer))).map((s) => s.value)).toEqual([`network:${w.centre.id}`, `facility:${w.here.id}`])
    expect((await searchableSpaces(await spacesOf(w.coordinator))).map((s) => s.value).sort()).toEqual(
      [`network:${w.centre.id}`, `facility:${w.here.id}`, `facility:${w.there.id}`].sort(),
    )

    await prisma.match.update({ where: { id: w.match.id }, data: { status: 'ended', endedAt: new Date() } })
    expect(titles(await searchThreads(await spacesOf(w.volunteer), search('q=videoopkald')))).toEqual(['Netværk: videoopkald'])
  })

  test('a hidden post’s text is found by nobody, coordinators included; unhiding and editing re-index the thread', async () => {
    const w = await spacesWorld()
    const thread = await createThread({
      centreId: w.centre.id,
      title: 'Spotify i fællesstuen',
      posts: [{ authorId: w.volunteer.id, body: 'Vi lytter til musik om fredagen.' }],
    })
    const hidden = await addPost(thread.id, { authorId: w.staffHere.id, body: 'Beboeren Birthe elsker Kim Larsen.' })
    const volunteer = await spacesOf(w.volunteer)
    expect((await searchThreads(volunteer, search('q=birthe'))).total).toBe(1)

    await prisma.post.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenById: w.coordinator.id, hiddenReason: 'identificerer en beboer' } })
    for (const user of [w.volunteer, w.staffHere, w.coordinator]) {
      expect((await searchThreads(await spacesOf(user), search('q=birthe'))).total).toBe(0)
    }
    // The rest of the thread is still found.
    expect((await searchThreads(volunteer, search('q=fredagen'))).total).toBe(1)

    await prisma.post.update({ where: { id: hidden.id }, data: { hiddenAt: null } })
    expect((await searchThreads(volunteer, search('q=birthe'))).total).toBe(1)

    // An edit replaces the old words; a new title is found by its words.
    await prisma.post.update({ where: { id: hidden.id }, data: { body: 'En beboer kan godt lide dansk musik.', editedAt: new Date() } })
    expect((await searchThreads(volunteer, search('q=birthe'))).total).toBe(0)
    expect((await searchThreads(volunteer, search('q=dansk musik'))).total).toBe(1)
    await prisma.thread.update({ where: { id: thread.id }, data: { title: 'Musiktjenester' } })
    expect((await searchThreads(volunteer, search('q=musiktjenester'))).total).toBe(1)
    expect((await searchThreads(volunteer, search('q=spotify'))).total).toBe(0)

    // Deleting a post or the thread leaves nothing behind in the index.
    await prisma.post.delete({ where: { id: hidden.id } })
    expect((await searchThreads(volunteer, search('q=dansk'))).total).toBe(0)
    await prisma.thread.delete({ where: { id: thread.id } })
    expect((await searchThreads(volunteer, search('q=fredagen'))).total).toBe(0)
    const [left] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*) AS "n" FROM "ThreadSearchDoc" WHERE "threadId" = ${thread.id}`
    expect(Number(left.n)).toBe(0)
  })

  test('æ, ø and å are letters of their own; words are prefixes and case does not matter; hostile input never breaks the query', async () => {
    const w = await spacesWorld()
    await createThread({ centreId: w.centre.id, title: 'Tablet i køkkenet', posts: [{ authorId: w.volunteer.id, body: 'Opskrifter på YouTube mens vi laver mad.' }] })
    await createThread({ centreId: w.centre.id, title: 'Kokken fra tv', posts: [{ authorId: w.volunteer.id, body: 'Et program med en kendt kok.' }] })
    await createThread({ centreId: w.centre.id, title: 'Svindel-sms’er på Græsted-egnen', posts: [{ authorId: w.volunteer.id, body: 'Pas på links i **sms’er**.' }] })
    const spaces = await spacesOf(w.volunteer)
    const threadsBefore = await prisma.thread.count()

    expect(titles(await searchThreads(spaces, search('q=køkken')))).toEqual(['Tablet i køkkenet'])
    expect(titles(await searchThreads(spaces, search('q=kokken')))).toEqual(['Kokken fra tv'])
    expect(titles(await searchThreads(spaces, search('q=KØK')))).toEqual(['Tablet i køkkenet'])
    expect(titles(await searchThreads(spaces, search('q=græsted')))).toEqual(['Svindel-sms’er på Græsted-egnen'])
    expect((await searchThreads(spaces, search('q=grasted'))).total).toBe(0)
    // Every word is required.
    expect((await searchThreads(spaces, search('q=youtube kokken'))).total).toBe(0)

    for (const hostile of ['"', 'NEAR(', '*', 'OR', 'title:', ')', 'køk" OR "', "'; DROP TABLE \"Thread\"; --", '^', '-', 'a'.repeat(500), '\u0002\u0003']) {
      const result = await searchThreads(spaces, search(`q=${encodeURIComponent(hostile)}`))
      expect(result.page).toBe(1)
    }
    expect(await prisma.thread.count()).toBe(threadsBefore)
  })

  test('results: a plain-text snippet with the hit, space name, tag and space filters, latest activity first, pages', async () => {
    const w = await spacesWorld()
    const start = Date.now() - 100 * 60_000
    for (let i = 0; i < 23; i++) {
      await createThread({
        centreId: w.centre.id,
        facilityId: i % 2 ? w.here.id : null,
        title: `Tråd ${String(i).padStart(2, '0')}`,
        tags: i % 3 === 0 ? ['ipad', 'video_calls'] : ['android'],
        posts: [{ authorId: w.staffHere.id, body: `Lang indledning om alt muligt andet først. **Opladning** af tablets er nummer ${i}. <script>alert(1)</script>`, at: new Date(start + i * 60_000) }],
      })
    }
    const spaces = await spacesOf(w.staffHere)
    const first = await searchThreads(spaces, search('q=opladning'))
    expect(first).toMatchObject({ total: 23, pages: 2, page: 1 })
    expect(first.results).toHaveLength(20)
    expect(first.results[0].title).toBe('Tråd 22')
    expect(first.results[0].space).toEqual({ kind: 'network', name: w.centre.name })
    expect(first.results[1].space).toEqual({ kind: 'facility', name: w.here.name })
    const snippet = first.results[0].snippet
    expect(snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['Opladning'])
    expect(snippet.map((part) => part.text).join('')).not.toContain('**')
    const second = await searchThreads(spaces, search('q=opladning&page=2'))
    expect(second.results.map((r) => r.title)).toEqual(['Tråd 02', 'Tråd 01', 'Tråd 00'])

    expect((await searchThreads(spaces, search('q=opladning&tag=ipad'))).total).toBe(8)
    expect((await searchThreads(spaces, search(`q=opladning&space=facility:${w.here.id}`))).total).toBe(11)
    expect((await searchThreads(spaces, search(`tag=ipad&space=network:${w.centre.id}`))).total).toBe(4)
    // A tag alone lists threads with the opening of their first post.
    const byTag = await searchThreads(spaces, search('tag=ipad'))
    expect(byTag.results[0].snippet[0].text).toMatch(/^Lang indledning/)
    // Unknown values are ignored rather than failing; no search at all shows no results.
    expect((await searchThreads(spaces, search('q=opladning&tag=nonsense&space=x&page=-4'))).total).toBe(23)
    expect((await searchThreads(spaces, search(''))).total).toBe(0)
  })

  test('snippet parts keep text as text', () => {
    expect(snippetParts('før \u0002hit\u0003 efter\n- punkt **fed**')).toEqual([
      { text: 'før ', hit: false },
      { text: 'hit', hit: true },
      { text: ' efter punkt fed', hit: false },
    ])
  })
})
