import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the ad's contact person and creator: the ad ran out and was closed. */
export type AdExpiredProps = { name: string; url: string; title: string; facility: string }

export function AdExpired({ t, name, url, title, facility }: AdExpiredProps & { t: EmailT }) {
  return <ActionEmail t={t} name={name} lines={[t('adExpired.intro', { title, facility }), t('adExpired.next')]} action={t('adExpired.action')} url={url} />
}
