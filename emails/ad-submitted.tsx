import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the coordinators of the centre covering the facility: an ad waits for their review. */
export type AdSubmittedProps = { name: string; url: string; title: string; facility: string }

export function AdSubmitted({ t, name, url, title, facility }: AdSubmittedProps & { t: EmailT }) {
  return <ActionEmail t={t} name={name} lines={[t('adSubmitted.intro', { title, facility })]} action={t('adSubmitted.action')} url={url} />
}
