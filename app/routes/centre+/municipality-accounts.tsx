import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList, ErrorSummary, Field, FormError, FormScope, SelectField, SubmitButton, scopedFieldId, type FormState } from '~/components/forms'
import { inviteMunicipalityAccount, municipalityAccountsOfCentre, setMunicipalityAccountActive } from '~/models/municipality-account.server'
import { centreMunicipalities } from '~/models/workbench.server'
import { emailField, formFailure, localeField, nameField, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { forbidden, requirePermission } from '~/utils/permissions.server'
import { can } from '~/utils/permissions'
import { redirectWithToast } from '~/utils/toast.server'

const municipalityIds = z.array(z.string().max(100)).max(98).min(1, 'municipality:invite.municipalityRequired')

const MunicipalityAccountSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('invite'), name: nameField, email: emailField, locale: localeField, municipalityIds }),
  z.object({ intent: z.enum(['deactivate', 'reactivate']), userId: z.string().min(1).max(100) }),
])

export const handle = { i18n: ['municipality', 'admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const t = await getFixedT(request, 'municipality')
  const [accounts, municipalities] = await Promise.all([
    municipalityAccountsOfCentre(actor.centreMunicipalityIds),
    centreMunicipalities(actor.centreMunicipalityIds),
  ])
  return json({ title: t('accounts.title'), accounts, municipalities })
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, user } = await requirePermission(request, 'centre:work')
  const formData = await readForm(request)
  const form = parseForm(formData, MunicipalityAccountSchema, { arrayFields: ['municipalityIds'] })
  if (!form.ok) return json(form, { status: 400 })
  const coordinator = { id: user.id, name: user.name, centreMunicipalityIds: actor.centreMunicipalityIds }
  if (form.data.intent === 'invite') {
    // Only a forged form names a municipality outside the centre: refused outright, not explained.
    if (!can(actor, 'municipalityAccount:manage', { municipalityIds: form.data.municipalityIds })) forbidden()
    const result = await inviteMunicipalityAccount(coordinator, form.data)
    if (!result.ok) {
      return formFailure(formData, {
        fieldErrors: result.reason === 'email-taken' ? { email: ['admin:users.emailTaken'] } : { municipalityIds: ['municipality:accounts.notYours'] },
      })
    }
    return redirectWithToast('/centre/municipality-accounts', { key: 'admin:users.invited', values: { email: form.data.email } })
  }
  const result = await setMunicipalityAccountActive(coordinator, form.data.userId, form.data.intent === 'reactivate')
  if (!result.ok) return formFailure(formData, { formError: `municipality:accounts.refused.${result.reason}` }, { status: result.reason === 'not-found' ? 404 : 403 })
  return redirectWithToast('/centre/municipality-accounts', {
    key: form.data.intent === 'reactivate' ? 'admin:account.reactivated' : 'admin:account.deactivated',
    values: { name: result.name },
  })
}

/** One checkbox per municipality of the centre; usually two or three, so no multi-select to hold Ctrl in. */
function MunicipalityChoice({ municipalities, state }: { municipalities: { id: string; name: string }[]; state: FormState }) {
  const { t } = useTranslation('municipality')
  const errors = state?.fieldErrors?.municipalityIds
  const chosen = [state?.values?.municipalityIds ?? []].flat()
  return (
    <fieldset className="field" aria-describedby={errors?.length ? 'accounts-municipalities-errors' : undefined}>
      <legend>{t('accounts.municipalities')}</legend>
      {municipalities.map((m, index) => {
        const id = index === 0 ? scopedFieldId('accounts', 'municipalityIds') : `accounts-municipality-${m.id}`
        return (
          <div className="field-checkbox" key={m.id}>
            <input
              id={id}
              type="checkbox"
              name="municipalityIds"
              value={m.id}
              defaultChecked={state?.values ? chosen.includes(m.id) : municipalities.length === 1}
              aria-invalid={errors?.length ? true : undefined}
            />
            <label htmlFor={id}>{m.name}</label>
          </div>
        )
      })}
      <ErrorList id="accounts-municipalities-errors" errors={errors} />
    </fieldset>
  )
}

export default function MunicipalityAccountsPage() {
  const { t } = useTranslation(['municipality', 'admin', 'common'])
  const { accounts, municipalities } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const inviteState = state?.values?.intent === 'invite' ? state : undefined
  const rowState = state?.values?.intent !== 'invite' ? state : undefined
  return (
    <div>
      <h1>{t('accounts.title')}</h1>
      <p className="lead">{t('accounts.intro')}</p>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('accounts.list')}</h2>
        <FormError state={rowState} />
        {accounts.length === 0 ? (
          <p className="empty">{t('accounts.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin:users.name')}</th>
                  <th scope="col">{t('admin:users.email')}</th>
                  <th scope="col">{t('accounts.municipalitiesColumn')}</th>
                  <th scope="col">{t('admin:users.state')}</th>
                  <th scope="col">{t('accounts.action')}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id}>
                    <td>{account.name || '—'}</td>
                    <td>{account.email}</td>
                    <td>{account.municipalities.join(', ')}</td>
                    <td>{account.deactivated ? t('admin:users.deactivatedState') : account.invited ? t('admin:users.invitedState') : t('admin:users.active')}</td>
                    <td>
                      {account.manageable ? (
                        <Form method="post">
                          <input type="hidden" name="userId" value={account.id} />
                          <SubmitButton name="intent" value={account.deactivated ? 'reactivate' : 'deactivate'} className="button button-secondary">
                            {account.deactivated
                              ? t('accounts.reactivate', { name: account.name || account.email })
                              : t('accounts.deactivate', { name: account.name || account.email })}
                          </SubmitButton>
                        </Form>
                      ) : (
                        t('accounts.adminOnly')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t('accounts.invite')}</h2>
        <p className="hint">{t('accounts.inviteHint')}</p>
        <Form method="post" className="stack" noValidate>
          <FormScope id="accounts">
            <input type="hidden" name="intent" value="invite" />
            <ErrorSummary
              state={inviteState}
              labels={{ name: t('admin:users.name'), email: t('admin:users.email'), municipalityIds: t('accounts.municipalities'), locale: t('admin:users.language') }}
            />
            <Field label={t('admin:users.name')} name="name" required state={inviteState} />
            <Field label={t('admin:users.email')} name="email" type="email" required state={inviteState} />
            <MunicipalityChoice municipalities={municipalities} state={inviteState} />
            <SelectField
              label={t('admin:users.language')}
              name="locale"
              state={inviteState}
              defaultValue="da"
              options={[
                { value: 'da', label: 'Dansk' },
                { value: 'en', label: 'English' },
              ]}
            />
            <SubmitButton>{t('admin:users.send')}</SubmitButton>
          </FormScope>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
