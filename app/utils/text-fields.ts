// Which characters a typed text may hold. Shared by the zod schemas (server, and the plan forms the
// browser also loads) and by the writers of other file formats (iCalendar, RSS), which strip the
// same characters again in case something older got into the database.
import { z } from 'zod'

/*
 * One-line fields (names, titles, places, addresses …) end up inside other formats: an iCalendar
 * parameter, an e-mail subject, an RSS title, a spreadsheet export. A line break there starts a
 * new property or row, so it is refused here, with every other invisible control:
 * - C0 controls U+0000–U+001F (NUL, CR, LF and TAB too: a tab in a name is a paste accident and a
 *   column break in any tab-separated export), DEL U+007F and the C1 controls U+0080–U+009F;
 * - U+2028/U+2029, the Unicode line and paragraph separators, which many renderers and older
 *   JavaScript parsers treat as a line break;
 * - the bidi embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069. A name is shown
 *   inside other people's sentences (e-mail subjects, lists, "Aisha has applied"); an unclosed
 *   override there reverses the rest of the line ("Trojan Source" spoofing). Arabic and Hebrew
 *   names need none of them: the bidi algorithm orders them by itself. The harmless marks
 *   U+200E/U+200F (LRM/RLM) and the joiners used by emoji stay allowed.
 * - U+FFFE/U+FFFF, non-characters that XML refuses outright.
 */
const ONE_LINE_FORBIDDEN = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF'

/*
 * Multi-line fields (descriptions, notes, posts) keep line breaks and tabs, and bidi controls:
 * each paragraph is shown on its own, where the bidi algorithm ends any override at the paragraph.
 * NUL, the other C0 and C1 controls, DEL and the non-characters are still refused.
 */
const MULTI_LINE_FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF'

const ONE_LINE = new RegExp(`^[^${ONE_LINE_FORBIDDEN}]*$`)
const MULTI_LINE = new RegExp(`^[^${MULTI_LINE_FORBIDDEN}]*$`)

export function isOneLine(value: string) {
  return ONE_LINE.test(value)
}

export function hasNoControlCharacters(value: string) {
  return MULTI_LINE.test(value)
}

/**
 * A one-line text field. Returns a ZodString, so the usual `.trim().min().max()` follow; the
 * check runs before trimming, so a trailing line break is refused rather than silently cut.
 */
export function oneLineText(requiredError = 'validation.required') {
  return z.string({ required_error: requiredError, invalid_type_error: 'validation.invalid' }).regex(ONE_LINE, 'validation.oneLine')
}

/** A multi-line text field: line breaks and tabs allowed, other control characters refused. */
export function multiLineText(requiredError = 'validation.required') {
  return z.string({ required_error: requiredError, invalid_type_error: 'validation.invalid' }).regex(MULTI_LINE, 'validation.controlCharacters')
}

/**
 * For writers of other formats: removes what a one-line field may not hold (line breaks become a
 * space so words do not run together), or, with `keepLineBreaks`, what a multi-line one may not.
 */
export function withoutControlCharacters(value: string, options: { keepLineBreaks?: boolean } = {}) {
  if (options.keepLineBreaks) return value.replace(new RegExp(`[${MULTI_LINE_FORBIDDEN}]`, 'g'), '')
  return value.replace(/\r\n|[\r\n\u2028\u2029\t]/g, ' ').replace(new RegExp(`[${ONE_LINE_FORBIDDEN}]`, 'g'), '')
}

/** Lone UTF-16 surrogates cannot be encoded as UTF-8; a writer replaces them with U+FFFD. */
export function wellFormed(value: string) {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}
