import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckFilter, ListForm, MunicipalityFilter, WorkbenchList } from '~/components/workbench'
import { applicationList, centreMunicipalities } from '~/models/workbench.server'
import { shownVolunteerName } from '~/utils/former-person'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { waitedText } from '~/utils/waiting'
import { APPLICATION_SORTS, flagParam, listFormValues, listQueryOf } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['workbench', 'matching', 'rights'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, 'workbench')
  const query = { ...listQueryOf(params, APPLICATION_SORTS), waiting: flagParam(params, 'waiting') }
  return json({
    title: t('applications.title'),
    query: listFormValues(query, 'oldest'),
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: applicationList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreApplicationsPage() {
  const { t } = useTranslation(['workbench', 'common', 'matching', 'rights'])
  const { query, municipalities, list } = useLoaderData<typeof loader>()
  return (
    <WorkbenchList
      title={t('applications.title')}
      intro={t('applications.intro')}
      form={
        <ListForm
          searchLabel={t('applications.search')}
          q={query.q}
          sort={query.sort}
          sorts={[
            { value: 'oldest', label: t('applications.sortOldest') },
            { value: 'newest', label: t('applications.sortNewest') },
          ]}
        >
          <MunicipalityFilter value={query.municipalityId} municipalities={municipalities} />
          <CheckFilter id="filter-waiting" name="waiting" label={t('applications.waiting')} checked={query.waiting} />
        </ListForm>
      }
      page={list}
      rows={list.rows}
      columns={[
        {
          label: t('applications.volunteer'),
          cell: (row) => {
            const name = shownVolunteerName(t, row.volunteerName)
            return (
              <Link to={`/centre/applications/${row.id}`} aria-label={t('applications.open', { name })}>
                {name}
              </Link>
            )
          },
        },
        {
          label: t('applications.ad'),
          cell: (row) => (
            <>
              {row.adTitle} <span className="muted">· {row.facilityName}</span>
            </>
          ),
        },
        { label: t('applications.status'), cell: (row) => t(`common:applicationStatus.${row.status}`) },
        {
          label: t('applications.waited'),
          cell: (row) => (
            <>
              {waitedText(t, row.waitedHours)} {row.overdue ? <span className="flag">{t('matching:queue.overdue')}</span> : null}
            </>
          ),
        },
      ]}
    />
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
