import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckFilter, isFiltered, ListForm, ListSummary, Pagination, SelectFilter } from '~/components/workbench'
import { applicationList, centreMunicipalities } from '~/models/workbench.server'
import { shownVolunteerName } from '~/utils/former-person'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { waitedText } from '~/utils/waiting'
import { APPLICATION_SORTS, choiceParam, flagParam, pageParam, searchParam } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['workbench', 'matching', 'rights'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, 'workbench')
  const query = {
    q: searchParam(params),
    waiting: flagParam(params, 'waiting'),
    municipalityId: params.get('municipality') ?? undefined,
    sort: choiceParam(params, 'sort', APPLICATION_SORTS),
    page: pageParam(params),
  }
  return json({
    title: t('applications.title'),
    query: { ...query, municipalityId: query.municipalityId ?? '', sort: query.sort ?? 'oldest' },
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: applicationList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreApplicationsPage() {
  const { t } = useTranslation(['workbench', 'common', 'matching', 'rights'])
  const { query, municipalities, list } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  return (
    <div className="workbench">
      <p>
        <Link to="/centre">{t('dashboard.workbench')}</Link>
      </p>
      <h1>{t('applications.title')}</h1>
      <p className="lead">{t('applications.intro')}</p>
      <ListForm
        searchLabel={t('applications.search')}
        q={query.q}
        sort={query.sort}
        sorts={[
          { value: 'oldest', label: t('applications.sortOldest') },
          { value: 'newest', label: t('applications.sortNewest') },
        ]}
      >
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
        <CheckFilter id="filter-waiting" name="waiting" label={t('applications.waiting')} checked={query.waiting} />
      </ListForm>
      <ListSummary page={list} filtered={isFiltered(search)} />
      {list.rows.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('applications.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('applications.volunteer')}</th>
              <th scope="col">{t('applications.ad')}</th>
              <th scope="col">{t('applications.status')}</th>
              <th scope="col">{t('applications.waited')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => {
              const name = shownVolunteerName(t, row.volunteerName)
              return (
                <tr key={row.id}>
                  <td data-label={t('applications.volunteer')}>
                    <Link to={`/centre/applications/${row.id}`} aria-label={t('applications.open', { name })}>
                      {name}
                    </Link>
                  </td>
                  <td data-label={t('applications.ad')}>
                    {row.adTitle} <span className="muted">· {row.facilityName}</span>
                  </td>
                  <td data-label={t('applications.status')}>{t(`common:applicationStatus.${row.status}`)}</td>
                  <td data-label={t('applications.waited')}>
                    {waitedText(t, row.waitedHours)} {row.overdue ? <span className="flag">{t('matching:queue.overdue')}</span> : null}
                  </td>
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
