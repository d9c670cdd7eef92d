import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type EventSessionLine = { when: string; place: string }

/** After a sign-up: a confirmed place (with one .ics per session) or a place on the waiting list. */
export type EventSignupProps = {
  name: string
  status: 'confirmed' | 'waiting'
  title: string
  centreName: string
  sessions: EventSessionLine[]
  url: string
}

export function sessionLines(t: EmailT, sessions: EventSessionLine[]) {
  return sessions.map((session) => t(session.place ? 'eventSignup.sessionAt' : 'eventSignup.session', session))
}

export function EventSignup({ t, name, status, url, sessions, ...values }: EventSignupProps & { t: EmailT }) {
  const lines = [t(`eventSignup.intro.${status}`, values), ...sessionLines(t, sessions)]
  if (status === 'confirmed') lines.push(t('eventSignup.calendar'))
  return <ActionEmail t={t} name={name} lines={lines} action={t('eventSignup.action')} url={url} />
}
