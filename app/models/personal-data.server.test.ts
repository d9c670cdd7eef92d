import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { getRequest, sessionCookieFor } from '../../tests/setup/fixtures'
import { richVolunteer } from '../../tests/setup/fixtures-rights'
import { PERSONAL_DATA_VERSION, personalData } from './personal-data.server'
import { saveVolunteerPhoto } from './who-comes.server'
import { PERSONAL_DATA_SECTIONS } from '~/utils/personal-data'
import * as download from '~/routes/settings+/data[.]json'
import * as printView from '~/routes/settings+/data_.print'
import { prisma } from '~/utils/db.server'
import da from '../../public/locales/da/rights.json'
import en from '../../public/locales/en/rights.json'

const identity = { name: 'Sidsel Eksportsen', email: 'sidsel.eksport@example.test', phone: '31 41 59 26', oldEmail: 'sidsel.gammel@example.test' }

describe('the personal data export', () => {
  test('holds every category for a volunteer, and none of the secrets or other people\'s contact data', async () => {
    const world = await richVolunteer(identity)
    const data = await personalData(world.volunteer.id)

    expect(data.version).toBe(PERSONAL_DATA_VERSION)
    expect(data.account).toMatchObject({ name: identity.name, email: identity.email, phone: identity.phone, role: 'volunteer', calendarFeed: true, boardPhoto: null })
    expect(data.volunteerProfile).toMatchObject({ employer: 'Unik Software ApS', postcode: '3200', municipality: 'Gribskov Kommune' })
    expect(data.volunteerProfile?.skills.length).toBeGreaterThan(0)
    expect(data.volunteerProfile?.availability.length).toBeGreaterThan(0)
    expect(data.volunteerProfile?.areas).toEqual(['Gribskov Kommune'])
    expect(data.checks.map((check) => check.kind)).toEqual(['confidentiality'])
    expect(data.applications.map((a) => a.ad).sort()).toEqual(['IT-ven til videoopkald', 'Spilcafé om torsdagen'])
    expect(data.matches).toEqual([expect.objectContaining({ status: 'active', facility: world.facility.name, introPlace: 'Fælleshuset' })])
    expect(data.visits.map((visit) => visit.status)).toEqual(['done', 'planned', 'planned'])
    expect(data.visits[0]).toMatchObject({ hours: 2, helpedWith: ['video_calls'] })
    expect(data.visitPlans).toEqual([expect.objectContaining({ weekday: 2, startTime: '15:00', facility: world.facility.name })])
    expect(data.threads.map((thread) => thread.title)).toEqual(['Tips til videoopkald'])
    expect(data.posts).toEqual([expect.objectContaining({ thread: 'Tips til videoopkald', body: `Prøv Zoom. Hilsen ${identity.name}`, hidden: false })])
    expect(data.reports).toEqual([expect.objectContaining({ reason: 'Mit nummer bør ikke stå her.' })])
    expect(data.followUpAnswers).toEqual([expect.objectContaining({ satisfaction: 5, wishes: 'Mere tid i caféen', facility: world.facility.name })])
    expect(data.threadSubscriptions.map((s) => s.thread)).toEqual(['Tips til videoopkald'])
    expect(data.threadReads.map((r) => r.thread)).toEqual(['Tips til videoopkald'])
    expect(data.sessions).toHaveLength(2)
    expect(data.emailsToYou.map((mail) => mail.template).sort()).toEqual(['match-approved', 'reset-password'])
    expect(data.auditAboutYou.map((entry) => entry.action)).toEqual(expect.arrayContaining(['user.email_changed', 'volunteer.called']))
    expect(data.auditAboutYou.find((entry) => entry.action === 'user.email_changed')).toMatchObject({ byYou: true, data: { from: identity.oldEmail } })
    expect(data.auditByYou.map((entry) => entry.action)).toEqual(expect.arrayContaining(['thread.created']))
    for (const section of PERSONAL_DATA_SECTIONS) expect(data, section).toHaveProperty(section)
    // The print view labels every field in both languages (an audit entry's free-form data aside).
    const keys = new Set<string>()
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect)
      else if (value && typeof value === 'object' && !(value instanceof Date)) {
        for (const [key, item] of Object.entries(value)) {
          keys.add(key)
          if (key !== 'data') collect(item)
        }
      }
    }
    for (const section of PERSONAL_DATA_SECTIONS) collect(data[section])
    for (const labels of [da.data.fields, en.data.fields]) expect([...keys].filter((key) => !(key in labels))).toEqual([])

    // Secrets: nothing that would let someone act as the person.
    const text = JSON.stringify(data)
    const user = await prisma.user.findUniqueOrThrow({ where: { id: world.volunteer.id }, select: { passwordHash: true, calendarToken: true } })
    const sessions = await prisma.session.findMany({ where: { userId: world.volunteer.id }, select: { id: true } })
    const tokens = await prisma.oneTimeToken.findMany({ where: { userId: world.volunteer.id }, select: { tokenHash: true } })
    const resetMail = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: identity.email, template: 'reset-password' }, select: { text: true } })
    const resetLink = resetMail.text.match(/reset-password\?token=[\w-]+/)?.[0]
    expect(resetLink).toBeTruthy()
    for (const secret of [user.passwordHash!, user.calendarToken!, ...sessions.map((s) => s.id), ...tokens.map((t) => t.tokenHash), resetLink!]) {
      expect(text).not.toContain(secret)
    }
    expect(text).not.toMatch(/passwordHash|tokenHash|calendarToken/)
    // The contact person's phone and e-mail are theirs, not the volunteer's.
    expect(text).not.toContain(world.contact.phone)
    expect(text).not.toContain(world.contact.email)
  })

  test('downloads as a JSON attachment, and the print view shows the same to the signed-in person only', async () => {
    const world = await richVolunteer({ ...identity, email: 'sidsel.to@example.test', oldEmail: 'sidsel.to.gammel@example.test' })
    const cookie = await sessionCookieFor(world.volunteer.id)

    const response = await download.loader({ request: getRequest('/settings/data.json', cookie), params: {}, context: {} })
    expect(response.headers.get('Content-Type')).toContain('application/json')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="frivilligbro-data-\d{4}-\d{2}-\d{2}\.json"$/)
    const body = JSON.parse(await response.text())
    expect(body).toMatchObject({ version: PERSONAL_DATA_VERSION, account: { name: identity.name, email: 'sidsel.to@example.test' } })

    const page = await printView.loader({ request: getRequest('/settings/data/print', cookie), params: {}, context: {} })
    const printed = await page.json()
    expect(printed.data.account.name).toBe(identity.name)

    // Signed out: to the log-in page, nothing else.
    const anonymous = await download.loader({ request: getRequest('/settings/data.json'), params: {}, context: {} }).catch((thrown: Response) => thrown)
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toContain('/login')
  })
})

