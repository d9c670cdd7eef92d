import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/forms'
import { VolunteerRecordBlock } from '~/components/volunteer-record'
import { volunteerRecord } from '~/models/volunteer-record.server'
import { VolunteerThanksCard } from '~/components/volunteer-thanks'
import { volunteerThanks } from '~/models/wish.server'
import { EmptyState } from '~/components/empty-state'
import { applicationLook, StatusBadge } from '~/components/status-badge'
import { profileCompleteness, volunteerOverview, volunteerProfile } from '~/models/volunteer.server'
import volunteerStyles from '~/styles/volunteer.css'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireRole } from '~/utils/permissions.server'
import { NextEventCard } from '~/components/event-widgets'
import { nextEventOf } from '~/models/event.server'

export const handle = { i18n: ['events', 'volunteer', 'booking', 'visits', 'agreement', 'municipality', 'wishes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: volunteerStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const [overview, profile] = await Promise.all([volunteerOverview(user.id), volunteerProfile(user.id)])
  if (!profile) notFound()
  const t = await getFixedT(request, 'volunteer')
  return json({
    title: t('home.title'),
    name: user.name,
    paused: Boolean(profile.pausedAt),
    completeness: profileCompleteness(profile),
    record: volunteerRecord(user.id),
    thanks: volunteerThanks(user.id),
    nextEvent: nextEventOf(user.id),
    ...overview,
  })
}

export default function VolunteerHomePage() {
  const { t, i18n } = useTranslation(['volunteer', 'common', 'booking'])
  const { name, paused, completeness, applications, matches, nextVisit, record, thanks, nextEvent } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div className="volunteer-page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.greeting', { name })}</p>

      {paused ? (
        <section className="paused-banner" aria-labelledby="paused-heading">
          <h2 id="paused-heading">{t('pause.pausedHeading')}</h2>
          <p>{t('pause.pausedBody')}</p>
          <Form method="post" action="/volunteer/profile">
            <input type="hidden" name="intent" value="resume" />
            <SubmitButton>{t('pause.resume')}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <VolunteerThanksCard thanks={thanks} />
      <NextEventCard event={nextEvent} />

      <nav aria-label={t('home.shortcuts')}>
        <ul className="footer-links">
          <li>
            <Link to="/volunteer/profile">{t('home.editProfile')}</Link>
          </li>
          <li>
            <Link to="/volunteer/applications">{t('home.allApplications')}</Link>
          </li>
          <li>
            <Link to="/jobs">{t('home.findJobs')}</Link>
          </li>
          <li>
            <Link to="/visits/book">{t('booking:book.homeLink')}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="profile-heading" className="card completeness">
        <h2 id="profile-heading">{t('completeness.heading')}</h2>
        <p>
          <label htmlFor="completeness-meter">{t('completeness.label', { percent: completeness.percent })}</label>
        </p>
        <progress id="completeness-meter" max={100} value={completeness.percent}>
          {completeness.percent} %
        </progress>
        {completeness.complete ? (
          <p>{t('completeness.done')}</p>
        ) : (
          <>
            <p>{t('completeness.missingIntro')}</p>
            <ul>
              {completeness.missing.map((item) => (
                <li key={item}>
                  <Link to={`/volunteer/profile#${item}`}>{t(`completeness.item.${item}`)}</Link>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/volunteer/profile" className="button">
                {t('completeness.action')}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="next-visit-heading" className="card">
        <h2 id="next-visit-heading">{t('home.nextVisit')}</h2>
        {nextVisit ? (
          <p>
            <Link to={`/visits/${nextVisit.id}`}>{formatDateTime(nextVisit.startsAt, locale)}</Link> · {nextVisit.facility.name}
          </p>
        ) : (
          <EmptyState>{t('home.noVisit')}</EmptyState>
        )}
        <p>
          <Link to="/visits">{t('visits:home.allVisits')}</Link>
        </p>
      </section>

      <VolunteerRecordBlock record={record} />

      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t('home.matches')}</h2>
        {matches.length === 0 ? (
          <EmptyState>{t('home.noMatches')}</EmptyState>
        ) : (
          <ul>
            {matches.map((match) => (
              <li key={match.id}>
                {match.facility.name} — {match.jobAd.title} ({t(`common:matchStatus.${match.status}`)})
                {match.status === 'proposed' ? null : (
                  <>
                    {' · '}
                    <Link to={`/matches/${match.id}/agreement`} aria-label={t('agreement:links.open', { name: match.facility.name })}>
                      {t('agreement:links.agreement')}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('home.applications')}</h2>
        {applications.length === 0 ? (
          <div className="callout">
            <p>{t('home.noApplications')}</p>
            <p>
              <Link to="/jobs" className="button">
                {t('home.findJobs')}
              </Link>
            </p>
          </div>
        ) : (
          <>
            <ul>
              {applications.map((application) => (
                <li key={application.id}>
                  {application.jobAd.title} ({application.jobAd.facility.name}) —{' '}
                  <StatusBadge look={applicationLook(application.status)}>{t(`common:applicationStatus.${application.status}`)}</StatusBadge>
                </li>
              ))}
            </ul>
            <p>
              <Link to="/volunteer/applications">{t('home.allApplications')}</Link>
            </p>
          </>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
