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
      .then(() => rememberTranslations(created))
    instances.set(locale, instance)
  }
  return instance
}

/** A translate function for loaders, actions and e-mails, in a given locale or the request's. */
export async function getFixedT(localeOrRequest: Locale | Request, ns: string | string[] = 'common') {
  const locale = typeof localeOrRequest === 'string' ? localeOrRequest : await getLocale(localeOrRequest)
  return (await i18nInstance(localeOf(locale))).getFixedT(locale, ns)
}

const MAX_REMEMBERED = 20_000

/**
 * The same message asked for again is answered from memory. i18next resolves every call anew
 * (key separators, namespaces, fallbacks, plural rules, interpolation), 8–13 % of a signed-in page's
 * CPU on the thread and visit pages, where the same few dozen texts repeat for every row. Every
 * translate function of the instance (React's useTranslation, getFixedT) ends in `instance.t`, which
 * is wrapped here: a call whose key and options are plain text, numbers and booleans (the count, a
 * name, the language and namespace the fixed function adds) gives the same text every time, as
 * the messages are bundled and the instance's language never changes (decision 9). Anything else —
 * a Date or object to format, returnObjects, a result that is not text — goes to i18next each time.
 */
export function rememberTranslations(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown
  let remembered = new Map<string, string>()
  const t = (...args: unknown[]) => {
    const key = args.length <= 2 ? cacheKey(args[0], args[1]) : undefined
    if (key === undefined) return translate(...args)
    let text = remembered.get(key)
    if (text === undefined) {
      const result = translate(...args)
      if (typeof result !== 'string') return result
      if (remembered.size >= MAX_REMEMBERED) remembered = new Map()
      remembered.set(key, (text = result))
    }
    return text
  }
  instance.t = t as unknown as I18n['t']
  return instance
}

function plain(value: unknown): value is string | number | boolean | null | undefined {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function cacheKey(key: unknown, options: unknown): string | undefined {
  let text: string
  if (typeof key === 'string') text = key
  else if (Array.isArray(key) && key.every((part) => typeof part === 'string')) text = key.join('\u0001')
  else return undefined
  if (options === undefined) return text
  if (typeof options !== 'object' || options === null) return undefined
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name]
    if (name === 'returnObjects' || name === 'returnDetails') return undefined
    if (plain(value)) text += `\u0000${name}\u0002${typeof value === 'string' ? `s${value}` : `${typeof value}:${String(value)}`}`
    else if (Array.isArray(value) && value.every((part) => typeof part === 'string')) text += `\u0000${name}\u0003${value.join('\u0001')}`
    else return undefined
  }
  return text
}

const browserMessageFiles = new Map<Locale, string>()

/**
 * Every namespace but `emails` in one language, as JSON, for the browser (served at
 * /locales/<locale>.json by app/server/app.ts, fetched by app/entry.client.tsx). Bundled into the
 * browser's scripts, both languages and the e-mails came to ~100 KB of the ~275 KB of JavaScript a
 * signed-in page loads. English messages lie over the Danish ones, so a text missing in English
 * reads as Danish in the browser just as the server's fallback renders it.
 */
export function browserMessages(locale: Locale): string {
  let file = browserMessageFiles.get(locale)
  if (file === undefined) {
    const merged: Record<string, unknown> = {}
    for (const ns of i18nConfig.ns) {
      if (ns === 'emails') continue
      merged[ns] = locale === DEFAULT_LOCALE ? resources[locale][ns] : overlay(resources[DEFAULT_LOCALE][ns], resources[locale][ns])
    }
    file = JSON.stringify(merged)
    browserMessageFiles.set(locale, file)
  }
  return file
}

function overlay(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) result[key] = overlay(base[key], value)
  return result
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
