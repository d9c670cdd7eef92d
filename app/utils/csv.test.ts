import { describe, expect, test } from 'vitest'
import { csvField, csvLine, csvStream, parseCsv } from './csv'

async function text(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer())
}

describe('CSV for Danish Excel', () => {
  test('numbers get a decimal comma, empty values an empty field', () => {
    expect(csvLine([12, 3.5, -0.25, null, undefined, Number.NaN, 'Bostedet Skovbrynet'])).toBe('12;3,5;-0,25;;;;Bostedet Skovbrynet\r\n')
  })

  test('separators, quotes, line breaks and edge spaces are quoted; formulas are made text', () => {
    expect(csvField('Bo; og Leve')).toBe('"Bo; og Leve"')
    expect(csvField('Huset "Solsikken"')).toBe('"Huset ""Solsikken"""')
    expect(csvField('to\r\nlinjer')).toBe('"to\r\nlinjer"')
    expect(csvField(' kant ')).toBe('" kant "')
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField('-5 grader')).toBe("'-5 grader")
    expect(csvField('Æblehaven, Ørby')).toBe('Æblehaven, Ørby')
  })

  test('a stream starts with the BOM and reads back to the same rows', async () => {
    const rows = [
      ['Huset "Solsikken"; Ørby', 2, 1.5],
      ['Linje\r\nto', 0, null],
    ]
    const written = await text(csvStream(['Tilbud', 'Besøg', 'Timer'], rows))
    expect(written.charCodeAt(0)).toBe(0xfeff)
    expect(written.endsWith('\r\n')).toBe(true)
    expect(parseCsv(written)).toEqual([
      ['Tilbud', 'Besøg', 'Timer'],
      ['Huset "Solsikken"; Ørby', '2', '1,5'],
      ['Linje\r\nto', '0', ''],
    ])
  })

  test('the bytes are UTF-8 with the BOM EF BB BF', async () => {
    const bytes = new Uint8Array(await new Response(csvStream(['Kø'], [])).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Kø\r\n')
  })
})
