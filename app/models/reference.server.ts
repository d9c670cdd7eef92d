import reference from '../../prisma/reference/dk-postcodes-by-municipality.json'
import type { Db, Tx } from '~/utils/db.server'
import { prisma } from '~/utils/db.server'

type ReferenceFile = Record<string, Record<string, Record<string, string>>>

/** Christiansø is in PostNord's list but is no municipality (the state runs it), so it is left out. */
const NOT_A_MUNICIPALITY = new Set(['Christiansø'])

/** The 98 municipalities with their region and postcodes, from PostNord's list (2018). */
export function referenceMunicipalities() {
  const rows: { name: string; region: string; postcodes: { code: string; town: string }[] }[] = []
  for (const [region, municipalities] of Object.entries(reference as ReferenceFile)) {
    for (const [name, postcodes] of Object.entries(municipalities)) {
      if (NOT_A_MUNICIPALITY.has(name)) continue
      rows.push({
        name,
        region,
        postcodes: Object.entries(postcodes).map(([code, town]) => ({ code: code.padStart(4, '0'), town })),
      })
    }
  }
  return rows
}

/** Loads municipalities and postcodes once; later starts find them there and do nothing. */
export async function ensureReferenceData(db: Db | Tx) {
  if ((await db.municipality.count()) > 0) return
  for (const municipality of referenceMunicipalities()) {
    const created = await db.municipality.create({
      data: { name: municipality.name, region: municipality.region },
      select: { id: true },
    })
    await db.postcode.createMany({
      data: municipality.postcodes.map((postcode) => ({ ...postcode, municipalityId: created.id })),
    })
  }
}

/** The municipalities a postcode belongs to (several for some postcodes); empty when unknown. */
export async function municipalitiesForPostcode(code: string) {
  const rows = await prisma.postcode.findMany({
    where: { code: code.trim() },
    select: { town: true, municipality: { select: { id: true, name: true } } },
    orderBy: { municipality: { name: 'asc' } },
  })
  return rows.map((row) => ({ town: row.town, municipalityId: row.municipality.id, municipalityName: row.municipality.name }))
}

export function listMunicipalities() {
  return prisma.municipality.findMany({
    select: { id: true, name: true, region: true, centreId: true },
    orderBy: [{ region: 'asc' }, { name: 'asc' }],
  })
}

/**
 * The postcodes that cross a municipal border, with their municipalities: forms send this small
 * map (about a hundred codes) to the page so the municipality picker appears as soon as such a
 * postcode is typed, and the server-rendered page shows it whenever the postcode is one of them.
 */
export async function sharedPostcodes() {
  const groups = await prisma.postcode.groupBy({ by: ['code'], _count: { code: true }, having: { code: { _count: { gt: 1 } } } })
  const rows = await prisma.postcode.findMany({
    where: { code: { in: groups.map((group) => group.code) } },
    select: { code: true, municipality: { select: { id: true, name: true } } },
    orderBy: [{ code: 'asc' }, { municipality: { name: 'asc' } }],
  })
  const shared: Record<string, { id: string; name: string }[]> = {}
  for (const row of rows) (shared[row.code] ??= []).push({ id: row.municipality.id, name: row.municipality.name })
  return shared
}
