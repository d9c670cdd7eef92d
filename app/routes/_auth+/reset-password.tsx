import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { isTokenValid, resetPassword, tokenOwnerWords } from '~/models/user.server'
import { formFailure, parseForm, readForm, tokenPasswordSchema } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { redirectWithToast } from '~/utils/toast.server'

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const t = await getFixedT(request, 'auth')
  return json({ title: t('reset.title'), token, valid: await isTokenValid(token, 'reset_password') })
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const token = formData.get('token')
  const personalWords = typeof token === 'string' ? await tokenOwnerWords(token, 'reset_password') : []
  const form = parseForm(formData, tokenPasswordSchema, { personalWords })
  if (!form.ok) return json(form, { status: 400 })
  const result = await resetPassword(form.data.token, form.data.password)
  if (!result.ok) return formFailure(formData, { formError: 'auth:reset.invalid' })
  return redirectWithToast('/login', { key: 'auth:reset.done' })
}

export default function ResetPasswordPage() {
  const { t } = useTranslation('auth')
  const { token, valid } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  if (!valid) {
    return (
      <div className="narrow">
        <h1>{t('reset.title')}</h1>
        <p className="lead">{t('reset.invalid')}</p>
        <p>
          <Link to="/forgot-password">{t('reset.again')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('reset.title')}</h1>
      <Form method="post" className="stack" noValidate>
        <FormScope id="reset">
        <ErrorSummary state={state} labels={{ password: t('fields.newPassword'), confirm: t('fields.confirmPassword') }} />
        <input type="hidden" name="token" value={token} />
        <Field label={t('fields.newPassword')} name="password" type="password" autoComplete="new-password" hint={t('fields.passwordHint')} required state={state} />
        <Field label={t('fields.confirmPassword')} name="confirm" type="password" autoComplete="new-password" required state={state} />
        <SubmitButton>{t('reset.submit')}</SubmitButton>
        </FormScope>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
