import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { centreEventPage } from '~/models/event.server'
import { formatShortDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { CENTRE_EVENT_VIEWS } from '~/utils/events'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { choiceParam, listHref, pageParam } from '~/utils/workbench'
import { EmptyState } from '~/components/empty-state'
import { ListSummary, Pagination } from '~/components/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['events', 'workbench'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

/** ?view=past for the past events (the latest first); the coming ones, soonest first, by default; ?page=n. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, 'events')
  const view = choiceParam(params, 'view', CENTRE_EVENT_VIEWS) ?? 'coming'
  return json({ title: t('centre.title'), list: centreEventPage(user.centreId!, { view, page: pageParam(params) }) })
}

export default function CentreEventsPage() {
  const { t, i18n } = useTranslation(['events', 'common'])
  const { list } = useLoaderData<typeof loader>()
  const { pathname, search } = useLocation()
  const locale = localeOf(i18n.language)
  const events = list.rows
  const noEventsAtAll = list.counts.coming + list.counts.past === 0
  return (
    <div>
      <h1>{t('centre.title')}</h1>
      <p className="lead">{t('centre.intro')}</p>
      <p>
        <Link to="/centre/events/new" className="button">
          {t('centre.new')}
        </Link>
      </p>
      {noEventsAtAll ? null : (
        <nav aria-label={t('centre.views')}>
          <ul className="list-views">
            {CENTRE_EVENT_VIEWS.map((view) => (
              <li key={view}>
                <Link to={listHref(pathname, search, { view: view === 'coming' ? undefined : view })} aria-current={view === list.view ? 'page' : undefined}>
                  {t(view === 'coming' ? 'centre.viewComing' : 'centre.viewPast', { count: list.counts[view] })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ListSummary
        page={list}
        filtered={false}
        empty={
          noEventsAtAll ? (
            <EmptyState>{t('centre.none')}</EmptyState>
          ) : list.view === 'coming' ? (
            <EmptyState action={list.counts.past > 0 ? <Link to={listHref(pathname, search, { view: 'past' })}>{t('centre.seePast')}</Link> : null}>{t('centre.noneComing')}</EmptyState>
          ) : (
            <EmptyState>{t('centre.nonePast')}</EmptyState>
          )
        }
      />
      {events.length === 0 ? null : (
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
      <Pagination page={list} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
