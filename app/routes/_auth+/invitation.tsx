import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { acceptInvitation, isTokenValid, tokenOwnerWords } from '~/models/user.server'
import { createUserSession } from '~/utils/auth.server'
import { formFailure, parseForm, readForm, tokenPasswordSchema } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { startPageFor } from '~/utils/start-page'
import { toastCookie } from '~/utils/toast.server'

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const t = await getFixedT(request, 'auth')
  return json({ title: t('invitation.title'), token, valid: await isTokenValid(token, 'invitation') })
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const token = formData.get('token')
  const personalWords = typeof token === 'string' ? await tokenOwnerWords(token, 'invitation') : []
  const form = parseForm(formData, tokenPasswordSchema, { personalWords })
  if (!form.ok) return json(form, { status: 400 })
  const result = await acceptInvitation(form.data.token, form.data.password)
  if (!result.ok) return formFailure(formData, { formError: 'auth:invitation.invalid' })
  const headers = new Headers()
  headers.append('Set-Cookie', await createUserSession(result.userId))
  headers.append('Set-Cookie', await toastCookie({ key: 'auth:invitation.done' }))
  // An invited person is signed in at once and lands where their role works.
  return redirect(startPageFor(result.role), { headers })
}

export default function InvitationPage() {
  const { t } = useTranslation('auth')
  const { token, valid } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      {valid ? (
        <>
          <p className="lead">{t('invitation.intro')}</p>
          <Form method="post" className="stack" noValidate>
            <FormScope id="invitation">
            <ErrorSummary state={state} labels={{ password: t('fields.newPassword'), confirm: t('fields.confirmPassword') }} />
            <input type="hidden" name="token" value={token} />
            <Field label={t('fields.newPassword')} name="password" type="password" autoComplete="new-password" hint={t('fields.passwordHint')} required state={state} />
            <Field label={t('fields.confirmPassword')} name="confirm" type="password" autoComplete="new-password" required state={state} />
            <SubmitButton>{t('invitation.submit')}</SubmitButton>
            </FormScope>
          </Form>
        </>
      ) : (
        <p className="lead">{t('invitation.invalid')}</p>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
