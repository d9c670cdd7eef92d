import { ActionEmail } from './action-email'
import { sessionLines, type EventSessionLine } from './event-signup'
import type { EmailT } from './types'

/** A member of the public asked for a place at a public event: the link confirms it, and later lets them cancel. */
export type EventConfirmProps = {
  name: string
  title: string
  centreName: string
  sessions: EventSessionLine[]
  url: string
  /** They were signed up already: the link is a new way in to their sign-up. */
  alreadySignedUp: boolean
}

export function EventConfirm({ t, name, url, sessions, alreadySignedUp, ...values }: EventConfirmProps & { t: EmailT }) {
  const lines = alreadySignedUp
    ? [t('eventConfirm.already', values), ...sessionLines(t, sessions), t('eventConfirm.keep')]
    : [t('eventConfirm.intro', values), ...sessionLines(t, sessions), t('eventConfirm.within'), t('eventConfirm.keep'), t('eventConfirm.notYou')]
  return <ActionEmail t={t} name={name} lines={lines} action={t(alreadySignedUp ? 'eventConfirm.actionManage' : 'eventConfirm.action')} url={url} />
}
