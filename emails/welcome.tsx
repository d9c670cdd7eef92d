import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type WelcomeProps = { name: string; url: string; role: 'volunteer' | 'facility_staff' | 'coordinator' | 'admin' | 'municipality' }

export function Welcome({ t, name, url, role }: WelcomeProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('welcome.intro'), t(`welcome.next.${role}`)]}
      action={t('welcome.action')}
      url={url}
    />
  )
}
