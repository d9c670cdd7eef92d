import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { BOARD_PAGE_SIZE, publishedAds } from '~/models/job-board.server'
import { formatDate } from '~/utils/dates'
import { isLocale } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageTitle } from '~/utils/meta'

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  // The board is public: anyone may read published ads.
  const { page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const t = await getFixedT(request)
  const { total, ads } = await publishedAds(page)
  return json({ title: t('jobs.title'), page, total, pages: Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE)), ads })
}

export default function JobBoardPage() {
  const { t, i18n } = useTranslation()
  const { ads, page, pages, total } = useLoaderData<typeof loader>()
  const locale = isLocale(i18n.language) ? i18n.language : 'da'
  return (
    <div>
      <h1>{t('jobs.title')}</h1>
      <p className="lead">{t('jobs.intro')}</p>
      <p aria-live="polite">{t('jobs.count', { count: total })}</p>
      {ads.length === 0 ? (
        <p className="empty">{t('jobs.empty')}</p>
      ) : (
        <ul className="card-list">
          {ads.map((ad) => (
            <li key={ad.id} className="card">
              <h2>
                <Link to={`/jobs/${ad.id}`}>{ad.title}</Link>
              </h2>
              <p>
                {ad.facility.name} · {ad.facility.town} · {ad.municipality.name}
              </p>
              <p className="tags">
                {ad.tasks.map((task) => (
                  <span key={task} className="tag">
                    {t(`task.${task}`)}
                  </span>
                ))}
              </p>
              {ad.publishedAt ? <p className="hint">{t('jobs.published', { date: formatDate(ad.publishedAt, locale) })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t('jobs.pagination')} className="pagination">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t('jobs.previous')}</Link> : null}
          <span>{t('jobs.pageOf', { page, pages })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t('jobs.next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title)
