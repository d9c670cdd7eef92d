import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// The message files as a reader meets them: both languages say the same things, Danish quotes
// with »…«, English with “…”, and no Danish left in the English text.
const LOCALES = path.resolve(__dirname, '../../public/locales')
const files = fs.readdirSync(path.join(LOCALES, 'da')).filter((file) => file.endsWith('.json'))

type Messages = { [key: string]: string | Messages }
const read = (locale: string, file: string) => JSON.parse(fs.readFileSync(path.join(LOCALES, locale, file), 'utf8')) as Messages

function entries(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : entries(value, `${prefix}${key}.`)))
}
const withoutPlural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

describe('message files', () => {
  test.each(files)('%s has the same keys in Danish and English', (file) => {
    const da = new Set(entries(read('da', file)).map(([key]) => withoutPlural(key)))
    const en = new Set(entries(read('en', file)).map(([key]) => withoutPlural(key)))
    expect([...da].filter((key) => !en.has(key))).toEqual([])
    expect([...en].filter((key) => !da.has(key))).toEqual([])
  })

  test('quotation marks: »…« in Danish, “…” in English, never straight double quotes', () => {
    const wrong = files.flatMap((file) => [
      ...entries(read('da', file)).filter(([, text]) => /["“”„]/.test(text)).map(([key]) => `da/${file}: ${key}`),
      ...entries(read('en', file)).filter(([, text]) => /["»«„]/.test(text)).map(([key]) => `en/${file}: ${key}`),
    ])
    expect(wrong).toEqual([])
  })

  test('no Danish words in the English text (place names and the board’s search hint aside)', () => {
    const danish = /\b(og|eller|ikke|fx|kl\.|udfyldt|timer|dage|frivillige|opslag|autisme|ældre|unge voksne)\b/i
    const allowed = new Set(['board.json: search.qHint'])
    const found = files.flatMap((file) =>
      entries(read('en', file))
        .filter(([key, text]) => !allowed.has(`${file}: ${key}`) && danish.test(text.replace(/\{\{[^}]*\}\}/g, '')))
        .map(([key, text]) => `${file}: ${key}: ${text}`),
    )
    expect(found).toEqual([])
  })

  test('no word doubled by mistake ("Udløber udløber")', () => {
    const doubled = /(?<!\p{L})(\p{L}{2,})\s+\1(?!\p{L})/iu
    const found = ['da', 'en'].flatMap((locale) => files.flatMap((file) => entries(read(locale, file)).filter(([, text]) => doubled.test(text)).map(([key]) => `${locale}/${file}: ${key}`)))
    expect(found).toEqual([])
  })
})
