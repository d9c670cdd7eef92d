import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/**
 * Sent to both parties of a match when its cooperation agreement gets a new version (a changed
 * visit plan, contact person or ethics policy, or a line added after someone had accepted): both
 * must accept again. `changes` is already in the recipient's language.
 */
export type AgreementToAcceptProps = {
  name: string
  facilityName: string
  volunteerName: string
  adTitle: string
  version: number
  changes: string
  url: string
}

export function AgreementToAccept({ t, name, url, ...values }: AgreementToAcceptProps & { t: EmailT }) {
  return <ActionEmail t={t} name={name} lines={[t('agreementToAccept.intro', values), t('agreementToAccept.ask')]} action={t('agreementToAccept.action')} url={url} />
}
