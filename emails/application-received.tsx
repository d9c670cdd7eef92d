import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the coordinators of the centre covering the ad's municipality: a new application waits. */
export type ApplicationReceivedProps = { name: string; volunteer: string; adTitle: string; facility: string; url: string }

export function ApplicationReceived({ t, name, volunteer, adTitle, facility, url }: ApplicationReceivedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('applicationReceived.intro', { volunteer, adTitle, facility }), t('applicationReceived.next')]}
      action={t('applicationReceived.action')}
      url={url}
    />
  )
}
