import { CalendarDays, CircleCheck, Clock, MapPin, User } from 'lucide-react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { KeptIcon } from './kept-icon'

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
