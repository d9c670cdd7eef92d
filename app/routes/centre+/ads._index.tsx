import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ListForm, MunicipalityFilter, SelectFilter, WorkbenchList } from '~/components/workbench'
import { adList, centreMunicipalities } from '~/models/workbench.server'
import { formatDate } from '~/utils/dates'
import { localeOf, TASKS } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { AD_SORTS, AD_STATE_ORDER, choiceParam, listFormValues, listQueryOf } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['workbench', 'jobs'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, 'workbench')
  const query = {
    ...listQueryOf(params, AD_SORTS),
    state: choiceParam(params, 'state', AD_STATE_ORDER),
    task: choiceParam(params, 'task', TASKS),
  }
  return json({
    title: t('ads.title'),
    query: listFormValues(query, 'state'),
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: adList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreAdsPage() {
  const { t, i18n } = useTranslation(['workbench', 'common', 'jobs'])
  const { query, municipalities, list } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <WorkbenchList
      title={t('ads.title')}
      intro={t('ads.intro')}
      form={
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
          <MunicipalityFilter value={query.municipalityId} municipalities={municipalities} />
        </ListForm>
      }
      page={list}
      rows={list.rows}
      columns={[
        { label: t('ads.adTitle'), cell: (row) => <Link to={`/centre/ads/${row.id}`}>{row.title}</Link> },
        {
          label: t('ads.facility'),
          cell: (row) => (
            <>
              {row.facilityName} <span className="muted">({row.municipalityName})</span>
              {row.facilityStatus !== 'active' ? <> <span className="flag">{t('ads.facilityNotActive')}</span></> : null}
            </>
          ),
        },
        { label: t('ads.state'), cell: (row) => t(`jobs:status.${row.status}`) },
        {
          label: t('ads.date'),
          cell: (row) => {
            const date = row.status === 'submitted' ? row.submittedAt : row.publishedAt ?? row.submittedAt
            return date ? formatDate(date, locale) : '—'
          },
        },
        { label: t('ads.expires'), cell: (row) => (row.expiresAt ? formatDate(row.expiresAt, locale) : '—') },
        { label: t('ads.applications'), cell: (row) => row.openApplications },
      ]}
    />
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
