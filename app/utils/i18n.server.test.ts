// Remembered translations (app/utils/i18n.server.ts): every message of both languages, with the
// options pages pass, must read exactly as i18next itself gives it, the first time and after.
import { createInstance, type i18n as I18n } from 'i18next'
import { describe, expect, test } from 'vitest'
import { i18nConfig, resources } from './i18n'
import { i18nInstance, rememberTranslations } from './i18n.server'

async function plainInstance(lng: 'da' | 'en') {
  const instance = createInstance()
  await instance.init({ ...i18nConfig, resources, lng, ns: [...i18nConfig.ns] })
  return instance
}

/** Every leaf key of a namespace, "a.b.c". */
function keysOf(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([name, value]) => keysOf(value, prefix ? `${prefix}.${name}` : name))
}

describe('remembered translations', () => {
  test('every message in both languages, plain, counted and with values, reads as i18next gives it', async () => {
    let compared = 0
    for (const lng of ['da', 'en'] as const) {
      const reference = await plainInstance(lng)
      const remembering = rememberTranslations(await plainInstance(lng))
      for (const [ns, tree] of Object.entries(resources[lng])) {
        // Plural forms are asked for by their base key with a count.
        const keys = [...new Set(keysOf(tree).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))]
        const fixedReference = reference.getFixedT(lng, ns)
        const fixedRemembering = remembering.getFixedT(lng, ns)
        for (const key of keys) {
          for (const options of [undefined, { count: 1 }, { count: 7, name: 'Ærø <Ole>', centre: 'Gribskov' }, { count: 0 }]) {
            const expected = fixedReference(key, options as never)
            expect(fixedRemembering(key, options as never)).toBe(expected)
            expect(fixedRemembering(key, options as never)).toBe(expected)
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(4000)
    // ~20,000 translations on two shared cores: more than the default 20 s when the machine is busy.
  }, 120_000)

  test('the same key with other values, another namespace or language is not answered from memory', async () => {
    const da = await i18nInstance('da')
    const en = await i18nInstance('en')
    const t = da.getFixedT('da', 'threads')
    expect(t('space.postCount', { count: 1 })).not.toBe(t('space.postCount', { count: 2 }))
    expect(t('space.startedBy', { name: 'Anna' })).toContain('Anna')
    expect(t('space.startedBy', { name: 'Bo' })).toContain('Bo')
    expect(t('space.startedBy', { name: 'Bo' })).not.toContain('Anna')
    expect(da.getFixedT('da', 'common')('nav.logout')).not.toBe(en.getFixedT('en', 'common')('nav.logout'))
    expect(da.getFixedT('da', 'common')('nav.logout')).toBe((await plainInstance('da')).getFixedT('da', 'common')('nav.logout'))
  })

  test('options that are not plain values are handed to i18next each time', async () => {
    const remembering: I18n = rememberTranslations(await plainInstance('da'))
    const objects = remembering.getFixedT('da', 'common')('nav', { returnObjects: true }) as unknown
    expect(typeof objects).toBe('object')
    // A string and a number that print alike are different values.
    const t = remembering.getFixedT('da', 'threads')
    expect(t('space.postCount', { count: 2 })).toBe((await plainInstance('da')).getFixedT('da', 'threads')('space.postCount', { count: 2 }))
    expect(t('space.startedBy', { name: 'number:2' })).toContain('number:2')
  })
})
