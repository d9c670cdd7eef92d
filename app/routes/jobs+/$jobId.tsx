import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { standingOnAd } from '~/models/application.server'
import { invitationOf } from '~/models/invitation.server'
import { InvitationNotice } from '~/components/invitation-notice'
import { publishedAd } from '~/models/job-board.server'
import { getUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { appUrl } from '~/utils/env.server'
import { pageMeta } from '~/utils/meta'
import { notFound } from '~/utils/permissions.server'
import { capitalize, describeSchedule } from '~/utils/schedule'
import { jobPostingJsonLd } from '~/utils/structured-data'
import { copenhagenDate } from '~/utils/time'
import boardStyles from '~/styles/board.css'
import printStyles from '~/styles/print.css'

export const handle = { i18n: ['board'], scripts: false }

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: boardStyles },
  { rel: 'stylesheet', href: printStyles, media: 'print' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Deliberately public: only published, unexpired ads exist here; drafts and closed ads are a 404.
  const ad = await publishedAd(params.jobId ?? '')
  if (!ad) notFound()
  const url = appUrl(`/jobs/${ad.id}`)
  // Signed-in pages never come from the anonymous page cache, so this can differ per person.
  const user = await getUser(request)
  const standing = user?.role === 'volunteer' ? await standingOnAd(user.id, ad.id) : 'none'
  const invitation = user?.role === 'volunteer' && standing === 'none' ? await invitationOf(user.id, ad.id) : null
  return json({
    title: ad.title,
    description: ad.description,
    ad,
    standing,
    invitation,
    url,
    today: copenhagenDate(),
    jsonLd: jobPostingJsonLd(ad, url),
  })
}

function languageName(code: string, locale: string) {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

export default function JobAdPage() {
  const { t, i18n } = useTranslation(['board', 'common'])
  const { ad, url, today, jsonLd, standing, invitation } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  const id = useId()
  const requirements = [
    ad.requiresConfidentiality ? t('ad.reqConfidentiality') : null,
    ad.requiresCriminalRecord ? t('ad.reqCriminalRecord') : null,
    ad.requiresChildCertificate ? t('ad.reqChildCertificate') : null,
    ad.requiresIntroCourse ? t('ad.reqIntroCourse') : null,
    ad.minimumAge ? t('ad.minimumAge', { age: ad.minimumAge }) : null,
    ad.languages.length ? t('ad.languages', { languages: ad.languages.map((code) => languageName(code, locale)).join(', ') }) : null,
  ].filter((line): line is string => line !== null)
  return (
    <article className="job-ad">
      {/* schema.org JobPosting for search engines; serialised with "<" escaped (see structured-data.ts). */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p className="no-print">
        <Link to="/jobs">← {t('ad.back')}</Link>
      </p>
      <h1>{ad.title}</h1>
      <p className="lead">
        {ad.facility.name} · {t(`common:facilityKind.${ad.facility.kind}`)} · {ad.facility.postcode} {ad.facility.town} · {ad.municipality.name}
      </p>
      <ul className="tags" aria-label={t('ad.tasks')}>
        {ad.tasks.map((task) => (
          <li key={task} className="tag">
            {t(`common:task.${task}`)}
          </li>
        ))}
      </ul>

      <section aria-labelledby={`${id}-when`}>
        <h2 id={`${id}-when`}>{t('ad.when')}</h2>
        <p className="schedule">{capitalize(describeSchedule(t, locale, ad, today))}</p>
        <p>{t('ad.volunteersWanted', { count: ad.volunteersWanted })}</p>
      </section>

      <section aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('ad.about')}</h2>
        <p className="prewrap">{ad.description}</p>
        {ad.targetGroup ? (
          <p>
            <strong>{t('ad.targetGroup')}:</strong> {ad.targetGroup}
          </p>
        ) : null}
      </section>

      {ad.boundaries ? (
        <section aria-labelledby={`${id}-boundaries`}>
          <h2 id={`${id}-boundaries`}>{t('ad.boundaries')}</h2>
          <p className="prewrap">{ad.boundaries}</p>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-requirements`}>
        <h2 id={`${id}-requirements`}>{t('ad.requirements')}</h2>
        {requirements.length ? (
          <ul>
            {requirements.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p>{t('ad.noRequirements')}</p>
        )}
      </section>

      {ad.offers ? (
        <section aria-labelledby={`${id}-offers`}>
          <h2 id={`${id}-offers`}>{t('ad.offers')}</h2>
          <p className="prewrap">{ad.offers}</p>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-contact`}>
        <h2 id={`${id}-contact`}>{t('ad.contact')}</h2>
        {/* Only the role: who the contact person is stays private until the centre approves a match. */}
        <p>{ad.hasContactPerson ? t('ad.contactRole') : t('ad.contactViaCentre')}</p>
      </section>

      <InvitationNotice invitation={invitation} />
      {standing === 'matched' ? (
        <p className="apply no-print">
          <strong>{t('ad.matched')}</strong> <Link to="/volunteer">{t('ad.matchedLink')}</Link>
        </p>
      ) : standing === 'applied' ? (
        <p className="apply no-print">
          <strong>{t('ad.applied')}</strong> <Link to="/volunteer/applications">{t('ad.appliedLink')}</Link>
        </p>
      ) : (
        <p className="apply no-print">
          <Link to={`/jobs/${ad.id}/apply`} className="button">
            {t('ad.apply')}
          </Link>
          <span className="hint"> {t('ad.applyHint')}</span>
        </p>
      )}

      <section aria-labelledby={`${id}-facility`}>
        <h2 id={`${id}-facility`}>{t('ad.facility', { name: ad.facility.name })}</h2>
        {ad.facility.description ? <p className="prewrap">{ad.facility.description}</p> : null}
        {ad.facility.targetGroups.length ? <p>{t('ad.facilityTargetGroups', { groups: ad.facility.targetGroups.join(', ') })}</p> : null}
        {ad.facility.practicalInfo ? (
          <>
            <h3>{t('ad.practical')}</h3>
            <p className="prewrap">{ad.facility.practicalInfo}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-ethics`} className="ethics-policy">
        <h2 id={`${id}-ethics`}>{t('ad.ethics')}</h2>
        {ad.facility.ethicsEntries.length > 0 ? (
          <>
            <p>{t('ad.ethicsIntro')}</p>
            <dl className="ethics">
              {ad.facility.ethicsEntries.map((entry) => (
                <div key={entry.id}>
                  <dt>{entry.technology}</dt>
                  <dd>
                    <p>
                      <span className="label">{t('ad.dilemma')}:</span> {entry.dilemma}
                    </p>
                    <p>
                      <span className="label">{t('ad.agreedValues')}:</span> <strong>{entry.agreedValues}</strong>
                    </p>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p>{t('ad.noEthics')}</p>
        )}
      </section>

      <footer className="job-ad-footer">
        {ad.publishedAt ? <p className="hint">{t('ad.published', { date: formatDate(ad.publishedAt, locale) })}</p> : null}
        {ad.expiresAt ? <p className="hint">{t('ad.expires', { date: formatDate(ad.expiresAt, locale) })}</p> : null}
        <p className="print-only">{t('ad.printNote', { url })}</p>
      </footer>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)

/** Only here does a 404 mean "this ad has closed (or never was)": elsewhere it is just a wrong address. */
export function ErrorBoundary() {
  const { t } = useTranslation('board')
  return <GeneralErrorBoundary notFound={{ title: t('adNotFound.title'), body: t('adNotFound.body'), link: { to: '/jobs', label: t('adNotFound.link') } }} />
}
