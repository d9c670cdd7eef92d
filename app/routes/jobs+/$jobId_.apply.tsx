import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { CheckboxField, ErrorSummary, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { adForApplying, applyingState, applyToAd } from '~/models/application.server'
import volunteerStyles from '~/styles/volunteer.css'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const ApplySchema = z.object({
  motivation: multiLineText()
    .trim()
    .max(2000, 'validation.tooLong?maximum=2000')
    .optional()
    .transform((value) => value ?? ''),
  ethicsRead: z.literal('on', { errorMap: () => ({ message: 'volunteer:apply.ethicsRequired' }) }),
})

export const handle = { i18n: ['volunteer', 'board'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: volunteerStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Signed out → log in and come back here; signed in but not a volunteer → a 403 that says why.
  const { user } = await requirePermission(request, 'application:create')
  const ad = await adForApplying(params.jobId ?? '')
  if (!ad) notFound()
  const t = await getFixedT(request, 'volunteer')
  return json({ title: t('apply.title', { ad: ad.title }), ad, ...(await applyingState(user.id, ad.id)) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'application:create')
  const formData = await readForm(request)
  const form = parseForm(formData, ApplySchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await applyToAd({ volunteerId: user.id, jobAdId: params.jobId ?? '', motivation: form.data.motivation })
  if (!result.ok) {
    if (result.reason === 'not-found') notFound()
    return formFailure(formData, { formError: `volunteer:apply.refused.${result.reason}` })
  }
  return redirectWithToast('/volunteer/applications', { key: 'volunteer:apply.sent' })
}

export default function ApplyPage() {
  const { t } = useTranslation(['volunteer', 'common'])
  const { ad, hasConsent, alreadyApplied } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="narrow volunteer-page">
      <p>
        <Link to={`/jobs/${ad.id}`}>← {t('apply.backToAd')}</Link>
      </p>
      <h1>{t('apply.heading', { ad: ad.title })}</h1>
      <p className="lead">
        {ad.facility.name} · {ad.facility.town} · {ad.municipality.name}
      </p>

      {alreadyApplied ? (
        <p className="callout">
          {t('apply.refused.already-applied')} <Link to="/volunteer/applications">{t('apply.seeApplications')}</Link>
        </p>
      ) : null}
      {!hasConsent ? (
        <p className="callout">
          {t('apply.needsConsent')} <Link to="/volunteer/profile#consent">{t('apply.toProfile')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="ethics-heading" className="card">
        <h2 id="ethics-heading">{t('apply.ethicsHeading')}</h2>
        <p>{t('apply.ethicsIntro')}</p>
        {ad.facility.ethicsEntries.length ? (
          <dl className="ethics">
            {ad.facility.ethicsEntries.map((entry) => (
              <div key={entry.id}>
                <dt>{entry.technology}</dt>
                <dd>
                  <p>{entry.dilemma}</p>
                  <p>
                    <strong>{entry.agreedValues}</strong>
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <EmptyState>{t('apply.noEthics')}</EmptyState>
        )}
      </section>

      <Form method="post" className="stack" noValidate>
        <FormScope id="apply">
        <ErrorSummary state={state} labels={{ motivation: t('apply.motivation'), ethicsRead: t('apply.ethicsRead') }} />
        {state?.formError === 'volunteer:apply.refused.no-consent' ? (
          <p>
            <Link to="/volunteer/profile#consent">{t('apply.toProfile')}</Link>
          </p>
        ) : null}
        <TextAreaField label={t('apply.motivation')} name="motivation" hint={t('apply.motivationHint')} maxLength={2000} state={state} />
        <CheckboxField label={t('apply.ethicsRead')} name="ethicsRead" state={state} />
        <SubmitButton>{t('apply.submit')}</SubmitButton>
        </FormScope>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation(['volunteer', 'common', 'board'])
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <section className="error-page" aria-labelledby="error-heading">
        <h1 id="error-heading">{t('apply.onlyVolunteers.title')}</h1>
        <p>{t('apply.onlyVolunteers.body')}</p>
        <p>
          <Link to="/jobs">{t('apply.onlyVolunteers.back')}</Link>
        </p>
      </section>
    )
  }
  return <GeneralErrorBoundary notFound={{ title: t('board:adNotFound.title'), body: t('board:adNotFound.body'), link: { to: '/jobs', label: t('board:adNotFound.link') } }} />
}