describe('the board photo in the export', () => {
  test('is mentioned with when it was uploaded and consented to', async () => {
    const world = await richVolunteer({ ...identity, email: 'sidsel.foto@example.test', oldEmail: 'sidsel.foto.gammel@example.test' })
    const portrait = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#88aaff' } }).jpeg().toBuffer()
    expect(await saveVolunteerPhoto(world.volunteer.id, portrait)).toEqual({ ok: true })
    const photo = await prisma.volunteerPhoto.findUniqueOrThrow({ where: { userId: world.volunteer.id } })
    const data = await personalData(world.volunteer.id)
    expect(data.account.boardPhoto).toEqual({ uploadedAt: photo.createdAt, consentAt: photo.consentAt })
    expect(da.data.fields.boardPhoto).toMatch(/^Billede på opslagstavlen/)
    expect(en.data.fields.boardPhoto).toMatch(/^Photo on the notice board/)
  })
})

describe('what events, agreements and statements added to the export', () => {
  test('sign-ups with attendance and the certificate, statement sign-offs, accepted agreements and follow-up meetings', async () => {
    const world = await richVolunteer({ ...identity, email: 'sidsel.kursus@example.test', oldEmail: 'sidsel.kursus.gammel@example.test' })
    const { volunteer, centre, coordinator, contact, match } = world
    const course = await prisma.event.create({
      data: { centreId: centre.id, kind: 'course_volunteers', title: 'Kursus i videoopkald', capacity: 10, audience: 'volunteers', signupDeadline: new Date('2026-03-01T10:00:00Z'), status: 'done' },
    })
    const session = await prisma.eventSession.create({
      data: { eventId: course.id, localDate: '2026-03-03', startsAt: new Date('2026-03-03T16:00:00Z'), endsAt: new Date('2026-03-03T18:00:00Z'), place: 'Centret' },
    })
    const signup = await prisma.eventSignup.create({ data: { eventId: course.id, userId: volunteer.id, status: 'confirmed', position: 0, completedAt: new Date('2026-03-03T18:00:00Z') } })
    await prisma.eventAttendance.create({ data: { sessionId: session.id, signupId: signup.id, recordedById: coordinator.id } })
    // A public event they signed up for with the same address before they had an account.
    const cafe = await prisma.event.create({
      data: { centreId: centre.id, kind: 'internet_cafe', title: 'Åben internetcafé', capacity: 5, audience: 'public', signupDeadline: new Date('2026-04-01T10:00:00Z'), status: 'published' },
    })
    await prisma.eventSignup.create({ data: { eventId: cafe.id, name: identity.name, email: 'sidsel.kursus@example.test', status: 'waiting', position: 2 } })
    await prisma.volunteerStatementSignoff.create({
      data: { volunteerId: volunteer.id, text: 'Sidsel har været en stor hjælp for beboerne.', signedById: coordinator.id, signerName: 'Rikke Rapport', centreName: centre.name },
    })
    const version = await prisma.agreementVersion.findFirstOrThrow({ where: { matchId: match.id }, orderBy: { number: 'asc' } })
    const acceptedAt = new Date('2026-02-02T09:00:00Z')
    await prisma.agreementVersion.update({
      where: { id: version.id },
      data: { volunteerAcceptedAt: acceptedAt, volunteerAcceptedById: volunteer.id, facilityAcceptedAt: new Date('2026-02-03T09:00:00Z'), facilityAcceptedById: contact.id },
    })
    await prisma.followUpMeeting.create({ data: { matchId: match.id, heldOn: '2026-02-10', participants: 'Sidsel, Kim og Rikke', note: 'Flere besøg om torsdagen.', recordedById: coordinator.id } })

    const data = await personalData(volunteer.id)
    expect(data.eventSignups).toEqual([
      expect.objectContaining({ event: 'Kursus i videoopkald', eventKind: 'course_volunteers', centre: centre.name, status: 'confirmed', attended: [session.startsAt], certificate: true }),
      expect.objectContaining({ event: 'Åben internetcafé', status: 'waiting', position: 2, name: identity.name, attended: [], certificate: false }),
    ])
    expect(data.eventSignups[0]).not.toHaveProperty('email')
    expect(data.statementSignoffs).toEqual([expect.objectContaining({ text: 'Sidsel har været en stor hjælp for beboerne.', signerName: 'Rikke Rapport', centreName: centre.name })])
    expect(data.agreementsAccepted).toEqual([{ number: version.number, acceptedAt, facility: world.facility.name, ad: expect.any(String) }])
    expect(data.followUpMeetings).toEqual([expect.objectContaining({ heldOn: '2026-02-10', participants: 'Sidsel, Kim og Rikke', facility: world.facility.name })])

    // The contact person sees their own acceptance, with their own time.
    const theirs = await personalData(contact.id)
    expect(theirs.agreementsAccepted).toEqual([expect.objectContaining({ number: version.number, acceptedAt: new Date('2026-02-03T09:00:00Z') })])
    expect(theirs.statementSignoffs).toEqual([])
    expect(theirs.eventSignups).toEqual([])

    // Every new section is printed, with a heading and labelled fields in both languages.
    for (const section of ['eventSignups', 'statementSignoffs', 'agreementsAccepted', 'followUpMeetings'] as const) {
      expect(PERSONAL_DATA_SECTIONS).toContain(section)
      expect(da.data.sections).toHaveProperty(section)
      expect(en.data.sections).toHaveProperty(section)
      for (const row of data[section]) for (const key of Object.keys(row)) for (const labels of [da.data.fields, en.data.fields]) expect(labels, key).toHaveProperty(key)
    }
    const cookie = await sessionCookieFor(volunteer.id)
    const printed = await (await printView.loader({ request: getRequest('/settings/data/print', cookie), params: {}, context: {} })).json()
    expect(printed.data.statementSignoffs[0].text).toBe('Sidsel har været en stor hjælp for beboerne.')
    const downloaded = JSON.parse(await (await download.loader({ request: getRequest('/settings/data.json', cookie), params: {}, context: {} })).text())
    expect(downloaded.eventSignups.map((s: { event: string }) => s.event)).toEqual(['Kursus i videoopkald', 'Åben internetcafé'])
  })
})
