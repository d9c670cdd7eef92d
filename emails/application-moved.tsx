import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The centre moved an application to another of its ads; the text the volunteer wrote goes with it. */
export type ApplicationMovedProps = { name: string; fromTitle: string; toTitle: string; toFacility: string; centreName: string; url: string }

export function ApplicationMoved({ t, name, fromTitle, toTitle, toFacility, centreName, url }: ApplicationMovedProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('applicationMoved.intro', { fromTitle, toTitle, toFacility, centreName }), t('applicationMoved.same')]}
      action={t('applicationMoved.action')}
      url={url}
    />
  )
}
