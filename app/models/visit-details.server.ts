// One visit with its place, people and log, as pages and e-mails read it.
import { formatInZone } from '~/utils/dates'
import { prisma, type Prisma, type Tx } from '~/utils/db.server'
import { parseList, type Locale } from '~/utils/domain'

const personSelect = { id: true, name: true, email: true, phone: true, locale: true, deactivatedAt: true } as const

/** What is needed to name the match's contact person: the ad's contact, else the facility's leader. */
const matchContactSelect = {
  id: true,
  status: true,
  jobAd: { select: { title: true, contactPerson: { select: personSelect } } },
  facility: { select: { memberships: { where: { status: 'active', role: 'leader' }, select: { user: { select: personSelect } } } } },
} satisfies Prisma.MatchSelect

type MatchWithContact = Prisma.MatchGetPayload<{ select: typeof matchContactSelect }>
export type Person = { id: string; name: string; email: string; phone: string | null; locale: string; deactivatedAt?: Date | null }

export function contactOfMatch(match: MatchWithContact | null): Person | null {
  if (!match) return null
  return [match.jobAd.contactPerson, ...match.facility.memberships.map((m) => m.user)].find((person): person is NonNullable<typeof person> => Boolean(person && !person.deactivatedAt)) ?? null
}

const visitSelect = {
  id: true,
  localDate: true,
  startsAt: true,
  endsAt: true,
  location: true,
  status: true,
  sequence: true,
  windowId: true,
  planId: true,
  cancelReason: true,
  cancelledAt: true,
  lateCancellation: true,
  hours: true,
  helpedWith: true,
  note: true,
  loggedAt: true,
  residentsHelped: true,
  residentFeedback: true,
  feedbackBy: true,
  residentWords: true,
  cancelledBy: { select: { name: true } },
  loggedBy: { select: { name: true } },
  window: { select: { id: true, title: true, capacity: true, weekday: true, startTime: true, endTime: true, validFrom: true, validTo: true, active: true } },
  facility: { select: { id: true, name: true, address: true, postcode: true, town: true, municipalityId: true } },
  volunteer: { select: personSelect },
  match: { select: matchContactSelect },
} satisfies Prisma.VisitSelect

export type VisitDetails = Prisma.VisitGetPayload<{ select: typeof visitSelect }>

/** One visit with its place, people and log; null when there is none. */
export function visitDetails(visitId: string, db: Tx = prisma) {
  return db.visit.findUnique({ where: { id: visitId }, select: visitSelect })
}

/** The visit as seen on its page: contact person resolved, nothing else of the match. */
export async function visitForPage(visitId: string) {
  const [visit, fulfilledWishes] = await Promise.all([
    visitDetails(visitId),
    prisma.residentWish.findMany({ where: { fulfilledByVisitId: visitId }, select: { id: true, what: true }, orderBy: { createdAt: 'asc' } }),
  ])
  if (!visit) return null
  const contact = contactOfMatch(visit.match)
  const { match, ...rest } = visit
  return {
    ...rest,
    fulfilledWishes,
    helpedWith: parseList(visit.helpedWith),
    adTitle: match?.jobAd.title ?? null,
    contact: contact ? { id: contact.id, name: contact.name, phone: contact.phone, email: contact.email } : null,
  }
}

/** "onsdag 2. december 2026 kl. 14:00–16:00", in the reader's language and Copenhagen time. */
export function formatVisitTime(startsAt: Date, endsAt: Date, locale: Locale) {
  const day = formatInZone(startsAt, locale === 'da' ? "EEEE d. MMMM yyyy 'kl.' HH:mm" : "EEEE d MMMM yyyy', 'HH:mm", locale)
  return `${day}–${formatInZone(endsAt, 'HH:mm', locale)}`
}
