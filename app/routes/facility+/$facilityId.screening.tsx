import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxGroup } from '~/components/facility'
import { ErrorSummary, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { facilityItScreening, facilityProfile, saveItScreening } from '~/models/facility.server'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { TASKS, parseList } from '~/utils/domain'
import { parseForm, readForm } from '~/utils/forms.server'
import { multiLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const text = multiLineText().trim().max(4000, 'validation.tooLong?maximum=4000').optional().default('').refine(withoutCprNumber, CPR_REFUSED)

const ScreeningSchema = z.object({
  wishedTasks: z
    .array(z.string())
    .max(TASKS.length, 'validation.choose')
    .refine((tasks) => tasks.every((task) => (TASKS as readonly string[]).includes(task)), 'validation.choose'),
  residentWishes: text,
  technology: text,
  network: text,
  staffReadiness: text,
})

export const handle = { i18n: ['facility'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireFacilityPermission(request, 'facility:edit', params.facilityId)
  const [facility, screening] = await Promise.all([facilityProfile(params.facilityId!), facilityItScreening(params.facilityId!)])
  if (!facility) notFound()
  const t = await getFixedT(request, 'facility')
  return json({
    title: t('screening.title', { name: facility.name }),
    name: facility.name,
    screening: screening ? { ...screening, wishedTasks: parseList(screening.wishedTasks) } : null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireFacilityPermission(request, 'facility:edit', params.facilityId)
  const formData = await readForm(request)
  const form = parseForm(formData, ScreeningSchema, { arrayFields: ['wishedTasks'] })
  if (!form.ok) return json(form, { status: 400 })
  const result = await saveItScreening(user.id, params.facilityId!, form.data)
  if (!result.ok) notFound()
  return redirectWithToast(`/facility/${params.facilityId}/screening`, { key: 'facility:screening.saved' })
}

export default function FacilityScreeningPage() {
  const { t } = useTranslation(['facility', 'common'])
  const { name, screening } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="narrow">
      <p>
        <Link to="/facility">{t('back')}</Link>
      </p>
      <h1>{t('screening.heading')}</h1>
      <p className="lead">{t('screening.intro', { name })}</p>
      <Form method="post" className="stack" noValidate>
        <FormScope id="screening">
        <ErrorSummary state={state} labels={{ wishedTasks: t('screening.wishedTasks'), residentWishes: t('screening.residentWishes'), technology: t('screening.technology'), network: t('screening.network'), staffReadiness: t('screening.staffReadiness') }} />
        <fieldset>
          <legend>{t('screening.residents')}</legend>
          <CheckboxGroup
            legend={t('screening.wishedTasks')}
            name="wishedTasks"
            state={state}
            selected={screening?.wishedTasks ?? []}
            options={TASKS.map((task) => ({ value: task, label: t(`common:task.${task}`) }))}
          />
          <TextAreaField label={t('screening.residentWishes')} name="residentWishes" hint={t('screening.residentWishesHint')} defaultValue={screening?.residentWishes ?? ''} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('screening.place')}</legend>
          <TextAreaField label={t('screening.technology')} name="technology" hint={t('screening.technologyHint')} defaultValue={screening?.technology ?? ''} state={state} />
          <TextAreaField label={t('screening.network')} name="network" hint={t('screening.networkHint')} defaultValue={screening?.network ?? ''} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('screening.staff')}</legend>
          <TextAreaField label={t('screening.staffReadiness')} name="staffReadiness" hint={t('screening.staffReadinessHint')} defaultValue={screening?.staffReadiness ?? ''} state={state} />
        </fieldset>
        <SubmitButton>{t('screening.save')}</SubmitButton>
        </FormScope>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
