import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AgreementAttention } from '~/components/agreement-attention'
import { SubmitButton } from '~/components/forms'
import { centreAgreementAttention } from '~/models/agreement.server'
import { approveFacility, pendingFacilities } from '~/models/facility.server'
import { centreFollowUps } from '~/models/follow-up.server'
import { openReportCount } from '~/models/thread.server'
import { visitAttentionCounts } from '~/models/visit-attention.server'
import { centreDashboard, COUNT_CAP, SMALL_QUEUE } from '~/models/workbench.server'
import { ActionItems, KeyCounts } from '~/components/workbench'
import { workbenchActionItems } from '~/utils/workbench'
import workbenchStyles from '~/styles/workbench.css'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { waitedText } from '~/utils/waiting'
import { facilityScope, forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { can } from '~/utils/permissions'
import { redirectWithToast } from '~/utils/toast.server'
import { shownVolunteerName } from '~/utils/former-person'
import { UpcomingEventsCard } from '~/components/event-widgets'
import { upcomingCentreEvents } from '~/models/event.server'

const ApproveSchema = z.object({ intent: z.literal('approve-facility'), facilityId: z.string().min(1) })

/** The start page lists the oldest facilities waiting for approval; the facilities list has them all. */
const PENDING_SHOWN = 10

export const handle = { i18n: ['events', 'admin', 'matching', 'followup', 'moderation', 'report', 'agreement', 'wishes', 'workbench'] }
export const links = () => [{ rel: 'stylesheet', href: workbenchStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, user } = await requirePermission(request, 'centre:work')
  const t = await getFixedT(request, 'admin')
  const [pending, followUps, visits, reportCount] = await Promise.all([
    pendingFacilities(actor.centreMunicipalityIds, PENDING_SHOWN),
    centreFollowUps(actor.centreMunicipalityIds),
    visitAttentionCounts(actor.centreMunicipalityIds),
    openReportCount(user.centreId!),
  ])
  const agreements = centreAgreementAttention(actor.centreMunicipalityIds)
  const dashboard = centreDashboard(actor.centreMunicipalityIds)
  const actionItems = workbenchActionItems({
    waitingApplications: Math.min(dashboard.waitingApplications, COUNT_CAP),
    waitingCapped: dashboard.waitingApplications > COUNT_CAP,
    adsToReview: dashboard.adsToReview,
    unloggedVisits: visits.unlogged,
    overdueFollowUps: followUps.overdue.length,
    pendingFacilities: dashboard.pendingFacilities,
    openReports: reportCount,
  })
  const counts = { activeMatches: dashboard.activeMatches, publishedAds: dashboard.publishedAds, volunteers: dashboard.volunteers }
  // The page says how many it shows from the data: a constant imported from a .server module is
  // undefined in the browser, and the text then differed at hydration (React rendered it all again).
  const open = { shown: dashboard.queue.length, total: Math.min(dashboard.openApplications, SMALL_QUEUE), more: dashboard.openApplications > SMALL_QUEUE }
  return json({ title: t('centre.title'), name: user.name, pending, pendingTotal: dashboard.pendingFacilities, queue: dashboard.queue, open, actionItems, counts, followUps, visits, agreements, events: user.centreId ? upcomingCentreEvents(user.centreId) : [] })
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, user } = await requirePermission(request, 'centre:work')
  const formData = await readForm(request)
  const form = parseForm(formData, ApproveSchema)
  if (!form.ok) return json(form, { status: 400 })
  const scope = await facilityScope(form.data.facilityId)
  if (!scope) notFound()
  if (!can(actor, 'facility:approve', scope)) forbidden()
  const result = await approveFacility(user.id, form.data.facilityId)
  if (!result.ok) return formFailure(formData, { formError: 'admin:centre.alreadyHandled' })
  return redirectWithToast('/centre', { key: 'admin:centre.approved', values: { name: result.name } })
}

