import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The centre paused, resumed or ended a match: both parties are told, with the reason. */
export type FollowUpMatchChangedProps = {
  name: string
  kind: 'paused' | 'resumed' | 'ended'
  facilityName: string
  volunteerName: string
  adTitle: string
  centreName: string
  reason: string
  /** How many planned visits were cancelled by the change. */
  cancelledVisits: number
  /** The translated change, for the subject. */
  change: string
  url: string
  /** Ended because the volunteer deleted their account (their name is then a placeholder). */
  cause?: 'account-deleted'
}

export function FollowUpMatchChanged({ t, name, kind, url, cancelledVisits, cause, ...values }: FollowUpMatchChangedProps & { t: EmailT }) {
  const lines = [t(cause === 'account-deleted' ? 'followUpMatchChanged.intro.accountDeleted' : `followUpMatchChanged.intro.${kind}`, values)]
  if (values.reason) lines.push(t('followUpMatchChanged.reason', values))
  if (cancelledVisits > 0) lines.push(t('followUpMatchChanged.visitsCancelled', { count: cancelledVisits }))
  return <ActionEmail t={t} name={name} lines={lines} action={t('followUpMatchChanged.action')} url={url} />
}
