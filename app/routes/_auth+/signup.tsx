import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxField, ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { requestVolunteerSignUp } from '~/models/user.server'
import { requireAnonymous } from '~/utils/auth.server'
import { emailField, formFailure, nameField, newPasswordField, parseForm, phoneField, readForm } from '~/utils/forms.server'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { RULES, clientIp, hitRateLimit, ipKey, tryAgainMessage } from '~/utils/rate-limit.server'

const SignupSchema = z.object({
  name: nameField,
  email: emailField,
  phone: phoneField,
  password: newPasswordField,
  consent: z.literal('on', { errorMap: () => ({ message: 'auth:signup.consentRequired' }) }),
})

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const t = await getFixedT(request, 'auth')
  return json({ title: t('signup.title') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await readForm(request)
  const form = parseForm(formData, SignupSchema)
  if (!form.ok) return json(form, { status: 400 })
  const limit = await hitRateLimit([{ key: `signup:ip:${ipKey(clientIp(context))}`, rule: RULES.signupPerIp }])
  if (!limit.ok) {
    return formFailure(formData, { formError: tryAgainMessage(limit.retryAfterSeconds) }, { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
  }
  // The same page, as fast, whether the address was new or already had an account: the account
  // and the e-mail are made after the response.
  requestVolunteerSignUp({ ...form.data, locale: await getLocale(request) })
  return redirect('/signup/check-email')
}

export default function SignupPage() {
  const { t } = useTranslation('auth')
  const state = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>{t('signup.title')}</h1>
      <p className="lead">{t('signup.intro')}</p>
      <p className="callout">
        {t('signup.staffQuestion')} <Link to="/signup/facility">{t('signup.staffLink')}</Link>
      </p>
      <Form method="post" className="stack" noValidate>
        <FormScope id="signup">
        <ErrorSummary
          state={state}
          labels={{ name: t('fields.name'), email: t('fields.email'), phone: t('fields.phone'), password: t('fields.newPassword'), consent: t('signup.consentLabel') }}
        />
        <Field label={t('fields.name')} name="name" autoComplete="name" required state={state} />
        <Field label={t('fields.email')} name="email" type="email" autoComplete="email" required state={state} />
        <Field label={t('fields.phone')} name="phone" type="tel" autoComplete="tel" hint={t('fields.phoneHint')} state={state} />
        <Field label={t('fields.newPassword')} name="password" type="password" autoComplete="new-password" hint={t('fields.passwordHint')} required state={state} />
        <CheckboxField label={t('signup.consent')} name="consent" state={state} />
        <SubmitButton>{t('signup.submit')}</SubmitButton>
        </FormScope>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.loginLink')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
