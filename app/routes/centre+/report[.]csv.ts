import type { LoaderFunctionArgs } from '@remix-run/node'
import { resultsReport } from '~/models/report.server'
import { csvStream, type CsvValue } from '~/utils/csv'
import { getFixedT } from '~/utils/i18n.server'
import { columnValue, FIGURE_COLUMNS, reportFileName } from '~/utils/report'
import { requireReportAccess } from '~/utils/report.server'

/**
 * The results report as CSV for Danish Excel: one row per facility with the page's columns, then
 * a row for all facilities together. Same query as /centre/report; a period that ends before it
 * starts is a 400 with a line of text, as there is no page to show the message on.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { period, municipalityIds } = await requireReportAccess(request)
  const t = await getFixedT(request, 'report')
  if (period.backwards) return new Response(t('csvError'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const report = resultsReport({ municipalityIds, from: period.from, to: period.to })
  const header = [t('csv.facility'), t('csv.municipality'), t('csv.new'), ...FIGURE_COLUMNS.map((column) => t(`column.${column.key}`)), t('csv.from'), t('csv.to')]
  function* rows(): Generator<CsvValue[]> {
    for (const facility of report.facilities) {
      yield [facility.name, facility.municipality, facility.isNew ? t('csv.yes') : t('csv.no'), ...FIGURE_COLUMNS.map((column) => columnValue(column, facility.figures)), period.from, period.to]
    }
    yield [t('csv.total'), '', report.facilitiesNew, ...FIGURE_COLUMNS.map((column) => columnValue(column, report.totals)), period.from, period.to]
  }
  return new Response(csvStream(header, rows()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${reportFileName(period)}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
