import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { jobAdsAwaitingReview } from '~/models/job.server'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'

export const handle = { i18n: ['jobs'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const t = await getFixedT(request, 'jobs')
  return json({ title: t('review.listTitle'), ads: await jobAdsAwaitingReview(actor.centreMunicipalityIds) })
}

export default function CentreAdsPage() {
  const { t, i18n } = useTranslation(['jobs', 'common'])
  const { ads } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <h1>{t('review.listTitle')}</h1>
      <p className="lead">{t('review.listIntro')}</p>
      {ads.length === 0 ? (
        <p className="empty">{t('review.none')}</p>
      ) : (
        <ol className="card-list">
          {ads.map((ad) => (
            <li key={ad.id} className="card">
              <h2>
                <Link to={`/centre/ads/${ad.id}`}>{ad.title}</Link>
              </h2>
              <p>
                {ad.facility.name} · {ad.municipality.name}
                {ad.submittedAt ? ` · ${t('review.submittedAt', { date: formatDateTime(ad.submittedAt, locale) })}` : null}
              </p>
              {ad.facility.status !== 'active' ? <p className="callout">{t('review.facilityNotActive')}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
