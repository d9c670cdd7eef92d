import { CalendarDays, CircleCheck, Clock, MapPin, User } from 'lucide-react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { IconSprite, KeptIcon, SharedIcon } from './kept-icon'

describe('kept icons', () => {
  test('the same markup as the lucide icon, the first time and when reused, per icon, size and class', () => {
    for (const icon of [CalendarDays, Clock, MapPin, User, CircleCheck]) {
      for (const [size, className] of [[16, 'cell-icon'], [18, 'nav-icon'], [16, 'status-icon']] as const) {
        const Icon = icon
        const expected = renderToStaticMarkup(<Icon aria-hidden="true" size={size} className={className} />)
        expect(expected).toContain('<svg')
        const page = renderToStaticMarkup(
          <p>
            <KeptIcon icon={icon} size={size} className={className} />
            <KeptIcon icon={icon} size={size} className={className} />
          </p>,
        )
        expect(page).toBe(`<p>${expected}${expected}</p>`)
      }
    }
    // Different icons stay different.
    expect(renderToStaticMarkup(<KeptIcon icon={Clock} size={16} className="cell-icon" />)).not.toBe(renderToStaticMarkup(<KeptIcon icon={MapPin} size={16} className="cell-icon" />))
  })
})

describe('icons drawn once per page', () => {
  test("a shared icon is lucide's <svg> with a <use> of the symbol, and the sprite holds lucide's drawing under that id", () => {
    for (const icon of [CalendarDays, Clock, MapPin, User, CircleCheck]) {
      const Icon = icon
      const lucide = renderToStaticMarkup(<Icon aria-hidden="true" size={16} className="cell-icon" />)
      const [, outer, drawing] = lucide.match(/^(<svg[^>]*>)(.*)<\/svg>$/)!
      const id = `icon-${icon.displayName}`
      expect(renderToStaticMarkup(<SharedIcon icon={icon} size={16} className="cell-icon" />)).toBe(`${outer}<use href="#${id}"></use></svg>`)
      expect(renderToStaticMarkup(<IconSprite icons={[icon]} />)).toBe(
        `<svg class="icon-sprite" aria-hidden="true" focusable="false"><symbol id="${id}" viewBox="0 0 24 24">${drawing}</symbol></svg>`,
      )
    }
    expect(renderToStaticMarkup(<IconSprite icons={[Clock, MapPin]} />).match(/<symbol id="(icon-[A-Za-z]+)"/g)).toEqual(['<symbol id="icon-Clock"', '<symbol id="icon-MapPin"'])
  })
})
