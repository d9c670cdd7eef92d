import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { requestPasswordReset } from '~/models/user.server'
import { emailField, formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { clientIp, tryAgainMessage } from '~/utils/rate-limit.server'

const ForgotSchema = z.object({ email: emailField })

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'auth')
  return json({ title: t('forgot.title') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const form = parseForm(formData, ForgotSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await requestPasswordReset({ email: form.data.email, ip: clientIp(context) })
  if (!result.ok) {
    return formFailure(formData, { formError: tryAgainMessage(result.retryAfterSeconds) }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  }
  return json({ ok: true as const, sent: true, email: form.data.email })
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation('auth')
  const state = useActionData<typeof action>()
  if (state && 'sent' in state) {
    return (
      <div className="narrow">
        <h1>{t('forgot.sentTitle')}</h1>
        <p className="lead" role="status">
          {t('forgot.sent', { email: state.email })}
        </p>
      </div>
    )
  }
  const formState = state && !state.ok ? state : undefined
  return (
    <div className="narrow">
      <h1>{t('forgot.title')}</h1>
      <p className="lead">{t('forgot.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormScope id="forgot">
        <ErrorSummary state={formState} labels={{ email: t('fields.email') }} />
        <Field label={t('fields.email')} name="email" type="email" autoComplete="email" required state={formState} />
        <SubmitButton>{t('forgot.submit')}</SubmitButton>
        </FormScope>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
