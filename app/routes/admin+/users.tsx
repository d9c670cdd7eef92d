import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList, ErrorSummary, Field, FormScope, SelectField, SubmitButton, type FormState } from '~/components/forms'
import { findAccounts, isRole } from '~/models/account-admin.server'
import { listCentres } from '~/models/centre.server'
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
    role: z.enum(['coordinator', 'admin', 'municipality'], { errorMap: () => ({ message: 'validation.choose' }) }),
    centreId: z.string().optional(),
    municipalityIds: z.array(z.string().max(100)).max(98).default([]),
    locale: localeField,
  })
  .refine((value) => value.role !== 'coordinator' || Boolean(value.centreId), { path: ['centreId'], message: 'admin:users.centreRequired' })
  .refine((value) => value.role !== 'municipality' || value.municipalityIds.length > 0, { path: ['municipalityIds'], message: 'municipality:invite.municipalityRequired' })

export const handle = { i18n: ['admin', 'municipality'] }

/** The search lives in the URL (?q=…&role=…&page=…): it works without JavaScript and can be shared. */
function searchOf(url: URL) {
  const q = (url.searchParams.get('q') ?? '').slice(0, 100)
  const roleParam = url.searchParams.get('role')
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1))
  return { q, role: isRole(roleParam) ? roleParam : null, page }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const t = await getFixedT(request, 'admin')
  const search = searchOf(new URL(request.url))
  const [found, centres] = await Promise.all([findAccounts(search), listCentres()])
  return json({ title: t('users.title'), search, found, centres: centres.map((c) => ({ id: c.id, name: c.name, municipalities: c.municipalities })) })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'admin:access')
  const formData = await readForm(request)
  const form = parseForm(formData, InviteSchema, { arrayFields: ['municipalityIds'] })
  if (!form.ok) return json(form, { status: 400 })
  const result = await inviteUser(user, { ...form.data, centreId: form.data.role === 'coordinator' ? (form.data.centreId ?? null) : null })
  if (!result.ok) {
    return formFailure(formData, {
      fieldErrors:
        result.reason === 'email-taken'
          ? { email: ['admin:users.emailTaken'] }
          : result.reason === 'municipality-missing'
            ? { municipalityIds: ['municipality:invite.municipalityRequired'] }
            : { centreId: ['validation.choose'] },
    })
  }
  return redirectWithToast('/admin/users', { key: 'admin:users.invited', values: { email: form.data.email } })
}

/** The municipality role's municipalities: several may be chosen, grouped by the centre covering them. */
function MunicipalitiesField({ centres, state }: { centres: { name: string; municipalities: { id: string; name: string }[] }[]; state: FormState }) {
  const { t } = useTranslation('municipality')
  const errors = state?.fieldErrors?.municipalityIds
  const chosen = state?.values?.municipalityIds
  return (
    <div className="field">
      <label htmlFor="invite-municipalities">{t('invite.municipalities')}</label>
      <p id="invite-municipalities-hint" className="hint">
        {t('invite.municipalitiesHint')}
      </p>
      <select
        id="invite-municipalities"
        name="municipalityIds"
        multiple
        size={6}
        defaultValue={Array.isArray(chosen) ? chosen : chosen ? [chosen] : []}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={['invite-municipalities-hint', errors?.length ? 'invite-municipalities-errors' : null].filter(Boolean).join(' ')}
      >
        {centres
          .filter((centre) => centre.municipalities.length > 0)
          .map((centre) => (
            <optgroup key={centre.name} label={centre.name}>
              {centre.municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <ErrorList id="invite-municipalities-errors" errors={errors} />
    </div>
  )
}

export default function AdminUsersPage() {
  const { t } = useTranslation(['admin', 'common'])
  const { search, found, centres } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const pageHref = (page: number) => `?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), ...(search.role ? { role: search.role } : {}), page: String(page) })}`
  return (
    <div>
      <h1>{t('users.title')}</h1>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('users.accounts')}</h2>
        <Form method="get" className="stack" role="search" aria-label={t('users.searchLabel')}>
          <div className="field">
            <label htmlFor="account-q">{t('users.search')}</label>
            <p id="account-q-hint" className="hint">
              {t('users.searchHint')}
            </p>
            <input id="account-q" type="search" name="q" defaultValue={search.q} aria-describedby="account-q-hint" />
          </div>
          <div className="field">
            <label htmlFor="account-role">{t('users.roleFilter')}</label>
            <select id="account-role" name="role" defaultValue={search.role ?? ''}>
              <option value="">{t('users.allRoles')}</option>
              {(['volunteer', 'facility_staff', 'coordinator', 'admin'] as const).map((role) => (
                <option key={role} value={role}>
                  {t(`common:role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('users.find')}
          </button>
        </Form>
        <p role="status">{t('users.found', { count: found.total })}</p>
        {found.rows.length === 0 ? (
          <p className="empty">{t('users.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
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
                {found.rows.map((account) => (
                  <tr key={account.id}>
                    <td>
                      <Link to={`/admin/users/${account.id}`}>{account.name || account.email}</Link>
                    </td>
                    <td>{account.email}</td>
                    <td>{t(`common:role.${account.role}`)}</td>
                    <td>{account.centre?.name ?? '—'}</td>
                    <td>{account.deactivatedAt ? t('users.deactivatedState') : account.emailVerifiedAt ? t('users.active') : t('users.invitedState')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {found.pages > 1 ? (
          <nav aria-label={t('users.pagination')} className="pagination">
            <p>{t('users.pageOf', { page: search.page, pages: found.pages })}</p>
            <p>
              {search.page > 1 ? <Link to={pageHref(search.page - 1)}>{t('users.previous')}</Link> : null}
              {search.page > 1 && search.page < found.pages ? ' · ' : null}
              {search.page < found.pages ? <Link to={pageHref(search.page + 1)}>{t('users.next')}</Link> : null}
            </p>
          </nav>
        ) : null}
      </section>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t('users.invite')}</h2>
        <p className="hint">{t('users.inviteHint')}</p>
        <Form method="post" className="stack" noValidate>
          <FormScope id="users">
          <ErrorSummary state={state} labels={{ name: t('users.name'), email: t('users.email'), role: t('users.role'), centreId: t('users.centre'), locale: t('users.language') }} />
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
              { value: 'municipality', label: t('common:role.municipality') },
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
          <MunicipalitiesField centres={centres} state={state} />
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
          </FormScope>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
