import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The centre's kind message when an application is not matched. */
export type ApplicationDeclinedProps = { name: string; adTitle: string; facilityName: string; note: string; url: string }

export function ApplicationDeclined({ t, name, adTitle, facilityName, note, url }: ApplicationDeclinedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('applicationDeclined.intro', { adTitle, facilityName }), ...note.split(/\n{2,}/).filter(Boolean)]}
      action={t('applicationDeclined.action')}
      url={url}
    />
  )
}
