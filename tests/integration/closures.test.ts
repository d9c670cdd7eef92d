// The windows page's closure and holiday forms and the booking form, called as a browser would:
// bad input gets its message beside the field (never a 500), and a closed date cannot be booked.
import { describe, expect, test } from 'vitest'
import { formRequest, getRequest, sessionCookieFor } from '../setup/fixtures'
import { bookingWorld } from '../setup/fixtures-booking'
import * as windowsPage from '~/routes/facility+/$facilityId.windows'
import * as bookPage from '~/routes/visits+/book'
import { prisma } from '~/utils/db.server'
import { holidaysBetween } from '~/utils/holidays'
import { addDays, copenhagenDate, isoWeekday } from '~/utils/time'
import { callRoute as run, type RouteHandler as Handler } from '../setup/routes'

async function body(response: Response) {
  return (await response.json()) as { fieldErrors: Record<string, string[]>; formError?: string }
}

/** The Wednesday two to three weeks from today: a date of the world's café window. */
function wednesdayAhead() {
  const today = copenhagenDate()
  return addDays(today, 14 + ((3 - isoWeekday(today) + 7) % 7))
}

describe('closures and holidays on the windows and booking pages', () => {
  test('staff add a closure period; wrong dates and a missing reason are refused beside their fields', async () => {
    const world = await bookingWorld()
    const cookie = await sessionCookieFor(world.contact.id)
    const path = `/facility/${world.facility.id}/windows`
    const params = { facilityId: world.facility.id }
    const post = (fields: Record<string, string>) => run(windowsPage.action as Handler, formRequest(path, fields, { cookie }), params)

    const backwards = await post({ intent: 'closure-add', fromDate: '2031-07-31', toDate: '2031-07-13', reason: '' })
    expect(backwards.status).toBe(400)
    expect((await body(backwards)).fieldErrors).toEqual({ toDate: ['booking:closure.toBeforeFrom'], reason: ['validation.required'] })
    const notADate = await post({ intent: 'closure-add', fromDate: '2031-02-30', toDate: '2031-03-01', reason: 'Sommerferie' })
    expect((await body(notADate)).fieldErrors).toEqual({ fromDate: ['validation.date'] })
    const past = await post({ intent: 'closure-add', fromDate: '2020-07-13', toDate: '2020-07-31', reason: 'Sommerferie' })
    expect((await body(past)).fieldErrors).toEqual({ toDate: ['booking:closure.past'] })
    expect(await prisma.facilityClosure.count({ where: { facilityId: world.facility.id } })).toBe(0)

    const saved = await post({ intent: 'closure-add', fromDate: '2031-07-13', toDate: '2031-07-31', reason: 'Sommerferie' })
    expect(saved.status).toBe(302)
    expect(await prisma.facilityClosure.findMany({ where: { facilityId: world.facility.id }, select: { fromDate: true, toDate: true, reason: true } })).toEqual([
      { fromDate: '2031-07-13', toDate: '2031-07-31', reason: 'Sommerferie' },
    ])

    // The page lists the closure and the coming year's holidays, each closed until opened.
    const page = (await (await run(windowsPage.loader as Handler, getRequest(path, cookie), params)).json()) as {
      closures: { reason: string; plannedVisits: number }[]
      holidays: { date: string; code: string; open: boolean }[]
    }
    expect(page.closures).toEqual([expect.objectContaining({ reason: 'Sommerferie', plannedVisits: 0 })])
    const coming = holidaysBetween(copenhagenDate(), addDays(copenhagenDate(), 366))
    expect(page.holidays.map((h) => h.date)).toEqual(coming.map((h) => h.date))
    expect(page.holidays.every((h) => !h.open)).toBe(true)

    // Opening a day that is no holiday is refused beside the date; a holiday opens.
    const plainDay = await post({ intent: 'holiday-open', localDate: '2031-03-04' })
    expect(plainDay.status).toBe(400)
    expect((await body(plainDay)).fieldErrors).toEqual({ localDate: ['booking:holiday.notAHoliday'] })
    expect((await post({ intent: 'holiday-open', localDate: coming[0].date })).status).toBe(302)
    expect(await prisma.facilityOpenDay.count({ where: { facilityId: world.facility.id, localDate: coming[0].date } })).toBe(1)
  })

  test('booking a date in a closure period is refused with a message beside the date, not a 500', async () => {
    const world = await bookingWorld()
    const date = wednesdayAhead()
    await prisma.facilityClosure.create({ data: { facilityId: world.facility.id, fromDate: addDays(date, -2), toDate: addDays(date, 2), reason: 'Personaledage' } })
    const cookie = await sessionCookieFor(world.volunteer.id)

    const page = (await (await run(bookPage.loader as Handler, getRequest('/visits/book', cookie))).json()) as {
      windows: { id: string; dates: { localDate: string; closed: unknown }[] }[]
    }
    const listed = page.windows.find((w) => w.id === world.window.id)!.dates.find((d) => d.localDate === date)
    expect(listed?.closed).toEqual({ kind: 'closure', reason: 'Personaledage' })

    const refused = await run(bookPage.action as Handler, formRequest('/visits/book', { windowId: world.window.id, localDate: date }, { cookie }))
    expect(refused.status).toBe(400)
    expect((await body(refused)).fieldErrors).toEqual({ localDate: ['booking:book.closed'] })
    expect(await prisma.visit.count({ where: { windowId: world.window.id } })).toBe(0)
  })
})
