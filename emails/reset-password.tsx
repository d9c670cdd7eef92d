import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type ResetPasswordProps = { name: string; url: string; expiresInMinutes: number }

export function ResetPassword({ t, name, url, expiresInMinutes }: ResetPasswordProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('resetPassword.intro'), t('resetPassword.expires', { minutes: expiresInMinutes })]}
      action={t('resetPassword.action')}
      url={url}
      after={t('resetPassword.notYou')}
    />
  )
}
