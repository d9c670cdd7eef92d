import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the ad's contact person and creator: the centre published the ad. */
export type AdPublishedProps = { name: string; url: string; title: string; facility: string; expires: string }

export function AdPublished({ t, name, url, title, facility, expires }: AdPublishedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('adPublished.intro', { title, facility }), t('adPublished.expires', { expires })]}
      action={t('adPublished.action')}
      url={url}
    />
  )
}
