import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FormError, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { approveFacility, facilitiesForCentre, setFacilityActive } from '~/models/facility.server'
import { formatDate } from '~/utils/dates'
import { FACILITY_STATUSES, localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { facilityScope, forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { can } from '~/utils/permissions'
import { redirectWithToast } from '~/utils/toast.server'

const facilityId = z.string({ required_error: 'validation.invalid' }).min(1).max(100)
const reason = multiLineText().trim().min(1, 'facility:centre.reasonRequired').max(1000, 'validation.tooLong?maximum=1000')

const CentreFacilitySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), facilityId }),
  z.object({ intent: z.literal('deactivate'), facilityId, reason }),
  z.object({ intent: z.literal('reactivate'), facilityId, reason }),
])

export const handle = { i18n: ['facility', 'municipality'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const status = new URL(request.url).searchParams.get('status')
  const filter = (FACILITY_STATUSES as readonly string[]).includes(status ?? '') ? (status as (typeof FACILITY_STATUSES)[number]) : undefined
  const t = await getFixedT(request, 'facility')
  return json({ title: t('centre.title'), status: filter ?? '', facilities: await facilitiesForCentre(actor.centreMunicipalityIds, filter) })
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
  const { t, i18n } = useTranslation(['facility', 'common'])
  const { facilities, status } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const postedFor = state?.values?.facilityId
  return (
    <div>
      <p>
        <Link to="/centre">{t('centre.back')}</Link>
      </p>
      <h1>{t('centre.title')}</h1>
      <p className="lead">{t('centre.intro')}</p>
      <p>
        <Link to="/municipality/ethics-template">{t('municipality:home.template')}</Link>
      </p>
      <Form method="get" className="inline-form filter-form">
        <label htmlFor="status-filter">{t('centre.filter')}</label>{' '}
        <select id="status-filter" name="status" defaultValue={status}>
          <option value="">{t('centre.all')}</option>
          {FACILITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`home.status.${s}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button button-small button-secondary">
          {t('centre.show')}
        </button>
      </Form>
      {!postedFor ? <FormError state={state} /> : null}
      {facilities.length === 0 ? (
        <EmptyState>{t('centre.none')}</EmptyState>
      ) : (
        <ul className="card-list">
          {facilities.map((facility) => {
            const cardState = postedFor === facility.id ? state : undefined
            return (
              <li key={facility.id} className="card">
                <h2>{facility.name}</h2>
                <p>
                  <strong>{t(`home.status.${facility.status}`)}</strong> · {t(`common:facilityKind.${facility.kind}`)} · {facility.address}, {facility.postcode} {facility.town} ·{' '}
                  {facility.municipality.name}
                </p>
                <p>
                  {t('centre.leaders', {
                    names: facility.memberships.map((m) => `${m.user.name} (${m.user.email})`).join(', ') || '—',
                    date: formatDate(facility.createdAt, locale),
                  })}
                </p>
                <FormScope id={`facility-${facility.id}`}>
                <ErrorSummary state={cardState} labels={{ reason: t('centre.reason') }} />
                {facility.status === 'pending' ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="facilityId" value={facility.id} />
                    <SubmitButton>{t('centre.approve', { name: facility.name })}</SubmitButton>
                  </Form>
                ) : (
                  <details open={Boolean(cardState)}>
                    <summary>{facility.status === 'active' ? t('centre.deactivate', { name: facility.name }) : t('centre.reactivate', { name: facility.name })}</summary>
                    <Form method="post" className="stack" noValidate>
                      <input type="hidden" name="intent" value={facility.status === 'active' ? 'deactivate' : 'reactivate'} />
                      <input type="hidden" name="facilityId" value={facility.id} />
                      <TextAreaField label={t('centre.reason')} name="reason" hint={t('centre.reasonHint')} rows={3} state={cardState} />
                      <SubmitButton>{facility.status === 'active' ? t('centre.confirmDeactivate') : t('centre.confirmReactivate')}</SubmitButton>
                    </Form>
                  </details>
                )}
                </FormScope>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
