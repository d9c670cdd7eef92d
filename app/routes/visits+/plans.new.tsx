import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PlanForm } from '~/components/visits'
import { matchForPlanning, planDefaults, proposePlan } from '~/models/visit-plan.server'
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

/** The match from ?matchId=, for one of its two parties; 404/403 otherwise. */
async function requireMatchParty(request: Request) {
  const { actor } = await requirePermission(request, 'visits:view-own')
  const matchId = new URL(request.url).searchParams.get('matchId') ?? ''
  const match = matchId ? await matchForPlanning(matchId) : null
  if (!match) notFound()
  if (!can(actor, 'visitPlan:act', match)) forbidden()
  return { actor, match, matchId }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { match, matchId, actor } = await requireMatchParty(request)
  const today = copenhagenDate(new Date())
  const t = await getFixedT(request, 'visits')
  return json({
    title: t('new.title'),
    matchId,
    active: match.status === 'active',
    with: actor.role === 'volunteer' ? match.facility.name : `${match.volunteer.name} · ${match.facility.name}`,
    adTitle: match.jobAd.title,
    defaults: (await planDefaults(matchId, today)) ?? {},
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, matchId } = await requireMatchParty(request)
  const formData = await readForm(request)
  const now = new Date()
  const form = parseForm(formData, planFormSchema(copenhagenDate(now)))
  if (!form.ok) return json(form, { status: 400 })
  const result = await proposePlan(actor, matchId, form.data)
  if (!result.ok) {
    if (result.reason === 'not-found') notFound()
    if (result.reason === 'forbidden') forbidden()
    return formFailure(formData, planProblemMessage(result))
  }
  return redirectWithToast(`/visits/plans/${result.planId}`, { key: 'visits:new.proposed' })
}

export default function NewPlanPage() {
  const { t } = useTranslation('visits')
  const data = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="visits-page narrow">
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.intro', { with: data.with, ad: data.adTitle })}</p>
      {data.active ? (
        <PlanForm state={state} defaults={data.defaults as Record<string, string>} submitLabel={t('new.submit')} action={`/visits/plans/new?matchId=${data.matchId}`} />
      ) : (
        <p className="callout">{t('form.matchNotActive')}</p>
      )}
      <p>
        <Link to="/visits">{t('page.back')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
