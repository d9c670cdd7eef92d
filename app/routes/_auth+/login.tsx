import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { login } from '~/models/user.server'
import { createUserSession, requireAnonymous } from '~/utils/auth.server'
import { emailField, formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { clientIp, tryAgainMessage } from '~/utils/rate-limit.server'
import { landingAfterLogin } from '~/utils/start-page'

const LoginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: 'validation.required' }).min(1, 'validation.required').max(200, 'validation.tooLong?maximum=200'),
  redirectTo: z.string().max(2000).optional().catch(undefined),
})

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const t = await getFixedT(request, 'auth')
  return json({ title: t('login.title') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await readForm(request)
  const form = parseForm(formData, LoginSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await login({ email: form.data.email, password: form.data.password, ip: clientIp(context) })
  if (!result.ok) {
    if (result.reason === 'rate-limited') {
      const seconds = result.retryAfterSeconds ?? 60
      return formFailure(formData, { formError: tryAgainMessage(seconds) }, { status: 429, headers: { 'Retry-After': String(seconds) } })
    }
    return formFailure(formData, { formError: `auth:login.${result.reason}` })
  }
  const cookie = await createUserSession(result.userId)
  return redirect(landingAfterLogin(result.role, form.data.redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export default function LoginPage() {
  const { t } = useTranslation('auth')
  const state = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <Form method="post" className="stack" noValidate>
        <FormScope id="login">
        <ErrorSummary state={state} labels={{ email: t('fields.email'), password: t('fields.password') }} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field label={t('fields.email')} name="email" type="email" autoComplete="email" required state={state} />
        <Field label={t('fields.password')} name="password" type="password" autoComplete="current-password" required state={state} />
        <SubmitButton>{t('login.submit')}</SubmitButton>
        </FormScope>
      </Form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
