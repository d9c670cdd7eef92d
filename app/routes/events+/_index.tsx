import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { eventViewer, municipalitiesWithCentre, upcomingEvents } from '~/models/event.server'
import { getUser } from '~/utils/auth.server'
import { formatShortDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { EVENT_KINDS, eventFiltersFromUrl, eventQueryString } from '~/utils/events'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { EmptyState } from '~/components/empty-state'

export const handle = { i18n: ['events'] }

export async function loader({ request }: LoaderFunctionArgs) {
  // Public events are for everyone, signed in or not; the rest follow the audience rules.
  const user = await getUser(request)
  const filters = eventFiltersFromUrl(new URL(request.url).searchParams)
  const viewer = await eventViewer(user)
  const t = await getFixedT(request, 'events')
  return json({
    title: t('list.title'),
    kind: filters.kind ?? '',
    municipality: filters.municipality ?? '',
    municipalities: municipalitiesWithCentre(),
    feedQuery: eventQueryString(filters),
    events: upcomingEvents(viewer, filters),
    signedIn: Boolean(user),
  })
}

export default function EventsPage() {
  const { t, i18n } = useTranslation(['events', 'common'])
  const { events, kind, municipality, municipalities, feedQuery, signedIn } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <h1>{t('list.title')}</h1>
      <p className="lead">{signedIn ? t('list.intro') : t('list.introSignedOut')}</p>
      <Form method="get" className="filters">
        <label htmlFor="kind-filter">{t('list.kind')}</label>{' '}
        <select id="kind-filter" name="kind" defaultValue={kind}>
          <option value="">{t('list.allKinds')}</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>{' '}
        <label htmlFor="municipality-filter">{t('list.municipality')}</label>{' '}
        <select id="municipality-filter" name="municipality" defaultValue={municipality}>
          <option value="">{t('list.allMunicipalities')}</option>
          {municipalities.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button button-secondary button-small">
          {t('list.filter')}
        </button>
      </Form>
      {events.length === 0 ? (
        <EmptyState>{t('list.none')}</EmptyState>
      ) : (
        <ul className="card-list">
          {events.map((event) => (
            <li key={event.id} className="card">
              <h2>
                <Link to={`/events/${event.id}`}>{event.title}</Link>
              </h2>
              <p>
                {t(`kind.${event.kind}`)} · {event.centreName}
              </p>
              <p>
                {event.startsAt ? formatShortDateTime(event.startsAt, locale) : ''}
                {event.sessionCount > 1 ? ` · ${t('list.sessions', { count: event.sessionCount })}` : ''}
              </p>
              <p>{event.placesLeft > 0 ? t('list.placesLeft', { count: event.placesLeft }) : t('list.full')}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="feed-links">
        {t('feeds.intro')} <a href={`/events.rss${feedQuery}`}>{t('feeds.rss')}</a> · <a href={`/events.json${feedQuery}`}>{t('feeds.json')}</a>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => [
  ...pageMeta(args),
  { tagName: 'link', rel: 'alternate', type: 'application/rss+xml', title: 'RSS', href: `/events.rss${args.data?.feedQuery ?? ''}` },
  { tagName: 'link', rel: 'alternate', type: 'application/feed+json', title: 'JSON Feed', href: `/events.json${args.data?.feedQuery ?? ''}` },
]
