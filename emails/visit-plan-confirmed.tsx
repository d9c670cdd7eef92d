import { ActionEmail } from './action-email'
import type { EmailT } from './types'

/** To both parties when a visit plan is confirmed; the upcoming visits come along as a calendar file. */
export type VisitPlanConfirmedProps = {
  name: string
  facilityName: string
  schedule: string
  location: string
  /** The first upcoming visit's date, in words; empty when none is left inside the horizon. */
  firstVisit: string
  /** The other party, so each knows whom to call. */
  other: { name: string; phone: string | null } | null
  url: string
}

export function VisitPlanConfirmed({ t, name, facilityName, schedule, location, firstVisit, other, url }: VisitPlanConfirmedProps & { t: EmailT }) {
  const lines = [
    t('visitPlanConfirmed.intro', { facilityName }),
    t('visitPlanConfirmed.schedule', { schedule }),
    location ? t('visitPlanConfirmed.location', { location }) : '',
    firstVisit ? t('visitPlanConfirmed.first', { date: firstVisit }) : '',
    other ? t('visitPlanConfirmed.other', { name: other.name, phone: other.phone ?? t('visitPlanConfirmed.noPhone') }) : '',
    t('visitPlanConfirmed.calendar'),
  ].filter(Boolean)
  return <ActionEmail t={t} name={name} lines={lines} action={t('visitPlanConfirmed.action')} url={url} />
}
