import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BarChart, describeBars, type Bar } from '~/components/bar-chart'
import { EmptyState } from '~/components/empty-state'
import { municipalityNames, resultsReport } from '~/models/report.server'
import reportPrintStyles from '~/styles/report-print.css'
import reportStyles from '~/styles/report.css'
import { formatLocalDate } from '~/utils/dates'
import { localeOf, type Locale } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { AGE_BANDS, columnValue, FIGURE_COLUMNS, RETENTION_MONTHS, retentionShare, type ReportFigures } from '~/utils/report'
import { requireReportAccess } from '~/utils/report.server'

export const handle = { i18n: ['report'] }
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: reportStyles },
  { rel: 'stylesheet', href: reportPrintStyles, media: 'print' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const { period, municipalityId, municipalityIds, ownMunicipalityIds } = await requireReportAccess(request)
  const t = await getFixedT(request, 'report')
  const report = period.backwards ? null : resultsReport({ municipalityIds, from: period.from, to: period.to })
  return json(
    { title: t('title'), period, municipalityId, municipalities: municipalityNames(ownMunicipalityIds), report },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

// The largest centre's year has 600+ facilities × 24 figures: one formatter per kind, not one per cell
// (making an Intl.NumberFormat costs far more than using one).
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: Locale, decimals: number) {
  const key = `${locale}:${decimals}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 })
    numberFormats.set(key, format)
  }
  return format
}

/** A figure as the page shows it; `–` when there is nothing to show (no decisions, no answers). */
function useFormat() {
  const { t, i18n } = useTranslation('report')
  const locale = localeOf(i18n.language)
  const number = (value: number | null, decimals = 0) => (value === null ? t('none') : numberFormat(locale, decimals).format(value))
  const percent = (share: number | null) => (share === null ? t('none') : `${numberFormat(locale, 0).format(Math.round(share * 100))} %`)
  return { t, locale, number, percent }
}

type LoaderData = SerializeFrom<typeof loader>
type Report = NonNullable<LoaderData['report']>

export default function ResultsReportPage() {
  const { period, municipalityId, municipalities, report } = useLoaderData<typeof loader>()
  const { t, locale, number, percent } = useFormat()
  const shownPeriod = t('period', { from: formatLocalDate(period.from, locale), to: formatLocalDate(period.to, locale) })
  const query = new URLSearchParams({ from: period.from, to: period.to, ...(municipalityId ? { municipality: municipalityId } : {}) })
  return (
    <div className="report">
      <h1>{t('title')}</h1>
      <p className="lead">
        {shownPeriod}
        {municipalityId ? ` · ${municipalities.find((m) => m.id === municipalityId)?.name ?? ''}` : ''}
      </p>
      <p className="print-only">{t('printedFor', { period: shownPeriod })}</p>
      <p className="no-print">{t('intro')}</p>

      <ReportFilter period={period} municipalityId={municipalityId} municipalities={municipalities} />

      {period.adjusted ? (
        <p className="callout" role="status">
          {t('adjusted', { from: formatLocalDate(period.from, locale), to: formatLocalDate(period.to, locale) })}
        </p>
      ) : null}
      {report === null ? (
        <p className="form-error" role="alert">
          {t('backwards', { from: formatLocalDate(period.from, locale), to: formatLocalDate(period.to, locale) })}
        </p>
      ) : (
        <>
          <p className="report-actions no-print">
            <Link to={`/centre/report.csv?${query}`} reloadDocument download className="button button-secondary">
              {t('download')}
            </Link>{' '}
            <PrintButton label={t('print')} />
          </p>

          <section aria-labelledby="key-heading" className="report-section">
            <h2 id="key-heading">{t('keyFigures.heading')}</h2>
            <dl className="key-figures">
              <KeyFigure label={t('keyFigures.facilities')} value={number(report.facilitiesTakingPart)} note={t('keyFigures.facilitiesNew', { count: report.facilitiesNew })} />
              <KeyFigure label={t('keyFigures.matchesMade')} value={number(report.totals.matchesMade)} />
              <KeyFigure label={t('keyFigures.activeMatches')} value={number(report.totals.activeMatches)} />
              <KeyFigure label={t('keyFigures.visitsDone')} value={number(report.totals.visitsDone)} />
              <KeyFigure label={t('keyFigures.hours')} value={number(report.totals.hours, 2)} />
              <KeyFigure label={t('keyFigures.satisfaction')} value={number(report.totals.satisfactionAverage, 1)} />
              <KeyFigure label={t('keyFigures.residentsReached')} value={number(report.totals.residentsReached)} />
              <KeyFigure label={t('keyFigures.smileShare')} value={percent(report.totals.smileShare)} />
            </dl>
          </section>

          <section aria-labelledby="recruitment-heading" className="report-section">
            <h2 id="recruitment-heading">{t('recruitment.heading')}</h2>
            <FigureTable
              caption={t('recruitment.heading')}
              figures={report.totals}
              keys={['adsPublished', 'applications', 'matchesMade', 'declined', 'withdrawn', 'medianDaysToDecision', 'medianDaysToFirstVisit']}
            />
          </section>

          <section aria-labelledby="matches-heading" className="report-section">
            <h2 id="matches-heading">{t('matches.heading')}</h2>
            <FigureTable caption={t('matches.heading')} figures={report.totals} keys={['activeMatches', 'pausedMatches', 'endedMatches']} />
            <h3>{t('matches.endReasons')}</h3>
            {report.totals.endedMatches === 0 ? (
              <EmptyState>{t('matches.noEndReasons')}</EmptyState>
            ) : (
              <>
                <CountTable
                  caption={t('matches.endReasons')}
                  keyHeading={t('matches.reason')}
                  countHeading={t('matches.count')}
                  rows={[
                    ...report.endReasons.shared.map((r) => ({ label: r.key, count: r.count })),
                    ...(report.endReasons.other > 0 ? [{ label: t('matches.otherReasons'), count: report.endReasons.other }] : []),
                    ...(report.endReasons.none > 0 ? [{ label: t('matches.noReason'), count: report.endReasons.none }] : []),
                  ]}
                />
                <p className="hint">{t('matches.reasonsExplained')}</p>
              </>
            )}
            <h3>{t('matches.retentionHeading')}</h3>
            <p>{t('matches.retentionExplained')}</p>
            <RetentionChart figures={report.totals} />
          </section>

          <section aria-labelledby="visits-heading" className="report-section">
            <h2 id="visits-heading">{t('visits.heading')}</h2>
            <p>{t('visits.intro')}</p>
            <ChartWithTable
              id="visits-chart"
              title={t('visits.chartTitle')}
              headings={[t('visits.status'), t('visits.count')]}
              bars={(['visitsPlanned', 'visitsDone', 'visitsCancelled', 'visitsCancelledLate', 'visitsNoShow'] as const).map((key) => ({
                label: t(`column.${key}`),
                value: report.totals[key],
                shown: number(report.totals[key]),
              }))}
              moreRows={[{ label: t('column.hours'), cells: [number(report.totals.hours, 2)] }]}
            />
          </section>

          <section aria-labelledby="tasks-heading" className="report-section">
            <h2 id="tasks-heading">{t('tasks.heading')}</h2>
            <p>{t('tasks.intro')}</p>
            {report.tasks.length === 0 ? (
              <EmptyState>{t('tasks.none')}</EmptyState>
            ) : (
              <ChartWithTable
                id="tasks-chart"
                title={t('tasks.chartTitle')}
                headings={[t('tasks.task'), t('tasks.visits')]}
                bars={report.tasks.map((task) => ({ label: t(`common:task.${task.key}`, { defaultValue: task.key }), value: task.count, shown: number(task.count) }))}
              />
            )}
          </section>

          <CheckInsSection report={report} />

          <VolunteersSection report={report} />

          <FacilitiesSection report={report} />
        </>
      )}
    </div>
  )
}

function ReportFilter({ period, municipalityId, municipalities }: Pick<LoaderData, 'period' | 'municipalityId' | 'municipalities'>) {
  const { t } = useFormat()
  return (
    <Form method="get" className="report-filter no-print">
      <fieldset>
        <legend>{t('filter.legend')}</legend>
        <div className="report-filter-fields">
          <label>
            {t('filter.from')}
            <input type="date" name="from" defaultValue={period.from} required />
          </label>
          <label>
            {t('filter.to')}
            <input type="date" name="to" defaultValue={period.to} required />
          </label>
          {municipalities.length > 1 ? (
            <label>
              {t('filter.municipality')}
              <select name="municipality" defaultValue={municipalityId ?? ''}>
                <option value="">{t('filter.allMunicipalities')}</option>
                {municipalities.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" className="button">
            {t('filter.show')}
          </button>
        </div>
      </fieldset>
    </Form>
  )
}

function CheckInsSection({ report }: { report: Report }) {
  const { t, number, percent } = useFormat()
  return (
    <section aria-labelledby="checkins-heading" className="report-section">
      <h2 id="checkins-heading">{t('checkIns.heading')}</h2>
      <div className="table-wrap">
        <table className="responsive-table">
          <caption className="visually-hidden">{t('checkIns.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('checkIns.who')}</th>
              <th scope="col" className="number">{t('checkIns.answers')}</th>
              <th scope="col" className="number">{t('checkIns.satisfaction')}</th>
              <th scope="col" className="number">{t('checkIns.aligned')}</th>
            </tr>
          </thead>
          <tbody>
            {report.checkInsByRole.map((row) => (
              <tr key={row.role}>
                <th scope="row">{t(`checkIns.role.${row.role}`)}</th>
                <td className="number" data-label={t('checkIns.answers')}>{number(row.answers)}</td>
                <td className="number" data-label={t('checkIns.satisfaction')}>{number(row.satisfactionAverage, 1)}</td>
                <td className="number" data-label={t('checkIns.aligned')}>{percent(row.alignedShare)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('checkIns.all')}</th>
              <td className="number" data-label={t('checkIns.answers')}>{number(report.totals.checkInAnswers)}</td>
              <td className="number" data-label={t('checkIns.satisfaction')}>{number(report.totals.satisfactionAverage, 1)}</td>
              <td className="number" data-label={t('checkIns.aligned')}>{percent(report.totals.alignedShare)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>{t('checkIns.meetings', { count: report.totals.followUpMeetings })}</p>
    </section>
  )
}

function VolunteersSection({ report }: { report: Report }) {
  const { t, number } = useFormat()
  return (
    <section aria-labelledby="volunteers-heading" className="report-section">
      <h2 id="volunteers-heading">{t('volunteers.heading')}</h2>
      <p>{t('volunteers.intro')}</p>
      {report.totals.volunteers === 0 ? (
        <EmptyState>{t('volunteers.none')}</EmptyState>
      ) : (
        <>
          <h3>{t('volunteers.byAge')}</h3>
          <ChartWithTable
            id="age-chart"
            title={t('volunteers.chartTitle')}
            headings={[t('volunteers.ageBand'), t('volunteers.count')]}
            bars={AGE_BANDS.map((band) => {
              const count = report.volunteersByAgeBand.find((row) => row.key === band)?.count ?? 0
              return { label: t(`volunteers.band.${band}`), value: count, shown: number(count) }
            })}
          />
          <div className="report-columns">
            <div>
              <h3>{t('volunteers.byMunicipality')}</h3>
              <CountTable
                caption={t('volunteers.byMunicipality')}
                keyHeading={t('volunteers.municipality')}
                countHeading={t('volunteers.count')}
                rows={report.volunteersByMunicipality.map((row) => ({ label: row.key || t('volunteers.unknown'), count: row.count }))}
              />
            </div>
            <div>
              <h3>{t('volunteers.byEmployer')}</h3>
              <CountTable
                caption={t('volunteers.byEmployer')}
                keyHeading={t('volunteers.employer')}
                countHeading={t('volunteers.count')}
                rows={report.volunteersByEmployer.map((row) => ({ label: row.key || t('volunteers.noEmployer'), count: row.count }))}
              />
            </div>
          </div>
        </>
      )}
    </section>
  )
}

function FacilitiesSection({ report }: { report: Report }) {
  const { t, number } = useFormat()
  const labels = useColumnLabels()
  return (
    <section aria-labelledby="facilities-heading" className="report-section report-facilities">
      <h2 id="facilities-heading">{t('facilities.heading')}</h2>
      <p>{t('facilities.intro')}</p>
      {report.facilities.length === 0 ? (
        <EmptyState>{t('facilities.none')}</EmptyState>
      ) : (
        // Wider than the screen: a region that takes focus, so the keyboard can scroll it (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-wrap" role="region" aria-label={t('facilities.tableLabel')} tabIndex={0}>
          <table className="facility-table responsive-table">
            <caption className="visually-hidden">{t('facilities.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilities.facility')}</th>
                <th scope="col">{t('facilities.municipality')}</th>
                <th scope="col">{t('facilities.new')}</th>
                {FIGURE_COLUMNS.map((column) => (
                  <th scope="col" key={column.key} className="number">
                    {t(`column.${column.key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.facilities.map((facility) => (
                <tr key={facility.id}>
                  <th scope="row">{facility.name}</th>
                  <td data-label={t('facilities.municipality')}>{facility.municipality}</td>
                  <td data-label={t('facilities.new')}>{facility.isNew ? t('facilities.yes') : t('facilities.no')}</td>
                  <FigureCells figures={facility.figures} labels={labels} number={number} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('facilities.total')}</th>
                <td />
                <td data-label={t('facilities.new')}>{number(report.facilitiesNew)}</td>
                <FigureCells figures={report.totals} labels={labels} number={number} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  )
}

function PrintButton({ label }: { label: string }) {
  // Printing needs the browser's own dialog; without JavaScript the browser's menu does the same.
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {label}
    </button>
  )
}

function KeyFigure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="key-figure">
      <dt>{label}</dt>
      <dd>
        <span className="key-value">{value}</span>
        {note ? <span className="key-note">{note}</span> : null}
      </dd>
    </div>
  )
}

