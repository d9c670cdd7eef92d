import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** A leader invited a colleague who has no account yet; they choose a password from the link. */
export type FacilityInvitationProps = { name: string; url: string; invitedBy: string; facility: string; expiresInDays: number }

export function FacilityInvitation({ t, name, url, invitedBy, facility, expiresInDays }: FacilityInvitationProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('facilityInvitation.intro', { invitedBy, facility }), t('facilityInvitation.expires', { days: expiresInDays })]}
      action={t('facilityInvitation.action')}
      url={url}
    />
  )
}
