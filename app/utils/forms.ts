import type { TFunction } from 'i18next'

/**
 * Field errors travel from the server as message keys, optionally with parameters:
 * "validation.tooShort?minimum=8". The page translates them in the reader's language.
 */
export type FieldErrors = Record<string, string[] | undefined>

export function translateError(t: TFunction, message: string) {
  const [key, query] = message.split('?')
  // Whole numbers become numbers, so `count` picks the plural form ("1 sekund", "2 sekunder").
  const params = Object.fromEntries([...new URLSearchParams(query ?? '')].map(([name, value]) => [name, /^\d+$/.test(value) ? Number(value) : value]))
  return t(key, { ns: 'common', ...params, defaultValue: t('validation.invalid', { ns: 'common' }) }) as string
}
