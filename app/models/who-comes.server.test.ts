import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { addStaff, createCentre, createFacility, createUser, getRequest, sessionCookieFor } from '../../tests/setup/fixtures'
import { createAd, createVolunteer } from '../../tests/setup/fixtures-matching'
import { callRoute, type RouteHandler } from '../../tests/setup/routes'
import { PosterView, ScreenView, type PosterData, type ScreenData } from '~/components/who-comes'
import * as posterRoute from '~/routes/facility+/$facilityId.who-comes_.poster'
import * as manageRoute from '~/routes/facility+/$facilityId.who-comes'
import * as photoRoute from '~/routes/photos.$photoId'
import * as screenRoute from '~/routes/who-comes.$token'
import * as screenPhotoRoute from '~/routes/who-comes_.$token.photo.$photoId'
import * as uploadRoute from '~/routes/volunteer+/photo'
import { bodyLimitFor, MAX_FORM_BYTES } from '~/server/body-limit'
import { prisma } from '~/utils/db.server'
import { getFixedT, i18nInstance } from '~/utils/i18n.server'
import { addDays, copenhagenDate, mondayOf, wallClockInstant } from '~/utils/time'
import { MAX_PHOTO_BYTES } from '~/utils/who-comes'
import { regenerateWhoComesToken, saveVolunteerPhoto } from './who-comes.server'

const handler = (route: { loader?: unknown; action?: unknown }, kind: 'loader' | 'action') => route[kind] as RouteHandler

/** A square photo with a camera's EXIF and a GPS position in it, as a phone would send it. */
async function phonePhoto(colour = '#3a7bd5') {
  return sharp({ create: { width: 900, height: 600, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Spyphone 9', Copyright: 'Hemmelig Fotograf' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 0/1' },
    })
    .toBuffer()
}

/**
 * A facility with a leader, two volunteers with an active match (full names, phones and e-mails
 * that the board must never show) and visits today, tomorrow and next week; one of today's is
 * cancelled. A second facility has its own volunteer, visit and screen address.
 */
async function boardWorld() {
  const place = 'Gribskov Kommune'
  const centre = await createCentre([place])
  const coordinator = await createUser('coordinator', { centreId: centre.id, name: 'Karin Koordinator' })
  const facility = await createFacility(place)
  const leader = await createUser('facility_staff', { name: 'Lene Lederhemmelig', email: `lene-${facility.id}@example.test` })
  await prisma.user.update({ where: { id: leader.id }, data: { phone: '48 11 22 33' } })
  await addStaff(facility.id, leader.id, 'leader')
  const ad = await createAd(facility, leader.id, { tasks: ['video_calls', 'photos'] })
  const frederikke = await createVolunteer(place, { name: 'Frederikke Hemmeligsen Østergaard', email: `frederikke.hemmelig-${facility.id}@example.test`, phone: '61 23 45 67' })
  const anne = await createVolunteer(place, { name: 'Anne-Mette Skjultved', email: `anne.skjult-${facility.id}@example.test`, phone: '+45 29 87 65 43' })
  const match = (volunteerId: string, at: { id: string } = facility, jobAdId = ad.id) =>
    prisma.match.create({ data: { jobAdId, facilityId: at.id, volunteerId, status: 'active', approvedAt: new Date(), approvedById: coordinator.id } })
  const frederikkeMatch = await match(frederikke.id)
  const anneMatch = await match(anne.id)

  const today = copenhagenDate()
  const visit = (volunteerId: string, matchId: string, localDate: string, from: string, to: string, data: Record<string, unknown> = {}, at: { id: string } = facility) =>
    prisma.visit.create({
      data: { matchId, facilityId: at.id, volunteerId, localDate, startsAt: wallClockInstant(localDate, from), endsAt: wallClockInstant(localDate, to), status: 'planned', ...data },
    })
  const todayVisit = await visit(frederikke.id, frederikkeMatch.id, today, '10:00', '11:30')
  const cancelledToday = await visit(anne.id, anneMatch.id, today, '14:00', '16:00', {
    status: 'cancelled',
    cancelledById: anne.id,
    cancelReason: 'Syg – ring 29 87 65 43',
    cancelledAt: new Date(),
  })
  const tomorrow = await visit(anne.id, anneMatch.id, addDays(today, 1), '14:00', '16:00')
  const nextWeek = await visit(frederikke.id, frederikkeMatch.id, addDays(mondayOf(today), 8), '15:00', '17:00', { helpedWith: JSON.stringify(['music_streaming']) })

  const other = await createFacility(place)
  const otherLeader = await createUser('facility_staff', { name: 'Ole Andenleder' })
  await addStaff(other.id, otherLeader.id, 'leader')
  const otherAd = await createAd(other, otherLeader.id, { title: 'Spilcafé', tasks: ['games'] })
  const gorm = await createVolunteer(place, { name: 'Gorm Andetsteds', email: `gorm-${other.id}@example.test` })
  const gormMatch = await match(gorm.id, other, otherAd.id)
  await visit(gorm.id, gormMatch.id, today, '12:00', '13:00', {}, other)

  return { facility, leader, coordinator, frederikke, anne, frederikkeMatch, anneMatch, todayVisit, cancelledToday, tomorrow, nextWeek, other, otherLeader, gorm }
}

