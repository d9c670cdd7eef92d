import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FormError, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { approveFacility, setFacilityActive } from '~/models/facility.server'
import { centreMunicipalities, facilityList } from '~/models/workbench.server'
import { CheckFilter, ListForm, MunicipalityFilter, SelectFilter, WorkbenchList } from '~/components/workbench'
import { formatDate } from '~/utils/dates'
import { FACILITY_STATUSES, localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { facilityScope, forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { can } from '~/utils/permissions'
import { redirectWithToast } from '~/utils/toast.server'
import { choiceParam, FACILITY_SORTS, flagParam, listFormValues, listQueryOf } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'

const facilityId = z.string({ required_error: 'validation.invalid' }).min(1).max(100)
const reason = multiLineText().trim().min(1, 'facility:centre.reasonRequired').max(1000, 'validation.tooLong?maximum=1000')

const CentreFacilitySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), facilityId }),
  z.object({ intent: z.literal('deactivate'), facilityId, reason }),
  z.object({ intent: z.literal('reactivate'), facilityId, reason }),
])

export const handle = { i18n: ['facility', 'municipality', 'workbench'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const query = {
    ...listQueryOf(params, FACILITY_SORTS),
    status: choiceParam(params, 'status', FACILITY_STATUSES),
    openAds: flagParam(params, 'openAds'),
    activeMatches: flagParam(params, 'activeMatches'),
  }
  const t = await getFixedT(request, 'facility')
  const { rows, ...page } = facilityList(actor.centreMunicipalityIds, query)
  return json({
    title: t('centre.title'),
    query: listFormValues(query, 'state'),
    municipalities: centreMunicipalities(actor.centreMunicipalityIds),
    page,
    facilities: rows,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, user } = await requirePermission(request, 'centre:work')
  const formData = await readForm(request)
  const form = parseForm(formData, CentreFacilitySchema)
  if (!form.ok) return json(form, { status: 400 })
  const data = form.data
  const scope = await facilityScope(data.facilityId)
  if (!scope) notFound()
  if (!can(actor, 'facility:approve', scope)) forbidden()
  const back = `/centre/facilities${new URL(request.url).search}`
  if (data.intent === 'approve') {
    const result = await approveFacility(user.id, data.facilityId)
    if (!result.ok) return formFailure(formData, { formError: 'facility:centre.alreadyHandled' })
    return redirectWithToast(back, { key: 'facility:centre.approved', values: { name: result.name } })
  }
  const active = data.intent === 'reactivate'
  const result = await setFacilityActive(user.id, data.facilityId, active, data.reason)
  if (!result.ok) return formFailure(formData, { formError: 'facility:centre.alreadyHandled' })
  return redirectWithToast(back, { key: active ? 'facility:centre.reactivated' : 'facility:centre.deactivated', values: { name: result.name } })
}

export default function CentreFacilitiesPage() {
  const { t, i18n } = useTranslation(['facility', 'workbench', 'common'])
  const { facilities, page, query, municipalities } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const postedFor = state?.values?.facilityId
  return (
    <WorkbenchList
      title={t('centre.title')}
      intro={t('centre.intro')}
      aside={
        <p>
          <Link to="/municipality/ethics-template">{t('municipality:home.template')}</Link>
          {' · '}
          <Link to="/centre/municipality-accounts">{t('municipality:accounts.link')}</Link>
        </p>
      }
      form={
        <ListForm
          searchLabel={t('workbench:facilities.search')}
          q={query.q}
          sort={query.sort}
          sorts={[
            { value: 'state', label: t('workbench:facilities.sortState') },
            { value: 'name', label: t('workbench:facilities.sortName') },
            { value: 'newest', label: t('workbench:facilities.sortNewest') },
          ]}
        >
          <SelectFilter
            id="filter-status"
            name="status"
            label={t('workbench:facilities.status')}
            value={query.status}
            anyLabel={t('centre.all')}
            options={FACILITY_STATUSES.map((s) => ({ value: s, label: t(`home.status.${s}`) }))}
          />
          <MunicipalityFilter value={query.municipalityId} municipalities={municipalities} />
          <CheckFilter id="filter-open-ads" name="openAds" label={t('workbench:facilities.openAds')} checked={query.openAds} />
          <CheckFilter id="filter-active-matches" name="activeMatches" label={t('workbench:facilities.activeMatches')} checked={query.activeMatches} />
        </ListForm>
      }
      notice={!postedFor ? <FormError state={state} /> : null}
      page={page}
      rows={facilities}
      columns={[
        {
          label: t('workbench:facilities.name'),
          cell: (facility) => (
            <>
              <strong>{facility.name}</strong>
              <br />
              <span className="muted">{t(`common:facilityKind.${facility.kind}`)}</span>
            </>
          ),
        },
        { label: t('workbench:facilities.status'), cell: (facility) => t(`home.status.${facility.status}`) },
        {
          label: t('workbench:facilities.place'),
          cell: (facility) => (
            <>
              {facility.address}, {facility.postcode} {facility.town} <span className="muted">({facility.municipalityName})</span>
            </>
          ),
        },
        {
          label: t('workbench:facilities.leaders'),
          cell: (facility) => (
            <>
              {facility.leaders.map((m) => `${m.name} (${m.email})`).join(', ') || '—'}
              <br />
              <span className="muted">{formatDate(facility.createdAt, locale)}</span>
            </>
          ),
        },
        {
          label: t('workbench:facilities.ads'),
          cell: (facility) =>
            facility.openAds > 0 ? <Link to={`/centre/ads?q=${encodeURIComponent(facility.name)}&state=published`}>{facility.openAds}</Link> : 0,
        },
        {
          label: t('workbench:facilities.matchCount'),
          cell: (facility) => (facility.activeMatches > 0 ? <Link to={`/centre/matches?facility=${facility.id}&state=active`}>{facility.activeMatches}</Link> : 0),
        },
        {
          label: t('workbench:facilities.actions'),
          cell: (facility) => <FacilityActions facility={facility} state={postedFor === facility.id ? state : undefined} />,
        },
      ]}
    />
  )
}

/** Approve a waiting facility; take an active one off the platform, or bring it back, with a reason. */
function FacilityActions({ facility, state }: { facility: { id: string; name: string; status: string }; state: ReturnType<typeof useActionData<typeof action>> }) {
  const { t } = useTranslation(['facility', 'workbench', 'common'])
  return (
    <>
      {facility.status === 'pending' ? (
        <Form method="post">
          <FormError state={state} />
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="facilityId" value={facility.id} />
          <SubmitButton className="button button-small">{t('centre.approve', { name: facility.name })}</SubmitButton>
        </Form>
      ) : (
        <details open={Boolean(state)}>
          <summary>{facility.status === 'active' ? t('centre.deactivate', { name: facility.name }) : t('centre.reactivate', { name: facility.name })}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value={facility.status === 'active' ? 'deactivate' : 'reactivate'} />
            <input type="hidden" name="facilityId" value={facility.id} />
            <FormScope id={`facility-status-${facility.id}`}>
              <ErrorSummary state={state} labels={{ reason: t('centre.reason') }} />
              <TextAreaField label={t('centre.reason')} name="reason" hint={t('centre.reasonHint')} rows={3} state={state} />
            </FormScope>
            <SubmitButton>{facility.status === 'active' ? t('centre.confirmDeactivate') : t('centre.confirmReactivate')}</SubmitButton>
          </Form>
        </details>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
