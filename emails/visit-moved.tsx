import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** A visit was moved: the other party is told at once; the .ics replaces the event (same UID, higher SEQUENCE). */
export type VisitMovedProps = {
  name: string
  recipient: 'volunteer' | 'contact'
  facilityName: string
  volunteerName: string
  previous: string
  when: string
  place: string
  by: string
  reason: string
  url: string
}

export function VisitMoved({ t, name, url, recipient: _recipient, ...values }: VisitMovedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('visitMoved.intro', values), t('visitMoved.when', values), t('visitMoved.where', values), t('visitMoved.reason', values), t('visitMoved.calendar')]}
      action={t('visitMoved.action')}
      url={url}
    />
  )
}
