import { ActionEmail } from './action-email'
import { sessionLines, type EventSessionLine } from './event-signup'
import type { EmailT } from './types'

/** The day before a session of an event the person has a place at. */
export type EventReminderProps = {
  name: string
  title: string
  centreName: string
  when: string
  session: EventSessionLine
  url: string
}

export function EventReminder({ t, name, url, session, ...values }: EventReminderProps & { t: EmailT }) {
  return <ActionEmail t={t} name={name} lines={[t('eventReminder.intro', values), ...sessionLines(t, [session]), t('eventReminder.cannotCome')]} action={t('eventSignup.action')} url={url} />
}
