import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { boardDay, TaskPictograms, useBoardLocale, VolunteerFace } from '~/components/who-comes'
import { facilityProfile } from '~/models/facility.server'
import { posterWeeks } from '~/models/who-comes.server'
import whoComesStyles from '~/styles/who-comes.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'

export const handle = { i18n: ['whocomes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: whoComesStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireFacilityPermission(request, 'whoComes:manage', params.facilityId)
  const facility = await facilityProfile(scope.facilityId)
  if (!facility) notFound()
  const t = await getFixedT(request, 'whocomes')
  return json({ title: t('poster.title', { name: facility.name }), facilityId: scope.facilityId, facilityName: facility.name, weeks: posterWeeks(scope.facilityId) })
}

/** Signed in as staff, photos come through the viewer's own permission (app/routes/photos.$photoId.ts). */
const photoSrc = (photoId: string) => `/photos/${photoId}`

export default function WhoComesPoster() {
  const { t } = useTranslation(['whocomes', 'common'])
  const locale = useBoardLocale()
  const { facilityId, facilityName, weeks } = useLoaderData<typeof loader>()
  return (
    <div className="who-poster-page">
      <div className="no-print who-poster-tools">
        <Link to={`/facility/${facilityId}/who-comes`}>{t('poster.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('poster.print')}
        </button>
        <p className="hint">{t('poster.printHint')}</p>
      </div>
      <article className="who-poster" aria-labelledby="poster-title">
        <header className="who-poster-header">
          <h1 id="poster-title">{t('poster.heading')}</h1>
          <p>{t('poster.subheading', { name: facilityName })}</p>
        </header>
        {weeks.map((week, index) => {
          const headingId = `poster-week-${index}`
          return (
            <section key={week.monday} aria-labelledby={headingId} className="who-poster-week">
              <h2 id={headingId}>
                {index === 0 ? t('poster.thisWeek') : t('poster.nextWeek')}{' '}
                <span className="who-poster-range">{t('poster.weekRange', { from: boardDay(week.monday, locale), to: boardDay(week.sunday, locale) })}</span>
              </h2>
              {week.visits.length === 0 ? (
                <p className="who-poster-empty">{t('poster.empty')}</p>
              ) : (
                <ul className={`who-poster-visits${week.visits.length > 4 ? ' who-compact' : ''}`}>
                  {week.visits.map((visit) => (
                    <li key={visit.id} className="who-poster-visit">
                      <VolunteerFace visit={visit} photoSrc={photoSrc} />
                      <div>
                        <p className="who-when">
                          <span className="who-day">{boardDay(visit.localDate, locale)}</span>{' '}
                          <span className="who-time">{t('poster.time', { from: visit.start, to: visit.end })}</span>
                        </p>
                        <p className="who-name">{visit.firstName}</p>
                        <TaskPictograms tasks={visit.tasks} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )
        })}
        <p className="who-poster-footer">{t('poster.footer')}</p>
      </article>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
