import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { staffFacilities } from '~/models/facility.server'
import { completedCourses } from '~/models/event.server'
import { matchedVolunteersOfFacility } from '~/models/match.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { can, requireRole } from '~/utils/permissions.server'
import { EmptyState } from '~/components/empty-state'

export const handle = { i18n: ['matching', 'agreement'] }

/**
 * Facility staff see the volunteers matched with their own facilities, with contact details:
 * the privacy rule opens them only once the centre has approved the match.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, ['facility_staff'])
  const facilities = (await staffFacilities(actor.memberships.map((m) => m.facilityId))).filter((facility) =>
    can(actor, 'facility:view', { facilityId: facility.id, municipalityId: facility.municipalityId }),
  )
  // Completed courses are shown with the contact details: like them, only once the centre has approved the match.
  const withVolunteers = await Promise.all(
    facilities.map(async (facility) => ({
      ...facility,
      matches: (await matchedVolunteersOfFacility(facility.id)).map((match) => ({
        ...match,
        courses: completedCourses(match.volunteer.id).map((course) => ({ title: course.title, completedAt: course.completedAt })),
      })),
    })),
  )
  const t = await getFixedT(request, 'matching')
  return json({ title: t('facility.title'), facilities: withVolunteers })
}

export default function FacilityVolunteersPage() {
  const { t, i18n } = useTranslation(['matching', 'common'])
  const { facilities } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  const empty = facilities.every((facility) => facility.matches.length === 0)
  return (
    <div>
      <h1>{t('facility.title')}</h1>
      <p className="lead">{t('facility.intro')}</p>
      {empty ? <EmptyState>{t('facility.empty')}</EmptyState> : null}
      {facilities
        .filter((facility) => facility.matches.length > 0)
        .map((facility) => (
          <section key={facility.id} aria-labelledby={`facility-${facility.id}`}>
            <h2 id={`facility-${facility.id}`}>{facility.name}</h2>
            <ul className="card-list">
              {facility.matches.map((match) => (
                <li key={match.id} className="card">
                  <h3>{match.volunteer.name}</h3>
                  <dl className="meta-list">
                    <dt>{t('application.phone')}</dt>
                    <dd>{match.volunteer.phone ?? t('application.noPhone')}</dd>
                    <dt>{t('application.email')}</dt>
                    <dd>
                      <a href={`mailto:${match.volunteer.email}`}>{match.volunteer.email}</a>
                    </dd>
                    <dt>{t('facility.ad')}</dt>
                    <dd>{match.jobAd.title}</dd>
                    <dt>{t('facility.status')}</dt>
                    <dd>{t(`common:matchStatus.${match.status}`)}</dd>
                    <dt>{t('application.courses')}</dt>
                    <dd>
                      {match.courses.length
                        ? match.courses.map((c) => t('application.course', { title: c.title, date: formatDate(c.completedAt, locale) })).join('; ')
                        : t('application.noCourses')}
                    </dd>
                  </dl>
                  {match.introAt ? <p>{t('facility.intro_meeting', { when: formatDateTime(match.introAt, locale), place: match.introPlace ?? '' })}</p> : null}
                  <p>
                    <Link to={`/matches/${match.id}/agreement`} aria-label={t('agreement:links.open', { name: match.volunteer.name })}>
                      {t('agreement:links.agreement')}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
