import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { volunteerOverview } from '~/models/volunteer.server'
import { formatDateTime } from '~/utils/dates'
import { isLocale } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageTitle } from '~/utils/meta'
import { requireRole } from '~/utils/permissions.server'

export const handle = { i18n: ['admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const t = await getFixedT(request, 'admin')
  return json({ title: t('volunteer.title'), name: user.name, ...(await volunteerOverview(user.id)) })
}

export default function VolunteerHomePage() {
  const { t, i18n } = useTranslation(['admin', 'common'])
  const { name, applications, matches, nextVisit } = useLoaderData<typeof loader>()
  const locale = isLocale(i18n.language) ? i18n.language : 'da'
  return (
    <div>
      <h1>{t('volunteer.title')}</h1>
      <p className="lead">{t('volunteer.greeting', { name })}</p>
      <section aria-labelledby="next-visit-heading" className="card">
        <h2 id="next-visit-heading">{t('volunteer.nextVisit')}</h2>
        {nextVisit ? (
          <p>
            {formatDateTime(nextVisit.startsAt, locale)} · {nextVisit.facility.name}
          </p>
        ) : (
          <p className="empty">{t('volunteer.noVisit')}</p>
        )}
      </section>
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t('volunteer.matches')}</h2>
        {matches.length === 0 ? (
          <p className="empty">{t('volunteer.noMatches')}</p>
        ) : (
          <ul>
            {matches.map((match) => (
              <li key={match.id}>
                {match.facility.name} — {match.jobAd.title} ({t(`common:matchStatus.${match.status}`)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('volunteer.applications')}</h2>
        {applications.length === 0 ? (
          <p className="empty">
            {t('volunteer.noApplications')} <Link to="/jobs">{t('volunteer.findJobs')}</Link>
          </p>
        ) : (
          <ul>
            {applications.map((application) => (
              <li key={application.id}>
                {application.jobAd.title} ({application.jobAd.facility.name}) — {t(`common:applicationStatus.${application.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title)
