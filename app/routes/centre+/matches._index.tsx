import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckFilter, isFiltered, ListForm, ListSummary, Pagination, SelectFilter } from '~/components/workbench'
import { centreMunicipalities, facilitiesWithMatches, matchList } from '~/models/workbench.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { shownVolunteerName } from '~/utils/former-person'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { csvHref, MATCH_LIST_STATES, matchQueryOf } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

export const handle = { i18n: ['workbench', 'rights'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const t = await getFixedT(request, 'workbench')
  const facilities = facilitiesWithMatches(actor.centreMunicipalityIds)
  const query = matchQueryOf(
    params,
    facilities.map((f) => f.id),
  )
  return json({
    title: t('matches.title'),
    query: { ...query, state: query.state ?? '', facilityId: query.facilityId ?? '', municipalityId: query.municipalityId ?? '', sort: query.sort ?? 'start' },
    facilities,
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: matchList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreMatchesPage() {
  const { t, i18n } = useTranslation(['workbench', 'common', 'rights'])
  const { query, facilities, municipalities, list } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  const { search } = useLocation()
  return (
    <div className="workbench">
      <p>
        <Link to="/centre">{t('dashboard.workbench')}</Link>
      </p>
      <h1>{t('matches.title')}</h1>
      <p className="lead">{t('matches.intro')}</p>
      <ListForm
        searchLabel={t('matches.search')}
        q={query.q}
        sort={query.sort}
        sorts={[
          { value: 'start', label: t('matches.sortStart') },
          { value: 'facility', label: t('matches.sortFacility') },
        ]}
      >
        <SelectFilter
          id="filter-state"
          name="state"
          label={t('matches.state')}
          value={query.state}
          anyLabel={t('list.any')}
          options={MATCH_LIST_STATES.map((state) => ({ value: state, label: t(`common:matchStatus.${state}`) }))}
        />
        <SelectFilter
          id="filter-facility"
          name="facility"
          label={t('matches.facility')}
          value={query.facilityId}
          anyLabel={t('matches.allFacilities')}
          options={facilities.map((f) => ({ value: f.id, label: f.name }))}
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
        <CheckFilter id="filter-quiet" name="quiet" label={t('matches.quiet')} checked={query.quiet} />
      </ListForm>
      <ListSummary page={list} filtered={isFiltered(search)} />
      {list.rows.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('matches.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matches.volunteer')}</th>
              <th scope="col">{t('matches.facility')}</th>
              <th scope="col">{t('matches.ad')}</th>
              <th scope="col">{t('matches.state')}</th>
              <th scope="col">{t('matches.start')}</th>
              <th scope="col">{t('matches.lastVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => {
              const volunteer = shownVolunteerName(t, row.volunteerName)
              return (
                <tr key={row.id}>
                  <td data-label={t('matches.volunteer')}>
                    <Link to={`/centre/matches/${row.id}`} aria-label={t('matches.openLabel', { volunteer, facility: row.facilityName })}>
                      {volunteer}
                    </Link>
                  </td>
                  <td data-label={t('matches.facility')}>
                    {row.facilityName} <span className="muted">({row.municipalityName})</span>
                  </td>
                  <td data-label={t('matches.ad')}>{row.adTitle}</td>
                  <td data-label={t('matches.state')}>{t(`common:matchStatus.${row.status}`)}</td>
                  <td data-label={t('matches.start')}>{formatDate(row.startedAt, locale)}</td>
                  <td data-label={t('matches.lastVisit')}>{row.lastVisitAt ? formatDate(row.lastVisitAt, locale) : '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      <Pagination page={list} />
      {list.total > 0 ? (
        <p>
          <a href={csvHref('/centre/matches', search)} download>
            {t('list.csv')}
          </a>
        </p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
