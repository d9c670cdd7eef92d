import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { visitTimeText } from '~/components/booking'
import { EmptyState } from '~/components/empty-state'
import { lateCancellations, unloggedVisits } from '~/models/visit-attention.server'
import bookingStyles from '~/styles/booking.css'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { shownVolunteerName } from '~/utils/former-person'

export const handle = { i18n: ['booking'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const [unlogged, late] = await Promise.all([unloggedVisits(actor.centreMunicipalityIds), lateCancellations(actor.centreMunicipalityIds)])
  const t = await getFixedT(request, 'booking')
  return json({ title: t('centre.title'), unlogged, late })
}

export default function CentreVisitsPage() {
  const { t, i18n } = useTranslation(['booking', 'common'])
  const { unlogged, late } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <p>
        <Link to="/centre">{t('centre.back')}</Link>
      </p>
      <h1>{t('centre.title')}</h1>
      <p className="lead">{t('centre.intro')}</p>
      <section aria-labelledby="unlogged-heading">
        <h2 id="unlogged-heading">{t('centre.unloggedHeading')}</h2>
        <p>{t('centre.unloggedIntro')}</p>
        {unlogged.length === 0 ? (
          <EmptyState>{t('centre.noUnlogged')}</EmptyState>
        ) : (
          <ul className="card-list">
            {unlogged.map((visit) => (
              <li key={visit.id} className="card">
                <Link to={`/visits/${visit.id}`}>{visitTimeText(visit.startsAt, visit.endsAt, locale)}</Link> · {shownVolunteerName(t, visit.volunteer.name)} · {visit.facility.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="late-heading">
        <h2 id="late-heading">{t('centre.lateHeading')}</h2>
        <p>{t('centre.lateIntro')}</p>
        {late.length === 0 ? (
          <EmptyState>{t('centre.noLate')}</EmptyState>
        ) : (
          <ul className="card-list">
            {late.map((visit) => (
              <li key={visit.id} className="card">
                <p>
                  <Link to={`/visits/${visit.id}`}>{visitTimeText(visit.startsAt, visit.endsAt, locale)}</Link> · {shownVolunteerName(t, visit.volunteer.name)} · {visit.facility.name}
                </p>
                <p>
                  {t('centre.lateBy', { name: visit.cancelledBy?.name ?? '', date: visit.cancelledAt ? formatDateTime(visit.cancelledAt, locale) : '' })}
                  <br />
                  {t('visit.reason', { reason: visit.cancelReason ?? '' })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
