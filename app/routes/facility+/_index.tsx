import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/forms'
import { approveJoinRequest, facilitiesOfStaff, membershipFacility } from '~/models/facility.server'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageTitle } from '~/utils/meta'
import { forbidden, notFound, requireRole } from '~/utils/permissions.server'
import { can } from '~/utils/permissions'
import { redirectWithToast } from '~/utils/toast.server'

const ApproveJoinSchema = z.object({ intent: z.literal('approve-join'), membershipId: z.string().min(1) })

export const handle = { i18n: ['admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['facility_staff'])
  const t = await getFixedT(request, 'admin')
  return json({ title: t('facility.title'), name: user.name, memberships: await facilitiesOfStaff(user.id) })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireRole(request, ['facility_staff'])
  const formData = await readForm(request)
  const form = parseForm(formData, ApproveJoinSchema)
  if (!form.ok) return json(form, { status: 400 })
  const membership = await membershipFacility(form.data.membershipId)
  if (!membership) notFound()
  if (!can(actor, 'facility:manage-staff', { facilityId: membership.facilityId, municipalityId: membership.facility.municipalityId })) forbidden()
  const result = await approveJoinRequest(user.id, form.data.membershipId)
  if (!result.ok) return formFailure(formData, { formError: 'admin:facility.alreadyHandled' })
  return redirectWithToast('/facility', { key: 'admin:facility.joinApproved', values: { name: result.name } })
}

export default function FacilityHomePage() {
  const { t } = useTranslation(['admin', 'common'])
  const { name, memberships } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>{t('facility.title')}</h1>
      <p className="lead">{t('facility.greeting', { name })}</p>
      {memberships.length === 0 ? <p className="empty">{t('facility.none')}</p> : null}
      <ul className="card-list">
        {memberships.map(({ facility, role, status, isContactPerson }) => (
          <li key={facility.id} className="card">
            <h2>{facility.name}</h2>
            <p>
              {facility.town} · {facility.municipality.name}
            </p>
            <p>
              {status === 'requested'
                ? t('facility.waitingForLeader')
                : [t(`facility.role.${role}`), isContactPerson ? t('facility.contactPerson') : null].filter(Boolean).join(' · ')}
            </p>
            {facility.status === 'pending' ? <p className="callout">{t('facility.pendingApproval')}</p> : null}
            {role === 'leader' && status === 'active' ? (
              <section aria-label={t('facility.joinRequests')}>
                <h3>{t('facility.joinRequests')}</h3>
                {facility.memberships.length === 0 ? (
                  <p className="empty">{t('facility.noJoinRequests')}</p>
                ) : (
                  <ul>
                    {facility.memberships.map((request) => (
                      <li key={request.id}>
                        {request.user.name} ({request.user.email}){' '}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="approve-join" />
                          <input type="hidden" name="membershipId" value={request.id} />
                          <SubmitButton className="button button-small">{t('facility.approveJoin', { name: request.user.name })}</SubmitButton>
                        </Form>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title)
