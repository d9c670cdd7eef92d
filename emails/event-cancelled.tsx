import { ActionEmail } from './action-email'
import { sessionLines, type EventSessionLine } from './event-signup'
import type { EmailT } from './types'

/** The centre cancelled an event: to everyone with a place (with METHOD:CANCEL .ics) or in line. */
export type EventCancelledProps = {
  name: string
  title: string
  centreName: string
  hadPlace: boolean
  sessions: EventSessionLine[]
  url: string
}

export function EventCancelled({ t, name, url, sessions, hadPlace, ...values }: EventCancelledProps & { t: EmailT }) {
  const lines = [t('eventCancelled.intro', values), ...sessionLines(t, sessions)]
  if (hadPlace) lines.push(t('eventCancelled.calendar'))
  return <ActionEmail t={t} name={name} lines={lines} action={t('eventSignup.action')} url={url} />
}
