import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type InactivityWarningProps = {
  name: string
  /** The log-in page, in the recipient's language. */
  url: string
  months: number
  /** The day the account is deleted unless they log in, already formatted in their language. */
  deleteOn: string
  /** Coordinators and admins are warned only: their accounts are never deleted automatically. */
  autoDelete: boolean
}

export function InactivityWarning({ t, name, url, months, deleteOn, autoDelete }: InactivityWarningProps & { t: EmailT }) {
  const lines = autoDelete
    ? [t('inactivityWarning.intro', { months }), t('inactivityWarning.deleteOn', { date: deleteOn }), t('inactivityWarning.keep')]
    : [t('inactivityWarning.intro', { months }), t('inactivityWarning.staffRole'), t('inactivityWarning.keepStaffRole')]
  return <ActionEmail t={t} name={name} lines={lines} action={t('inactivityWarning.action')} url={url} after={autoDelete ? t('inactivityWarning.after') : undefined} />
}
