import { can, forbidden, requirePermission } from './permissions.server'
import { reportPeriod } from './report'

/**
 * The guard and query of the report and its CSV: a coordinator, the period from `from`/`to`
 * (odd dates fall back, see reportPeriod) and the municipalities: all the centre covers, or the
 * one `municipality` names, which must be one of them (403 otherwise, whatever the value).
 */
export async function requireReportAccess(request: Request) {
  const { actor, user } = await requirePermission(request, 'centre:work')
  const params = new URL(request.url).searchParams
  const period = reportPeriod(params.get('from'), params.get('to'))
  const municipalityId = params.get('municipality') || null
  if (municipalityId !== null && !can(actor, 'report:view', { municipalityIds: [municipalityId] })) forbidden()
  return { user, actor, period, municipalityId, municipalityIds: municipalityId ? [municipalityId] : actor.centreMunicipalityIds }
}
