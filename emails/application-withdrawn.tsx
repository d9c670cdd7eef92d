import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the centre's coordinators: a volunteer withdrew an application. */
export type ApplicationWithdrawnProps = { name: string; volunteer: string; adTitle: string; facility: string; url: string }

export function ApplicationWithdrawn({ t, name, volunteer, adTitle, facility, url }: ApplicationWithdrawnProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('applicationWithdrawn.intro', { volunteer, adTitle, facility })]}
      action={t('applicationWithdrawn.action')}
      url={url}
    />
  )
}
