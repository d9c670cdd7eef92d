import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { TIME_ZONE } from './domain'
import { wellFormed, withoutControlCharacters } from './text-fields'

/**
 * A small iCalendar (RFC 5545) writer for meeting invitations. Times are written as
 * Europe/Copenhagen wall-clock times with a TZID and the zone's rules in a VTIMEZONE, so a
 * meeting at 15:00 stays 15:00 in every calendar on both sides of a daylight-saving change.
 */
export type CalendarEvent = {
  /** Stable across updates of the same event (e.g. "match-<id>@frivilligbro"), so calendars replace, not duplicate. */
  uid: string
  /** Raised on every change of the same event. */
  sequence: number
  start: Date
  end: Date
  summary: string
  description?: string
  location?: string
  organizer?: { name: string; email: string }
  attendees?: { name: string; email: string }[]
  /** When the file was written; defaults to now. */
  stamp?: Date
  /** CANCELLED keeps the event in the calendar file so calendars remove it; defaults to CONFIRMED. */
  status?: 'CONFIRMED' | 'CANCELLED'
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/*
 * Every value that came from a person (names, titles, places, descriptions) goes through
 * escapeText or paramValue, even though the forms refuse control characters: a value stored
 * before that rule, or written by a script, must still not end a property or start a new event.
 */

/**
 * TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). Control
 * characters that TEXT does not allow (all but TAB) are dropped, and lone UTF-16 surrogates,
 * which cannot be written as UTF-8, become U+FFFD.
 */
export function escapeText(value: string) {
  return withoutControlCharacters(wellFormed(value), { keepLineBreaks: true })
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/**
 * A parameter value such as CN="…" (RFC 5545 3.1 and 3.2). It is always quoted, so ":;," need no
 * care; a quoted value may hold neither DQUOTE nor control characters, and has no escape for them.
 * Line breaks and other controls become a space, a double quote becomes an apostrophe. A caret
 * before n, ' or ^ is doubled: RFC 6868 readers (ical.js, Apple, Google) would otherwise turn
 * "^n" into a line break; elsewhere a caret is left alone, as RFC 6868 says.
 */
export function paramValue(value: string) {
  const clean = withoutControlCharacters(wellFormed(value)).replace(/"/g, "'").replace(/\^(?=[n'^])/g, '^^')
  return `"${clean}"`
}

/** A mailto: address as a property value: never anything that could end the line or the value. */
function mailto(email: string) {
  // eslint-disable-next-line no-control-regex -- Control characters are what this removes.
  return `mailto:${email.replace(/[\s"\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '')}`
}

/** Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character. */
export function foldLine(line: string) {
  const encoder = new TextEncoder()
  if (encoder.encode(line).length <= 75) return line
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

function localTime(date: Date) {
  return format(new TZDate(date.getTime(), TIME_ZONE), "yyyyMMdd'T'HHmmss")
}

function utcTime(date: Date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function eventLines(event: CalendarEvent, stamp: Date) {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcTime(event.stamp ?? stamp)}`,
    `DTSTART;TZID=${TIME_ZONE}:${localTime(event.start)}`,
    `DTEND;TZID=${TIME_ZONE}:${localTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ]
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`)
  if (event.organizer) lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:${mailto(event.organizer.email)}`)
  for (const attendee of event.attendees ?? []) {
    lines.push(`ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(attendee.email)}`)
  }
  lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT')
  return lines
}

function calendarFile(header: string[], events: CalendarEvent[]) {
  const stamp = new Date()
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Frivilligbro//Frivilligbro//DA',
    'CALSCALE:GREGORIAN',
    ...header,
    ...VTIMEZONE,
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/**
 * One event sent by e-mail: METHOD:REQUEST for a new or changed event, METHOD:CANCEL when the
 * event's status is CANCELLED (the calendar then removes the event with the same UID).
 */
export function calendarInvitation(event: CalendarEvent) {
  return calendarFile([`METHOD:${event.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST'}`], [event])
}

/**
 * A subscribable calendar (a personal feed): METHOD:PUBLISH with every event; cancelled events
 * stay in with STATUS:CANCELLED so subscribed calendars drop them. `name` is shown by the calendar app.
 */
export function calendarFeed(name: string, events: CalendarEvent[]) {
  return calendarFile(
    ['METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`, `X-WR-TIMEZONE:${TIME_ZONE}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H'],
    events,
  )
}
