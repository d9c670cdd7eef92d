import { RemixBrowser } from '@remix-run/react'
import i18next, { type BackendModule, type ResourceLanguage } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { browserMessagesHref } from './utils/browser-messages'
import { i18nConfig } from './utils/i18n'

/**
 * The page's language's messages come as one JSON file (app/server/app.ts, /locales/<lng>.json,
 * kept by the browser for the build's lifetime) instead of inside this script: bundled, both
 * languages and the e-mails' texts were ~100 KB of the ~275 KB of JavaScript every signed-in page
 * loaded before it could paint in Lighthouse's slow-4G model. The root preloads the file beside the
 * scripts (so it arrives with them, and the page's load event waits for it); hydration waits for it.
 */
const languages = new Map<string, Promise<ResourceLanguage>>()
function messagesOf(lng: string): Promise<ResourceLanguage> {
  let messages = languages.get(lng)
  if (!messages) {
    const version = (window as unknown as { __remixManifest?: { version?: string } }).__remixManifest?.version ?? ''
    messages = fetch(browserMessagesHref(lng, version)).then((response) => {
      if (!response.ok) throw new Error(`messages for ${lng}: HTTP ${response.status}`)
      return response.json() as Promise<ResourceLanguage>
    })
    languages.set(lng, messages)
    messages.catch(() => languages.delete(lng))
  }
  return messages
}

/** Another language (the root's useChangeLanguage after a signed-in user saved theirs) is fetched the same way. */
const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, callback) {
    messagesOf(lng).then(
      (messages) => callback(null, messages[ns] ?? {}),
      (error: Error) => callback(error, false),
    )
  },
}

async function hydrate() {
  const lng = document.documentElement.lang
  const messages = await messagesOf(lng)
  await i18next
    .use(backend)
    .use(initReactI18next)
    .init({
      ...i18nConfig,
      // The server's English file already holds the Danish texts English lacks (browserMessages).
      fallbackLng: false,
      partialBundledLanguages: true,
      resources: { [lng]: messages },
      lng,
      ns: Object.keys(messages),
    })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
