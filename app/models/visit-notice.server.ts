// The e-mails (with calendar files) that tell the people of a visit that it was booked, cancelled or moved.
import { contactOfMatch, formatVisitTime, type Person, type VisitDetails } from '~/models/visit-details.server'
import { type Tx } from '~/utils/db.server'
import { localeOf } from '~/utils/domain'
import { queueEmail } from '~/utils/email.server'
import { appUrl } from '~/utils/env.server'
import { getFixedT } from '~/utils/i18n.server'
import { calendarInvitation } from '~/utils/ics'

function placeOf(visit: Pick<VisitDetails, 'location' | 'facility'>) {
  const address = `${visit.facility.address}, ${visit.facility.postcode} ${visit.facility.town}`
  return visit.location ? `${visit.location}, ${address}` : address
}

export type VisitChange = 'booked' | 'cancelled' | 'moved'

/**
 * Tells people about a change of a visit, each in their own language, with a calendar file that
 * replaces (same UID, higher SEQUENCE) or removes (METHOD:CANCEL) the event in their calendar.
 */
export async function tellAboutVisit(
  tx: Tx,
  change: VisitChange,
  visit: VisitDetails,
  recipients: Person[],
  extra: { actorName: string; reason?: string; previous?: { startsAt: Date; endsAt: Date }; late?: boolean; now: Date },
) {
  const contact = contactOfMatch(visit.match)
  const attendees = [visit.volunteer, contact].filter((p): p is Person => Boolean(p)).map((p) => ({ name: p.name, email: p.email }))
  for (const person of recipients) {
    const locale = localeOf(person.locale)
    const t = await getFixedT(locale, 'emails')
    const recipient = person.id === visit.volunteer.id ? ('volunteer' as const) : ('contact' as const)
    const ics = calendarInvitation({
      uid: `visit-${visit.id}@frivilligbro`,
      sequence: visit.sequence,
      start: visit.startsAt,
      end: visit.endsAt,
      stamp: extra.now,
      summary: t('visitCalendar.summary', { facilityName: visit.facility.name, volunteer: visit.volunteer.name }),
      description: t('visitCalendar.description', { volunteer: visit.volunteer.name, contact: contact?.name ?? '', url: appUrl(`/visits/${visit.id}`) }),
      location: placeOf(visit),
      attendees,
      status: change === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    })
    const common = {
      name: person.name,
      recipient,
      facilityName: visit.facility.name,
      volunteerName: visit.volunteer.name,
      when: formatVisitTime(visit.startsAt, visit.endsAt, locale),
      place: placeOf(visit),
      url: appUrl(`/visits/${visit.id}`),
    }
    const attachments = [{ filename: 'besoeg.ics', contentType: `text/calendar; charset=utf-8; method=${change === 'cancelled' ? 'CANCEL' : 'REQUEST'}`, content: ics }]
    const dedupeKey = `visit-${change}:${visit.id}:${visit.sequence}:${person.id}`
    if (change === 'booked') {
      await queueEmail(tx, { to: person.email, toName: person.name, locale, template: 'visit-booked', dedupeKey, props: { ...common, title: visit.window?.title ?? '' }, attachments })
    } else if (change === 'cancelled') {
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale,
        template: 'visit-cancelled',
        dedupeKey,
        props: { ...common, by: extra.actorName, reason: extra.reason ?? '', late: Boolean(extra.late) },
        attachments,
      })
    } else {
      const previous = extra.previous ?? visit
      await queueEmail(tx, {
        to: person.email,
        toName: person.name,
        locale,
        template: 'visit-moved',
        dedupeKey,
        props: { ...common, by: extra.actorName, reason: extra.reason ?? '', previous: formatVisitTime(previous.startsAt, previous.endsAt, locale) },
        attachments,
      })
    }
  }
}

/** Everyone concerned by a visit except the one who changed it. */
export function otherParties(visit: VisitDetails, actorId: string) {
  const contact = contactOfMatch(visit.match)
  const people: Person[] = [visit.volunteer]
  if (contact && contact.id !== visit.volunteer.id) people.push(contact)
  return people.filter((person) => person.id !== actorId)
}

export async function actorName(tx: Tx, actorId: string) {
  return (await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name ?? ''
}
