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
import { DEFAULT_LOCALE, LOCALES } from './domain'

/**
 * The message files are bundled into both the server and the browser build, so a page renders
 * in the right language on the first paint with no extra request (the files are small).
 */
export const resources = {
  da: { common: daCommon, auth: daAuth, admin: daAdmin, emails: daEmails, facility: daFacility, jobs: daJobs, board: daBoard, volunteer: daVolunteer, matching: daMatching },
  en: { common: enCommon, auth: enAuth, admin: enAdmin, emails: enEmails, facility: enFacility, jobs: enJobs, board: enBoard, volunteer: enVolunteer, matching: enMatching },
} as const

export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'common',
  ns: ['common', 'auth', 'admin', 'emails', 'facility', 'jobs', 'board', 'volunteer', 'matching'],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const
