import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AD_ACTION_LABEL, AdActionButton } from '~/components/job-ads'
import { EmptyState } from '~/components/empty-state'
import { jobAdsOfFacilities } from '~/models/job.server'
import { canTransition } from '~/utils/job-ad'
import { formatDate } from '~/utils/dates'
import { localeOf, JOB_AD_STATUSES } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requireRole } from '~/utils/permissions.server'

export const handle = { i18n: ['jobs'] }

export async function loader({ request }: LoaderFunctionArgs) {
  // Staff see the ads of every facility they are active staff of, and nothing else.
  const { actor } = await requireRole(request, ['facility_staff'])
  const t = await getFixedT(request, 'jobs')
  const facilities = await jobAdsOfFacilities(actor.memberships.map((m) => m.facilityId))
  return json({ title: t('list.title'), facilities })
}

export default function FacilityAdsPage() {
  const { t, i18n } = useTranslation(['jobs', 'common'])
  const { facilities } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.intro')}</p>
      {facilities.length === 0 ? <EmptyState>{t('list.noFacility')}</EmptyState> : null}
      {facilities.map((facility) => (
        <section key={facility.id} aria-labelledby={`facility-${facility.id}`} className="card">
          <h2 id={`facility-${facility.id}`}>{facility.name}</h2>
          {facility.status !== 'active' ? <p className="callout">{t('list.facilityNotActive')}</p> : null}
          <p>
            <Link className="button" to={`/facility/ads/new?facilityId=${facility.id}`}>
              {t('list.new', { facility: facility.name })}
            </Link>
          </p>
          {facility.jobAds.length === 0 ? <EmptyState>{t('list.none')}</EmptyState> : null}
          {JOB_AD_STATUSES.map((status) => {
            const ads = facility.jobAds.filter((ad) => ad.status === status)
            if (ads.length === 0) return null
            return (
              <div key={status}>
                <h3>
                  {t(`status.${status}`)} ({ads.length})
                </h3>
                <ul className="card-list">
                  {ads.map((ad) => {
                    const action = `/facility/ads/${ad.id}`
                    return (
                      <li key={ad.id} className="card">
                        <h4>
                          <Link to={action}>{ad.title}</Link>
                        </h4>
                        {status === 'draft' && ad.reviewComment ? <p className="callout">{t('list.returned')}</p> : null}
                        <p className="hint">
                          {status === 'submitted' && ad.submittedAt ? t('list.submittedAt', { date: formatDate(ad.submittedAt, locale) }) : null}
                          {(status === 'published' || status === 'paused') && ad.expiresAt ? t('list.expiresAt', { date: formatDate(ad.expiresAt, locale) }) : null}
                          {status === 'draft' || status === 'filled' || status === 'closed' ? t('list.updatedAt', { date: formatDate(ad.updatedAt, locale) }) : null}
                        </p>
                        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
                          {status === 'draft' ? (
                            <Link className="button button-small" to={action}>
                              {t('actions.edit', { title: ad.title })}
                            </Link>
                          ) : null}
                          {(['pause', 'resume', 'fill', 'renew'] as const)
                            .filter((transition) => canTransition(status, transition))
                            .map((transition) => (
                              <AdActionButton key={transition} action={action} back="list" intent={transition} label={t(AD_ACTION_LABEL[transition])} secondary />
                            ))}
                        </div>
                      </li>
                    )
                  })}
                </ul>
              </div>
            )
          })}
        </section>
      ))}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
