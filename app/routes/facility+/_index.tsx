import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/forms'
import { approveJoinRequest, facilitiesOfStaff, membershipFacility } from '~/models/facility.server'
import { NextVisit } from '~/components/visits'
import { FacilityFiguresBlock } from '~/components/facility-figures'
import { facilityFigures } from '~/models/facility-figures.server'
import { EmptyState } from '~/components/empty-state'
import { nextVisit } from '~/models/visit.server'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { forbidden, notFound, requireRole } from '~/utils/permissions.server'
import { can } from '~/utils/permissions'
import { redirectWithToast } from '~/utils/toast.server'
import { NextEventCard } from '~/components/event-widgets'
import { nextEventOf } from '~/models/event.server'

const ApproveJoinSchema = z.object({ intent: z.literal('approve-join'), membershipId: z.string().min(1) })

export const handle = { i18n: ['events', 'facility', 'booking', 'visits', 'municipality', 'wishes', 'whocomes'] }

// Message keys written out so a search for a key finds where it is used.
const HINT_LABEL = { ethics: 'home.hint.ethics', screening: 'home.hint.screening', description: 'home.hint.description', practicalInfo: 'home.hint.practicalInfo' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireRole(request, ['facility_staff'])
  const t = await getFixedT(request, 'facility')
  const [memberships, next] = await Promise.all([facilitiesOfStaff(user.id), nextVisit(actor)])
  const active = memberships.filter((m) => m.status === 'active' && m.facility.status !== 'pending')
  const figures = facilityFigures(active.map((m) => m.facility.id))
  return json({ title: t('home.title'), name: user.name, memberships, nextVisit: next, figures, nextEvent: nextEventOf(user.id) })
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
  if (!result.ok) return formFailure(formData, { formError: 'facility:home.alreadyHandled' })
  return redirectWithToast('/facility', { key: 'facility:home.joinApproved', values: { name: result.name } })
}

export default function FacilityHomePage() {
  const { t } = useTranslation(['facility', 'common', 'booking', 'whocomes'])
  const { name, memberships, nextVisit, figures, nextEvent } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.greeting', { name })}</p>
      {memberships.length === 0 ? <EmptyState>{t('home.none')}</EmptyState> : <NextVisit visit={nextVisit} role="facility_staff" />}
      <NextEventCard event={nextEvent} />
      <FacilityFiguresBlock figures={figures} names={Object.fromEntries(memberships.map((m) => [m.facility.id, m.facility.name]))} />
      <ul className="card-list">
        {memberships.map(({ facility, role, status, isContactPerson }) => {
          const active = status === 'active'
          const leader = role === 'leader' && active
          const hints = [
            facility._count.ethicsEntries === 0 ? 'ethics' : null,
            !facility.itScreening ? 'screening' : null,
            !facility.description.trim() ? 'description' : null,
            !facility.practicalInfo.trim() ? 'practicalInfo' : null,
          ].filter((hint): hint is keyof typeof HINT_LABEL => hint !== null)
          return (
            <li key={facility.id} className="card">
              <h2>{facility.name}</h2>
              <p>
                {facility.town} · {facility.municipality.name} · {t(`home.status.${facility.status}`)}
              </p>
              <p>{active ? [t(`role.${role}`), isContactPerson ? t('home.contactPerson') : null].filter(Boolean).join(' · ') : t('home.waitingForLeader')}</p>
              {facility.status === 'pending' ? <p className="callout">{t('home.pendingApproval')}</p> : null}
              {facility.status === 'inactive' ? <p className="callout">{t('home.inactive')}</p> : null}
              {active && leader && hints.length > 0 ? (
                <section aria-labelledby={`todo-${facility.id}`}>
                  <h3 id={`todo-${facility.id}`}>{t('home.todo')}</h3>
                  <ul>
                    {hints.map((hint) => (
                      <li key={hint}>
                        <Link to={`/facility/${facility.id}/${hint === 'ethics' ? 'ethics' : hint === 'screening' ? 'screening' : 'profile'}`}>{t(HINT_LABEL[hint])}</Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {active ? (
                <nav aria-label={t('home.linksLabel', { name: facility.name })}>
                  <ul className="link-list">
                    {leader ? (
                      <>
                        <li>
                          <Link to={`/facility/${facility.id}/profile`}>{t('home.links.profile')}</Link>
                        </li>
                        <li>
                          <Link to={`/facility/${facility.id}/screening`}>{t('home.links.screening')}</Link>
                        </li>
                        <li>
                          <Link to={`/facility/${facility.id}/ethics`}>{t('home.links.ethics')}</Link>
                        </li>
                        <li>
                          <Link to={`/facility/${facility.id}/staff`}>{t('home.links.staff')}</Link>
                        </li>
                      </>
                    ) : null}
                    <li>
                      <Link to="/facility/ads">{t('home.links.ads')}</Link>
                    </li>
                    <li>
                      <Link to="/facility/volunteers">{t('home.links.volunteers')}</Link>
                    </li>
                    <li>
                      <Link to={`/facility/${facility.id}/windows`}>{t('booking:window.homeLink')}</Link>
                    </li>
                    <li>
                      <Link to={`/facility/${facility.id}/wishes`}>{t('wishes:homeLink')}</Link>
                      <Link to={`/facility/${facility.id}/who-comes`}>{t('whocomes:manage.homeLink')}</Link>
                    </li>
                  </ul>
                </nav>
              ) : null}
              {leader ? (
                <section aria-labelledby={`join-${facility.id}`}>
                  <h3 id={`join-${facility.id}`}>{t('home.joinRequests')}</h3>
                  {facility.memberships.length === 0 ? (
                    <EmptyState>{t('home.noJoinRequests')}</EmptyState>
                  ) : (
                    <ul>
                      {facility.memberships.map((request) => (
                        <li key={request.id}>
                          {request.user.name} ({request.user.email}){' '}
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="approve-join" />
                            <input type="hidden" name="membershipId" value={request.id} />
                            <SubmitButton className="button button-small">{t('home.approveJoin', { name: request.user.name })}</SubmitButton>
                          </Form>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ) : null}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
