import { createRequire } from 'node:module'
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core'
import { DANISH_PASSWORD_WORDS } from './danish-password-words.server'
import type * as ZxcvbnCore from '@zxcvbn-ts/core'
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common'
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en'

/**
 * How strong a new password is, with zxcvbn-ts: its common password list, the English
 * dictionaries, our Danish word list and the person's own words (name, e-mail).
 *
 * Score 3 or better is required ("safely unguessable", at least 10^8 guesses). Log-in is
 * throttled per account and address and hashes are Argon2id, so 10^8 guesses is far beyond an
 * online attack and slow offline; score 4 would refuse many memorable three-word sentences,
 * which is the advice the form gives.
 *
 * The dictionaries are a few MB of JavaScript and take ~0.2 s to rank, so they are loaded on the
 * first check, synchronously (the forms' zod schemas are synchronous), and kept. This file is
 * server-only: nothing the browser loads imports it.
 */
export const MIN_PASSWORD_SCORE = 3

const require = createRequire(import.meta.url)
let factory: ZxcvbnFactory | undefined

function estimator() {
  if (!factory) {
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore
    const common = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon
    const en = require('@zxcvbn-ts/language-en') as typeof ZxcvbnEn
    factory = new ZxcvbnFactory({
      // No `translations`: feedback comes back as codes, which map to our own message keys.
      dictionary: { ...common.dictionary, ...en.dictionary, danish: DANISH_PASSWORD_WORDS },
      graphs: common.adjacencyGraphs,
      // The check runs on the request loop, before any rate limit, so its cost is bounded: with
      // zxcvbn's defaults a 200-character string of symbols took 8 s of CPU and 32 characters
      // 0.3 s. Judging the first 48 characters with at most 4 l33t substitutions keeps the worst
      // case we found under ~70 ms; 48 characters that pass are strong whatever follows. The
      // Levenshtein matcher stays off (150–900 ms per check).
      maxLength: 48,
      l33tMaxSubstitutions: 4,
    })
  }
  return factory
}

/** Words of the app itself, always treated as known to an attacker. */
const APP_WORDS = ['frivilligbro', 'frivilligbro.dk', 'frivilligcenter']

/**
 * The person's own words as zxcvbn user inputs: each input whole, run together, and its parts
 * ("anne.holm@kommune.dk" → "anne.holm", "anneholm", "anne", "holm", "kommune" …).
 */
export function personalWords(inputs: (string | null | undefined)[]) {
  const words = new Set(APP_WORDS)
  const runTogether = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '')
  for (const input of inputs) {
    const value = input?.trim().toLowerCase()
    if (!value) continue
    const [local, domain] = value.split('@')
    // The top-level domain ("dk", "com") says nothing about the person.
    const text = domain ? `${local} ${domain.split('.').slice(0, -1).join('.')}` : value
    for (const word of [value, local, runTogether(local), runTogether(value)]) if (word) words.add(word)
    for (const part of text.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part)
  }
  return [...words]
}

// zxcvbn's warning and suggestion codes we translate (public/locales/*/common.json, password.weak, password.tip).
const WARNINGS = new Set([
  'straightRow', 'keyPattern', 'simpleRepeat', 'extendedRepeat', 'sequences', 'recentYears', 'dates', 'topTen',
  'topHundred', 'common', 'similarToCommon', 'wordByItself', 'namesByThemselves', 'commonNames', 'userInputs',
])
const SUGGESTIONS = new Set([
  'l33t', 'reverseWords', 'allUppercase', 'capitalization', 'dates', 'recentYears', 'associatedYears', 'sequences',
  'repeated', 'longerKeyboardPattern', 'anotherWord', 'useWords',
])

/** Why a password is weak, as a message key: zxcvbn's warning, or what the weakest part was built from. */
function reasonOf(result: ZxcvbnResult, personal: string[]) {
  const warning = result.feedback.warning
  if (warning && WARNINGS.has(warning)) return `common:password.weak.${warning}`
  const matches = result.sequence.filter((match) => match.pattern === 'dictionary')
  // "frivilligbro" is also in the Danish list; naming it as the person's own word is more exact.
  if (matches.some((match) => match.dictionaryName === 'userInputs' || personal.includes(String(match.matchedWord)))) {
    return 'common:password.weak.userInputs'
  }
  const dictionaries = matches.map((match) => String(match.dictionaryName))
  if (dictionaries.includes('danish')) return 'common:password.weak.danishWord'
  if (dictionaries.some((name) => name.startsWith('passwords'))) return 'common:password.weak.common'
  if (dictionaries.length > 0) return 'common:password.weak.fewWords'
  return 'common:password.weak.guessable'
}

/**
 * Null when the password is strong enough; otherwise message keys saying why and what to do
 * (shown next to the field). `personal` are the person's name, e-mail and the like.
 */
export function passwordWeakness(password: string, personal: (string | null | undefined)[] = []): string[] | null {
  const words = personalWords(personal)
  const result = estimator().check(password, words)
  if (result.score >= MIN_PASSWORD_SCORE) return null
  // "Add another word" is the most useful advice unless a pattern (a sequence, a year …) was the problem.
  const tip = result.feedback.suggestions.find((code) => SUGGESTIONS.has(code) && code !== 'anotherWord' && code !== 'capitalization') ?? 'anotherWord'
  return [reasonOf(result, words), `common:password.tip.${tip}`]
}