export default function CentreHomePage() {
  const { t, i18n } = useTranslation(['admin', 'common', 'matching', 'followup', 'moderation', 'report', 'workbench'])
  const { name, pending, pendingTotal, queue, open, actionItems, counts, followUps, visits, agreements, events } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <h1>{t('centre.title')}</h1>
      <p className="lead">{t('centre.greeting', { name })}</p>
      <ActionItems items={actionItems} />
      <KeyCounts
        counts={[
          { id: 'matches', label: t('workbench:dashboard.activeMatches'), value: counts.activeMatches, to: '/centre/matches?state=active' },
          { id: 'ads', label: t('workbench:dashboard.publishedAds'), value: counts.publishedAds, to: '/centre/ads?state=published' },
          { id: 'volunteers', label: t('workbench:dashboard.volunteers'), value: counts.volunteers, to: '/centre/volunteers' },
        ]}
      />
      <p>
        <Link to="/centre/report">{t('report:startPageLink')}</Link>
      </p>
      <AgreementAttention attention={agreements} />
      <p>
        <Link to="/centre/wishes">{t('wishes:centre.link')}</Link>
      </p>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('matching:queue.heading')}</h2>
        <p>{t('matching:queue.intro')}</p>
        {queue.length === 0 ? (
          <p className="empty">{t('matching:queue.empty')}</p>
        ) : (
          <>
            {open.total > queue.length ? (
              <p>{t(open.more ? 'workbench:dashboard.queueShownMany' : 'workbench:dashboard.queueShown', { shown: open.shown, total: open.total })}</p>
            ) : null}
            <ol className="card-list">
              {queue.map((application) => (
                <li key={application.id} className="card">
                  <h3>
                    <Link to={`/centre/applications/${application.id}`} aria-label={t('matching:queue.open', { name: shownVolunteerName(t, application.volunteerName) })}>
                      {shownVolunteerName(t, application.volunteerName)}
                    </Link>
                  </h3>
                  <p>
                    {t('matching:queue.to', { ad: application.adTitle, facility: application.facilityName })} · {t(`common:applicationStatus.${application.status}`)}
                  </p>
                  <p>
                    {waitedText(t, application.waitedHours)} {application.overdue ? <span className="flag">{t('matching:queue.overdue')}</span> : null}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
        <p>
          <Link to="/centre/applications">{t('workbench:dashboard.queueAll')}</Link>
        </p>
      </section>
      <UpcomingEventsCard events={events} />
      <section aria-labelledby="followup-heading">
        <h2 id="followup-heading">{t('followup:centre.heading')}</h2>
        <p>
          <Link to="/centre/visits">{t('followup:centre.visitsLink', { unlogged: visits.unlogged, late: visits.late })}</Link>
        </p>
        <h3>{t('followup:centre.overdueHeading')}</h3>
        {followUps.overdue.length === 0 ? (
          <p className="empty">{t('followup:centre.noOverdue')}</p>
        ) : (
          <ul>
            {followUps.overdue.map((followUp) => (
              <li key={followUp.id}>
                <Link to={`/centre/matches/${followUp.match.id}`}>
                  {shownVolunteerName(t, followUp.match.volunteer.name)} · {followUp.match.facility.name}
                </Link>{' '}
                – {t('followup:centre.dueSince', { date: formatDate(followUp.dueAt, locale) })}{' '}
                <span className="flag">{t('followup:centre.overdue')}</span>{' '}
                {followUp.responses.length > 0
                  ? t('followup:centre.missing', { names: followUp.responses.filter((r) => !r.answeredAt).map((r) => r.respondent.name).join(', ') })
                  : t('followup:centre.notSent')}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('followup:centre.answersHeading')}</h3>
        {followUps.answers.length === 0 ? (
          <p className="empty">{t('followup:centre.noAnswers')}</p>
        ) : (
          <ul className="card-list">
            {followUps.answers.map((answer) => (
              <li key={answer.id} className="card">
                <p>
                  <Link to={`/centre/matches/${answer.followUp.match.id}`}>
                    {shownVolunteerName(t, answer.followUp.match.volunteer.name)} · {answer.followUp.match.facility.name}
                  </Link>
                </p>
                <p>
                  <strong>
                    {answer.respondent.name} ({t(`followup:role.${answer.respondentRole}`)})
                  </strong>
                  : {t('followup:answer.summary', { satisfaction: answer.satisfaction, aligned: t(answer.expectationsAligned ? 'followup:answer.aligned' : 'followup:answer.notAligned') })}
                  {answer.answeredAt ? ` – ${formatDate(answer.answeredAt, locale)}` : ''}
                </p>
                {answer.wishes ? <p className="prewrap">{answer.wishes}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t('centre.pendingFacilities')}</h2>
        {pending.length === 0 ? (
          <p className="empty">{t('centre.noPending')}</p>
        ) : (
          <ul className="card-list">
            {pending.map((facility) => (
              <li key={facility.id} className="card">
                <h3>{facility.name}</h3>
                <p>
                  {t(`common:facilityKind.${facility.kind}`)} · {facility.address}, {facility.postcode} {facility.town} · {facility.municipality.name}
                </p>
                <p>
                  {t('centre.createdBy', {
                    names: facility.memberships.map((m) => `${m.user.name} (${m.user.email})`).join(', '),
                    date: formatDate(facility.createdAt, locale),
                  })}
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="approve-facility" />
                  <input type="hidden" name="facilityId" value={facility.id} />
                  <SubmitButton>{t('centre.approve', { name: facility.name })}</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {pendingTotal > pending.length ? (
          <p>
            {t('centre.pendingShown', { shown: pending.length, total: pendingTotal })} <Link to="/centre/facilities?status=pending">{t('centre.pendingAll')}</Link>
          </p>
        ) : null}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
