import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { getUser } from './auth.server'
import { localeOf, DEFAULT_LOCALE, LOCALES, type Locale } from './domain'
import { secureCookies } from './env.server'
import { i18nConfig, resources } from './i18n'

export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  get secure() {
    return secureCookies()
  },
})

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    // Danish first: a `?lng=` in the address (links in e-mails that open signed out carry the
    // recipient's language), the chosen language (cookie), then the signed-in user's saved
    // language, then Danish — the browser's language is deliberately not consulted.
    order: ['searchParams', 'cookie', 'custom'],
    searchParamKey: 'lng',
    async findLocale(request) {
      const user = await getUser(request)
      return user?.locale ?? null
    },
  },
  i18next: { ...i18nConfig, resources },
})

export async function getLocale(request: Request): Promise<Locale> {
  const locale = await i18nServer.getLocale(request)
  return localeOf(locale)
}

const instances = new Map<Locale, Promise<I18n>>()

/**
 * One i18next instance per language, made once with every namespace (the message files are
 * bundled, nothing is loaded later) and shared by all requests: the server only ever translates
 * with it and renders through it, and never changes its language. Making an instance per request
 * (as remix-i18next's getFixedT does) was about a tenth of a signed-in page's CPU time.
 */
export function i18nInstance(locale: Locale): Promise<I18n> {
  let instance = instances.get(locale)
  if (!instance) {
    const created = createInstance()
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, resources, lng: locale, ns: [...i18nConfig.ns] })
      .then(() => created)
    instances.set(locale, instance)
  }
  return instance
}

/** A translate function for loaders, actions and e-mails, in a given locale or the request's. */
export async function getFixedT(localeOrRequest: Locale | Request, ns: string | string[] = 'common') {
  const locale = typeof localeOrRequest === 'string' ? localeOrRequest : await getLocale(localeOrRequest)
  return (await i18nInstance(localeOf(locale))).getFixedT(locale, ns)
}
