import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChecksSection, ReasonList, VolunteerProfileDetails } from '~/components/matching'
import { EmptyState } from '~/components/empty-state'
import { listChecks, recordCheck, RecordCheckSchema } from '~/models/check.server'
import { volunteerForCentre } from '~/models/match.server'
import { adsForVolunteer } from '~/models/matching.server'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission, volunteerScope } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { shownVolunteerName } from '~/utils/former-person'
import { completedCourses } from '~/models/event.server'

export const handle = { i18n: ['matching', 'municipality'] }

/** Coordinators of the volunteer's centre only: the page shows contact data and checks. */
async function requireVolunteerForCentre(request: Request, volunteerId: string | undefined, permission: 'volunteer:view-private' | 'volunteer:record-checks') {
  const { user } = await requirePermission(request, 'centre:work')
  const volunteer = volunteerId ? await volunteerForCentre(volunteerId) : null
  if (!volunteer) notFound()
  await requirePermission(request, permission, await volunteerScope(volunteer.id))
  return { user, volunteer }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { volunteer } = await requireVolunteerForCentre(request, params.volunteerId, 'volunteer:view-private')
  const [checks, ranked] = await Promise.all([listChecks(volunteer.id), adsForVolunteer(volunteer.id)])
  const courses = completedCourses(volunteer.id)
  const t = await getFixedT(request, 'matching')
  return json({ title: t('volunteer.title', { name: shownVolunteerName(t, volunteer.name) }), volunteer, checks, ranked, courses })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, volunteer } = await requireVolunteerForCentre(request, params.volunteerId, 'volunteer:record-checks')
  const formData = await readForm(request)
  const form = parseForm(formData, RecordCheckSchema)
  if (!form.ok) return json(form, { status: 400 })
  await recordCheck(user.id, volunteer.id, form.data)
  const t = await getFixedT(request, 'matching')
  return redirectWithToast(`/centre/volunteers/${volunteer.id}`, { key: 'matching:checks.recorded', values: { kind: t(`checkKind.${form.data.kind}`) } })
}

export default function VolunteerForCentrePage() {
  const { t } = useTranslation(['matching', 'common'])
  const { volunteer, checks, ranked, courses } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const profile = volunteer.volunteerProfile
  return (
    <div>
      <h1>{shownVolunteerName(t, volunteer.name)}</h1>
      {profile?.pausedAt ? <p className="form-error">{t('application.paused')}</p> : null}
      <p>
        <Link to={`/centre/volunteers/${volunteer.id}/statement`}>{t('municipality:statement.signLink')}</Link>
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('application.profile')}</h2>
        <VolunteerProfileDetails volunteer={volunteer} profile={profile} courses={courses} />
      </section>
      {volunteer.matches.length > 0 ? (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading">{t('volunteer.matches')}</h2>
          <ul>
            {volunteer.matches.map((match) => (
              <li key={match.id}>
                {match.jobAd.title} · {match.facility.name} · {t(`common:matchStatus.${match.status}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ChecksSection checks={checks} state={state} />
      <section aria-labelledby="ads-heading">
        <h2 id="ads-heading">{t('volunteer.ads')}</h2>
        {ranked.paused ? (
          <EmptyState>{t('volunteer.pausedNoAds')}</EmptyState>
        ) : ranked.ads.length === 0 ? (
          <EmptyState>{t('volunteer.adsEmpty')}</EmptyState>
        ) : (
          <ol className="card-list">
            {ranked.ads.map((ad) => (
              <li key={ad.adId} className="card">
                <h3>
                  <Link to={`/centre/ads/${ad.adId}/candidates`}>{ad.title}</Link>
                </h3>
                <p>
                  {ad.facilityName} · {ad.municipalityName} · <strong>{t('score', { score: ad.score })}</strong>
                  {ad.applicationId ? (
                    <>
                      {' · '}
                      <Link to={`/centre/applications/${ad.applicationId}`}>{t('volunteer.applied')}</Link>
                    </>
                  ) : null}
                </p>
                <ReasonList reasons={ad.reasons} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
