import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckFilter, isFiltered, ListForm, ListSummary, Pagination, SelectFilter } from '~/components/workbench'
import { centreMunicipalities, volunteerList } from '~/models/workbench.server'
import { formatDate } from '~/utils/dates'
import { localeOf, TASKS } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { csvHref, volunteerQueryOf } from '~/utils/workbench'
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
    query: { ...query, sort: query.sort ?? 'name', municipalityId: query.municipalityId ?? '' },
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: volunteerList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreVolunteersPage() {
  const { t, i18n } = useTranslation(['workbench', 'common'])
  const { query, municipalities, list } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  const { search } = useLocation()
  return (
    <div className="workbench">
      <p>
        <Link to="/centre">{t('dashboard.workbench')}</Link>
      </p>
      <h1>{t('volunteers.title')}</h1>
      <p className="lead">{t('volunteers.intro')}</p>
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
        <CheckFilter id="filter-no-match" name="noMatch" label={t('volunteers.noActiveMatch')} checked={query.noActiveMatch} />
        <CheckFilter id="filter-checks" name="checks" label={t('volunteers.checksFilter')} checked={query.checksExpiring} />
        <CheckFilter id="filter-paused" name="paused" label={t('volunteers.paused')} checked={query.paused} />
      </ListForm>
      <ListSummary page={list} filtered={isFiltered(search)} />
      {list.rows.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('volunteers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('volunteers.name')}</th>
              <th scope="col">{t('volunteers.email')}</th>
              <th scope="col">{t('list.municipality')}</th>
              <th scope="col">{t('volunteers.skills')}</th>
              <th scope="col">{t('volunteers.matches')}</th>
              <th scope="col">{t('volunteers.checks')}</th>
              <th scope="col">{t('volunteers.lastActive')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id}>
                <td data-label={t('volunteers.name')}>
                  <Link to={`/centre/volunteers/${row.id}`}>{row.name}</Link>
                  {row.paused ? <> <span className="flag">{t('volunteers.pausedFlag')}</span></> : null}
                </td>
                <td data-label={t('volunteers.email')}>{row.email}</td>
                <td data-label={t('list.municipality')}>{row.municipalityName}</td>
                <td data-label={t('volunteers.skills')}>{row.skills.map((task) => t(`common:task.${task}`)).join(', ') || '—'}</td>
                <td data-label={t('volunteers.matches')}>{row.activeMatches}</td>
                <td data-label={t('volunteers.checks')}>
                  {row.checks.state === 'missing'
                    ? t('volunteers.checksMissing')
                    : row.checks.state === 'expiring'
                      ? t('volunteers.checksExpiring', { date: formatDate(row.checks.expiresAt, locale) })
                      : t('volunteers.checksOk')}
                </td>
                <td data-label={t('volunteers.lastActive')}>{row.lastLoginAt ? formatDate(row.lastLoginAt, locale) : t('list.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination page={list} />
      {list.total > 0 ? (
        <p>
          <a href={csvHref('/centre/volunteers', search)} download>
            {t('list.csv')}
          </a>
        </p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
