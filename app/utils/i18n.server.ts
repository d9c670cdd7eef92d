import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { getUser } from './auth.server'
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './domain'
import { useSecureCookies } from './env.server'
import { i18nConfig, resources } from './i18n'

export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  get secure() {
    return useSecureCookies()
  },
})

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    // Danish first: the chosen language (cookie), then the signed-in user's saved language, then
    // Danish — the browser's language is deliberately not consulted.
    order: ['cookie', 'custom'],
    async findLocale(request) {
      const user = await getUser(request)
      return user?.locale ?? null
    },
  },
  i18next: { ...i18nConfig, resources },
})

export async function getLocale(request: Request): Promise<Locale> {
  const locale = await i18nServer.getLocale(request)
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

/** A translate function for actions and e-mails, in a given locale or the request's. */
export function getFixedT(localeOrRequest: Locale | Request, ns: string | string[] = 'common') {
  return i18nServer.getFixedT(localeOrRequest as string, ns as 'common')
}
