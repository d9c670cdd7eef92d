import daAdmin from '../../public/locales/da/admin.json'
import daAuth from '../../public/locales/da/auth.json'
import daCommon from '../../public/locales/da/common.json'
import daEmails from '../../public/locales/da/emails.json'
import enAdmin from '../../public/locales/en/admin.json'
import enAuth from '../../public/locales/en/auth.json'
import enCommon from '../../public/locales/en/common.json'
import enEmails from '../../public/locales/en/emails.json'
import { DEFAULT_LOCALE, LOCALES } from './domain'

/**
 * The message files are bundled into both the server and the browser build, so a page renders
 * in the right language on the first paint with no extra request (the files are small).
 */
export const resources = {
  da: { common: daCommon, auth: daAuth, admin: daAdmin, emails: daEmails },
  en: { common: enCommon, auth: enAuth, admin: enAdmin, emails: enEmails },
} as const

export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: 'common',
  ns: ['common', 'auth', 'admin', 'emails'],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const
