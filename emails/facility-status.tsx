import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The centre deactivated or reactivated a facility; the leaders read why. */
export type FacilityStatusProps = { kind: 'deactivated' | 'reactivated'; name: string; url: string; facility: string; reason: string }

export function FacilityStatus({ t, kind, name, url, facility, reason }: FacilityStatusProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t(`facilityStatus.${kind}.intro`, { facility }), t('facilityStatus.reason', { reason })]}
      action={t('facilityStatus.action')}
      url={url}
    />
  )
}
