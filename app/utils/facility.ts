// Facility words shared by server and browser; labels in facility.json `targetGroup.<code>`.

/** Target groups a facility can say it serves (stored as a JSON array in Facility.targetGroups). */
export const TARGET_GROUPS = [
  'udviklingshæmning',
  'autisme',
  'sindslidelse',
  'erhvervet hjerneskade',
  'ældre',
  'fysisk handicap',
  'andet',
] as const
export type TargetGroup = (typeof TARGET_GROUPS)[number]
