import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckFilter, ListForm, MunicipalityFilter, SelectFilter, WorkbenchList } from '~/components/workbench'
import { centreMunicipalities, facilitiesWithMatches, matchList } from '~/models/workbench.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { shownVolunteerName } from '~/utils/former-person'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { listFormValues, MATCH_ATTENTION, MATCH_LIST_STATES, matchQueryOf } from '~/utils/workbench'
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
    query: listFormValues(query, 'start'),
    facilities,
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    list: matchList(actor.centreMunicipalityIds, query),
  })
}

export default function CentreMatchesPage() {
  const { t, i18n } = useTranslation(['workbench', 'common', 'rights'])
  const { query, facilities, municipalities, list } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <WorkbenchList
      title={t('matches.title')}
      intro={t('matches.intro')}
      form={
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
          <MunicipalityFilter value={query.municipalityId} municipalities={municipalities} />
          <CheckFilter id="filter-quiet" name="quiet" label={t('matches.quiet')} checked={query.quiet} />
          <SelectFilter
            id="filter-attention"
            name="attention"
            label={t('matches.attention')}
            value={query.attention}
            anyLabel={t('list.any')}
            options={MATCH_ATTENTION.map((attention) => ({ value: attention, label: t(attention === 'agreement' ? 'matches.attentionAgreement' : 'matches.attentionFlagged') }))}
          />
        </ListForm>
      }
      page={list}
      rows={list.rows}
      columns={[
        {
          label: t('matches.volunteer'),
          cell: (row) => {
            const volunteer = shownVolunteerName(t, row.volunteerName)
            return (
              <Link to={`/centre/matches/${row.id}`} aria-label={t('matches.openLabel', { volunteer, facility: row.facilityName })}>
                {volunteer}
              </Link>
            )
          },
        },
        {
          label: t('matches.facility'),
          cell: (row) => (
            <>
              {row.facilityName} <span className="muted">({row.municipalityName})</span>
            </>
          ),
        },
        { label: t('matches.ad'), cell: (row) => row.adTitle },
        { label: t('matches.state'), cell: (row) => t(`common:matchStatus.${row.status}`) },
        { label: t('matches.start'), cell: (row) => formatDate(row.startedAt, locale) },
        { label: t('matches.lastVisit'), cell: (row) => (row.lastVisitAt ? formatDate(row.lastVisitAt, locale) : '—') },
      ]}
      csvPath="/centre/matches"
    />
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
