import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isFiltered, ListForm, ListSummary, Pagination, SelectFilter } from '~/components/workbench'
import { adList, centreMunicipalities } from '~/models/workbench.server'
import { formatDate } from '~/utils/dates'
import { localeOf, TASKS } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { AD_SORTS, AD_STATE_ORDER, choiceParam, pageParam, searchParam } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['workbench', 'jobs'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, 'workbench')
  const query = {
    q: searchParam(params),
    state: choiceParam(params, 'state', AD_STATE_ORDER),
    task: choiceParam(params, 'task', TASKS),
    municipalityId: params.get('municipality') ?? undefined,
    sort: choiceParam(params, 'sort', AD_SORTS),
    page: pageParam(params),
  }
  return json({
    title: t('ads.title'),
    query: { ...query, state: query.state ?? '', task: query.task ?? '', municipalityId: query.municipalityId ?? '', sort: query.sort ?? 'state' },
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: adList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreAdsPage() {
  const { t, i18n } = useTranslation(['workbench', 'common', 'jobs'])
  const { query, municipalities, list } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  const { search } = useLocation()
  return (
    <div className="workbench">
      <p>
        <Link to="/centre">{t('dashboard.workbench')}</Link>
      </p>
      <h1>{t('ads.title')}</h1>
      <p className="lead">{t('ads.intro')}</p>
      <ListForm
        searchLabel={t('ads.search')}
        q={query.q}
        sort={query.sort}
        sorts={[
          { value: 'state', label: t('ads.sortState') },
          { value: 'newest', label: t('ads.sortNewest') },
          { value: 'title', label: t('ads.sortTitle') },
          { value: 'facility', label: t('ads.sortFacility') },
        ]}
      >
        <SelectFilter
          id="filter-state"
          name="state"
          label={t('ads.state')}
          value={query.state}
          anyLabel={t('list.any')}
          options={AD_STATE_ORDER.map((state) => ({ value: state, label: t(`jobs:status.${state}`) }))}
        />
        <SelectFilter
          id="filter-task"
          name="task"
          label={t('ads.task')}
          value={query.task}
          anyLabel={t('ads.allTasks')}
          options={TASKS.map((task) => ({ value: task, label: t(`common:task.${task}`) }))}
        />
        {municipalities.length > 1 ? (
          <SelectFilter
            id="filter-municipality"
            name="municipality"
            label={t('list.municipality')}
            value={query.municipalityId}
            anyLabel={t('list.allMunicipalities')}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        ) : null}
      </ListForm>
      <ListSummary page={list} filtered={isFiltered(search)} />
      {list.rows.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('ads.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ads.adTitle')}</th>
              <th scope="col">{t('ads.facility')}</th>
              <th scope="col">{t('ads.state')}</th>
              <th scope="col">{t('ads.date')}</th>
              <th scope="col">{t('ads.expires')}</th>
              <th scope="col">{t('ads.applications')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => {
              const date = row.status === 'submitted' ? row.submittedAt : row.publishedAt ?? row.submittedAt
              return (
                <tr key={row.id}>
                  <td data-label={t('ads.adTitle')}>
                    <Link to={`/centre/ads/${row.id}`}>{row.title}</Link>
                  </td>
                  <td data-label={t('ads.facility')}>
                    {row.facilityName} <span className="muted">({row.municipalityName})</span>
                    {row.facilityStatus !== 'active' ? <> <span className="flag">{t('ads.facilityNotActive')}</span></> : null}
                  </td>
                  <td data-label={t('ads.state')}>{t(`jobs:status.${row.status}`)}</td>
                  <td data-label={t('ads.date')}>{date ? formatDate(date, locale) : '—'}</td>
                  <td data-label={t('ads.expires')}>{row.expiresAt ? formatDate(row.expiresAt, locale) : '—'}</td>
                  <td data-label={t('ads.applications')}>{row.openApplications}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      <Pagination page={list} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
