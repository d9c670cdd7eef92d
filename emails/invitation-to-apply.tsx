import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** A coordinator invites a volunteer to apply for an ad; `message` is their optional personal line. */
export type InvitationToApplyProps = {
  name: string
  coordinator: string
  centreName: string
  adTitle: string
  facilityName: string
  summary: string
  message: string
  url: string
}

export function InvitationToApply({ t, name, coordinator, centreName, adTitle, facilityName, summary, message, url }: InvitationToApplyProps & { t: EmailT }) {
  const lines = [
    t('invitationToApply.intro', { coordinator, centreName, adTitle, facilityName }),
    ...(message ? [t('invitationToApply.message', { coordinator, message })] : []),
    ...(summary ? [summary] : []),
    t('invitationToApply.noObligation'),
  ]
  return <ActionEmail t={t} name={name} lines={lines} action={t('invitationToApply.action')} url={url} />
}
