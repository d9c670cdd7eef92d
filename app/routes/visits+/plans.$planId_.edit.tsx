import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PlanForm } from '~/components/visits'
import { changePlan, planAsDefaults, planFor } from '~/models/visit-plan.server'
import visitStyles from '~/styles/visits.css'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { copenhagenDate } from '~/utils/time'
import { redirectWithToast } from '~/utils/toast.server'
import { planFormSchema, planProblemMessage } from '~/utils/visit-plan'

export const handle = { i18n: ['visits', 'board'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitStyles }]

async function requirePlanParty(request: Request, planId: string | undefined) {
  const { actor } = await requirePermission(request, 'visits:view-own')
  const plan = planId ? await planFor(planId) : null
  if (!plan) notFound()
  if (!can(actor, 'visitPlan:act', plan.match)) forbidden()
  return { actor, plan }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlanParty(request, params.planId)
  const t = await getFixedT(request, 'visits')
  const today = copenhagenDate(new Date())
  const defaults = planAsDefaults(plan)
  // A plan that started already is changed from today on: the past stays as it was.
  if (defaults.startDate < today) defaults.startDate = today
  return json({
    title: t('edit.title'),
    planId: plan.id,
    editable: plan.status !== 'ended' && plan.match.status === 'active',
    confirmed: plan.status === 'confirmed',
    facilityName: plan.match.facility.name,
    defaults,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, plan } = await requirePlanParty(request, params.planId)
  const formData = await readForm(request)
  const now = new Date()
  const form = parseForm(formData, planFormSchema(copenhagenDate(now)))
  if (!form.ok) return json(form, { status: 400 })
  const result = await changePlan(actor, plan.id, form.data)
  if (!result.ok) {
    if (result.reason === 'not-found') notFound()
    if (result.reason === 'forbidden') forbidden()
    return formFailure(formData, planProblemMessage(result))
  }
  return redirectWithToast(`/visits/plans/${plan.id}`, { key: 'visits:edit.changed' })
}

export default function EditPlanPage() {
  const { t } = useTranslation('visits')
  const data = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="visits-page narrow">
      <h1>{t('edit.title')}</h1>
      <p className="lead">{t(data.confirmed ? 'edit.introConfirmed' : 'edit.intro', { facility: data.facilityName })}</p>
      {data.editable ? <PlanForm state={state} defaults={data.defaults} submitLabel={t('edit.submit')} /> : <p className="callout">{t('form.wrongState')}</p>}
      <p>
        <Link to={`/visits/plans/${data.planId}`}>{t('edit.back')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
