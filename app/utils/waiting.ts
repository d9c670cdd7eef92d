import type { TFunction } from 'i18next'

/**
 * How long something has waited, as a person says it: "under en time" rather than "0 timer", whole
 * hours up to a day, then whole days. `hours` is whole hours waited (rounded down).
 */
export function waitedText(t: TFunction, hours: number) {
  if (hours < 1) return t('matching:queue.waitedUnderAnHour')
  if (hours < 24) return t('matching:queue.waitedHours', { count: hours })
  return t('matching:queue.waitedDays', { count: Math.floor(hours / 24) })
}
