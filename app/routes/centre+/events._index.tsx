import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { centreEvents } from '~/models/event.server'
import { formatShortDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { EmptyState } from '~/components/empty-state'

export const handle = { i18n: ['events'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'centre:work')
  const t = await getFixedT(request, 'events')
  return json({ title: t('centre.title'), events: centreEvents(user.centreId!) })
}

export default function CentreEventsPage() {
  const { t, i18n } = useTranslation(['events', 'common'])
  const { events } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <h1>{t('centre.title')}</h1>
      <p className="lead">{t('centre.intro')}</p>
      <p>
        <Link to="/centre/events/new" className="button">
          {t('centre.new')}
        </Link>
      </p>
      {events.length === 0 ? (
        <EmptyState>{t('centre.none')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">{t('centre.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('centre.event')}</th>
                <th scope="col">{t('centre.starts')}</th>
                <th scope="col">{t('centre.status')}</th>
                <th scope="col">{t('centre.signups')}</th>
                <th scope="col">{t('centre.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">
                    <Link to={`/centre/events/${event.id}`}>{event.title}</Link>
                    <br />
                    <span className="muted">{t(`kind.${event.kind}`)}</span>
                  </th>
                  <td data-label={t('centre.starts')}>{event.startsAt ? formatShortDateTime(event.startsAt, locale) : '–'}</td>
                  <td data-label={t('centre.status')}>{t(`status.${event.status}`)}</td>
                  <td data-label={t('centre.signups')}>{t('centre.ofCapacity', { confirmed: event.confirmed, capacity: event.capacity })}</td>
                  <td data-label={t('centre.waiting')}>{event.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
