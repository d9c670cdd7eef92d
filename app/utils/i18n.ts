import daAdmin from '../../public/locales/da/admin.json'
import daAuth from '../../public/locales/da/auth.json'
import daCommon from '../../public/locales/da/common.json'
import daEmails from '../../public/locales/da/emails.json'
import enAdmin from '../../public/locales/en/admin.json'
import enAuth from '../../public/locales/en/auth.json'
import enCommon from '../../public/locales/en/common.json'
import enEmails from '../../public/locales/en/emails.json'
import daFacility from '../../public/locales/da/facility.json'
import daJobs from '../../public/locales/da/jobs.json'
import daBoard from '../../public/locales/da/board.json'
import daVolunteer from '../../public/locales/da/volunteer.json'
import daMatching from '../../public/locales/da/matching.json'
import enFacility from '../../public/locales/en/facility.json'
import enJobs from '../../public/locales/en/jobs.json'
import enBoard from '../../public/locales/en/board.json'
import enVolunteer from '../../public/locales/en/volunteer.json'
import enMatching from '../../public/locales/en/matching.json'
import daVisits from '../../public/locales/da/visits.json'
import enVisits from '../../public/locales/en/visits.json'
import daBooking from '../../public/locales/da/booking.json'
import enBooking from '../../public/locales/en/booking.json'
import daFollowup from '../../public/locales/da/followup.json'
import enFollowup from '../../public/locales/en/followup.json'
import daThreads from '../../public/locales/da/threads.json'
import enThreads from '../../public/locales/en/threads.json'
import daModeration from '../../public/locales/da/moderation.json'
import enModeration from '../../public/locales/en/moderation.json'
import daSearch from '../../public/locales/da/search.json'
import enSearch from '../../public/locales/en/search.json'
import daPrivacy from '../../public/locales/da/privacy.json'
import enPrivacy from '../../public/locales/en/privacy.json'
import daRights from '../../public/locales/da/rights.json'
import enRights from '../../public/locales/en/rights.json'
import daReport from '../../public/locales/da/report.json'
import enReport from '../../public/locales/en/report.json'
import daEvents from '../../public/locales/da/events.json'
import enEvents from '../../public/locales/en/events.json'
import daAgreement from '../../public/locales/da/agreement.json'
import enAgreement from '../../public/locales/en/agreement.json'
import daMunicipality from '../../public/locales/da/municipality.json'
import enMunicipality from '../../public/locales/en/municipality.json'
import daWishes from '../../public/locales/da/wishes.json'
import enWishes from '../../public/locales/en/wishes.json'
import daWhocomes from '../../public/locales/da/whocomes.json'
import enWhocomes from '../../public/locales/en/whocomes.json'
import daWorkbench from '../../public/locales/da/workbench.json'
import enWorkbench from '../../public/locales/en/workbench.json'
import { DEFAULT_LOCALE, LOCALES } from './domain'

/**
 * Every message file, for the server (pages are rendered in the right language) and the e-mails.
 * The browser does not bundle them: it fetches one language's messages, without the e-mails, as
 * `/locales/<lng>.json` before it hydrates (`browserMessages` in app/utils/i18n.server.ts).
 */
export const resources = {
  da: { common: daCommon, auth: daAuth, admin: daAdmin, emails: daEmails, facility: daFacility, jobs: daJobs, board: daBoard, volunteer: daVolunteer, matching: daMatching, visits: daVisits, booking: daBooking, followup: daFollowup, threads: daThreads, moderation: daModeration, search: daSearch, privacy: daPrivacy, rights: daRights, report: daReport, events: daEvents, agreement: daAgreement, municipality: daMunicipality, wishes: daWishes, whocomes: daWhocomes, workbench: daWorkbench },
  en: { common: enCommon, auth: enAuth, admin: enAdmin, emails: enEmails, facility: enFacility, jobs: enJobs, board: enBoard, volunteer: enVolunteer, matching: enMatching, visits: enVisits, booking: enBooking, followup: enFollowup, threads: enThreads, moderation: enModeration, search: enSearch, privacy: enPrivacy, rights: enRights, report: enReport, events: enEvents, agreement: enAgreement, municipality: enMunicipality, wishes: enWishes, whocomes: enWhocomes, workbench: enWorkbench },
} as const

export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'common',
  ns: ['common', 'auth', 'admin', 'emails', 'facility', 'jobs', 'board', 'volunteer', 'matching', 'visits', 'booking', 'followup', 'threads', 'moderation', 'search', 'privacy', 'rights', 'report', 'events', 'agreement', 'municipality', 'wishes', 'whocomes', 'workbench'],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const
