import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SearchResultList, tagLabel } from '~/components/thread-search'
import { EmptyState } from '~/components/empty-state'
import { spacesFor } from '~/models/space.server'
import { hasSearch, searchThreads, searchableSpaces, threadSearchFromUrl } from '~/models/thread-search.server'
import searchStyles from '~/styles/thread-search.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requireRole } from '~/utils/permissions.server'
import { THREAD_TAGS, threadSearchQueryString } from '~/utils/thread-search'

export const handle = { i18n: ['search'] }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: searchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Admins run the system and are in no space, so they have nothing to search.
  const { actor } = await requireRole(request, ['volunteer', 'facility_staff', 'coordinator'])
  const filters = threadSearchFromUrl(new URL(request.url).searchParams)
  const spaces = await spacesFor(actor)
  const [choices, result, t] = await Promise.all([searchableSpaces(spaces), searchThreads(spaces, filters), getFixedT(request, 'search')])
  return json({ title: filters.q ? t('titleWithQuery', { q: filters.q }) : t('title'), filters, searched: hasSearch(filters), choices, ...result })
}

export default function ThreadSearchPage() {
  const { t } = useTranslation(['search', 'common'])
  const { filters, searched, choices, results, total, page, pages } = useLoaderData<typeof loader>()
  const location = useLocation()
  const id = useId()
  const hrefFor = (n: number) => `/threads/search${threadSearchQueryString(filters, n)}`
  return (
    <div className="thread-search">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      {choices.length === 0 ? (
        <EmptyState>{t('noSpaces')}</EmptyState>
      ) : (
        // A plain GET form: works without JavaScript, and the search stays in the URL.
        <Form method="get" action="/threads/search" className="search-form" role="search" key={location.search}>
          <div className="field search-q">
            <label htmlFor={`${id}-q`}>{t('form.q')}</label>
            <p id={`${id}-q-hint`} className="hint">
              {t('form.qHint')}
            </p>
            <input id={`${id}-q`} type="search" name="q" defaultValue={filters.q ?? ''} aria-describedby={`${id}-q-hint`} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-tag`}>{t('form.tag')}</label>
            <select id={`${id}-tag`} name="tag" defaultValue={filters.tag ?? ''}>
              <option value="">{t('form.anyTag')}</option>
              {THREAD_TAGS.map((tag) => (
                <option key={tag} value={tag}>
                  {tagLabel(t, tag)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-space`}>{t('form.space')}</label>
            <select id={`${id}-space`} name="space" defaultValue={filters.space ?? ''}>
              <option value="">{t('form.anySpace')}</option>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.kind === 'network' ? t('space.network', { name: choice.name }) : choice.name}
                </option>
              ))}
            </select>
          </div>
          <div className="search-actions">
            <button type="submit" className="button">
              {t('form.submit')}
            </button>
            {searched ? <Link to="/threads/search">{t('form.clear')}</Link> : null}
          </div>
        </Form>
      )}

      {searched ? (
        <section aria-labelledby={`${id}-results`}>
          {/* A paragraph, not a heading: each result below is an h2 of its own. */}
          <p id={`${id}-results`} className="result-count" role="status">
            {filters.q ? t('countFor', { count: total, q: filters.q }) : t('count', { count: total })}
          </p>
          {results.length === 0 ? (
            <div className="empty">
              <p>{total > 0 ? t('pastLastPage') : t('noResults')}</p>
              {total === 0 && filters.q ? <p>{t('noResultsTip')}</p> : null}
            </div>
          ) : (
            <SearchResultList results={results} />
          )}
          {pages > 1 ? (
            <nav aria-label={t('pagination')} className="pagination">
              <p>{t('pageOf', { page, pages })}</p>
              <ul>
                {page > 1 ? (
                  <li>
                    <Link to={hrefFor(page - 1)} rel="prev">
                      {t('previous')}
                    </Link>
                  </li>
                ) : null}
                {page < pages ? (
                  <li>
                    <Link to={hrefFor(page + 1)} rel="next">
                      {t('next')}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      ) : choices.length > 0 ? (
        <EmptyState>{t('prompt')}</EmptyState>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
