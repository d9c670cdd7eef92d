import { TZDate } from '@date-fns/tz'
import { describe, expect, test } from 'vitest'
import { calendarFeed, calendarInvitation, escapeText, foldLine } from './ics'

const copenhagen = (y: number, m: number, d: number, h: number, min = 0) => new Date(new TZDate(y, m - 1, d, h, min, 0, 'Europe/Copenhagen').getTime())

/** A minimal RFC 5545 reader: unfolds lines and splits name;params:value. */
function parse(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true)
  const physical = ics.slice(0, -2).split('\r\n')
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  const unfolded = physical.reduce<string[]>((all, line) => {
    if (line.startsWith(' ')) all[all.length - 1] += line.slice(1)
    else all.push(line)
    return all
  }, [])
  const stack: string[] = []
  const props: { name: string; params: string; value: string; path: string }[] = []
  for (const line of unfolded) {
    const [, name, params = '', value] = line.match(/^([A-Z-]+)((?:;[^:]*)?):(.*)$/) ?? []
    expect(name, `bad line ${line}`).toBeDefined()
    if (name === 'BEGIN') stack.push(value)
    else if (name === 'END') expect(stack.pop()).toBe(value)
    else props.push({ name, params, value, path: stack.join('/') })
  }
  expect(stack).toEqual([])
  return props
}

function event(start: Date, extra: Partial<Parameters<typeof calendarInvitation>[0]> = {}) {
  return calendarInvitation({
    uid: 'match-abc@frivilligbro',
    sequence: 0,
    start,
    end: new Date(start.getTime() + 60 * 60 * 1000),
    summary: 'Intromøde',
    stamp: new Date('2026-03-01T10:00:00Z'),
    ...extra,
  })
}

describe('calendar invitations keep Copenhagen wall-clock times', () => {
  test('just after the spring change (CEST) an intro at 15:00 is 15:00 local', () => {
    const props = parse(event(copenhagen(2026, 3, 30, 15)))
    const start = props.find((p) => p.name === 'DTSTART' && p.path === 'VCALENDAR/VEVENT')
    expect(`${start?.name}${start?.params}:${start?.value}`).toBe('DTSTART;TZID=Europe/Copenhagen:20260330T150000')
    expect(props.find((p) => p.name === 'DTEND' && p.path === 'VCALENDAR/VEVENT')?.value).toBe('20260330T160000')
  })

  test('just after the autumn change (CET) an intro at 15:00 is 15:00 local', () => {
    const ics = event(copenhagen(2026, 10, 26, 15))
    expect(ics).toContain('DTSTART;TZID=Europe/Copenhagen:20261026T150000\r\n')
    // The same instant in UTC differs by an hour from the spring case: 14:00Z vs 13:00Z.
    expect(copenhagen(2026, 10, 26, 15).toISOString()).toBe('2026-10-26T14:00:00.000Z')
    expect(copenhagen(2026, 3, 30, 15).toISOString()).toBe('2026-03-30T13:00:00.000Z')
  })

  test('the file carries the zone rules, a stable UID, DTSTAMP in UTC and a SEQUENCE', () => {
    const props = parse(event(copenhagen(2026, 3, 30, 15), { sequence: 2 }))
    const tz = props.filter((p) => p.path.startsWith('VCALENDAR/VTIMEZONE'))
    expect(tz.find((p) => p.name === 'TZID')?.value).toBe('Europe/Copenhagen')
    expect(tz.filter((p) => p.name === 'TZOFFSETTO').map((p) => p.value)).toEqual(['+0200', '+0100'])
    expect(tz.filter((p) => p.name === 'RRULE').map((p) => p.value)).toEqual(['FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'])
    const ev = props.filter((p) => p.path === 'VCALENDAR/VEVENT')
    expect(ev.find((p) => p.name === 'UID')?.value).toBe('match-abc@frivilligbro')
    expect(ev.find((p) => p.name === 'DTSTAMP')?.value).toBe('20260301T100000Z')
    expect(ev.find((p) => p.name === 'SEQUENCE')?.value).toBe('2')
    expect(props.find((p) => p.name === 'METHOD')?.value).toBe('REQUEST')
    // Same input, same UID: a re-sent invitation updates the event instead of adding one.
    expect(event(copenhagen(2026, 3, 30, 15))).toContain('UID:match-abc@frivilligbro')
  })

  test('commas, semicolons, backslashes and newlines are escaped', () => {
    expect(escapeText('Hus B, 1. sal; spørg efter Jonas\nRing på\\døren')).toBe('Hus B\\, 1. sal\\; spørg efter Jonas\\nRing på\\\\døren')
    const props = parse(event(copenhagen(2026, 3, 30, 15), { location: 'Skovvej 1, 3200 Helsinge; hus B\nFællesstuen' }))
    expect(props.find((p) => p.name === 'LOCATION')?.value).toBe('Skovvej 1\\, 3200 Helsinge\\; hus B\\nFællesstuen')
  })

  test('long lines fold at 75 octets without splitting æ, ø or å', () => {
    const long = `DESCRIPTION:${'Velkommen til Skovbrynet – vi glæder os til at møde dig på bostedet. '.repeat(4)}`
    const folded = foldLine(long)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true)
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(long)
    expect(folded).not.toContain('\uFFFD')
    const props = parse(event(copenhagen(2026, 3, 30, 15), { description: 'ø'.repeat(200) }))
    expect(props.find((p) => p.name === 'DESCRIPTION')?.value).toBe('ø'.repeat(200))
  })
})

describe('a calendar feed read by a real iCalendar parser (ical.js)', () => {
  test('events keep 15:00–17:00 Copenhagen time on both sides of both daylight-saving changes; cancelled events say so', async () => {
    const { default: ICAL } = await import('ical.js')
    const days: [number, number, number][] = [
      [2026, 3, 28],
      [2026, 3, 30],
      [2026, 10, 24],
      [2026, 10, 26],
    ]
    const ics = calendarFeed(
      'Mine besøg',
      days.map(([y, m, d], index) => ({
        uid: `visit-${index}@frivilligbro`,
        sequence: index,
        start: copenhagen(y, m, d, 15),
        end: copenhagen(y, m, d, 17),
        summary: 'Besøg, Skovbrynet',
        status: index === 3 ? ('CANCELLED' as const) : undefined,
      })),
    )
    const calendar = new ICAL.Component(ICAL.parse(ics))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!)
    ICAL.TimezoneService.register(zone, 'Europe/Copenhagen')
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
    expect(events.map((e) => e.uid)).toEqual(['visit-0@frivilligbro', 'visit-1@frivilligbro', 'visit-2@frivilligbro', 'visit-3@frivilligbro'])
    for (const [index, e] of events.entries()) {
      const [y, m, d] = days[index]
      expect(e.startDate.toString()).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T15:00:00`)
      expect(e.endDate.hour).toBe(17)
      // The absolute instant matches what the app stored (CET +1, CEST +2).
      expect(e.startDate.toJSDate().toISOString()).toBe(copenhagen(y, m, d, 15).toISOString())
      expect(e.component.getFirstPropertyValue('sequence')).toBe(index)
    }
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED'])
    ICAL.TimezoneService.reset()
  })

  test('a cancellation sent by e-mail uses METHOD:CANCEL', () => {
    expect(event(copenhagen(2026, 5, 5, 15), { status: 'CANCELLED' })).toContain('METHOD:CANCEL\r\n')
    expect(event(copenhagen(2026, 5, 5, 15))).toContain('METHOD:REQUEST\r\n')
  })
})
