/**
 * Nothing written in Frivilligbro may identify a resident (PRODUCT.md). A Danish CPR number is the
 * most exact way to identify someone, so free text that looks like one is refused before it is
 * saved: six digits that form a real date (ddmmyy), then an optional dash or space, then four
 * digits — not part of a longer run of digits. This is the one rule for every free-text field
 * that can hold resident data (`withoutCprNumber` below): visit notes and the reasons for
 * cancelling or moving a visit; plan reasons (decline, end, pause, skip); thread titles, posts
 * and report or hiding reasons; check-in wishes and the coordinator's reason for pausing or
 * ending a match; the facility's IT screening, ethics policy entries and profile texts; job ads'
 * description, boundaries and target group (tests/integration/resident-data.test.ts).
 *
 * Why the date and not "any ten digits": every CPR number starts with its holder's birth date,
 * so the date shape misses none, while ten digits without one (an account or order number,
 * "4512345678" for a phone number with the country code) are no CPR number and need not be
 * refused. Modulus 11 cannot narrow it further: CPR numbers issued since 2007 need not pass it.
 * Phone numbers (8 digits) and dates written with separators do not match.
 */
const CPR_LIKE = /(?<![\d])(\d{2})(\d{2})(\d{2})[- ]?\d{4}(?![\d])/g

function isRealDate(day: number, month: number, year: number) {
  if (month < 1 || month > 12 || day < 1) return false
  // The century is unknown; 29 February counts when the two-digit year is a leap year in 19xx or 20xx.
  const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= days[month - 1]
}

/** The CPR-like numbers in a text (empty when there are none). */
export function findCprNumbers(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(CPR_LIKE)) {
    if (isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) found.push(match[0])
  }
  return found
}

export function containsCprNumber(text: string) {
  return findCprNumbers(text).length > 0
}

/** The message shown next to a field that holds a CPR-like number (common.json). */
export const CPR_REFUSED = 'validation.cpr'

/** For zod: `.refine(withoutCprNumber, CPR_REFUSED)`; empty and missing text pass. */
export function withoutCprNumber(text: string | null | undefined) {
  return !text || !containsCprNumber(text)
}
