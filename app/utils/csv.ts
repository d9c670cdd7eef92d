// CSV that Danish Excel opens as it is (CONVENTIONS 18): a byte-order mark so it reads UTF-8
// (æøå), semicolons because a Danish Excel takes the comma as the decimal separator, decimal
// commas, CRLF line ends (RFC 4180). Written here rather than with csv-stringify, which is not
// installed; the rules are few.

export const CSV_BOM = '\uFEFF'
export const CSV_SEPARATOR = ';'
export const CSV_LINE_END = '\r\n'

export type CsvValue = string | number | null | undefined

/** Text that Excel would run as a formula (CSV injection) when it opens the file. */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/

/**
 * One field. Numbers get a decimal comma and no thousands separator (Excel reads "1234,5");
 * text that would start a formula gets a leading apostrophe, which Excel shows as text; a field
 * with a separator, a quote, a line break or edge spaces is quoted with its quotes doubled.
 */
export function csvField(value: CsvValue) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One line, with its CRLF. */
export function csvLine(values: readonly CsvValue[]) {
  return values.map(csvField).join(CSV_SEPARATOR) + CSV_LINE_END
}

/**
 * A CSV download as a stream: the BOM, the header, then one line per row as the reader takes
 * them, so a long file is never held whole as one string.
 */
export function csvStream(header: readonly string[], rows: Iterable<readonly CsvValue[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = rows[Symbol.iterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)))
        return
      }
      const next = iterator.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(csvLine(next.value)))
    },
  })
}

/**
 * Reads CSV written by this module back into rows of text (the BOM dropped, quotes undone).
 * For tests and for checking a download; numbers stay text with their decimal comma.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === CSV_SEPARATOR) {
      row.push(field)
      field = ''
    } else if (char === '\r' && source[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
