import { Link } from '@remix-run/react'
import { CalendarDays } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { formatShortDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'

/** The volunteer's or staff member's next event (nextEventOf); nothing when there is none. */
export function NextEventCard({ event }: { event: { id: string; title: string; status: string; startsAt: string; place: string } | null }) {
  const { t, i18n } = useTranslation('events')
  if (!event) return null
  return (
    <section aria-labelledby="next-event-heading" className="card">
      <h2 id="next-event-heading">
        <CalendarDays aria-hidden="true" size={20} /> {t('widgets.nextHeading')}
      </h2>
      <p>
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </p>
      <p>
        {formatShortDateTime(event.startsAt, localeOf(i18n.language))}
        {event.place ? ` · ${event.place}` : ''}
        {event.status === 'waiting' ? ` · ${t('widgets.waiting')}` : ''}
      </p>
    </section>
  )
}

type UpcomingEvent = { id: string; title: string; startsAt: string | null; capacity: number; confirmed: number; waiting: number }

/** The coordinator's upcoming events with sign-ups against capacity and the waiting lines (upcomingCentreEvents). */
export function UpcomingEventsCard({ events }: { events: UpcomingEvent[] }) {
  const { t, i18n } = useTranslation('events')
  const locale = localeOf(i18n.language)
  return (
    <section aria-labelledby="upcoming-events-heading">
      <h2 id="upcoming-events-heading">{t('widgets.upcomingHeading')}</h2>
      {events.length === 0 ? (
        <p>
          {t('widgets.none')} <Link to="/centre/events/new">{t('widgets.create')}</Link>
        </p>
      ) : (
        <ul>
          {events.map((event) => (
            <li key={event.id}>
              <Link to={`/centre/events/${event.id}`}>{event.title}</Link>
              {event.startsAt ? ` · ${formatShortDateTime(event.startsAt, locale)}` : ''} · {t('centre.ofCapacity', { confirmed: event.confirmed, capacity: event.capacity })}
              {event.waiting > 0 ? ` · ${t('widgets.waitingCount', { count: event.waiting })}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/centre/events">{t('widgets.all')}</Link>
      </p>
    </section>
  )
}
