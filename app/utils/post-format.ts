/**
 * The simple formatting of posts: paragraphs (blank line between), bulleted ("- " or "* ") and
 * numbered ("1. " or "1) ") lists, **bold**, and links (bare http/https addresses or
 * [text](https://…)). Parsing gives a small tree of plain strings that the page renders as React
 * elements (app/components/threads.tsx), so every character the user typed is escaped by React and
 * no HTML from a post ever reaches the page. Only http and https links are made; anything else
 * stays text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' }

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }

const BULLET = /^\s*[-*•]\s+(.*)$/
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/

export function parsePost(body: string): Block[] {
  const text = body.replace(/\r\n?/g, '\n')
  const blocks: Block[] = []
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '')
    let paragraph: string[] = []
    let list: { ordered: boolean; start: number; items: string[] } | null = null
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', children: inlineLines(paragraph) })
      paragraph = []
    }
    const flushList = () => {
      if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map((item) => parseInline(item)) })
      list = null
    }
    for (const line of lines) {
      const bullet = BULLET.exec(line)
      const numbered = bullet ? null : NUMBERED.exec(line)
      if (bullet || numbered) {
        const ordered = Boolean(numbered)
        flushParagraph()
        if (list && list.ordered !== ordered) flushList()
        list ??= { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] }
        list.items.push(bullet ? bullet[1] : numbered![2])
      } else {
        flushList()
        paragraph.push(line.trim())
      }
    }
    flushList()
    flushParagraph()
  }
  return blocks
}

function inlineLines(lines: string[]): Inline[] {
  return lines.flatMap((line, index) => (index === 0 ? parseInline(line) : [{ type: 'break' } as Inline, ...parseInline(line)]))
}

/** A safe link target, or null: only absolute http(s) addresses. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

// [text](url) | bare address | **bold**
const TOKEN = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s()]+)\)|(https?:\/\/[^\s<>"]+)|\*\*(.+?)\*\*/g

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = []
  let last = 0
  const pushText = (value: string) => {
    if (!value) return
    const previous = out[out.length - 1]
    if (previous?.type === 'text') previous.text += value
    else out.push({ type: 'text', text: value })
  }
  const token = new RegExp(TOKEN.source, 'g')
  let match: RegExpExecArray | null
  while ((match = token.exec(text))) {
    const index = match.index
    pushText(text.slice(last, index))
    let consumed = match[0]
    if (match[1] !== undefined && match[2] !== undefined) {
      const href = safeHref(match[2])
      if (href) out.push({ type: 'link', href, children: depth < 2 ? parseInline(match[1], depth + 1).filter((n) => n.type !== 'link') : [{ type: 'text', text: match[1] }] })
      else pushText(consumed)
    } else if (match[3] !== undefined) {
      // Trailing punctuation belongs to the sentence, and a closing parenthesis without an opening one too.
      let address = match[3].replace(/[.,;:!?'’”]+$/, '')
      while (address.endsWith(')') && (address.match(/\(/g)?.length ?? 0) < (address.match(/\)/g)?.length ?? 0)) address = address.slice(0, -1)
      consumed = address
      const href = safeHref(address)
      if (href) out.push({ type: 'link', href, children: [{ type: 'text', text: address }] })
      else pushText(address)
    } else if (match[4] !== undefined) {
      out.push({ type: 'bold', children: depth < 2 ? parseInline(match[4], depth + 1) : [{ type: 'text', text: match[4] }] })
    }
    last = index + consumed.length
    // A bare address shortened by trailing punctuation: continue right after what was used.
    token.lastIndex = last
  }
  pushText(text.slice(last))
  return out
}

/** The post as plain text without formatting marks, shortened; for quotes and previews. */
export function plainExcerpt(body: string, maxLength = 280) {
  const plain = body
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]\n]{1,200})\]\((https?:\/\/[^\s()]+)\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1).trimEnd()}…` : plain
}
