import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the volunteer, right after they applied: what happens next. */
export type ApplicationConfirmationProps = { name: string; adTitle: string; facility: string; url: string }

export function ApplicationConfirmation({ t, name, adTitle, facility, url }: ApplicationConfirmationProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('applicationConfirmation.intro', { adTitle, facility }), t('applicationConfirmation.next')]}
      action={t('applicationConfirmation.action')}
      url={url}
    />
  )
}
