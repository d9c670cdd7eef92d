import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { parsePost, plainExcerpt } from './post-format'
import { PostBody } from '~/components/post-body'

const html = (body: string) => renderToStaticMarkup(<PostBody body={body} />)

describe('post formatting', () => {
  test('paragraphs, line breaks, bulleted and numbered lists, bold and links', () => {
    const body = 'Vi bruger tre regler:\n1. Klik aldrig\n2. **Ring** aldrig\n\nSe https://sikkerdigital.dk. Eller [DR LYD](https://www.dr.dk/lyd)\nHilsen\n\n- en\n* to'
    expect(html(body)).toBe(
      '<div class="post-body"><p>Vi bruger tre regler:</p><ol><li>Klik aldrig</li><li><strong>Ring</strong> aldrig</li></ol>' +
        '<p>Se <a href="https://sikkerdigital.dk/" rel="nofollow ugc noopener" target="_blank">https://sikkerdigital.dk</a>. Eller ' +
        '<a href="https://www.dr.dk/lyd" rel="nofollow ugc noopener" target="_blank">DR LYD</a><br/>Hilsen</p><ul><li>en</li><li>to</li></ul></div>',
    )
  })

  test('a numbered list keeps its starting number; a parenthesised address keeps its own parentheses', () => {
    expect(parsePost('3. tre\n4. fire')).toEqual([{ type: 'list', ordered: true, start: 3, items: [[{ type: 'text', text: 'tre' }], [{ type: 'text', text: 'fire' }]] }])
    expect(html('(se https://da.wikipedia.org/wiki/Foo_(bar))')).toContain('href="https://da.wikipedia.org/wiki/Foo_(bar)"')
    expect(html('(se https://example.dk/side)')).toContain('href="https://example.dk/side"')
  })

  test('hostile input is shown as text: no HTML, no script, no other link schemes', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[klik](javascript:alert(1))',
      'javascript:alert(1)',
      '[klik](data:text/html;base64,PHNjcmlwdD4=)',
      '**<b>fed</b>**',
      'https://example.dk/"><script>alert(1)</script>',
      '[x](https://example.dk/" onmouseover="alert(1))',
      '<a href="https://evil.example">evil</a>',
      '&lt;script&gt; &amp;',
      '\u0000\u202e',
    ]
    for (const body of hostile) {
      const out = html(body)
      // The only tags are the formatting's own, and the only attributes a link's href, rel and target.
      for (const tag of out.matchAll(/<\/?([a-z]+)([^>]*)>/g)) {
        expect(['div', 'p', 'ol', 'ul', 'li', 'strong', 'a', 'br'], body).toContain(tag[1])
        expect(tag[2].replace(/ (class|href|rel|target)="[^"<>]*"/g, '').replace(/\/$/, ''), body).toBe('')
      }
      for (const href of out.matchAll(/href="([^"]*)"/g)) expect(href[1], body).toMatch(/^https?:\/\/[^"<> ]+$/)
    }
    expect(html('<script>alert(1)</script>')).toBe('<div class="post-body"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></div>')
    expect(html('&lt;')).toContain('&amp;lt;')
    expect(html('[klik](javascript:alert(1))')).toContain('[klik](javascript:alert(1))')
  })

  test('deeply nested or unbalanced marks do not break parsing', () => {
    expect(() => html('**'.repeat(5000))).not.toThrow()
    expect(() => html('['.repeat(5000) + ']('.repeat(2000))).not.toThrow()
    expect(html('**fed**ikke**')).toContain('<strong>fed</strong>ikke**')
  })

  test('quotes and previews are plain text without marks', () => {
    expect(plainExcerpt('**Fed** og [et link](https://example.dk)\n\nny linje')).toBe('Fed og et link ny linje')
    expect(plainExcerpt('x'.repeat(500), 100)).toHaveLength(100)
  })
})