/** The column labels, translated once per table rather than once per cell. */
function useColumnLabels() {
  const { t } = useTranslation('report')
  return useMemo(() => Object.fromEntries(FIGURE_COLUMNS.map((column) => [column.key, t(`column.${column.key}`)])), [t])
}

function FigureCells({ figures, labels, number }: { figures: ReportFigures; labels: Record<string, string>; number: (value: number | null, decimals?: number) => string }) {
  return (
    <>
      {FIGURE_COLUMNS.map((column) => (
        <td key={column.key} className="number" data-label={labels[column.key]}>
          {column.percent ? (columnValue(column, figures) === null ? number(null) : `${number(columnValue(column, figures))} %`) : number(columnValue(column, figures), column.decimals)}
        </td>
      ))}
    </>
  )
}

function FigureTable({ caption, figures, keys }: { caption: string; figures: ReportFigures; keys: string[] }) {
  const { t, number } = useFormat()
  return (
    <div className="table-wrap">
      <table className="figure-table">
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          {FIGURE_COLUMNS.filter((column) => keys.includes(column.key)).map((column) => (
            <tr key={column.key}>
              <th scope="row">{t(`column.${column.key}`)}</th>
              <td className="number">{number(columnValue(column, figures), column.decimals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

type TableRow = { label: string; cells: string[] }

function CountTable({ caption, keyHeading, countHeading, rows }: { caption: string; keyHeading: string; countHeading: string; rows: { label: string; count: number }[] }) {
  const { number } = useFormat()
  return <LabelledTable caption={caption} headings={[keyHeading, countHeading]} rows={rows.map((row) => ({ label: row.label, cells: [number(row.count)] }))} />
}

/** A table whose rows are headed by their label, the figures (already formatted) in the columns after it. */
function LabelledTable({ caption, headings: [keyHeading, ...figureHeadings], rows }: { caption: string; headings: string[]; rows: TableRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            {figureHeadings.map((heading) => (
              <th key={heading} scope="col" className="number">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, column) => (
                <td key={column} className="number">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A figure as a bar chart with the same figures as a table beside it (the table is what a screen
 * reader and a printout use). By default a row a bar with its shown value; `rows` replaces them,
 * `moreRows` adds to them.
 */
function ChartWithTable({
  id,
  title,
  headings,
  bars,
  max,
  caption = title,
  rows = bars.map((bar) => ({ label: bar.label, cells: [bar.shown] })),
  moreRows = [],
}: {
  id: string
  title: string
  headings: string[]
  bars: Bar[]
  max?: number
  caption?: string
  rows?: TableRow[]
  moreRows?: TableRow[]
}) {
  const { t } = useFormat()
  const description = t('chartDescription', { values: describeBars(bars) })
  return (
    <div className="chart-with-table">
      <BarChart id={id} title={title} description={description} bars={bars} max={max} />
      <LabelledTable caption={caption} headings={headings} rows={[...rows, ...moreRows]} />
    </div>
  )
}

function RetentionChart({ figures }: { figures: ReportFigures }) {
  const { t, number, percent } = useFormat()
  const rows = RETENTION_MONTHS.map((months) => ({ months, share: retentionShare(figures, months), base: figures.retention.find((r) => r.months === months)?.eligible ?? 0 }))
  return (
    <ChartWithTable
      id="retention-chart"
      title={t('matches.chartTitle')}
      caption={t('matches.retentionHeading')}
      headings={[t('matches.retentionHeading'), t('matches.share'), t('matches.base')]}
      bars={rows.map((row) => ({ label: t('matches.after', { months: row.months }), value: (row.share ?? 0) * 100, shown: percent(row.share) }))}
      max={100}
      rows={rows.map((row) => ({ label: t('matches.after', { months: row.months }), cells: [percent(row.share), number(row.base)] }))}
    />
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
