/**
 * Where the browser fetches one language's messages (served by app/server/app.ts, kept a year:
 * the address carries the build's version, a new build has a new one). The root's preload link
 * and app/entry.client.tsx ask for the same address, so the fetch finds the preloaded file.
 */
export function browserMessagesHref(lng: string, version: string) {
  return `/locales/${encodeURIComponent(lng)}.json?v=${encodeURIComponent(version)}`
}
