/**
 * Posts must not identify residents (PRODUCT.md). A Danish CPR number is the most exact way to
 * identify someone, so text that looks like one is refused before it is saved: six digits that
 * form a real date (ddmmyy), then an optional dash or space, then four digits — not part of a
 * longer run of digits. Phone numbers (8 digits) and dates written with separators do not match.
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
