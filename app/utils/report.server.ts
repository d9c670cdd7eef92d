import { requireUser } from './auth.server'
import { can, forbidden, loadActor } from './permissions.server'
import { reportPeriod } from './report'

/**
 * The guard and query of the report and its CSV: a coordinator (the municipalities their centre
 * covers) or the municipality role (kommunal tovholder: the municipalities it was given), the
 * period from `from`/`to` (odd dates fall back, see reportPeriod) and the municipalities: all of
 * the reader's own, or the one `municipality` names, which must be one of them (403 otherwise,
 * whatever the value). Both read the same figures: counts and facility names only.
 */
export async function requireReportAccess(request: Request) {
  const user = await requireUser(request)
  const actor = await loadActor(user)
  const own =
    actor.role === 'coordinator' && can(actor, 'centre:work') ? actor.centreMunicipalityIds : actor.role === 'municipality' ? (actor.municipalityIds ?? []) : []
  if (own.length === 0) forbidden()
  const params = new URL(request.url).searchParams
  const period = reportPeriod(params.get('from'), params.get('to'))
  const municipalityId = params.get('municipality') || null
  if (municipalityId !== null && !can(actor, 'report:view', { municipalityIds: [municipalityId] })) forbidden()
  return { user, actor, period, municipalityId, municipalityIds: municipalityId ? [municipalityId] : own, ownMunicipalityIds: own }
}
