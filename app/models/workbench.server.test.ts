// The start page's queries walk indexes: the plan SQLite makes for each (EXPLAIN QUERY PLAN) has no
// temporary B-tree sorting the centre's history and no scan of a whole table. The queue of a large
// centre walks the partial index of open applications oldest first (migration
// open_application_queue_index) and stops after 20; a small centre's (at most SMALL_QUEUE open
// applications) is read ad by ad and its few rows sorted.
import { beforeAll, describe, expect, test } from 'vitest'
import { createCentre } from '../../tests/setup/fixtures'
import { dashboardQueries, SMALL_QUEUE } from './workbench.server'
import { prisma } from '~/utils/db.server'
import { queryPlan } from '~/utils/sql.server'

let municipalityIds: string[]

beforeAll(async () => {
  const centre = await createCentre(['Gribskov Kommune', 'Hillerød Kommune'])
  municipalityIds = (await prisma.municipality.findMany({ where: { centreId: centre.id }, select: { id: true } })).map((m) => m.id)
})

/** Plan lines that would grow with the data: a full scan of a table or a sort in a temporary B-tree. */
function growingSteps(plan: string[]) {
  return plan.filter((line) => /TEMP B-TREE/.test(line) || /^SCAN (?!json_each)\w+(?! USING)/.test(line) && !/USING (COVERING )?INDEX/.test(line))
}

describe('the start page reads along indexes', () => {
  test('the queue of a large centre walks the open applications by age, with no sort', () => {
    const plan = queryPlan(dashboardQueries(municipalityIds).queueByAge)
    expect(plan.join('\n')).toContain('Application_open_createdAt_idx')
    expect(plan.filter((line) => line.includes('TEMP B-TREE'))).toEqual([])
  })

  test('the counts walk indexes from the centre’s municipalities', () => {
    const queries = dashboardQueries(municipalityIds)
    const plans = {
      open: queryPlan(queries.open.select('a.id').limit(SMALL_QUEUE + 1)),
      waiting: queryPlan(queries.waiting.select('a.id').limit(101)),
      adsToReview: queryPlan(queries.adsToReview),
      publishedAds: queryPlan(queries.publishedAds),
      activeMatches: queryPlan(queries.activeMatches),
      pendingFacilities: queryPlan(queries.pendingFacilities),
      volunteers: queryPlan(queries.volunteers),
    }
    for (const [name, plan] of Object.entries(plans)) expect({ name, growing: growingSteps(plan), plan }).toMatchObject({ name, growing: [] })
  })

  test('the small centre’s queue sorts only what its indexes found (open applications of its ads)', () => {
    const plan = queryPlan(dashboardQueries(municipalityIds).queueByAd)
    expect(plan.join('\n')).toMatch(/Application_jobAdId_status_idx \(jobAdId=\? AND status=\?\)/)
    expect(plan.filter((line) => /^SCAN (?!json_each)/.test(line))).toEqual([])
  })
})
