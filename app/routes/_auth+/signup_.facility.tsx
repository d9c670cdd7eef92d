import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxField, ErrorSummary, Field, FormScope, SelectField, SubmitButton, valueOf } from '~/components/forms'
import { PostcodeMunicipalityFields } from '~/components/postcode'
import { facilitiesToJoin, isJoinableFacility } from '~/models/facility.server'
import { municipalitiesForPostcode, sharedPostcodes } from '~/models/reference.server'
import { requestFacilityStaffSignUp } from '~/models/user.server'
import { requireAnonymous } from '~/utils/auth.server'
import { FACILITY_KINDS } from '~/utils/domain'
import { emailField, formFailure, nameField, newPasswordField, parseForm, phoneField, readForm } from '~/utils/forms.server'
import { oneLineText } from '~/utils/text-fields'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { RULES, clientIp, hitRateLimit, ipKey, tryAgainMessage } from '~/utils/rate-limit.server'

const AccountFields = {
  name: nameField,
  email: emailField,
  phone: phoneField,
  password: newPasswordField,
  consent: z.literal('on', { errorMap: () => ({ message: 'auth:signup.consentRequired' }) }),
}

const StaffSignupSchema = z.discriminatedUnion('mode', [
  z.object({
    ...AccountFields,
    mode: z.literal('create'),
    facilityName: nameField,
    kind: z.enum(FACILITY_KINDS, { errorMap: () => ({ message: 'validation.choose' }) }),
    address: oneLineText().trim().min(1, 'validation.required').max(200, 'validation.tooLong?maximum=200'),
    postcode: z.string().trim().regex(/^\d{4}$/, 'validation.postcode'),
    municipalityId: z.string().optional(),
  }),
  z.object({
    ...AccountFields,
    mode: z.literal('join'),
    facilityId: z.string({ required_error: 'validation.choose' }).min(1, 'validation.choose'),
  }),
])

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const t = await getFixedT(request, 'auth')
  const [facilities, shared] = await Promise.all([facilitiesToJoin(), sharedPostcodes()])
  return json({ title: t('staffSignup.title'), facilities, sharedPostcodes: shared })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await readForm(request)
  if (!formData.get('mode')) formData.set('mode', 'create')
  const form = parseForm(formData, StaffSignupSchema)
  if (!form.ok) return json(form, { status: 400 })
  const limit = await hitRateLimit([{ key: `signup:ip:${ipKey(clientIp(context))}`, rule: RULES.signupPerIp }])
  if (!limit.ok) {
    return formFailure(formData, { formError: tryAgainMessage(limit.retryAfterSeconds) }, { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
  }
  const { name, email, phone, password } = form.data
  const account = { name, email, phone, password, locale: await getLocale(request) }

  if (form.data.mode === 'join') {
    if (!(await isJoinableFacility(form.data.facilityId))) {
      return formFailure(formData, { fieldErrors: { facilityId: ['validation.choose'] } })
    }
    // As on the volunteer sign-up: the same answer, as fast, for a new or a known address.
    requestFacilityStaffSignUp(account, { joinFacilityId: form.data.facilityId })
    return redirect('/signup/check-email')
  }

  const facility = form.data
  const places = await municipalitiesForPostcode(facility.postcode)
  if (places.length === 0) return formFailure(formData, { fieldErrors: { postcode: ['validation.postcodeUnknown'] } })
  // A postcode can cross municipal borders; then the person picks which side they are on.
  const place = places.length === 1 ? places[0] : places.find((p) => p.municipalityId === facility.municipalityId)
  if (!place) return formFailure(formData, { fieldErrors: { municipalityId: ['auth:staffSignup.chooseMunicipality'] } })
  requestFacilityStaffSignUp(account, {
    create: {
      name: form.data.facilityName,
      kind: form.data.kind,
      address: form.data.address,
      postcode: form.data.postcode,
      town: place.town,
      municipalityId: place.municipalityId,
    },
  })
  return redirect('/signup/check-email')
}

export default function StaffSignupPage() {
  const { t } = useTranslation(['auth', 'common'])
  const { facilities, sharedPostcodes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const [mode, setMode] = useState(valueOf(state, 'mode', 'create'))
  // Without JavaScript both parts stay on the page (the radio cannot reveal anything); once the
  // page runs, only the part that applies to the chosen answer is shown.
  const [interactive, setInteractive] = useState(false)
  useEffect(() => setInteractive(true), [])
  return (
    <div className="narrow">
      <h1>{t('staffSignup.title')}</h1>
      <p className="lead">{t('staffSignup.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormScope id="staff-signup">
        <ErrorSummary
          state={state}
          labels={{
            name: t('fields.name'),
            email: t('fields.email'),
            phone: t('fields.phone'),
            password: t('fields.newPassword'),
            mode: t('staffSignup.facilityQuestion'),
            facilityName: t('staffSignup.facilityName'),
            kind: t('staffSignup.kind'),
            address: t('staffSignup.address'),
            postcode: t('staffSignup.postcode'),
            municipalityId: t('staffSignup.municipality'),
            facilityId: t('staffSignup.facility'),
            consent: t('signup.consentLabel'),
          }}
          targets={{ mode: 'mode-create' }}
        />
        <fieldset>
          <legend>{t('staffSignup.aboutYou')}</legend>
          <Field label={t('fields.name')} name="name" autoComplete="name" required state={state} />
          <Field label={t('fields.email')} name="email" type="email" autoComplete="email" hint={t('staffSignup.workEmailHint')} required state={state} />
          <Field label={t('fields.phone')} name="phone" type="tel" autoComplete="tel" state={state} />
          <Field label={t('fields.newPassword')} name="password" type="password" autoComplete="new-password" hint={t('fields.passwordHint')} required state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('staffSignup.facilityQuestion')}</legend>
          <div className="field field-radio">
            <input type="radio" id="mode-create" name="mode" value="create" defaultChecked={mode === 'create'} onChange={() => setMode('create')} />
            <label htmlFor="mode-create">{t('staffSignup.modeCreate')}</label>
          </div>
          <div className="field field-radio">
            <input type="radio" id="mode-join" name="mode" value="join" defaultChecked={mode === 'join'} onChange={() => setMode('join')} />
            <label htmlFor="mode-join">{t('staffSignup.modeJoin')}</label>
          </div>
        </fieldset>
        <fieldset hidden={interactive && mode !== 'create'}>
          <legend>{t('staffSignup.newFacility')}</legend>
          <p className="hint">{t('staffSignup.newFacilityHint')}</p>
          <Field label={t('staffSignup.facilityName')} name="facilityName" state={state} />
          <SelectField
            label={t('staffSignup.kind')}
            name="kind"
            state={state}
            placeholder={t('common:choose')}
            options={FACILITY_KINDS.map((kind) => ({ value: kind, label: t(`common:facilityKind.${kind}`) }))}
          />
          <Field label={t('staffSignup.address')} name="address" autoComplete="street-address" state={state} />
          <PostcodeMunicipalityFields
            state={state}
            shared={sharedPostcodes}
            postcodeLabel={t('staffSignup.postcode')}
            municipalityLabel={t('staffSignup.municipality')}
            chooseLabel={t('common:choose')}
          />
        </fieldset>
        <fieldset hidden={interactive && mode !== 'join'}>
          <legend>{t('staffSignup.existingFacility')}</legend>
          <SelectField
            label={t('staffSignup.facility')}
            name="facilityId"
            state={state}
            placeholder={t('common:choose')}
            options={facilities.map((f) => ({ value: f.id, label: `${f.name} — ${f.town} (${f.municipality.name})` }))}
          />
        </fieldset>
        <CheckboxField label={t('signup.consent')} name="consent" state={state} />
        <SubmitButton>{t('signup.submit')}</SubmitButton>
        </FormScope>
      </Form>
      <p>
        {t('staffSignup.volunteerQuestion')} <Link to="/signup">{t('staffSignup.volunteerLink')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
