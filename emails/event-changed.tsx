import { ActionEmail } from './action-email'
import { sessionLines, type EventSessionLine } from './event-signup'
import type { EmailT } from './types'

/** The coordinator changed an event someone is signed up for: the sessions as they are now (with updated .ics for a place). */
export type EventChangedProps = {
  name: string
  title: string
  centreName: string
  sessions: EventSessionLine[]
  hasPlace: boolean
  url: string
}

export function EventChanged({ t, name, url, sessions, hasPlace, ...values }: EventChangedProps & { t: EmailT }) {
  const lines = [t('eventChanged.intro', values), ...sessionLines(t, sessions)]
  lines.push(t(hasPlace ? 'eventChanged.calendar' : 'eventChanged.waiting'))
  return <ActionEmail t={t} name={name} lines={lines} action={t('eventSignup.action')} url={url} />
}
