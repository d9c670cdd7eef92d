import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxGroup } from '~/components/facility'
import { ErrorSummary, Field, FormScope, SelectField, SubmitButton, TextAreaField } from '~/components/forms'
import { PostcodeMunicipalityFields } from '~/components/postcode'
import { facilityProfile, updateFacilityProfile } from '~/models/facility.server'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { TARGET_GROUPS } from '~/utils/facility'
import { sharedPostcodes } from '~/models/reference.server'
import { FACILITY_KINDS, parseList } from '~/utils/domain'
import { formFailure, nameField, parseForm, phoneField, readForm } from '~/utils/forms.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const optionalText = (maximum: number) => oneLineText().trim().max(maximum, `validation.tooLong?maximum=${maximum}`).optional().default('')

const ProfileSchema = z.object({
  name: nameField,
  kind: z.enum(FACILITY_KINDS, { errorMap: () => ({ message: 'validation.choose' }) }),
  targetGroups: z
    .array(z.string())
    .max(TARGET_GROUPS.length, 'validation.choose')
    .refine((groups) => groups.every((group) => (TARGET_GROUPS as readonly string[]).includes(group)), 'validation.choose'),
  address: oneLineText().trim().min(1, 'validation.required').max(200, 'validation.tooLong?maximum=200'),
  postcode: z.string({ required_error: 'validation.required' }).trim().regex(/^\d{4}$/, 'validation.postcode'),
  municipalityId: z.string().max(100).optional(),
  description: multiLineText().trim().max(4000, 'validation.tooLong?maximum=4000').optional().default('').refine(withoutCprNumber, CPR_REFUSED),
  practicalInfo: multiLineText().trim().max(2000, 'validation.tooLong?maximum=2000').optional().default('').refine(withoutCprNumber, CPR_REFUSED),
  phone: phoneField,
  email: optionalText(254)
    .refine((value) => value === '' || z.string().email().safeParse(value).success, 'validation.email')
    .transform((value) => (value ? value.toLowerCase() : null)),
  website: optionalText(300)
    .refine((value) => value === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), 'validation.url')
    .transform((value) => value || null),
})

export const handle = { i18n: ['facility'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireFacilityPermission(request, 'facility:edit', params.facilityId)
  const facility = await facilityProfile(params.facilityId!)
  if (!facility) notFound()
  const t = await getFixedT(request, 'facility')
  return json({
    title: t('profile.title', { name: facility.name }),
    facility: { ...facility, targetGroups: parseList(facility.targetGroups) },
    sharedPostcodes: await sharedPostcodes(),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireFacilityPermission(request, 'facility:edit', params.facilityId)
  const formData = await readForm(request)
  const form = parseForm(formData, ProfileSchema, { arrayFields: ['targetGroups'] })
  if (!form.ok) return json(form, { status: 400 })
  const result = await updateFacilityProfile(user.id, params.facilityId!, form.data)
  if (result.ok) return redirectWithToast(`/facility/${params.facilityId}/profile`, { key: 'facility:profile.saved' })
  if (result.reason === 'not-found') notFound()
  if (result.reason === 'postcode-unknown') return formFailure(formData, { fieldErrors: { postcode: ['validation.postcodeUnknown'] } })
  return formFailure(formData, { fieldErrors: { municipalityId: ['facility:profile.chooseMunicipality'] } })
}

export default function FacilityProfilePage() {
  const { t } = useTranslation(['facility', 'common'])
  const { facility, sharedPostcodes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div className="narrow">
      <p>
        <Link to="/facility">{t('back')}</Link>
      </p>
      <h1>{t('profile.heading')}</h1>
      <p className="lead">{t('profile.intro', { name: facility.name })}</p>
      <Form method="post" className="stack" noValidate>
        <FormScope id="facility-profile">
        <ErrorSummary
          state={state}
          labels={{
            name: t('profile.name'),
            kind: t('profile.kind'),
            targetGroups: t('profile.targetGroups'),
            description: t('profile.description'),
            address: t('profile.address'),
            postcode: t('profile.postcode'),
            municipalityId: t('profile.municipality'),
            practicalInfo: t('profile.practicalInfo'),
            phone: t('profile.phone'),
            email: t('profile.email'),
            website: t('profile.website'),
          }}
          targets={{ targetGroups: `facility-profile-targetGroups-${TARGET_GROUPS[0]}` }}
        />
        <fieldset>
          <legend>{t('profile.about')}</legend>
          <Field label={t('profile.name')} name="name" defaultValue={facility.name} required state={state} />
          <SelectField
            label={t('profile.kind')}
            name="kind"
            state={state}
            defaultValue={facility.kind}
            options={FACILITY_KINDS.map((kind) => ({ value: kind, label: t(`common:facilityKind.${kind}`) }))}
          />
          <CheckboxGroup
            legend={t('profile.targetGroups')}
            hint={t('profile.targetGroupsHint')}
            name="targetGroups"
            state={state}
            selected={facility.targetGroups}
            options={TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}`) }))}
          />
          <TextAreaField label={t('profile.description')} name="description" hint={t('profile.descriptionHint')} defaultValue={facility.description} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('profile.where')}</legend>
          <Field label={t('profile.address')} name="address" autoComplete="street-address" defaultValue={facility.address} required state={state} />
          <PostcodeMunicipalityFields
            state={state}
            shared={sharedPostcodes}
            postcodeLabel={t('profile.postcode')}
            municipalityLabel={t('profile.municipality')}
            municipalityHint={t('profile.municipalityHint')}
            chooseLabel={t('common:choose')}
            defaultPostcode={facility.postcode}
            defaultMunicipalityId={facility.municipalityId}
            required
            settled={<p className="hint">{t('profile.municipalityIs', { municipality: facility.municipality.name, town: facility.town })}</p>}
          />
          <TextAreaField label={t('profile.practicalInfo')} name="practicalInfo" hint={t('profile.practicalInfoHint')} defaultValue={facility.practicalInfo} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('profile.contact')}</legend>
          <Field label={t('profile.phone')} name="phone" type="tel" autoComplete="tel" defaultValue={facility.phone ?? ''} state={state} />
          <Field label={t('profile.email')} name="email" type="email" autoComplete="email" defaultValue={facility.email ?? ''} state={state} />
          <Field label={t('profile.website')} name="website" type="url" hint={t('profile.websiteHint')} defaultValue={facility.website ?? ''} state={state} />
        </fieldset>
        <SubmitButton>{t('profile.save')}</SubmitButton>
        </FormScope>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
