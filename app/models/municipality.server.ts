import { sql as raw } from 'kysely'
import { prisma } from '~/utils/db.server'
import { parseList } from '~/utils/domain'
import { all, sql } from '~/utils/sql.server'

/**
 * The municipality's view (kommunal tovholder, issue 14): its facilities with the state of their
 * IT screening and ethics policy, and their ads. Read-only, and nothing about a person: no
 * volunteer, no staff member, no contact person is selected here, only facilities and counts.
 */
export function municipalityFacilities(municipalityIds: string[]) {
  if (municipalityIds.length === 0) return []
  const rows = all(
    sql
      .selectFrom('Facility as f')
      .innerJoin('Municipality as mu', 'mu.id', 'f.municipalityId')
      .leftJoin('FacilityItScreening as s', 's.facilityId', 'f.id')
      .leftJoin('EthicsPolicyState as e', 'e.facilityId', 'f.id')
      .where('f.municipalityId', 'in', municipalityIds)
      .select([
        'f.id',
        'f.name',
        'f.kind',
        'f.town',
        'f.status',
        'mu.name as municipality',
        's.updatedAt as screeningUpdatedAt',
        's.wishedTasks',
        'e.updatedAt as policyUpdatedAt',
        'e.reviewedOn',
        'e.templateAdoptedAt',
        raw<number>`(SELECT count(*) FROM "EthicsPolicyEntry" pe WHERE pe."facilityId" = f."id")`.as('policyEntries'),
        // Policies written before their changes were dated count from their newest entry.
        raw<string | null>`(SELECT max(pe."createdAt") FROM "EthicsPolicyEntry" pe WHERE pe."facilityId" = f."id")`.as('newestEntryAt'),
        raw<number>`(SELECT count(*) FROM "JobAd" j WHERE j."facilityId" = f."id" AND j."status" = 'published')`.as('publishedAds'),
      ]),
  )
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      town: row.town,
      status: row.status,
      municipality: row.municipality,
      screening: row.screeningUpdatedAt ? { updatedAt: row.screeningUpdatedAt, wishedTasks: parseList(row.wishedTasks) } : null,
      policy:
        row.policyEntries > 0
          ? {
              entries: row.policyEntries,
              updatedAt: latest(row.policyUpdatedAt, row.newestEntryAt),
              reviewedOn: row.reviewedOn,
              fromTemplate: row.templateAdoptedAt !== null,
            }
          : null,
      publishedAds: row.publishedAds,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
}

function latest(a: string | null, b: string | null) {
  if (!a) return b
  if (!b) return a
  return new Date(a) > new Date(b) ? a : b
}

/** The ads of the municipalities' facilities that are or were out in the world (not drafts). */
export function municipalityAds(municipalityIds: string[]) {
  if (municipalityIds.length === 0) return []
  return all(
    sql
      .selectFrom('JobAd as j')
      .innerJoin('Facility as f', 'f.id', 'j.facilityId')
      .where('f.municipalityId', 'in', municipalityIds)
      .where('j.status', 'in', ['published', 'paused', 'filled'])
      .select(['j.id', 'j.title', 'j.status', 'j.tasks', 'j.publishedAt', 'j.expiresAt', 'f.name as facility'])
      .orderBy('j.publishedAt', 'desc'),
  ).map((ad) => ({ ...ad, tasks: parseList(ad.tasks) }))
}

/** The names of the municipalities a municipality account reads. */
export function municipalitiesOf(userId: string) {
  return prisma.municipalityAccess.findMany({
    where: { userId },
    select: { municipality: { select: { id: true, name: true } } },
    orderBy: { municipality: { name: 'asc' } },
  }).then((rows) => rows.map((row) => row.municipality))
}
