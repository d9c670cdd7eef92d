import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the other party when a visit plan is declined, ended, paused for a holiday or skips a date. */
export type VisitPlanUpdateProps = {
  name: string
  kind: 'declined' | 'ended' | 'paused' | 'skipped'
  actor: string
  facilityName: string
  schedule: string
  /** Pause and skip: the dates, in words. */
  from: string
  to: string
  reason: string
  url: string
}

export function VisitPlanUpdate({ t, name, kind, actor, facilityName, schedule, from, to, reason, url }: VisitPlanUpdateProps & { t: EmailT }) {
  const lines = [
    t(`visitPlanUpdate.intro.${kind}`, { actor, facilityName, from, to }),
    t('visitPlanUpdate.schedule', { schedule }),
    reason ? t('visitPlanUpdate.reason', { reason }) : '',
    t(`visitPlanUpdate.next.${kind}`),
  ].filter(Boolean)
  return <ActionEmail t={t} name={name} lines={lines} action={t('visitPlanUpdate.action')} url={url} />
}
