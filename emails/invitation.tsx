import { ActionEmail } from './action-email'
import type { EmailT } from './types'

export type InvitationProps = {
  name: string
  url: string
  invitedBy: string
  role: 'coordinator' | 'admin' | 'municipality'
  /** The centre's name for a coordinator; the municipalities' names for the municipality role. */
  roleDescription: string
  expiresInDays: number
}

export function Invitation({ t, name, url, invitedBy, role, roleDescription, expiresInDays }: InvitationProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t(`invitation.intro.${role}`, { invitedBy, centre: roleDescription }), t('invitation.expires', { days: expiresInDays })]}
      action={t('invitation.action')}
      url={url}
    />
  )
}
