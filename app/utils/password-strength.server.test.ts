import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { DANISH_PASSWORD_WORDS } from './danish-password-words.server'
import { passwordWeakness, personalWords } from './password-strength.server'

const messages = (lang: 'da' | 'en') => JSON.parse(readFileSync(`public/locales/${lang}/common.json`, 'utf8')) as { password: Record<string, Record<string, string>> }

/** The Danish text a person would read for a message key such as common:password.weak.topTen. */
function danish(key: string) {
  const [, group, code] = /^common:password\.(weak|tip)\.(\w+)$/.exec(key) ?? []
  return messages('da').password[group]?.[code]
}

describe('new passwords are checked for strength', () => {
  test.each([
    ['1234567890', 'common:password.weak.topHundred'],
    ['sommer2026', 'common:password.weak.danishWord'],
    ['Frivilligbro1', 'common:password.weak.userInputs'],
    ['kodeord1234', 'common:password.weak.danishWord'],
    ['Password123!', 'common:password.weak.similarToCommon'],
    ['qwertyuiop', 'common:password.weak.topHundred'],
  ])('%s is refused, saying why', (password, reason) => {
    const problems = passwordWeakness(password)
    expect(problems?.[0]).toBe(reason)
    // Both the reason and the tip exist in Danish and English.
    for (const key of problems!) {
      expect(danish(key), key).toBeTruthy()
      const [, group, code] = /^common:password\.(weak|tip)\.(\w+)$/.exec(key)!
      expect(messages('en').password[group][code], key).toBeTruthy()
    }
  })

  test("the person's own name or address with digits is refused", () => {
    const person = ['Mette Kjærgaard', 'mette.kjaergaard@example.dk']
    expect(passwordWeakness('Kjærgaard1984', person)?.[0]).toBe('common:password.weak.userInputs')
    expect(passwordWeakness('mettekjaergaard1', person)?.[0]).toBe('common:password.weak.userInputs')
    // The same password is fine for someone else: it is the link to the person that makes it weak.
    expect(passwordWeakness('Kjærgaard1984', ['Ole Hansen', 'ole@example.dk'])).toBeNull()
  })

  test.each([
    'blå cykel synger langsomt',
    'Demo-adgang-2026', // the demo accounts' password
    'Test-adgangskode-2026', // the test fixtures' password
    'min cykel er grøn',
    'min cykel er blå',
    'en helt ny adgangskode',
    'koordinatorens kode',
    'lones gode kode',
    'skovbrynet er et godt sted',
    'a long enough password',
  ])('%s passes', (password) => {
    expect(passwordWeakness(password, ['Mette Jensen', 'mette@example.test'])).toBeNull()
  })

  test('personal words are the inputs, their parts and the app name, without the top-level domain', () => {
    const words = personalWords(['Anne Marie Holm', 'anne.holm@kommune.dk'])
    expect(words).toEqual(expect.arrayContaining(['frivilligbro', 'anne marie holm', 'annemarieholm', 'anne', 'marie', 'holm', 'anne.holm', 'kommune']))
    expect(words).not.toContain('dk')
  })

  test('the Danish list holds a few hundred lower-case words', () => {
    expect(DANISH_PASSWORD_WORDS.length).toBeGreaterThan(300)
    for (const word of DANISH_PASSWORD_WORDS) expect(word).toBe(word.toLowerCase())
  })
})

describe('the check stays cheap for hostile input', () => {
  test('only the first 48 characters are judged, so long repeats are still refused', () => {
    expect(passwordWeakness('a'.repeat(200))?.[0]).toBe('common:password.weak.simpleRepeat')
    expect(passwordWeakness('1234567890'.repeat(20))).not.toBeNull()
  })
})
