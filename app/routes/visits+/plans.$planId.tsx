import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormError, FormScope, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { dayLabel, PlanSummary } from '~/components/visits'
import { EmptyState } from '~/components/empty-state'
import { confirmPlan, declinePlan, endPlan, pausePlan, planFor, skipPlanDate, visitsOfPlan } from '~/models/visit-plan.server'
import visitStyles from '~/styles/visits.css'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { planSideOf } from '~/utils/permissions'
import { forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { declineFormSchema, endFormSchema, pauseFormSchema, planProblemMessage, skipFormSchema } from '~/utils/visit-plan'
import { copenhagenDate, copenhagenTime } from '~/utils/time'

const IntentSchema = z.object({ intent: z.enum(['confirm', 'decline', 'pause', 'skip', 'end']) })

export const handle = { i18n: ['visits', 'board'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitStyles }]

/** The plan, for one of the two parties of its match (the volunteer or the facility's staff); 404/403 otherwise. */
async function requirePlanParty(request: Request, planId: string | undefined) {
  const { actor } = await requirePermission(request, 'visits:view-own')
  const plan = planId ? await planFor(planId) : null
  if (!plan) notFound()
  const side = planSideOf(actor, plan.match)
  if (!side) forbidden()
  return { actor, plan, side }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, side } = await requirePlanParty(request, params.planId)
  const now = new Date()
  const proposer = plan.proposedById === plan.match.volunteerId ? 'volunteer' : 'facility'
  const t = await getFixedT(request, 'visits')
  const visits = await visitsOfPlan(plan.id, now)
  return json({
    title: t('detail.title', { facility: plan.match.facility.name }),
    plan: {
      id: plan.id,
      status: plan.status,
      weekday: plan.weekday,
      startTime: plan.startTime,
      endTime: plan.endTime,
      frequency: plan.frequency,
      nthWeekday: plan.nthWeekday,
      startDate: plan.startDate,
      endDate: plan.endDate,
      location: plan.location,
      exceptions: plan.exceptions,
    },
    side,
    awaiting: plan.status === 'proposed' ? (proposer === side ? ('other' as const) : ('me' as const)) : null,
    matchActive: plan.match.status === 'active',
    facilityName: plan.match.facility.name,
    volunteerName: plan.match.volunteer.name,
    adTitle: plan.match.jobAd.title,
    today: copenhagenDate(now),
    visits: visits.map((visit) => ({ id: visit.id, localDate: visit.localDate, status: visit.status, startTime: copenhagenTime(visit.startsAt), endTime: copenhagenTime(visit.endsAt) })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, plan } = await requirePlanParty(request, params.planId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const now = new Date()
  const today = copenhagenDate(now)
  const back = `/visits/plans/${plan.id}`

  let result
  switch (intent.data.intent) {
    case 'confirm':
      result = await confirmPlan(actor, plan.id, now)
      if (result.ok) return redirectWithToast('/visits', { key: 'visits:detail.confirmed' })
      break
    case 'decline': {
      const form = parseForm(formData, declineFormSchema)
      if (!form.ok) return json(form, { status: 400 })
      result = await declinePlan(actor, plan.id, form.data.reason, now)
      if (result.ok) return redirectWithToast('/visits', { key: 'visits:detail.declined' })
      break
    }
    case 'pause': {
      const form = parseForm(formData, pauseFormSchema(today))
      if (!form.ok) return json(form, { status: 400 })
      result = await pausePlan(actor, plan.id, form.data, now)
      if (result.ok) return redirectWithToast(back, { key: 'visits:detail.paused', values: { count: String(result.cancelled) } })
      break
    }
    case 'skip': {
      const form = parseForm(formData, skipFormSchema(today, plan.weekday))
      if (!form.ok) return json(form, { status: 400 })
      result = await skipPlanDate(actor, plan.id, form.data, now)
      if (result.ok) return redirectWithToast(back, { key: 'visits:detail.skipped', values: { count: String(result.cancelled) } })
      break
    }
    case 'end': {
      const form = parseForm(formData, endFormSchema)
      if (!form.ok) return json(form, { status: 400 })
      result = await endPlan(actor, plan.id, form.data.reason, now)
      if (result.ok) return redirectWithToast('/visits', { key: 'visits:detail.ended', values: { count: String(result.cancelled) } })
      break
    }
  }
  if (result.reason === 'not-found') notFound()
  if (result.reason === 'forbidden') forbidden()
  return formFailure(formData, planProblemMessage(result))
}

function stateFor(state: FormState, intent: string): FormState {
  return state?.values?.intent === intent ? state : undefined
}

export default function PlanPage() {
  const { t, i18n } = useTranslation(['visits', 'common'])
  const data = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>() as FormState
  const locale = localeOf(i18n.language)
  const { plan } = data
  const live = plan.status !== 'ended'
  return (
    <div className="visits-page">
      <h1>{t('detail.title', { facility: data.facilityName })}</h1>
      <p className="lead">{t('detail.intro', { volunteer: data.volunteerName, facility: data.facilityName, ad: data.adTitle })}</p>
      <section aria-labelledby="plan-heading" className="card">
        <h2 id="plan-heading">{t('detail.agreement')}</h2>
        <PlanSummary plan={plan} awaiting={data.awaiting} locale={locale} />
        {live && data.matchActive ? (
          <p>
            <Link to={`/visits/plans/${plan.id}/edit`}>{t('detail.change')}</Link>
          </p>
        ) : null}
      </section>

      {data.awaiting === 'me' ? (
        <section aria-labelledby="answer-heading" className="card answer-box">
          <h2 id="answer-heading">{t('detail.answerHeading')}</h2>
          <p>{t('detail.answerIntro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <FormError state={stateFor(state, 'confirm')} />
            <SubmitButton>{t('detail.confirm')}</SubmitButton>
          </Form>
          <Form method="post" className="stack">
            <FormScope id="plan-decline">
            <input type="hidden" name="intent" value="decline" />
            <ErrorSummary state={stateFor(state, 'decline')} labels={{ reason: t('detail.declineReason') }} />
            <TextAreaField label={t('detail.declineReason')} name="reason" rows={3} state={stateFor(state, 'decline')} />
            <SubmitButton className="button button-secondary">{t('detail.decline')}</SubmitButton>
            </FormScope>
          </Form>
        </section>
      ) : data.awaiting === 'other' ? (
        <p className="callout">{t('detail.waitingForOther')}</p>
      ) : null}

      {plan.status === 'confirmed' ? (
        <>
          <section aria-labelledby="pause-heading" className="card">
            <h2 id="pause-heading">{t('detail.pauseHeading')}</h2>
            <p>{t('detail.pauseIntro')}</p>
            <Form method="post" className="stack" noValidate>
              <FormScope id="plan-pause">
              <input type="hidden" name="intent" value="pause" />
              <ErrorSummary state={stateFor(state, 'pause')} labels={{ fromDate: t('detail.pauseFrom'), toDate: t('detail.pauseTo'), reason: t('detail.reason') }} />
              <fieldset className="date-range">
                <legend>{t('detail.pausePeriod')}</legend>
                <Field label={t('detail.pauseFrom')} name="fromDate" type="date" state={stateFor(state, 'pause')} />
                <Field label={t('detail.pauseTo')} name="toDate" type="date" state={stateFor(state, 'pause')} />
              </fieldset>
              <Field label={t('detail.reason')} name="reason" state={stateFor(state, 'pause')} maxLength={500} />
              <SubmitButton className="button button-secondary">{t('detail.pause')}</SubmitButton>
              </FormScope>
            </Form>
          </section>
          <section aria-labelledby="skip-heading" className="card">
            <h2 id="skip-heading">{t('detail.skipHeading')}</h2>
            <Form method="post" className="stack" noValidate>
              <FormScope id="plan-skip">
              <input type="hidden" name="intent" value="skip" />
              <ErrorSummary state={stateFor(state, 'skip')} labels={{ date: t('detail.skipDate'), reason: t('detail.reason') }} />
              <Field label={t('detail.skipDate')} name="date" type="date" state={stateFor(state, 'skip')} />
              <Field label={t('detail.reason')} name="reason" state={stateFor(state, 'skip')} maxLength={500} />
              <SubmitButton className="button button-secondary">{t('detail.skip')}</SubmitButton>
              </FormScope>
            </Form>
          </section>
        </>
      ) : null}

      {live ? (
        <section aria-labelledby="end-heading" className="card">
          <h2 id="end-heading">{t('detail.endHeading')}</h2>
          <p>{t('detail.endIntro')}</p>
          <Form method="post" className="stack" noValidate>
            <FormScope id="plan-end">
            <input type="hidden" name="intent" value="end" />
            <ErrorSummary state={stateFor(state, 'end')} labels={{ reason: t('detail.reason') }} />
            <Field label={t('detail.reason')} name="reason" state={stateFor(state, 'end')} maxLength={500} />
            <SubmitButton className="button button-secondary">{t('detail.end')}</SubmitButton>
            </FormScope>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="plan-visits-heading">
        <h2 id="plan-visits-heading">{t('detail.visits')}</h2>
        {data.visits.length === 0 ? (
          <EmptyState>{t('detail.noVisits')}</EmptyState>
        ) : (
          <ul>
            {data.visits.map((visit) => (
              <li key={visit.id}>
                <Link to={`/visits/${visit.id}`}>
                  {dayLabel(visit.localDate, locale)} {visit.startTime}–{visit.endTime}
                </Link>{' '}
                · {t(`status.${visit.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/visits">{t('page.back')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
