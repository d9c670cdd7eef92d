import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormScope, SelectField, SubmitButton, type FormState } from '~/components/forms'
import { changePassword, getAccount, requestEmailChange, updateAccount } from '~/models/user.server'
import { endAllSessions, lucia, requireUser } from '~/utils/auth.server'
import { currentPasswordFailure, emailField, formFailure, localeField, nameField, newPasswordField, parseForm, phoneField, readForm } from '~/utils/forms.server'
import { getFixedT, localeCookie } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { clientIp } from '~/utils/rate-limit.server'
import { redirectWithToast, toastCookie } from '~/utils/toast.server'

const ProfileSchema = z.object({ intent: z.literal('profile'), name: nameField, phone: phoneField, locale: localeField })
const PasswordSchema = z
  .object({ intent: z.literal('password'), currentPassword: z.string().min(1, 'validation.required'), password: newPasswordField, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'validation.passwordsDiffer' })
const EmailSchema = z.object({ intent: z.literal('email'), email: emailField, currentPassword: z.string().min(1, 'validation.required') })

export const handle = { i18n: ['auth', 'rights'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = await getFixedT(request, 'auth')
  return json({ title: t('settings.title'), account: await getAccount(user.id) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readForm(request)
  const intent = formData.get('intent')

  if (intent === 'profile') {
    const form = parseForm(formData, ProfileSchema)
    if (!form.ok) return json(form, { status: 400 })
    await updateAccount(user.id, { name: form.data.name, phone: form.data.phone, locale: form.data.locale })
    const headers = new Headers()
    headers.append('Set-Cookie', await localeCookie.serialize(form.data.locale))
    return redirectWithToast('/settings', { key: 'auth:settings.saved' }, { headers })
  }

  if (intent === 'password') {
    const form = parseForm(formData, PasswordSchema, { personalWords: [user.name, user.email] })
    if (!form.ok) return json(form, { status: 400 })
    const result = await changePassword(user.id, form.data.currentPassword, form.data.password, clientIp(context))
    if (!result.ok) return currentPasswordFailure(formData, result)
    // Other devices are signed out; this one gets a fresh session.
    await endAllSessions(user.id)
    const session = await lucia().createSession(user.id, {})
    const headers = new Headers()
    headers.append('Set-Cookie', lucia().createSessionCookie(session.id).serialize())
    return redirectWithToast('/settings', { key: 'auth:settings.passwordChanged' }, { headers })
  }

  if (intent === 'email') {
    const form = parseForm(formData, EmailSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await requestEmailChange(user.id, form.data.email, form.data.currentPassword, clientIp(context))
    if (!result.ok) {
      if (result.reason === 'same') return formFailure(formData, { fieldErrors: { email: ['auth:settings.sameEmail'] } })
      return currentPasswordFailure(formData, result)
    }
    return redirectWithToast('/settings', { key: 'auth:settings.emailSent', values: { email: form.data.email } })
  }

  if (intent === 'logout-all') {
    await endAllSessions(user.id)
    const headers = new Headers()
    headers.append('Set-Cookie', lucia().createBlankSessionCookie().serialize())
    headers.append('Set-Cookie', await toastCookie({ key: 'auth:settings.loggedOutEverywhere' }))
    return redirect('/login', { headers })
  }

  return formFailure(formData, { formError: 'validation.badRequest' })
}

export default function SettingsPage() {
  const { t } = useTranslation(['auth', 'common', 'rights'])
  const { account } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const stateFor = (intent: string): FormState => (result?.values?.intent === intent ? result : undefined)
  return (
    <div className="narrow">
      <h1>{t('settings.title')}</h1>
      <p className="lead">{t('settings.signedInAs', { email: account.email })}</p>

      <section aria-labelledby="profile-heading" className="card">
        <h2 id="profile-heading">{t('settings.profile')}</h2>
        <Form method="post" className="stack" noValidate>
          <FormScope id="settings-profile">
          <ErrorSummary state={stateFor('profile')} labels={{ name: t('fields.name'), phone: t('fields.phone'), locale: t('settings.language') }} />
          <input type="hidden" name="intent" value="profile" />
          <Field label={t('fields.name')} name="name" defaultValue={account.name} autoComplete="name" required state={stateFor('profile')} />
          <Field label={t('fields.phone')} name="phone" type="tel" defaultValue={account.phone ?? ''} autoComplete="tel" state={stateFor('profile')} />
          <SelectField
            label={t('settings.language')}
            hint={t('settings.languageHint')}
            name="locale"
            defaultValue={account.locale}
            state={stateFor('profile')}
            options={[
              { value: 'da', label: 'Dansk' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SubmitButton>{t('settings.save')}</SubmitButton>
          </FormScope>
        </Form>
      </section>

      <section aria-labelledby="email-heading" className="card">
        <h2 id="email-heading">{t('settings.changeEmail')}</h2>
        <p className="hint">{t('settings.changeEmailHint')}</p>
        <Form method="post" className="stack" noValidate>
          <FormScope id="settings-email">
          <ErrorSummary state={stateFor('email')} labels={{ email: t('settings.newEmail'), currentPassword: t('fields.currentPassword') }} />
          <input type="hidden" name="intent" value="email" />
          <Field label={t('settings.newEmail')} name="email" type="email" autoComplete="email" required state={stateFor('email')} />
          <Field label={t('fields.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required state={stateFor('email')} />
          <SubmitButton>{t('settings.sendLink')}</SubmitButton>
          </FormScope>
        </Form>
      </section>

      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading">{t('settings.changePassword')}</h2>
        <Form method="post" className="stack" noValidate>
          <FormScope id="settings-password">
          <ErrorSummary state={stateFor('password')} labels={{ currentPassword: t('fields.currentPassword'), password: t('fields.newPassword'), confirm: t('fields.confirmPassword') }} />
          <input type="hidden" name="intent" value="password" />
          <Field label={t('fields.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required state={stateFor('password')} />
          <Field label={t('fields.newPassword')} name="password" type="password" autoComplete="new-password" hint={t('fields.passwordHint')} required state={stateFor('password')} />
          <Field label={t('fields.confirmPassword')} name="confirm" type="password" autoComplete="new-password" required state={stateFor('password')} />
          <SubmitButton>{t('settings.changePassword')}</SubmitButton>
          </FormScope>
        </Form>
      </section>

      <section aria-labelledby="data-heading" className="card">
        <h2 id="data-heading">{t('rights:data.title')}</h2>
        <p>{t('rights:data.settingsHint')}</p>
        <p>
          <Link to="/settings/data">{t('rights:data.settingsLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">{t('settings.sessions')}</h2>
        <p>{t('settings.sessionsHint')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="logout-all" />
          <SubmitButton className="button button-secondary">{t('settings.logoutAll')}</SubmitButton>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
