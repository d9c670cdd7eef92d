import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useId, useState } from 'react'
import { SearchX, SlidersHorizontal } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { boardChoices, searchBoard } from '~/models/job-board.server'
import { boardFiltersFromUrl, boardQueryString, hasActiveFilters } from '~/utils/job-board-query'
import { formatDate } from '~/utils/dates'
import { localeOf, FREQUENCIES, TASKS, WEEKDAYS } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { capitalize, describeSchedule } from '~/utils/schedule'
import { copenhagenDate } from '~/utils/time'
import boardStyles from '~/styles/board.css'
import { EmptyState } from '~/components/empty-state'

export const handle = { i18n: ['board'], scripts: false }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: boardStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Deliberately public: the board shows published ads to anyone, signed in or not.
  const filters = boardFiltersFromUrl(new URL(request.url).searchParams)
  const t = await getFixedT(request, 'board')
  const [result, choices] = await Promise.all([searchBoard(filters), boardChoices()])
  return json(
    {
      title: t('title'),
      description: t('metaDescription'),
      filters,
      filtered: hasActiveFilters(filters),
      feedQuery: boardQueryString({ ...filters, sort: 'newest', postcode: undefined }),
      today: copenhagenDate(),
      choices,
      ...result,
    },
  )
}

function pageNumbers(page: number, pages: number) {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages))
  return [...wanted].sort((a, b) => a - b)
}

type LoaderData = SerializeFrom<typeof loader>

export default function JobBoardPage() {
  const { t } = useTranslation(['board', 'common'])
  const data = useLoaderData<typeof loader>()
  const { filters, ads, total, page, pages, anyPublished, filtered, choices, nearestTo, today } = data
  const id = useId()
  const hrefFor = (n: number) => `/jobs${boardQueryString(filters, n > 1 ? { page: String(n) } : {})}`
  return (
    <div className="board">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <BoardSearch id={id} filters={filters} choices={choices} filtered={filtered} />

      <section aria-labelledby={`${id}-results`}>
        {/* The count is a paragraph, not a heading: each ad card below is an h2 of its own. */}
        <p id={`${id}-results`} className="result-count" role="status">
          {filtered ? t('countMatching', { count: total }) : t('count', { count: total })}
        </p>
        {data.ignoredMunicipalities.length ? (
          <p className="callout">{t('municipalityOutsideRegion', { municipality: data.ignoredMunicipalities.join(', '), region: filters.region })}</p>
        ) : null}
        {filters.sort === 'nearest' ? (
          <p className="hint">
            {nearestTo
              ? t('nearestTo', { postcode: nearestTo.postcode, town: nearestTo.town })
              : filters.postcode
                ? t('postcodeUnknown', { postcode: filters.postcode })
                : t('nearestNeedsPostcode')}
          </p>
        ) : null}
        {!anyPublished ? (
          <EmptyState action={<a href="/jobs.rss">{t('feeds.rss')}</a>}>{t('empty')}</EmptyState>
        ) : ads.length === 0 ? (
          <EmptyState icon={SearchX} action={<Link to="/jobs">{t('search.clear')}</Link>}>
            {t('noResults')}
          </EmptyState>
        ) : (
          <AdCards ads={ads} today={today} />
        )}
        {pages > 1 ? <BoardPagination page={page} pages={pages} hrefFor={hrefFor} /> : null}
      </section>

      <section aria-labelledby={`${id}-feeds`} className="board-feeds">
        <h2 id={`${id}-feeds`}>{t('feeds.heading')}</h2>
        <p>{t('feeds.intro')}</p>
        <ul>
          <li>
            <a href={`/jobs.rss${data.feedQuery}`}>
              {t('feeds.rss')}
            </a>
          </li>
          <li>
            <a href={`/jobs.json${data.feedQuery}`}>{t('feeds.json')}</a>
          </li>
        </ul>
      </section>
    </div>
  )
}

/** How many filters narrow the results (the weekdays count as one), shown on the phone's "Filtrér". */
function activeFilterCount(filters: LoaderData['filters']) {
  return [filters.q, filters.region, filters.targetGroup].filter(Boolean).length + filters.municipality.length + filters.task.length + filters.frequency.length + (filters.weekday.length > 0 ? 1 : 0)
}

