import type { LoaderFunctionArgs } from '@remix-run/node'
import { facilitiesWithMatches, matchList } from '~/models/workbench.server'
import { csvStream, type CsvValue } from '~/utils/csv'
import { formatDate } from '~/utils/dates'
import { shownVolunteerName } from '~/utils/former-person'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { requirePermission } from '~/utils/permissions.server'
import { matchQueryOf } from '~/utils/workbench'

/** The matches list as it is searched and filtered, every row, as CSV for Danish Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const locale = await getLocale(request)
  const t = await getFixedT(locale, ['workbench', 'common', 'rights'])
  const params = new URL(request.url).searchParams
  const facilities = facilitiesWithMatches(actor.centreMunicipalityIds)
  const query = matchQueryOf(
    params,
    facilities.map((f) => f.id),
  )
  const list = matchList(actor.centreMunicipalityIds, { ...query, everything: true })
  const header = [t('matches.volunteer'), t('matches.facility'), t('list.municipality'), t('matches.ad'), t('matches.state'), t('matches.start'), t('matches.lastVisit')]
  function* rows(): Generator<CsvValue[]> {
    for (const row of list.rows) {
      yield [
        shownVolunteerName(t, row.volunteerName),
        row.facilityName,
        row.municipalityName,
        row.adTitle,
        t(`common:matchStatus.${row.status}`),
        formatDate(row.startedAt, locale),
        row.lastVisitAt ? formatDate(row.lastVisitAt, locale) : '',
      ]
    }
  }
  return new Response(csvStream(header, rows()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t('matches.csvName')}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
