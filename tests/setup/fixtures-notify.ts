import { prisma } from '~/utils/db.server'
import { addStaff, createCentre, createFacility, createUser } from './fixtures'
import { createAd, createVolunteer } from './fixtures-matching'

/**
 * A thread with posts, written as the threads model does it (thread, posts in order, postCount
 * and lastPostAt, followers: the author of each post). The FTS triggers index it on their own.
 */
export async function createThread(data: {
  centreId: string
  facilityId?: string | null
  title: string
  tags?: string[]
  posts: { authorId: string; body: string; at?: Date; hidden?: boolean }[]
}) {
  const first = data.posts[0]
  const start = first.at ?? new Date()
  const thread = await prisma.thread.create({
    data: {
      centreId: data.centreId,
      facilityId: data.facilityId ?? null,
      title: data.title,
      tags: JSON.stringify(data.tags ?? []),
      authorId: first.authorId,
      createdAt: start,
      lastPostAt: start,
    },
  })
  const posts = []
  for (const post of data.posts) posts.push(await addPost(thread.id, post))
  return { ...thread, posts }
}

/** A reply, as the threads model writes it: the post, the thread's counters, the author follows. */
export async function addPost(threadId: string, post: { authorId: string; body: string; at?: Date; hidden?: boolean }) {
  const at = post.at ?? new Date()
  const created = await prisma.post.create({
    data: { threadId, authorId: post.authorId, body: post.body, createdAt: at, hiddenAt: post.hidden ? at : null },
  })
  await prisma.thread.update({ where: { id: threadId }, data: { postCount: { increment: 1 }, lastPostAt: at } })
  await prisma.threadSubscription.upsert({
    where: { userId_threadId: { userId: post.authorId, threadId } },
    create: { userId: post.authorId, threadId, createdAt: at },
    update: {},
  })
  return created
}

/**
 * A centre (Halsnæs) with a coordinator, two facilities with a staff member each, a volunteer
 * matched at the first facility, and a volunteer of the same centre matched nowhere.
 */
export async function spacesWorld() {
  const centre = await createCentre(['Halsnæs Kommune'])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Karin Koordinator' })
  const here = await createFacility('Halsnæs Kommune')
  const there = await createFacility('Halsnæs Kommune')
  const staffHere = await createUser('facility_staff', { name: 'Hanne Her' })
  await addStaff(here.id, staffHere.id)
  const staffThere = await createUser('facility_staff', { name: 'Tom Der', locale: 'en' })
  await addStaff(there.id, staffThere.id)
  const volunteer = await createVolunteer('Halsnæs Kommune', { name: 'Vera Frivillig' })
  const ad = await createAd(here, staffHere.id)
  const match = await prisma.match.create({ data: { jobAdId: ad.id, facilityId: here.id, volunteerId: volunteer.id, status: 'active' } })
  const unmatched = await createVolunteer('Halsnæs Kommune', { name: 'Ulla Umatchet' })
  return { centre, coordinator, here, there, staffHere, staffThere, volunteer, match, unmatched }
}
