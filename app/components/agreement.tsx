import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AgreementVersionView } from '~/models/agreement.server'
import type { PartyCheckIn } from '~/models/check-in-sharing.server'
import { isStandardLine, type AgreementContent, type AgreementLine, type StandardLineKey } from '~/utils/agreement'
import { formatDate, formatDateTime, formatLocalDate } from '~/utils/dates'
import type { Locale } from '~/utils/domain'
import { capitalize, describeSchedule } from '~/utils/schedule'
import { describePlan } from '~/utils/visit-plan'

type T = (key: string, options?: Record<string, unknown>) => string
/** A version as a loader sends it (dates as text). */
type Version = SerializeFrom<AgreementVersionView>

/**
 * The facility's contact line names the stand-in, or says whom to call without one. Message keys
 * written out so a search for a key finds where it is used.
 */
function standardLineText(t: T, key: StandardLineKey, content: AgreementContent) {
  if (key === 'line.facility.contact') {
    const contact = content.contact?.name ?? '–'
    if (content.standIn) return t('line.facility.contact', { contact, standIn: content.standIn.name })
    if (content.fallbackPhone) return t('line.facility.contactNoStandIn', { contact, phone: content.fallbackPhone })
    return t('line.facility.contactNoStandInNoPhone', { contact })
  }
  return t(key)
}

function Lines({ lines, content, locale }: { lines: AgreementLine[]; content: AgreementContent; locale: Locale }) {
  const { t } = useTranslation('agreement')
  return (
    <ul className="agreement-lines">
      {lines.map((line, index) =>
        isStandardLine(line) ? (
          <li key={line.key}>{capitalize(standardLineText(t, line.key, content))}</li>
        ) : (
          <li key={`added-${index}`} className="agreement-added">
            <span className="prewrap">{line.text}</span> <span className="hint">({t('line.addedBy', { name: line.authorName, date: formatDate(line.addedAt, locale) })})</span>
          </li>
        ),
      )}
    </ul>
  )
}

function Person({ person }: { person: { name: string; phone: string | null; email: string } }) {
  return (
    <>
      {person.name}
      {person.phone ? ` · ${person.phone}` : ''} · {person.email}
    </>
  )
}

