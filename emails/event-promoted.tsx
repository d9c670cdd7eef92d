import { ActionEmail } from './action-email'
import { sessionLines, type EventSessionLine } from './event-signup'
import type { EmailT } from './types'

/** Someone gave up a place and the first on the waiting list got it (with one .ics per session). */
export type EventPromotedProps = {
  name: string
  title: string
  centreName: string
  sessions: EventSessionLine[]
  url: string
}

export function EventPromoted({ t, name, url, sessions, ...values }: EventPromotedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('eventPromoted.intro', values), ...sessionLines(t, sessions), t('eventSignup.calendar'), t('eventPromoted.cannotCome')]}
      action={t('eventSignup.action')}
      url={url}
    />
  )
}
