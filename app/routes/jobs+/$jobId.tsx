import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { publishedAd } from '~/models/job-board.server'
import { pageTitle } from '~/utils/meta'
import { notFound } from '~/utils/permissions.server'

export async function loader({ params }: LoaderFunctionArgs) {
  // Public: only published ads exist here; drafts and closed ads are a 404.
  const ad = await publishedAd(params.jobId ?? '')
  if (!ad) notFound()
  return json({ title: ad.title, ad })
}

export default function JobAdPage() {
  const { t } = useTranslation()
  const { ad } = useLoaderData<typeof loader>()
  return (
    <article>
      <p>
        <Link to="/jobs">← {t('jobs.back')}</Link>
      </p>
      <h1>{ad.title}</h1>
      <p className="lead">
        {ad.facility.name} · {t(`facilityKind.${ad.facility.kind}`)} · {ad.facility.town} · {ad.municipality.name}
      </p>
      <p className="tags">
        {ad.tasks.map((task) => (
          <span key={task} className="tag">
            {t(`task.${task}`)}
          </span>
        ))}
      </p>
      <h2>{t('jobs.about')}</h2>
      <p className="prewrap">{ad.description}</p>
      {ad.boundaries ? (
        <>
          <h2>{t('jobs.boundaries')}</h2>
          <p className="prewrap">{ad.boundaries}</p>
        </>
      ) : null}
      {ad.timeFrom && ad.timeTo ? (
        <>
          <h2>{t('jobs.when')}</h2>
          <p>
            {ad.weekdays.map((day) => t(`weekday.${day}`)).join(', ')} {t('jobs.time', { from: ad.timeFrom, to: ad.timeTo })} · {t(`frequency.${ad.frequency}`)}
          </p>
        </>
      ) : null}
      {ad.facility.ethicsEntries.length > 0 ? (
        <section aria-labelledby="ethics-heading">
          <h2 id="ethics-heading">{t('jobs.ethics')}</h2>
          <dl className="ethics">
            {ad.facility.ethicsEntries.map((entry) => (
              <div key={entry.id}>
                <dt>{entry.technology}</dt>
                <dd>
                  <p>{entry.dilemma}</p>
                  <p>
                    <strong>{entry.agreedValues}</strong>
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title)