function BoardSearch({ id, filters, choices, filtered }: { id: string; filters: LoaderData['filters']; choices: LoaderData['choices']; filtered: boolean }) {
  const { t } = useTranslation(['board', 'common'])
  const location = useLocation()
  // The municipality list follows the region: on render (without JavaScript, after searching) and
  // as soon as another region is chosen.
  const [region, setRegion] = useState(filters.region ?? '')
  const shownRegions = choices.regions.filter((entry) => !region || entry.region === region || !choices.regions.some((r) => r.region === region))
  const active = activeFilterCount(filters)
  return (
    // Under 700 px the filters fold behind "Filtrér" so the results come first; from 700 px
    // board.css opens the closed <details> and hides its summary. Works without JavaScript.
    <details className="board-filters" key={`filters-${location.search}`}>
      <summary className="filter-button">
        <SlidersHorizontal aria-hidden="true" size={18} />
        {t('search.toggle')}
        {active > 0 ? (
          <span className="filter-count">
            <span aria-hidden="true">{active}</span>
            <span className="visually-hidden">{t('search.activeCount', { count: active })}</span>
          </span>
        ) : null}
      </summary>
    <section aria-labelledby={`${id}-search`} className="board-search">
      <h2 id={`${id}-search`}>{t('search.heading')}</h2>
      {/* A plain GET form: works without JavaScript, and every filter stays in the URL. Keyed by
          the query so its fields show the current filters after a client-side navigation. */}
      <Form method="get" action="/jobs" className="board-form" key={location.search}>
        <div className="field board-q">
          <label htmlFor={`${id}-q`}>{t('search.q')}</label>
          <p id={`${id}-q-hint`} className="hint">
            {t('search.qHint')}
          </p>
          <input id={`${id}-q`} type="search" name="q" defaultValue={filters.q ?? ''} aria-describedby={`${id}-q-hint`} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('search.region')}</label>
          <select id={`${id}-region`} name="region" defaultValue={filters.region ?? ''} onChange={(event) => setRegion(event.currentTarget.value)}>
            <option value="">{t('search.anyRegion')}</option>
            {choices.regions.map(({ region }) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-municipality`}>{t('search.municipality')}</label>
          <select id={`${id}-municipality`} name="municipality" defaultValue={filters.municipality[0] ?? ''}>
            <option value="">{t('search.anyMunicipality')}</option>
            {shownRegions.map(({ region, municipalities }) => (
              <optgroup key={region} label={region}>
                {municipalities.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-task`}>{t('search.task')}</label>
          <select id={`${id}-task`} name="task" defaultValue={filters.task[0] ?? ''}>
            <option value="">{t('search.anyTask')}</option>
            {TASKS.map((task) => (
              <option key={task} value={task}>
                {t(`common:task.${task}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-frequency`}>{t('search.frequency')}</label>
          <select id={`${id}-frequency`} name="frequency" defaultValue={filters.frequency[0] ?? ''}>
            <option value="">{t('search.anyFrequency')}</option>
            {FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {capitalize(t(`schedule.frequency.${frequency}`))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>{t('search.targetGroup')}</label>
          <p id={`${id}-target-hint`} className="hint">
            {t('search.targetGroupHint')}
          </p>
          <input
            id={`${id}-target`}
            name="targetGroup"
            list={`${id}-target-list`}
            defaultValue={filters.targetGroup ?? ''}
            aria-describedby={`${id}-target-hint`}
            maxLength={100}
          />
          <datalist id={`${id}-target-list`}>
            {choices.targetGroups.map((group) => (
              <option key={group} value={group} />
            ))}
          </datalist>
        </div>
        <fieldset className="board-weekdays">
          <legend>{t('search.weekdays')}</legend>
          {WEEKDAYS.map((day) => (
            <div key={day} className="field field-checkbox">
              <input id={`${id}-day-${day}`} type="checkbox" name="weekday" value={day} defaultChecked={filters.weekday.includes(day)} />
              <label htmlFor={`${id}-day-${day}`}>{capitalize(t(`schedule.days.${day}`))}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('search.sort')}</label>
          <select id={`${id}-sort`} name="sort" defaultValue={filters.sort}>
            <option value="newest">{t('search.sortNewest')}</option>
            <option value="nearest">{t('search.sortNearest')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-postcode`}>{t('search.postcode')}</label>
          <p id={`${id}-postcode-hint`} className="hint">
            {t('search.postcodeHint')}
          </p>
          <input
            id={`${id}-postcode`}
            name="postcode"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={4}
            defaultValue={filters.postcode ?? ''}
            aria-describedby={`${id}-postcode-hint`}
          />
        </div>
        <div className="board-actions">
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
          {filtered || filters.sort !== 'newest' ? <Link to="/jobs">{t('search.clear')}</Link> : null}
        </div>
      </Form>
    </section>
    </details>
  )
}

function AdCards({ ads, today }: Pick<LoaderData, 'ads' | 'today'>) {
  const { t, i18n } = useTranslation(['board', 'common'])
  const locale = localeOf(i18n.language)
  return (
    <ul className="card-list">
      {ads.map((ad) => (
        <li key={ad.id} className="card">
          <h2>
            <Link to={`/jobs/${ad.id}`}>{ad.title}</Link>
          </h2>
          <p>
            {ad.facility.name} · {ad.facility.postcode} {ad.facility.town} · {ad.municipality.name}
          </p>
          <p>{capitalize(describeSchedule(t, locale, ad, today))}</p>
          <ul className="tags" aria-label={t('ad.tasks')}>
            {ad.tasks.map((task) => (
              <li key={task} className="tag">
                {t(`common:task.${task}`)}
              </li>
            ))}
          </ul>
          {ad.publishedAt ? <p className="hint">{t('published', { date: formatDate(ad.publishedAt, locale) })}</p> : null}
        </li>
      ))}
    </ul>
  )
}

function BoardPagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (n: number) => string }) {
  const { t } = useTranslation(['board', 'common'])
  return (
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
        {pageNumbers(page, pages).map((n, index, all) => (
          <li key={n}>
            {index > 0 && all[index - 1] !== n - 1 ? <span aria-hidden="true">… </span> : null}
            {n === page ? (
              <a aria-current="page" href={hrefFor(n)} aria-label={t('pageLabel', { page: n })}>
                {n}
              </a>
            ) : (
              <Link to={hrefFor(n)} aria-label={t('pageLabel', { page: n })}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              {t('next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageMeta({ data, matches }),
  { tagName: 'link', rel: 'alternate', type: 'application/rss+xml', title: 'RSS', href: `/jobs.rss${data?.feedQuery ?? ''}` },
  { tagName: 'link', rel: 'alternate', type: 'application/feed+json', title: 'JSON Feed', href: `/jobs.json${data?.feedQuery ?? ''}` },
]
