import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type ChangeEmailProps = { name: string; url: string; newEmail: string; expiresInHours: number }

export function ChangeEmail({ t, name, url, newEmail, expiresInHours }: ChangeEmailProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('changeEmail.intro', { email: newEmail }), t('changeEmail.expires', { hours: expiresInHours })]}
      action={t('changeEmail.action')}
      url={url}
      after={t('changeEmail.notYou')}
    />
  )
}
