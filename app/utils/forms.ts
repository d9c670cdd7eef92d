import type { TFunction } from 'i18next'

/**
 * Field errors travel from the server as message keys, optionally with parameters:
 * "validation.tooShort?minimum=8". The page translates them in the reader's language.
 */
export type FieldErrors = Record<string, string[] | undefined>

export function translateError(t: TFunction, message: string) {
  const [key, query] = message.split('?')
  const params = Object.fromEntries(new URLSearchParams(query ?? ''))
  return t(key, { ns: 'common', ...params, defaultValue: t('validation.invalid', { ns: 'common' }) }) as string
}
