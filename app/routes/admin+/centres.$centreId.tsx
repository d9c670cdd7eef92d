import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList, ErrorSummary, Field, FormScope, SubmitButton } from '~/components/forms'
import { MunicipalityCheckboxes } from '~/components/municipality-checkboxes'
import { centreForAdmin, updateCentre } from '~/models/centre.server'
import { listMunicipalities } from '~/models/reference.server'
import { emailField, formFailure, nameField, parseForm, phoneField, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { oneLineText } from '~/utils/text-fields'
import { redirectWithToast } from '~/utils/toast.server'

const CentreSchema = z.object({
  name: nameField,
  email: emailField,
  phone: phoneField,
  address: oneLineText()
    .trim()
    .max(300, 'validation.tooLong?maximum=300')
    .optional()
    .transform((value) => value || null),
  municipalityIds: z.array(z.string()).min(1, 'validation.chooseOne'),
})

export const handle = { i18n: ['admin'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const [centre, municipalities] = await Promise.all([params.centreId ? centreForAdmin(params.centreId) : null, listMunicipalities()])
  if (!centre) notFound()
  const t = await getFixedT(request, 'admin')
  // Its own municipalities and the free ones; another centre's are not offered (one centre each).
  const choosable = municipalities.filter((m) => m.centreId === null || m.centreId === centre.id)
  return json({ title: t('centreEdit.title', { name: centre.name }), centre, choosable })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'admin:access')
  const centre = params.centreId ? await centreForAdmin(params.centreId) : null
  if (!centre) notFound()
  const formData = await readForm(request)
  const form = parseForm(formData, CentreSchema, { arrayFields: ['municipalityIds'] })
  if (!form.ok) return json(form, { status: 400 })
  const result = await updateCentre(user.id, centre.id, form.data)
  if (!result.ok) {
    if (result.reason === 'not-found') notFound()
    switch (result.reason) {
      case 'name-taken':
        return formFailure(formData, { fieldErrors: { name: ['admin:centres.nameTaken'] } })
      case 'municipality-taken':
        return formFailure(formData, { fieldErrors: { municipalityIds: [`admin:centres.municipalityTaken?names=${encodeURIComponent(result.names.join(', '))}`] } })
      case 'municipality-busy':
        return formFailure(formData, { fieldErrors: { municipalityIds: [`admin:centreEdit.municipalityBusy?names=${encodeURIComponent(result.names.join(', '))}`] } })
      default:
        return formFailure(formData, { fieldErrors: { municipalityIds: ['validation.choose'] } })
    }
  }
  return redirectWithToast('/admin', { key: 'admin:centreEdit.saved', values: { name: form.data.name } })
}

export default function AdminCentrePage() {
  const { t } = useTranslation('admin')
  const { centre, choosable } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const chosen = new Set(state?.values ? [state.values.municipalityIds ?? []].flat() : centre.municipalities.map((m) => m.id))
  const errors = state?.fieldErrors?.municipalityIds
  return (
    <div>
      <p>
        <Link to="/admin">{t('centreEdit.back')}</Link>
      </p>
      <h1>{t('centreEdit.title', { name: centre.name })}</h1>
      <Form method="post" className="stack card" noValidate>
        <FormScope id="centre">
        <ErrorSummary
          state={state}
          labels={{ name: t('centres.name'), email: t('centres.email'), phone: t('centreEdit.phone'), address: t('centreEdit.address'), municipalityIds: t('centres.municipalities') }}
          targets={{ municipalityIds: `m-${choosable.find((m) => chosen.has(m.id))?.id ?? choosable[0]?.id ?? ''}` }}
        />
        <Field label={t('centres.name')} name="name" required state={state} defaultValue={centre.name} />
        <Field label={t('centres.email')} name="email" type="email" required state={state} defaultValue={centre.email} />
        <Field label={t('centreEdit.phone')} name="phone" type="tel" state={state} defaultValue={centre.phone ?? ''} />
        <Field label={t('centreEdit.address')} name="address" state={state} defaultValue={centre.address ?? ''} />
        <fieldset aria-describedby={errors?.length ? 'municipality-errors' : 'municipality-hint'}>
          <legend>{t('centres.municipalities')}</legend>
          <p className="hint" id="municipality-hint">
            {t('centreEdit.municipalitiesHint')}
          </p>
          <MunicipalityCheckboxes municipalities={choosable} chosen={chosen} openChosen />
          <ErrorList id="municipality-errors" errors={errors} />
        </fieldset>
        </FormScope>
        <SubmitButton>{t('centreEdit.save')}</SubmitButton>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
