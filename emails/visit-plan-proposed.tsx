import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To the other party of a match: a new or changed visit plan waits for their confirmation. */
export type VisitPlanProposedProps = {
  name: string
  kind: 'new' | 'changed'
  proposer: string
  facilityName: string
  adTitle: string
  /** The plan in words, in the recipient's language. */
  schedule: string
  location: string
  url: string
}

export function VisitPlanProposed({ t, name, kind, proposer, facilityName, adTitle, schedule, location, url }: VisitPlanProposedProps & { t: EmailT }) {
  const lines = [
    t(`visitPlanProposed.intro.${kind}`, { proposer, facilityName, adTitle }),
    t('visitPlanProposed.schedule', { schedule }),
    location ? t('visitPlanProposed.location', { location }) : '',
    t('visitPlanProposed.please'),
  ].filter(Boolean)
  return <ActionEmail t={t} name={name} lines={lines} action={t('visitPlanProposed.action')} url={url} />
}
