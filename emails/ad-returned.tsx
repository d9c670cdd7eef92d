import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the ad's contact person and creator: the centre returned the ad with a comment. */
export type AdReturnedProps = { name: string; url: string; title: string; facility: string; comment: string; reviewer: string }

export function AdReturned({ t, name, url, title, facility, comment, reviewer }: AdReturnedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('adReturned.intro', { title, facility, reviewer }), t('adReturned.comment', { comment }), t('adReturned.next')]}
      action={t('adReturned.action')}
      url={url}
    />
  )
}
