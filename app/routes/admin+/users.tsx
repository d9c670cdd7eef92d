import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError, SelectField, SubmitButton } from '~/components/forms'
import { listCentres, staffAccounts } from '~/models/centre.server'
import { inviteUser } from '~/models/user.server'
import { emailField, formFailure, localeField, nameField, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const InviteSchema = z
  .object({
    name: nameField,
    email: emailField,
    role: z.enum(['coordinator', 'admin'], { errorMap: () => ({ message: 'validation.choose' }) }),
    centreId: z.string().optional(),
    locale: localeField,
  })
  .refine((value) => value.role !== 'coordinator' || Boolean(value.centreId), { path: ['centreId'], message: 'admin:users.centreRequired' })

export const handle = { i18n: ['admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const t = await getFixedT(request, 'admin')
  const [accounts, centres] = await Promise.all([staffAccounts(), listCentres()])
  return json({ title: t('users.title'), accounts, centres: centres.map((c) => ({ id: c.id, name: c.name })) })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'admin:access')
  const formData = await readForm(request)
  const form = parseForm(formData, InviteSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await inviteUser(user, { ...form.data, centreId: form.data.role === 'coordinator' ? (form.data.centreId ?? null) : null })
  if (!result.ok) {
    return formFailure(formData, {
      fieldErrors: result.reason === 'email-taken' ? { email: ['admin:users.emailTaken'] } : { centreId: ['validation.choose'] },
    })
  }
  return redirectWithToast('/admin/users', { key: 'admin:users.invited', values: { email: form.data.email } })
}

export default function AdminUsersPage() {
  const { t } = useTranslation(['admin', 'common'])
  const { accounts, centres } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div>
      <h1>{t('users.title')}</h1>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t('users.invite')}</h2>
        <p className="hint">{t('users.inviteHint')}</p>
        <Form method="post" className="stack" noValidate>
          <FormError state={state} />
          <Field label={t('users.name')} name="name" required state={state} />
          <Field label={t('users.email')} name="email" type="email" required state={state} />
          <SelectField
            label={t('users.role')}
            name="role"
            required
            state={state}
            defaultValue="coordinator"
            options={[
              { value: 'coordinator', label: t('common:role.coordinator') },
              { value: 'admin', label: t('common:role.admin') },
            ]}
          />
          <SelectField
            label={t('users.centre')}
            hint={t('users.centreHint')}
            name="centreId"
            state={state}
            placeholder={t('common:choose')}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
          />
          <SelectField
            label={t('users.language')}
            name="locale"
            state={state}
            defaultValue="da"
            options={[
              { value: 'da', label: 'Dansk' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SubmitButton>{t('users.send')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('users.accounts')}</h2>
        <div className="table-wrap">
          <table className="responsive-table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.centre')}</th>
                <th scope="col">{t('users.state')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <td data-label={t('users.name')}>{account.name}</td>
                  <td data-label={t('users.email')}>{account.email}</td>
                  <td data-label={t('users.role')}>{t(`common:role.${account.role}`)}</td>
                  <td data-label={t('users.centre')}>{account.centre?.name ?? '—'}</td>
                  <td data-label={t('users.state')}>{account.emailVerifiedAt ? t('users.active') : t('users.invitedState')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
