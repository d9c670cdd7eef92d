import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The day before a planned visit: to the volunteer, and to the contact person if they asked for it. */
export type VisitReminderProps = {
  name: string
  recipient: 'volunteer' | 'contact'
  facilityName: string
  /** "onsdag 2. december kl. 15:00–17:00", in the recipient's language. */
  when: string
  place: string
  /** To the volunteer: the contact person; to the contact person: the volunteer. */
  other: { name: string; phone: string | null } | null
  url: string
}

export function VisitReminder({ t, name, recipient, facilityName, when, place, other, url }: VisitReminderProps & { t: EmailT }) {
  const lines = [
    t(`visitReminder.intro.${recipient}`, { facilityName, when, volunteer: other?.name ?? '' }),
    t('visitReminder.place', { place }),
    other ? t(`visitReminder.other.${recipient}`, { name: other.name, phone: other.phone ?? t('visitReminder.noPhone') }) : '',
    t('visitReminder.cancel'),
  ].filter(Boolean)
  return <ActionEmail t={t} name={name} lines={lines} action={t('visitReminder.action')} url={url} />
}
