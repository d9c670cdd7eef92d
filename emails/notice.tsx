import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/**
 * A short notice with one link, for the many "something happened that concerns you" messages
 * (a facility awaits approval, a facility was approved, someone asks to join). `kind` picks the
 * texts `notice.<kind>.*` from the message files.
 */
export type NoticeProps = {
  kind: 'facilityPending' | 'facilityApproved' | 'joinRequest' | 'joinApproved' | 'accountExists' | 'ethicsReviewDue'
  name: string
  url: string
  values: Record<string, string>
}

export function Notice({ t, kind, name, url, values }: NoticeProps & { t: EmailT }) {
  return <ActionEmail t={t} name={name} lines={[t(`notice.${kind}.intro`, values)]} action={t(`notice.${kind}.action`, values)} url={url} />
}
