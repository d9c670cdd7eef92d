import { describe, expect, test } from 'vitest'
import { formRequest, sessionCookieFor } from '../setup/fixtures'
import { matchingWorld, recordValidCheck } from '../setup/fixtures-matching'
import * as applicationPage from '~/routes/centre+/applications.$applicationId'
import * as volunteerPage from '~/routes/centre+/volunteers.$volunteerId'
import { prisma } from '~/utils/db.server'
import { callRoute } from '../setup/routes'

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

async function post(action: Action, request: Request, params: Record<string, string>) {
  return callRoute(action, request, params)
}
async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string; values: Record<string, unknown> }
}

const HOSTILE = ['<script>alert(1)</script>', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '{{constructor}}']

describe('the application page refuses bad input with 400 and a message, never 500', async () => {
  test('approve: missing, malformed and past dates and times; nothing saved', async () => {
    const world = await matchingWorld()
    await recordValidCheck(world.volunteer.id, 'confidentiality')
    const cookie = await sessionCookieFor(world.coordinator.id)
    const path = `/centre/applications/${world.application.id}`
    const params = { applicationId: world.application.id }
    const send = (fields: Record<string, string>) => post(applicationPage.action as Action, formRequest(path, fields, { cookie }), params)

    const noIntent = await send({})
    expect(noIntent.status).toBe(400)
    expect((await body(noIntent)).fieldErrors.intent).toEqual(['validation.required'])

    const empty = await send({ intent: 'approve' })
    expect(empty.status).toBe(400)
    const errors = (await body(empty)).fieldErrors
    expect(errors.introDate).toEqual(['validation.required'])
    expect(errors.introTime).toEqual(['validation.required'])
    expect(errors.introPlace).toEqual(['validation.required'])

    const badTime = await send({ intent: 'approve', introDate: '2031-02-30', introTime: '25:61', introPlace: 'Hus B' })
    expect((await body(badTime)).fieldErrors.introTime).toEqual(['matching:approve.invalidTime'])
    const noSuchDay = await send({ intent: 'approve', introDate: '2031-02-30', introTime: '15:00', introPlace: 'Hus B' })
    expect(noSuchDay.status).toBe(400)
    expect((await body(noSuchDay)).fieldErrors.introDate).toEqual(['validation.date'])
    const past = await send({ intent: 'approve', introDate: '2020-01-07', introTime: '15:00', introPlace: 'Hus B' })
    expect(past.status).toBe(400)
    const pastBody = await body(past)
    expect(pastBody.fieldErrors.introDate).toEqual(['matching:approve.inPast'])
    expect(pastBody.values.introPlace).toBe('Hus B') // what was typed comes back

    for (const value of HOSTILE) {
      const response = await send({ intent: 'approve', introDate: value, introTime: value, introPlace: value })
      expect(response.status).toBe(400)
    }
    expect(await prisma.match.count({ where: { jobAdId: world.ad.id } })).toBe(0)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })).status).toBe('submitted')
  })

  test('approve with a missing check names it; decline needs a real message', async () => {
    const world = await matchingWorld({ municipality: 'Halsnæs Kommune', adData: { requiresCriminalRecord: true } })
    const cookie = await sessionCookieFor(world.coordinator.id)
    const path = `/centre/applications/${world.application.id}`
    const params = { applicationId: world.application.id }
    const send = (fields: Record<string, string>) => post(applicationPage.action as Action, formRequest(path, fields, { cookie }), params)

    const refused = await send({ intent: 'approve', introDate: '2031-03-04', introTime: '15:00', introPlace: 'Hus B' })
    expect(refused.status).toBe(400)
    const formError = decodeURIComponent((await body(refused)).formError ?? '')
    expect(formError).toMatch(/^matching:approve\.missingChecks\?checks=/)
    expect(formError).toContain('Tavshedserklæring')
    expect(formError).toContain('Straffeattest')

    const short = await send({ intent: 'decline', note: 'Nej.' })
    expect(short.status).toBe(400)
    expect((await body(short)).fieldErrors.note).toEqual(['validation.tooShort?minimum=20'])
    const long = await send({ intent: 'decline', note: 'x'.repeat(5000) })
    expect((await body(long)).fieldErrors.note).toEqual(['validation.tooLong?maximum=3000'])
    expect((await prisma.application.findUniqueOrThrow({ where: { id: world.application.id } })).status).toBe('submitted')
    expect(await prisma.outboxMessage.count({ where: { toEmail: world.volunteer.email } })).toBe(0)
  })

  test('record check: unknown kind, bad and future dates, expiry before the check', async () => {
    const world = await matchingWorld({ municipality: 'Furesø Kommune' })
    const cookie = await sessionCookieFor(world.coordinator.id)
    const path = `/centre/volunteers/${world.volunteer.id}`
    const params = { volunteerId: world.volunteer.id }
    const send = (fields: Record<string, string>) => post(volunteerPage.action as Action, formRequest(path, fields, { cookie }), params)

    const empty = await send({ intent: 'record-check' })
    expect(empty.status, await empty.clone().text()).toBe(400)
    expect((await body(empty)).fieldErrors).toMatchObject({ kind: ['validation.choose'], checkedAt: ['validation.required'] })
    expect((await body(await send({ intent: 'record-check', kind: 'passport', checkedAt: '2025-01-01' }))).fieldErrors.kind).toEqual(['validation.choose'])
    expect((await body(await send({ intent: 'record-check', kind: 'criminal_record', checkedAt: '2025-13-01' }))).fieldErrors.checkedAt).toEqual(['validation.date'])
    expect((await body(await send({ intent: 'record-check', kind: 'criminal_record', checkedAt: '2999-01-01' }))).fieldErrors.checkedAt).toEqual(['matching:checks.futureDate'])
    expect((await body(await send({ intent: 'record-check', kind: 'criminal_record', checkedAt: '2025-01-01', expiresAt: '2024-01-01' }))).fieldErrors.expiresAt).toEqual([
      'matching:checks.expiryBeforeCheck',
    ])
    expect((await body(await send({ intent: 'record-check', kind: 'criminal_record', checkedAt: '2025-01-01', expiresAt: 'soon' }))).fieldErrors.expiresAt).toEqual(['validation.date'])
    for (const value of HOSTILE) expect((await send({ intent: 'record-check', kind: value, checkedAt: value, note: value })).status).toBe(400)
    expect(await prisma.volunteerCheck.count({ where: { volunteerId: world.volunteer.id } })).toBe(0)

    const ok = await send({ intent: 'record-check', kind: 'criminal_record', checkedAt: '2025-01-01', expiresAt: '2027-01-01', note: 'Set på centret.' })
    expect(ok.status).toBe(302)
    expect(await prisma.auditLog.count({ where: { action: 'check.recorded', actorId: world.coordinator.id } })).toBe(1)
  })
})
