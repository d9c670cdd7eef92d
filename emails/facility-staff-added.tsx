import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** A leader added someone who already has a staff account to their facility. */
export type FacilityStaffAddedProps = { name: string; url: string; invitedBy: string; facility: string }

export function FacilityStaffAdded({ t, name, url, invitedBy, facility }: FacilityStaffAddedProps & { t: EmailT }) {
  return <ActionEmail t={t} name={name} lines={[t('facilityStaffAdded.intro', { invitedBy, facility })]} action={t('facilityStaffAdded.action')} url={url} />
}
