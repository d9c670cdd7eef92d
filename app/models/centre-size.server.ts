// Some of the coordinator's start-page lists are found one of two ways, by the centre's size: a
// small centre walks its own facilities' matches (few, so reading them all is cheap); a large one
// walks a national partial index of what needs attention, oldest or newest first, and stops once
// enough of the rows are its own (it holds a good share of them, so few steps). Either way the
// work stops at what the page shows, not at the size of the centre's history.
import { sql as raw } from 'kysely'
import { first, rawQuery } from '~/utils/sql.server'

/** Above this many facilities a centre's start-page lists walk the national partial indexes. */
export const LARGE_CENTRE_FACILITIES = 200

/** How many facilities the centre's municipalities hold (one covering-index count). */
export function centreFacilityCount(municipalityIds: string[]) {
  const row = first(
    rawQuery<{ n: number }>(raw`select count(*) as "n" from json_each(${JSON.stringify(municipalityIds)}) "mu"
      cross join "Facility" "f" on "f"."municipalityId" = "mu"."value"`),
  )
  return Number(row?.n ?? 0)
}

/** Which way the start page reads this centre's lists (see above). */
export function isLargeCentre(municipalityIds: string[], above = LARGE_CENTRE_FACILITIES) {
  return centreFacilityCount(municipalityIds) > above
}
