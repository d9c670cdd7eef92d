import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type VerifyEmailProps = { name: string; url: string; expiresInHours: number }

export function VerifyEmail({ t, name, url, expiresInHours }: VerifyEmailProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('verifyEmail.intro'), t('verifyEmail.expires', { hours: expiresInHours })]}
      action={t('verifyEmail.action')}
      url={url}
      after={t('verifyEmail.notYou')}
    />
  )
}