/** What the screen shows at an address: the loader's JSON and the page rendered to HTML (Danish). */
async function screenAt(token: string) {
  const response = await callRoute(handler(screenRoute, 'loader'), getRequest(`/who-comes/${token}`), { token })
  if (response.status !== 200) return { status: response.status, json: '', html: await response.text() }
  const data = (await response.json()) as ScreenData & { title: string }
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: await i18nInstance('da') }, createElement(ScreenView, data)))
  return { status: 200, json: JSON.stringify(data), html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), data, headers: response.headers }
}

async function posterFor(facilityId: string, userId: string) {
  const response = await callRoute(handler(posterRoute, 'loader'), getRequest(`/facility/${facilityId}/who-comes/poster`, await sessionCookieFor(userId)), { facilityId })
  if (response.status !== 200) return { status: response.status, json: '', html: '' }
  const data = (await response.json()) as PosterData
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: await i18nInstance('da') }, createElement(PosterView, data)))
  return { status: 200, json: JSON.stringify(data), html, data }
}

function manage(facilityId: string, cookie: string, intent: 'screen-create' | 'screen-revoke') {
  const request = new Request(`http://localhost:3000/facility/${facilityId}/who-comes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: 'http://localhost:3000' },
    body: new URLSearchParams({ intent }).toString(),
  })
  return callRoute(handler(manageRoute, 'action'), request, { facilityId })
}

function upload(cookie: string, fields: { photo?: { bytes: Buffer; name: string; type: string }; consent?: boolean; intent?: string }) {
  const form = new FormData()
  form.append('intent', fields.intent ?? 'save')
  if (fields.photo) form.append('photo', new File([new Uint8Array(fields.photo.bytes)], fields.photo.name, { type: fields.photo.type }))
  if (fields.consent) form.append('consent', 'on')
  const request = new Request('http://localhost:3000/volunteer/photo', { method: 'POST', headers: { Cookie: cookie, Origin: 'http://localhost:3000' }, body: form })
  return callRoute(handler(uploadRoute, 'action'), request)
}

async function storedPhoto(userId: string) {
  return prisma.volunteerPhoto.findUnique({ where: { userId }, select: { id: true, image: true } })
}

function photoStatus(photoId: string, cookie?: string) {
  return callRoute(handler(photoRoute, 'loader'), getRequest(`/photos/${photoId}`, cookie), { photoId }).then((response) => response.status)
}
function screenPhotoStatus(token: string, photoId: string) {
  return callRoute(handler(screenPhotoRoute, 'loader'), getRequest(`/who-comes/${token}/photo/${photoId}`), { token, photoId }).then((response) => response.status)
}

describe('the board shows first names only', () => {
  test('no surname, phone number or e-mail address of anyone in the screen’s HTML or JSON, nor on the poster', async () => {
    const world = await boardWorld()
    await saveVolunteerPhoto(world.anne.id, await phonePhoto())
    const token = await regenerateWhoComesToken(world.leader.id, world.facility.id)
    const screen = await screenAt(token)
    const poster = await posterFor(world.facility.id, world.leader.id)
    expect(screen.status).toBe(200)
    expect(poster.status).toBe(200)

    // What it does show: first names (a double first name whole), the times, the cancellation said plainly.
    expect(screen.text).toContain('Frederikke')
    expect(screen.text).toContain('kl. 10:00–11:30')
    expect(screen.text).toContain('Anne-Mette kommer ikke i dag')
    expect(screen.text).toContain('Næste besøg')
    expect(screen.data?.next.map((visit) => visit.id)).toEqual([world.tomorrow.id, world.nextWeek.id])
    expect(poster.html).toContain('Frederikke')
    expect(poster.html).toContain('Anne-Mette')
    // In English for a reader whose language is English.
    const english = renderToStaticMarkup(createElement(I18nextProvider, { i18n: await i18nInstance('en') }, createElement(ScreenView, screen.data!)))
    expect(english).toContain('Anne-Mette is not coming today')
    expect(english).toContain('Who is coming today?')
    // Another facility's visit is on neither.
    expect(screen.json).not.toContain('Gorm')
    expect(poster.json).not.toContain('Gorm')

    const never = [
      'Hemmeligsen',
      'Østergaard',
      'Skjultved',
      'Lederhemmelig',
      'Koordinator',
      world.frederikke.email,
      world.anne.email,
      world.leader.email,
      '61 23 45 67',
      '61234567',
      '29 87 65 43',
      '29876543',
      '48 11 22 33',
      '@example.test',
      'Syg', // the cancellation's reason is the volunteer's own words, not for the common room
    ]
    for (const [where, text] of Object.entries({ screenJson: screen.json, screenHtml: screen.html, posterJson: poster.json, posterHtml: poster.html })) {
      for (const secret of never) expect(text.includes(secret), `${secret} in ${where}`).toBe(false)
    }
  })

  test('the poster leaves cancelled visits out and shows the photo only with consent, otherwise the initial', async () => {
    const world = await boardWorld()
    await saveVolunteerPhoto(world.anne.id, await phonePhoto())
    const photo = await storedPhoto(world.anne.id)
    const poster = await posterFor(world.facility.id, world.leader.id)
    const visits = poster.data!.weeks.flatMap((week) => week.visits)
    expect(visits.map((visit) => visit.id)).not.toContain(world.cancelledToday.id)
    expect(visits.map((visit) => visit.id)).toEqual(expect.arrayContaining([world.todayVisit.id, world.nextWeek.id]))
    expect(visits.find((visit) => visit.id === world.tomorrow.id)?.photoId).toBe(photo!.id)
    expect(poster.html).toContain(`src="/photos/${photo!.id}"`)
    // Frederikke gave no photo: her initial in a circle, and pictograms with words for the ad's tasks or the logged ones.
    expect(visits.find((visit) => visit.id === world.todayVisit.id)).toMatchObject({ firstName: 'Frederikke', initial: 'F', photoId: null, tasks: ['video_calls', 'photos'] })
    expect(visits.find((visit) => visit.id === world.nextWeek.id)).toMatchObject({ tasks: ['music_streaming'] })
    expect(poster.html).toContain('Videoopkald')
    expect(poster.html).toMatch(/<svg[^>]*aria-hidden="true"/)
    // Staff of another facility cannot open this one's poster.
    expect((await posterFor(world.facility.id, world.otherLeader.id)).status).toBe(403)
  })
})

describe('the screen address', () => {
  test('a new address replaces the old; a revoked one is a plain 404; the page is noindex and never stored', async () => {
    const world = await boardWorld()
    const cookie = await sessionCookieFor(world.leader.id)
    expect((await manage(world.facility.id, cookie, 'screen-create')).status).toBe(302)
    const first = (await prisma.facility.findUniqueOrThrow({ where: { id: world.facility.id } })).whoComesToken!
    const open = await screenAt(first)
    expect(open.status).toBe(200)
    expect(open.headers?.get('Cache-Control')).toBe('no-store')
    expect(open.headers?.get('X-Robots-Tag')).toContain('noindex')

    expect((await manage(world.facility.id, cookie, 'screen-create')).status).toBe(302)
    const second = (await prisma.facility.findUniqueOrThrow({ where: { id: world.facility.id } })).whoComesToken!
    expect(second).not.toBe(first)
    expect((await screenAt(first)).status).toBe(404)
    expect((await screenAt(second)).status).toBe(200)

    expect((await manage(world.facility.id, cookie, 'screen-revoke')).status).toBe(302)
    const revoked = await screenAt(second)
    expect(revoked.status).toBe(404)
    // The same answer as for an address that never existed: nothing says a facility was there.
    const unknown = await screenAt('x'.repeat(32))
    expect([revoked.status, revoked.html]).toEqual([unknown.status, unknown.html])
    expect(revoked.html).not.toContain(world.facility.name)
    for (const odd of ['', 'x'.repeat(500), "' OR 1=1 --", '..%2F..%2Fetc', second.toUpperCase()]) expect((await screenAt(odd)).status, odd).toBe(404)
    expect(await prisma.auditLog.count({ where: { entityId: world.facility.id, action: { startsWith: 'who-comes.token-' } } })).toBe(3)

    // Only the facility's own staff make or revoke it.
    expect((await manage(world.facility.id, await sessionCookieFor(world.otherLeader.id), 'screen-create')).status).toBe(403)
    expect((await manage(world.facility.id, await sessionCookieFor(world.coordinator.id), 'screen-create')).status).toBe(403)
  })

  test('a token for another facility shows nothing of this one, its photos included', async () => {
    const world = await boardWorld()
    await saveVolunteerPhoto(world.anne.id, await phonePhoto())
    const photo = await storedPhoto(world.anne.id)
    const token = await regenerateWhoComesToken(world.leader.id, world.facility.id)
    const otherToken = await regenerateWhoComesToken(world.otherLeader.id, world.other.id)
    const other = await screenAt(otherToken)
    expect(other.text).toContain('Gorm')
    for (const secret of [world.facility.name, 'Frederikke', 'Anne-Mette', world.todayVisit.id, world.tomorrow.id, photo!.id]) expect(other.json.includes(secret), secret).toBe(false)
    expect(await screenPhotoStatus(token, photo!.id)).toBe(200)
    expect(await screenPhotoStatus(otherToken, photo!.id)).toBe(404)
  })
})

describe('a volunteer’s photo', () => {
  test('is cut to 400×400 and stripped of EXIF and GPS on upload, and replaced by a new one', async () => {
    const world = await boardWorld()
    const cookie = await sessionCookieFor(world.frederikke.id)
    const original = await phonePhoto()
    // The test photo really carries what must go.
    const before = await sharp(original).metadata()
    expect(before.exif?.includes(Buffer.from('SecretCam'))).toBe(true)
    expect(original.includes(Buffer.from('Spyphone'))).toBe(true)

    const response = await upload(cookie, { photo: { bytes: original, name: 'IMG_0001.jpg', type: 'image/jpeg' }, consent: true })
    expect(response.status).toBe(302)
    const stored = await storedPhoto(world.frederikke.id)
    const image = Buffer.from(stored!.image)
    const after = await sharp(image).metadata()
    expect(after).toMatchObject({ format: 'jpeg', width: 400, height: 400 })
    expect(after.exif).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    for (const text of ['SecretCam', 'Spyphone', 'Hemmelig Fotograf', 'GPS', 'Exif']) expect(image.includes(Buffer.from(text)), text).toBe(false)

    await upload(cookie, { photo: { bytes: await phonePhoto('#d53a3a'), name: 'ny.png', type: 'image/png' }, consent: true })
    const replaced = await storedPhoto(world.frederikke.id)
    expect(replaced!.id).not.toBe(stored!.id)
    expect(await prisma.volunteerPhoto.count({ where: { userId: world.frederikke.id } })).toBe(1)
  })

  test('refuses a text file named .jpg, an oversize file and a photo without consent, with the message next to the field', async () => {
    const world = await boardWorld()
    const cookie = await sessionCookieFor(world.frederikke.id)
    const t = await getFixedT('da', 'whocomes')
    const failure = async (response: Response) => {
      expect(response.status).toBe(400)
      return ((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors
    }

    const text = Buffer.from('Dette er ikke et billede, bare tekst med et .jpg-navn.\n'.repeat(50))
    expect(await failure(await upload(cookie, { photo: { bytes: text, name: 'ferie.jpg', type: 'image/jpeg' }, consent: true }))).toEqual({ photo: ['whocomes:photo.notImage'] })
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    expect(await failure(await upload(cookie, { photo: { bytes: svg, name: 'ansigt.png', type: 'image/png' }, consent: true }))).toEqual({ photo: ['whocomes:photo.notImage'] })

    // One byte over 5 MB: a real JPEG with padding after its end, so only the size is wrong.
    const jpeg = await phonePhoto()
    const oversize = Buffer.concat([jpeg, Buffer.alloc(MAX_PHOTO_BYTES + 1 - jpeg.length)])
    expect(await failure(await upload(cookie, { photo: { bytes: oversize, name: 'stor.jpg', type: 'image/jpeg' }, consent: true }))).toEqual({ photo: ['whocomes:photo.tooLarge'] })

    expect(await failure(await upload(cookie, { photo: { bytes: jpeg, name: 'mig.jpg', type: 'image/jpeg' } }))).toEqual({ consent: ['whocomes:photo.consentRequired'] })
    expect(await failure(await upload(cookie, { consent: true }))).toEqual({ photo: ['whocomes:photo.fileRequired'] })
    expect(await storedPhoto(world.frederikke.id)).toBeNull()

    // The messages people read.
    expect(t('photo.notImage')).toBe('Filen er ikke et billede, vi kan læse. Vælg et foto i JPEG, PNG eller WebP.')
    expect(t('photo.tooLarge')).toBe('Billedet fylder mere end 5 MB. Vælg et mindre billede.')

    // Only this path takes a larger body; every other form keeps the 1 MB limit (413).
    expect(bodyLimitFor('/volunteer/photo')).toBeGreaterThan(MAX_PHOTO_BYTES)
    for (const path of ['/login', '/volunteer/profile', '/volunteer/photo/x', '/x/volunteer/photo']) expect(bodyLimitFor(path), path).toBe(MAX_FORM_BYTES)
  })

  test('is given only to allowed viewers: the volunteer, staff and screens of facilities with an active match', async () => {
    const world = await boardWorld()
    await saveVolunteerPhoto(world.anne.id, await phonePhoto())
    const photo = (await storedPhoto(world.anne.id))!
    const token = await regenerateWhoComesToken(world.leader.id, world.facility.id)
    const otherToken = await regenerateWhoComesToken(world.otherLeader.id, world.other.id)

    expect(await photoStatus(photo.id, await sessionCookieFor(world.anne.id))).toBe(200)
    expect(await photoStatus(photo.id, await sessionCookieFor(world.leader.id))).toBe(200)
    expect(await screenPhotoStatus(token, photo.id)).toBe(200)
    const served = await callRoute(handler(screenPhotoRoute, 'loader'), getRequest(`/who-comes/${token}/photo/${photo.id}`), { token, photoId: photo.id })
    expect(served.headers.get('Content-Type')).toBe('image/jpeg')
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(photo.image))).toBe(true)

    // Nobody else: another facility's staff and screen, the centre, another volunteer, the signed-out (to the log-in).
    expect(await photoStatus(photo.id, await sessionCookieFor(world.otherLeader.id))).toBe(404)
    expect(await screenPhotoStatus(otherToken, photo.id)).toBe(404)
    expect(await photoStatus(photo.id, await sessionCookieFor(world.coordinator.id))).toBe(404)
    expect(await photoStatus(photo.id, await sessionCookieFor(world.frederikke.id))).toBe(404)
    expect(await photoStatus(photo.id)).toBe(302)

    // A match that ends takes the photo off that facility's boards.
    await prisma.match.update({ where: { id: world.anneMatch.id }, data: { status: 'ended', endedAt: new Date() } })
    expect(await photoStatus(photo.id, await sessionCookieFor(world.leader.id))).toBe(404)
    expect(await screenPhotoStatus(token, photo.id)).toBe(404)
    expect((await screenAt(token)).json).not.toContain(photo.id)
  })

  test('withdrawing consent deletes it: the boards show the initial and its address is gone', async () => {
    const world = await boardWorld()
    const cookie = await sessionCookieFor(world.anne.id)
    await upload(cookie, { photo: { bytes: await phonePhoto(), name: 'mig.jpg', type: 'image/jpeg' }, consent: true })
    const photo = (await storedPhoto(world.anne.id))!
    const token = await regenerateWhoComesToken(world.leader.id, world.facility.id)
    expect((await screenAt(token)).html).toContain(`/who-comes/${token}/photo/${photo.id}`)

    const response = await upload(cookie, { intent: 'delete' })
    expect(response.status).toBe(302)
    expect(await storedPhoto(world.anne.id)).toBeNull()
    expect(await photoStatus(photo.id, cookie)).toBe(404)
    expect(await screenPhotoStatus(token, photo.id)).toBe(404)
    const screen = await screenAt(token)
    expect(screen.html).not.toContain(photo.id)
    expect(screen.html).toContain('>A</span>')
    expect(await prisma.auditLog.findFirst({ where: { entityId: world.anne.id, action: 'volunteer.photo-deleted' } })).not.toBeNull()
  })
})

test('the board’s messages exist in Danish and English alike', async () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix]
  const { default: da } = await import('../../public/locales/da/whocomes.json')
  const { default: en } = await import('../../public/locales/en/whocomes.json')
  expect(keys(en).sort()).toEqual(keys(da).sort())
})
