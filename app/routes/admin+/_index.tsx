import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList, ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { MunicipalityCheckboxes } from '~/components/municipality-checkboxes'
import { createCentre, installationCounts, listCentres } from '~/models/centre.server'
import { listMunicipalities } from '~/models/reference.server'
import { emailField, formFailure, nameField, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const CentreSchema = z.object({
  name: nameField,
  email: emailField,
  municipalityIds: z.array(z.string()).min(1, 'validation.chooseOne'),
})

export const handle = { i18n: ['admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const t = await getFixedT(request, 'admin')
  const [centres, municipalities, counts] = await Promise.all([listCentres(), listMunicipalities(), installationCounts()])
  return json({ title: t('overview.title'), centres, municipalities, counts })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'admin:access')
  const formData = await readForm(request)
  const form = parseForm(formData, CentreSchema, { arrayFields: ['municipalityIds'] })
  if (!form.ok) return json(form, { status: 400 })
  const result = await createCentre(user.id, form.data)
  if (!result.ok) {
    if (result.reason === 'name-taken') return formFailure(formData, { fieldErrors: { name: ['admin:centres.nameTaken'] } })
    if (result.reason === 'municipality-taken') {
      return formFailure(formData, { fieldErrors: { municipalityIds: [`admin:centres.municipalityTaken?names=${encodeURIComponent(result.names.join(', '))}`] } })
    }
    return formFailure(formData, { fieldErrors: { municipalityIds: ['validation.choose'] } })
  }
  return redirectWithToast('/admin', { key: 'admin:centres.created', values: { name: form.data.name } })
}

export default function AdminPage() {
  const { t } = useTranslation('admin')
  const { centres, municipalities, counts } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const chosen = new Set([state?.values?.municipalityIds ?? []].flat())
  const free = municipalities.filter((m) => !m.centreId)
  return (
    <div>
      <h1>{t('overview.title')}</h1>
      <ul className="stat-list">
        <li>
          <strong>{counts.facilities}</strong> {t('overview.facilities')}
        </li>
        <li>
          <strong>{counts.volunteers}</strong> {t('overview.volunteers')}
        </li>
        <li>
          <strong>{counts.publishedAds}</strong> {t('overview.publishedAds')}
        </li>
        <li>
          <strong>{counts.activeMatches}</strong> {t('overview.activeMatches')}
        </li>
      </ul>
      <p>
        <Link to="/admin/users">{t('overview.usersLink')}</Link> · <Link to="/admin/outbox">{t('overview.outboxLink')}</Link>
      </p>

      <section aria-labelledby="centres-heading">
        <h2 id="centres-heading">{t('centres.title')}</h2>
        {centres.length === 0 ? (
          <EmptyState>{t('centres.empty')}</EmptyState>
        ) : (
          <ul className="card-list">
            {centres.map((centre) => (
              <li key={centre.id} className="card">
                <h3>
                  <Link to={`/admin/centres/${centre.id}`}>{centre.name}</Link>
                </h3>
                <p>
                  {centre.email} · {t('centres.coordinators', { count: centre._count.coordinators })}
                </p>
                <p>{centre.municipalities.map((m) => m.name).join(', ')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-centre-heading" className="card">
        <h2 id="new-centre-heading">{t('centres.new')}</h2>
        <Form method="post" className="stack" noValidate>
          <FormScope id="admin">
          <ErrorSummary state={state} labels={{ name: t('centres.name'), email: t('centres.email') }} />
          <Field label={t('centres.name')} name="name" required state={state} />
          <Field label={t('centres.email')} name="email" type="email" required state={state} />
          <fieldset aria-describedby={state?.fieldErrors?.municipalityIds ? 'municipality-errors' : undefined}>
            <legend>{t('centres.municipalities')}</legend>
            <p className="hint">{t('centres.municipalitiesHint')}</p>
            {free.length === 0 ? <EmptyState>{t('centres.allCovered')}</EmptyState> : null}
            <MunicipalityCheckboxes municipalities={free} chosen={chosen} />
            <ErrorList id="municipality-errors" errors={state?.fieldErrors?.municipalityIds} />
          </fieldset>
          <SubmitButton>{t('centres.create')}</SubmitButton>
          </FormScope>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
