import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { municipalitiesOf, municipalityAds, municipalityFacilities } from '~/models/municipality.server'
import { formatDate, formatLocalDate } from '~/utils/dates'
import { localeOf, type Locale } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requireRole } from '~/utils/permissions.server'
import { copenhagenDate, dayNumber } from '~/utils/time'

export const handle = { i18n: ['municipality'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireRole(request, ['municipality'])
  const municipalityIds = actor.municipalityIds ?? []
  const t = await getFixedT(request, 'municipality')
  return json({
    title: t('home.title'),
    today: copenhagenDate(),
    municipalities: await municipalitiesOf(user.id),
    facilities: municipalityFacilities(municipalityIds),
    ads: municipalityAds(municipalityIds),
  })
}

/** How old a review is, in whole months (a year is 12), for a manager's glance. */
function monthsSince(localDate: string, today: string) {
  return Math.floor((dayNumber(today) - dayNumber(localDate)) / 30.44)
}

export default function MunicipalityHomePage() {
  const { t, i18n } = useTranslation(['municipality', 'common'])
  const locale = localeOf(i18n.language)
  const { municipalities, facilities, ads, today } = useLoaderData<typeof loader>()
  const withPolicy = facilities.filter((f) => f.policy).length
  const withScreening = facilities.filter((f) => f.screening).length
  return (
    <div>
      <h1>{t('home.title')}</h1>
      <p className="lead">{municipalities.length ? t('home.lead', { municipalities: municipalities.map((m) => m.name).join(', ') }) : t('home.noMunicipalities')}</p>
      <p>{t('home.privacy')}</p>
      <nav aria-label={t('home.shortcuts')}>
        <ul className="footer-links">
          <li>
            <Link to="/centre/report">{t('home.report')}</Link>
          </li>
          <li>
            <Link to="/municipality/ethics-template">{t('home.template')}</Link>
          </li>
          <li>
            <Link to="/municipality/wishes">{t('home.wishes')}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="facilities-heading">
        <h2 id="facilities-heading">{t('home.facilities')}</h2>
        <p>{t('home.facilitiesSummary', { count: facilities.length, policies: withPolicy, screenings: withScreening })}</p>
        {facilities.length === 0 ? (
          <p className="empty">{t('home.noFacilities')}</p>
        ) : (
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a wide table the keyboard must be able to scroll
          <div className="table-wrap" role="region" aria-label={t('home.facilities')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('home.facilities')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('home.facility')}</th>
                  <th scope="col">{t('home.status')}</th>
                  <th scope="col">{t('home.screening')}</th>
                  <th scope="col">{t('home.policy')}</th>
                  <th scope="col">{t('home.policyUpdated')}</th>
                  <th scope="col">{t('home.policyReviewed')}</th>
                  <th scope="col" className="number">
                    {t('home.publishedAds')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {facilities.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      {f.name}
                      <br />
                      <span className="hint">
                        {t(`common:facilityKind.${f.kind}`, { defaultValue: f.kind })} · {f.town} · {f.municipality}
                      </span>
                    </th>
                    <td>{t(`home.facilityStatus.${f.status}`, { defaultValue: f.status })}</td>
                    <td>{f.screening ? t('home.madeOn', { date: formatDate(f.screening.updatedAt, locale) }) : <strong>{t('home.missing')}</strong>}</td>
                    <td>{f.policy ? t(f.policy.fromTemplate ? 'home.policyFromTemplate' : 'home.policyOwn', { count: f.policy.entries }) : <strong>{t('home.missing')}</strong>}</td>
                    <td>{f.policy?.updatedAt ? formatDate(f.policy.updatedAt, locale) : t('home.none')}</td>
                    <td>{f.policy ? <ReviewAge reviewedOn={f.policy.reviewedOn} today={today} locale={locale} /> : t('home.none')}</td>
                    <td className="number">{f.publishedAds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="ads-heading">
        <h2 id="ads-heading">{t('home.ads')}</h2>
        {ads.length === 0 ? (
          <p className="empty">{t('home.noAds')}</p>
        ) : (
          <ul className="card-list">
            {ads.map((ad) => (
              <li key={ad.id} className="card">
                <h3>{ad.status === 'published' ? <Link to={`/jobs/${ad.id}`}>{ad.title}</Link> : ad.title}</h3>
                <p>
                  {ad.facility} · {t(`home.adStatus.${ad.status}`, { defaultValue: ad.status })}
                  {ad.publishedAt ? ` · ${t('home.publishedOn', { date: formatDate(ad.publishedAt, locale) })}` : ''}
                </p>
                {ad.tasks.length ? <p className="hint">{ad.tasks.map((task) => t(`common:task.${task}`, { defaultValue: task })).join(', ')}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

function ReviewAge({ reviewedOn, today, locale }: { reviewedOn: string | null; today: string; locale: Locale }) {
  const { t } = useTranslation('municipality')
  if (!reviewedOn) return <strong>{t('home.neverReviewed')}</strong>
  const months = monthsSince(reviewedOn, today)
  const text = t('home.reviewedAgo', { date: formatLocalDate(reviewedOn, locale), count: months })
  return months >= 12 ? <strong>{text}</strong> : <>{text}</>
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
