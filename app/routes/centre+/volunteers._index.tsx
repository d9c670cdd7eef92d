import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckFilter, ListForm, MunicipalityFilter, WorkbenchList } from '~/components/workbench'
import { centreMunicipalities, volunteerList } from '~/models/workbench.server'
import { formatDate } from '~/utils/dates'
import { localeOf, TASKS } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { listFormValues, volunteerQueryOf } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['workbench'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, ['workbench', 'common'])
  const query = volunteerQueryOf(params, (task) => t(`common:task.${task}`), TASKS)
  return json({
    title: t('volunteers.title'),
    query: listFormValues(query, 'name'),
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: volunteerList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreVolunteersPage() {
  const { t, i18n } = useTranslation(['workbench', 'common'])
  const { query, municipalities, list } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <WorkbenchList
      title={t('volunteers.title')}
      intro={t('volunteers.intro')}
      form={
        <ListForm
          searchLabel={t('volunteers.search')}
          q={query.q}
          sort={query.sort}
          sorts={[
            { value: 'name', label: t('volunteers.sortName') },
            { value: 'newest', label: t('volunteers.sortNewest') },
            { value: 'lastActive', label: t('volunteers.sortLastActive') },
          ]}
        >
          <MunicipalityFilter value={query.municipalityId} municipalities={municipalities} />
          <CheckFilter id="filter-no-match" name="noMatch" label={t('volunteers.noActiveMatch')} checked={query.noActiveMatch} />
          <CheckFilter id="filter-checks" name="checks" label={t('volunteers.checksFilter')} checked={query.checksExpiring} />
          <CheckFilter id="filter-paused" name="paused" label={t('volunteers.paused')} checked={query.paused} />
        </ListForm>
      }
      page={list}
      rows={list.rows}
      columns={[
        {
          label: t('volunteers.name'),
          cell: (row) => (
            <>
              <Link to={`/centre/volunteers/${row.id}`}>{row.name}</Link>
              {row.paused ? <> <span className="flag">{t('volunteers.pausedFlag')}</span></> : null}
            </>
          ),
        },
        { label: t('volunteers.email'), cell: (row) => row.email },
        { label: t('list.municipality'), cell: (row) => row.municipalityName },
        { label: t('volunteers.skills'), cell: (row) => row.skills.map((task) => t(`common:task.${task}`)).join(', ') || '—' },
        { label: t('volunteers.matches'), cell: (row) => row.activeMatches },
        {
          label: t('volunteers.checks'),
          cell: (row) =>
            row.checks.state === 'missing'
              ? t('volunteers.checksMissing')
              : row.checks.state === 'expiring'
                ? t('volunteers.checksExpiring', { date: formatDate(row.checks.expiresAt, locale) })
                : t('volunteers.checksOk'),
        },
        { label: t('volunteers.lastActive'), cell: (row) => (row.lastLoginAt ? formatDate(row.lastLoginAt, locale) : t('list.never')) },
      ]}
      csvPath="/centre/volunteers"
    />
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
