import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { volunteerRecord, volunteerStatement } from '~/models/volunteer-record.server'
import { formatDate, formatLocalDate } from '~/utils/dates'
import { localeOf, type Locale } from '~/utils/domain'

type Record = ReturnType<typeof volunteerRecord>
type Statement = NonNullable<Awaited<ReturnType<typeof volunteerStatement>>>
type Serialized<T> = T extends Date ? string : T extends (infer U)[] ? Serialized<U>[] : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T

function hoursFormat(locale: Locale) {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 })
}

/** The volunteer's start page: visits and hours given, per facility and in total, this year and all time. */
export function VolunteerRecordBlock({ record }: { record: Record }) {
  const { t, i18n } = useTranslation('municipality')
  const hours = hoursFormat(localeOf(i18n.language))
  return (
    <section aria-labelledby="record-heading" className="card">
      <h2 id="record-heading">{t('record.heading')}</h2>
      {record.facilities.length === 0 ? (
        <p className="empty">{t('record.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="record-table responsive-table">
            <caption className="visually-hidden">{t('record.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record.facility')}</th>
                <th scope="col" className="number">
                  {t('record.visitsYear', { year: record.year })}
                </th>
                <th scope="col" className="number">
                  {t('record.hoursYear', { year: record.year })}
                </th>
                <th scope="col" className="number">
                  {t('record.visitsAll')}
                </th>
                <th scope="col" className="number">
                  {t('record.hoursAll')}
                </th>
              </tr>
            </thead>
            <tbody>
              {record.facilities.map((row) => (
                <tr key={row.facilityId}>
                  <th scope="row">{row.facility}</th>
                  <td className="number" data-label={t('record.visitsYear', { year: record.year })}>{row.visitsThisYear}</td>
                  <td className="number" data-label={t('record.hoursYear', { year: record.year })}>{hours.format(row.hoursThisYear)}</td>
                  <td className="number" data-label={t('record.visitsAll')}>{row.visitsAllTime}</td>
                  <td className="number" data-label={t('record.hoursAll')}>{hours.format(row.hoursAllTime)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('record.total')}</th>
                <td className="number" data-label={t('record.visitsYear', { year: record.year })}>{record.totals.visitsThisYear}</td>
                <td className="number" data-label={t('record.hoursYear', { year: record.year })}>{hours.format(record.totals.hoursThisYear)}</td>
                <td className="number" data-label={t('record.visitsAll')}>{record.totals.visitsAllTime}</td>
                <td className="number" data-label={t('record.hoursAll')}>{hours.format(record.totals.hoursAllTime)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p>
        <Link to="/volunteer/statement">{t('record.statementLink')}</Link>
      </p>
    </section>
  )
}

/** The statement (udtalelse) itself: the volunteer's own page and the coordinator's show the same. */
export function StatementDocument({ statement }: { statement: Serialized<Statement> }) {
  const { t, i18n } = useTranslation(['municipality', 'common'])
  const locale = localeOf(i18n.language)
  const hours = hoursFormat(locale)
  return (
    <article className="statement">
      <h1>{t('statement.heading')}</h1>
      <p className="lead">{t('statement.about', { name: statement.name })}</p>
      {statement.facilities.length === 0 ? (
        <p>{t('statement.nothing', { name: statement.name })}</p>
      ) : (
        <>
          <p>
            {t('statement.summary', {
              name: statement.name,
              count: statement.facilities.length,
              visits: statement.totals.visitsAllTime,
              hours: hours.format(statement.totals.hoursAllTime),
            })}
          </p>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- five columns do not fit a phone: the table scrolls in its box, which the keyboard must reach */}
          <div className="table-wrap" role="region" aria-label={t('statement.tableCaption')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('statement.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statement.facility')}</th>
                <th scope="col">{t('statement.period')}</th>
                <th scope="col" className="number">
                  {t('statement.visits')}
                </th>
                <th scope="col" className="number">
                  {t('statement.hours')}
                </th>
                <th scope="col">{t('statement.tasks')}</th>
              </tr>
            </thead>
            <tbody>
              {statement.facilities.map((row) => (
                <tr key={row.facilityId}>
                  <th scope="row">{row.facility}</th>
                  <td>
                    {formatLocalDate(row.firstVisit, locale)} – {formatLocalDate(row.lastVisit, locale)}
                  </td>
                  <td className="number">{row.visitsAllTime}</td>
                  <td className="number">{hours.format(row.hoursAllTime)}</td>
                  <td>{row.tasks.map((task) => t(`common:task.${task}`, { defaultValue: task })).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <p>{t('statement.role')}</p>
        </>
      )}
      {statement.signoff ? (
        <div className="signoff">
          <blockquote>{statement.signoff.text}</blockquote>
          <p>{t('statement.signedBy', { name: statement.signoff.signerName, centre: statement.signoff.centreName, date: formatDate(statement.signoff.signedAt, locale) })}</p>
        </div>
      ) : (
        <p className="hint">{t('statement.unsigned')}</p>
      )}
      <p className="hint">{t('statement.printedOn', { date: formatLocalDate(statement.today, locale) })}</p>
    </article>
  )
}

export function PrintButton() {
  const { t } = useTranslation('municipality')
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {t('statement.print')}
    </button>
  )
}
