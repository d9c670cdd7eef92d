import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormError, FormScope, SelectField, SubmitButton } from '~/components/forms'
import { facilityProfile, facilityStaff, inviteStaff, removeStaffMember, setContactPerson } from '~/models/facility.server'
import { emailField, formFailure, localeField, nameField, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const membershipId = z.string({ required_error: 'validation.invalid' }).min(1).max(100)

const StaffSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('invite'), name: nameField, email: emailField, locale: localeField }),
  z.object({ intent: z.literal('contact-person'), membershipId, isContactPerson: z.enum(['true', 'false']) }),
  z.object({ intent: z.literal('remove'), membershipId }),
])

export const handle = { i18n: ['facility'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireFacilityPermission(request, 'facility:manage-staff', params.facilityId)
  const [facility, staff] = await Promise.all([facilityProfile(params.facilityId!), facilityStaff(params.facilityId!)])
  if (!facility) notFound()
  const t = await getFixedT(request, 'facility')
  return json({
    title: t('staff.title', { name: facility.name }),
    name: facility.name,
    staff,
    userId: user.id,
    removeId: new URL(request.url).searchParams.get('remove'),
    locale: await getLocale(request),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireFacilityPermission(request, 'facility:manage-staff', params.facilityId)
  const facilityId = params.facilityId!
  const formData = await readForm(request)
  const form = parseForm(formData, StaffSchema)
  if (!form.ok) return json(form, { status: 400 })
  const back = `/facility/${facilityId}/staff`
  const data = form.data
  switch (data.intent) {
    case 'invite': {
      const result = await inviteStaff({ id: user.id, name: user.name }, facilityId, { name: data.name, email: data.email, locale: data.locale })
      if (result.ok) return redirectWithToast(back, { key: result.created ? 'facility:staff.invited' : 'facility:staff.added', values: { email: data.email } })
      if (result.reason === 'not-found') notFound()
      return formFailure(formData, { fieldErrors: { email: [result.reason === 'already-staff' ? 'facility:staff.alreadyStaff' : 'facility:staff.notStaffAccount'] } })
    }
    case 'contact-person': {
      const on = data.isContactPerson === 'true'
      const result = await setContactPerson(user.id, facilityId, data.membershipId, on)
      if (!result.ok) notFound()
      return redirectWithToast(back, { key: on ? 'facility:staff.contactPersonAdded' : 'facility:staff.contactPersonRemoved', values: { name: result.name } })
    }
    case 'remove': {
      const result = await removeStaffMember(user.id, facilityId, data.membershipId)
      if (result.ok) return redirectWithToast(back, { key: 'facility:staff.removed', values: { name: result.name } })
      if (result.reason === 'not-found') notFound()
      return formFailure(formData, { formError: 'facility:staff.lastLeader' })
    }
  }
}

export default function FacilityStaffPage() {
  const { t } = useTranslation(['facility', 'common'])
  const { name, staff, removeId, locale } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const inviteState = state?.values?.intent === 'invite' ? state : undefined
  return (
    <div>
      <p>
        <Link to="/facility">{t('back')}</Link>
      </p>
      <h1>{t('staff.heading')}</h1>
      <p className="lead">{t('staff.intro', { name })}</p>
      {state?.values?.intent !== 'invite' ? <FormError state={state} /> : null}
      <div className="table-wrap">
        <table className="responsive-table">
          <caption>{t('staff.caption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.contactPerson')}</th>
              <th scope="col">{t('staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <td data-label={t('staff.name')}>
                  {member.user.name}
                  <br />
                  <span className="hint">{member.user.email}</span>
                  {member.user.invited ? <span className="hint"> · {t('staff.invitedState')}</span> : null}
                </td>
                <td data-label={t('staff.role')}>
                  {t(`role.${member.role}`)}
                  {member.itAmbassadorSince ? ` · ${t('staff.itAmbassador')}` : null}
                </td>
                <td data-label={t('staff.contactPerson')}>{member.isContactPerson ? t('staff.yes') : t('staff.no')}</td>
                <td data-label={t('staff.actions')}>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="contact-person" />
                    <input type="hidden" name="membershipId" value={member.id} />
                    <input type="hidden" name="isContactPerson" value={member.isContactPerson ? 'false' : 'true'} />
                    <SubmitButton className="button button-small button-secondary">
                      {member.isContactPerson ? t('staff.unmarkContact', { name: member.user.name }) : t('staff.markContact', { name: member.user.name })}
                    </SubmitButton>
                  </Form>{' '}
                  {removeId === member.id ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="membershipId" value={member.id} />
                      <SubmitButton className="button button-small">{t('staff.confirmRemove', { name: member.user.name })}</SubmitButton>{' '}
                      <Link to=".">{t('cancel')}</Link>
                    </Form>
                  ) : (
                    <Link to={`?remove=${member.id}`} className="link-button">
                      {t('staff.remove', { name: member.user.name })}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="invite-heading" className="narrow">
        <h2 id="invite-heading">{t('staff.inviteHeading')}</h2>
        <p>{t('staff.inviteIntro')}</p>
        <Form method="post" className="stack" noValidate>
          <FormScope id="staff-invite">
          <ErrorSummary state={inviteState} labels={{ name: t('staff.inviteName'), email: t('staff.inviteEmail'), locale: t('staff.inviteLocale') }} />
          <input type="hidden" name="intent" value="invite" />
          <Field label={t('staff.inviteName')} name="name" autoComplete="off" required state={inviteState} />
          <Field label={t('staff.inviteEmail')} name="email" type="email" autoComplete="off" required state={inviteState} />
          <SelectField
            label={t('staff.inviteLocale')}
            name="locale"
            state={inviteState}
            defaultValue={locale}
            options={[
              { value: 'da', label: 'Dansk' },
              { value: 'en', label: 'English' },
            ]}
          />
          <SubmitButton>{t('staff.send')}</SubmitButton>
          </FormScope>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
