import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** The ad someone applied to got all the volunteers it wanted: a kind answer, and where to look next. */
export type ApplicationFilledProps = { name: string; adTitle: string; facilityName: string; centreName: string; url: string }

export function ApplicationFilled({ t, name, adTitle, facilityName, centreName, url }: ApplicationFilledProps & { t: EmailT }) {
  return (
    <ActionEmail
      t={t}
      name={name}
      lines={[t('applicationFilled.intro', { adTitle, facilityName }), t('applicationFilled.kept', { centreName })]}
      action={t('applicationFilled.action')}
      url={url}
    />
  )
}
