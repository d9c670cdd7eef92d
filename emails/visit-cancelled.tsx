import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** A visit was cancelled: the other party is told at once, with a calendar cancellation (METHOD:CANCEL). */
export type VisitCancelledProps = {
  name: string
  recipient: 'volunteer' | 'contact'
  facilityName: string
  volunteerName: string
  when: string
  place: string
  by: string
  reason: string
  late: boolean
  url: string
}

export function VisitCancelled({ t, name, recipient, url, late, ...values }: VisitCancelledProps & { t: EmailT }) {
  const lines = [t('visitCancelled.intro', values), t('visitCancelled.reason', values)]
  if (late) lines.push(t('visitCancelled.late'))
  lines.push(t(`visitCancelled.calendar.${recipient}`))
  return <ActionEmail t={t} name={name} lines={lines} action={t('visitCancelled.action')} url={url} />
}
