import type { LoaderFunctionArgs } from '@remix-run/node'
import { volunteerList } from '~/models/workbench.server'
import { csvStream, type CsvValue } from '~/utils/csv'
import { formatDate } from '~/utils/dates'
import { TASKS } from '~/utils/domain'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { requirePermission } from '~/utils/permissions.server'
import { volunteerQueryOf } from '~/utils/workbench'

/** The volunteers list as it is searched and filtered, every row, as CSV for Danish Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const locale = await getLocale(request)
  const t = await getFixedT(locale, ['workbench', 'common'])
  const params = new URL(request.url).searchParams
  const query = volunteerQueryOf(params, (task) => t(`common:task.${task}`), TASKS)
  const list = volunteerList(actor.centreMunicipalityIds, { ...query, everything: true })
  const header = [t('volunteers.name'), t('volunteers.email'), t('list.municipality'), t('volunteers.skills'), t('volunteers.matches'), t('volunteers.checks'), t('volunteers.paused'), t('volunteers.lastActive')]
  function* rows(): Generator<CsvValue[]> {
    for (const row of list.rows) {
      const checks =
        row.checks.state === 'missing'
          ? t('volunteers.checksMissing')
          : row.checks.state === 'expiring'
            ? t('volunteers.checksExpiring', { date: formatDate(row.checks.expiresAt, locale) })
            : t('volunteers.checksOk')
      yield [
        row.name,
        row.email,
        row.municipalityName,
        row.skills.map((task) => t(`common:task.${task}`)).join(', '),
        row.activeMatches,
        checks,
        row.paused ? t('list.yes') : t('list.no'),
        row.lastLoginAt ? formatDate(row.lastLoginAt, locale) : t('list.never'),
      ]
    }
  }
  return new Response(csvStream(header, rows()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t('volunteers.csvName')}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