/** One version of a cooperation agreement, laid out to print on one or two A4 pages. */
export function AgreementDocument({ version, locale }: { version: Version; locale: Locale }) {
  const { t } = useTranslation(['agreement', 'common', 'matching', 'visits', 'board'])
  const { content } = version
  const schedule = describeSchedule(t, locale, { weekdays: content.schedule.ad.weekdays, timeFrom: content.schedule.ad.timeFrom, timeTo: content.schedule.ad.timeTo, frequency: content.schedule.ad.frequency })
  return (
    <article className="agreement" aria-labelledby="agreement-heading">
      <h1 id="agreement-heading">{t('heading')}</h1>
      <p className="lead">{t('subheading', { facility: content.facilityName, volunteer: content.volunteer.name, ad: content.adTitle })}</p>
      <p className="hint">{t('versionLine', { number: version.number, date: formatDate(version.createdAt, locale) })}</p>

      <div className="agreement-columns">
        <section aria-labelledby="agreement-task">
          <h2 id="agreement-task">{t('section.task')}</h2>
          <dl className="meta-list">
            <dt>{t('section.tasks')}</dt>
            <dd>{content.tasks.length > 0 ? content.tasks.map((task) => t(`common:task.${task}`)).join(', ') : '–'}</dd>
            {content.boundaries ? (
              <>
                <dt>{t('section.boundaries')}</dt>
                <dd className="prewrap">{content.boundaries}</dd>
              </>
            ) : null}
            <dt>{t('section.schedule')}</dt>
            <dd>
              {content.schedule.plans.length > 0 ? (
                <ul className="plain-list">
                  {content.schedule.plans.map((plan) => (
                    <li key={`${plan.weekday}-${plan.startTime}-${plan.startDate}`}>{describePlan(t, locale, plan)}</li>
                  ))}
                </ul>
              ) : (
                t('section.noPlan', { schedule: schedule || '–' })
              )}
            </dd>
            {content.intro.at ? (
              <>
                <dt>{t('section.intro')}</dt>
                <dd>
                  {formatDateTime(content.intro.at, locale)}
                  {content.intro.place ? `, ${content.intro.place}` : ''}
                </dd>
              </>
            ) : null}
            <dt>{t('section.address')}</dt>
            <dd>{content.facilityAddress}</dd>
          </dl>
        </section>

        <section aria-labelledby="agreement-people">
          <h2 id="agreement-people">{t('section.people')}</h2>
          <dl className="meta-list">
            <dt>{t('section.volunteer')}</dt>
            <dd>
              <Person person={content.volunteer} />
            </dd>
            <dt>{t('section.contact')}</dt>
            <dd>{content.contact ? <Person person={content.contact} /> : '–'}</dd>
            <dt>{t('section.standIn')}</dt>
            <dd>
              {content.standIn ? (
                <Person person={content.standIn} />
              ) : content.fallbackPhone ? (
                t('section.noStandIn', { phone: content.fallbackPhone })
              ) : (
                t('section.noStandInNoPhone')
              )}
            </dd>
            {content.centre ? (
              <>
                <dt>{t('section.centre')}</dt>
                <dd>
                  <Person person={{ name: content.centre.name, phone: content.centre.phone, email: content.centre.email }} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <div className="agreement-columns">
        <section aria-labelledby="agreement-facility-list">
          <h2 id="agreement-facility-list">{t('facilityList', { facility: content.facilityName })}</h2>
          <Lines lines={content.facilityLines} content={content} locale={locale} />
        </section>
        <section aria-labelledby="agreement-volunteer-list">
          <h2 id="agreement-volunteer-list">{t('volunteerList', { volunteer: content.volunteer.name })}</h2>
          <Lines lines={content.volunteerLines} content={content} locale={locale} />
        </section>
      </div>

      <section aria-labelledby="agreement-practical">
        <h2 id="agreement-practical">{t('section.practical')}</h2>
        <p className="prewrap">{content.practicalInfo || t('section.noPractical')}</p>
      </section>

      <section aria-labelledby="agreement-ethics">
        <h2 id="agreement-ethics">{t('section.ethics')}</h2>
        {content.ethics.length === 0 ? (
          <p>{t('section.noEthics')}</p>
        ) : (
          <ul className="agreement-ethics">
            {content.ethics.map((entry) => (
              <li key={`${entry.technology}-${entry.dilemma}`}>
                <strong>{entry.technology}</strong>: {entry.dilemma} {t('section.agreed', { values: entry.agreedValues })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="agreement-checks">
        <h2 id="agreement-checks">{t('section.checks')}</h2>
        <p>
          {content.checks.length === 0
            ? t('section.noChecks')
            : content.checks.map((check) => t('section.checkedOn', { check: t(`matching:checkKind.${check.kind}`), date: formatLocalDate(check.checkedOn, locale) })).join(', ')}
        </p>
      </section>

      <section aria-labelledby="agreement-status">
        <h2 id="agreement-status">{t('status.heading')}</h2>
        <p>{version.complete ? t('status.complete') : t('status.missing', { number: version.number })}</p>
        <dl className="meta-list">
          <dt>{t('status.volunteer')}</dt>
          <dd>
            {version.volunteerAcceptedAt
              ? t('status.acceptedBy', { name: version.volunteerAcceptedBy?.name ?? '–', date: formatDateTime(version.volunteerAcceptedAt, locale) })
              : t('status.notAccepted')}
          </dd>
          <dt>{t('status.facility')}</dt>
          <dd>
            {version.facilityAcceptedAt
              ? t('status.acceptedBy', { name: version.facilityAcceptedBy?.name ?? '–', date: formatDateTime(version.facilityAcceptedAt, locale) })
              : t('status.notAccepted')}
          </dd>
        </dl>
      </section>
    </article>
  )
}

// Message keys written out so a search for a key finds where it is used.
const CHANGE_LABEL = {
  approval: 'change.approval',
  schedule: 'change.schedule',
  contact: 'change.contact',
  ethics: 'change.ethics',
  lines: 'change.lines',
  details: 'change.details',
} as const

/** Every version with its date, what changed and whether both accepted; the shown one is not a link. */
export function AgreementVersionList({ matchId, versions, shown, locale }: { matchId: string; versions: Version[]; shown: number; locale: Locale }) {
  const { t } = useTranslation('agreement')
  const current = versions[0]?.number
  return (
    <section aria-labelledby="versions-heading" className="no-print">
      <h2 id="versions-heading">{t('versions.heading')}</h2>
      <ul className="card-list">
        {versions.map((version) => {
          const label = t('versions.item', { number: version.number, date: formatDate(version.createdAt, locale) })
          const to = version.number === current ? `/matches/${matchId}/agreement` : `/matches/${matchId}/agreement/versions/${version.number}`
          return (
            <li key={version.number}>
              {version.number === shown ? <strong aria-current="page">{label}</strong> : <Link to={to}>{label}</Link>}
              {version.number === current ? ` ${t('versions.current')}` : ''} – {t('versions.changes', { changes: version.changes.map((change) => t(CHANGE_LABEL[change])).join(', ') })} –{' '}
              {version.complete ? t('links.complete') : t('links.missing')}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

type CheckInView = SerializeFrom<PartyCheckIn>

/** The party's own answer and the other party's, as far as it was shared, for each check-in. */
export function CheckInSummaries({ checkIns, locale }: { checkIns: CheckInView[]; locale: Locale }) {
  const { t } = useTranslation('agreement')
  const summary = (answer: { satisfaction: number | null; expectationsAligned: boolean | null }) =>
    t('checkIns.summary', { satisfaction: answer.satisfaction ?? '–', aligned: t(answer.expectationsAligned ? 'checkIns.aligned' : 'checkIns.notAligned') })
  return (
    <section aria-labelledby="checkins-heading" className="no-print">
      <h2 id="checkins-heading">{t('checkIns.heading')}</h2>
      <p>{t('checkIns.intro')}</p>
      {checkIns.length === 0 ? (
        <p className="empty">{t('checkIns.none')}</p>
      ) : (
        <ul className="card-list">
          {checkIns.map((checkIn) => (
            <li key={checkIn.id} className="card">
              <h3>{t('checkIns.due', { date: formatDate(checkIn.dueAt, locale) })}</h3>
              <dl className="meta-list">
                {checkIn.own ? (
                  <>
                    <dt>{t('checkIns.other', { name: checkIn.own.name })}</dt>
                    <dd>
                      {summary(checkIn.own)}
                      {checkIn.own.wishes ? <p className="prewrap">{checkIn.own.wishes}</p> : null}
                    </dd>
                  </>
                ) : null}
                {checkIn.other ? (
                  <>
                    <dt>{t('checkIns.other', { name: checkIn.other.name })}</dt>
                    <dd>
                      {checkIn.other.centreOnly ? (
                        t('checkIns.centreOnly', { name: checkIn.other.name })
                      ) : (
                        <>
                          {summary(checkIn.other)}
                          {checkIn.other.wishes ? <p className="prewrap">{checkIn.other.wishes}</p> : null}
                        </>
                      )}
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
