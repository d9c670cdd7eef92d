import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** A volunteer booked a date in a visit window: a confirmation to them, a heads-up to the contact person; both with the .ics. */
export type VisitBookedProps = {
  name: string
  recipient: 'volunteer' | 'contact'
  facilityName: string
  volunteerName: string
  title: string
  when: string
  place: string
  url: string
}

export function VisitBooked({ t, name, recipient, url, ...values }: VisitBookedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t(`visitBooked.intro.${recipient}`, values), t('visitBooked.when', values), t('visitBooked.where', values), t('visitBooked.calendar')]}
      action={t('visitBooked.action')}
      url={url}
    />
  )
}
