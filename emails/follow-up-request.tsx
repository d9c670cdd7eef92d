import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The centre's check-in: a link to three short questions that works without logging in. */
export type FollowUpRequestProps = {
  name: string
  recipient: 'volunteer' | 'contact'
  facilityName: string
  otherName: string
  adTitle: string
  centreName: string
  url: string
}

export function FollowUpRequest({ t, name, recipient, url, ...values }: FollowUpRequestProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t(`followUpRequest.intro.${recipient}`, values), t('followUpRequest.questions'), t('followUpRequest.noLogin')]}
      action={t('followUpRequest.action')}
      url={url}
      after={t('followUpRequest.signature', values)}
    />
  )
}
