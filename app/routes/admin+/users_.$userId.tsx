import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormError, SubmitButton } from '~/components/forms'
import { accountForAdmin, deactivateAccount, reactivateAccount } from '~/models/account-admin.server'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const IntentSchema = z.object({ intent: z.enum(['deactivate', 'reactivate']) })

export const handle = { i18n: ['admin'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'admin:access')
  const account = params.userId ? await accountForAdmin(params.userId) : null
  if (!account) notFound()
  const t = await getFixedT(request, 'admin')
  return json({ title: t('account.title', { name: account.name || account.email }), account, self: account.id === user.id })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'admin:access')
  const account = params.userId ? await accountForAdmin(params.userId) : null
  if (!account) notFound()
  const formData = await readForm(request)
  const form = parseForm(formData, IntentSchema)
  if (!form.ok) return json(form, { status: 400 })
  const name = account.name || account.email
  if (form.data.intent === 'deactivate') {
    const result = await deactivateAccount(user.id, account.id)
    if (!result.ok) return formFailure(formData, { formError: `admin:account.refused.${result.reason}` })
    return redirectWithToast(`/admin/users/${account.id}`, { key: 'admin:account.deactivated', values: { name } })
  }
  const result = await reactivateAccount(user.id, account.id)
  if (!result.ok) return formFailure(formData, { formError: `admin:account.refused.${result.reason}` })
  return redirectWithToast(`/admin/users/${account.id}`, { key: 'admin:account.reactivated', values: { name } })
}

export default function AdminAccountPage() {
  const { t, i18n } = useTranslation(['admin', 'common'])
  const { account, self } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <p>
        <Link to="/admin/users">{t('account.back')}</Link>
      </p>
      <h1>{t('account.title', { name: account.name || account.email })}</h1>
      <dl className="meta-list">
        <dt>{t('users.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{t(`common:role.${account.role}`)}</dd>
        {account.centre ? (
          <>
            <dt>{t('users.centre')}</dt>
            <dd>{account.centre.name}</dd>
          </>
        ) : null}
        <dt>{t('account.lastLogin')}</dt>
        <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt, locale) : t('account.never')}</dd>
        <dt>{t('users.state')}</dt>
        <dd>{account.deactivatedAt ? t('account.deactivatedOn', { date: formatDateTime(account.deactivatedAt, locale) }) : t('users.active')}</dd>
      </dl>

      {account.deactivatedAt ? (
        <section aria-labelledby="reactivate-heading" className="card">
          <h2 id="reactivate-heading">{t('account.reactivateHeading')}</h2>
          <p>{t('account.reactivateIntro')}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="reactivate" />
            <FormError state={state} />
            <SubmitButton>{t('account.reactivate')}</SubmitButton>
          </Form>
        </section>
      ) : self ? (
        <p className="callout">{t('account.selfNote')}</p>
      ) : (
        <section aria-labelledby="deactivate-heading" className="card">
          <h2 id="deactivate-heading">{t('account.deactivateHeading')}</h2>
          <p>{t('account.deactivateIntro')}</p>
          <ul>
            <li>{t('account.sessions', { count: account.sessions })}</li>
            <li>{t('account.matches', { count: account.liveMatches })}</li>
            <li>{t('account.applications', { count: account.openApplications })}</li>
          </ul>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="deactivate" />
            <FormError state={state} />
            <SubmitButton className="button button-danger">{t('account.deactivate')}</SubmitButton>
          </Form>
        </section>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
