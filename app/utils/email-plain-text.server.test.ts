import { expect, test } from 'vitest'
import { renderEmail } from './email.server'

test('the plain-text part keeps headings in normal case, not capitals', async () => {
  const { text } = await renderEmail('reset-password', { name: 'Mette Jensen', url: 'http://localhost:3000/reset-password?token=x', expiresInMinutes: 60 }, 'da')
  expect(text).toContain('Hej Mette Jensen')
  expect(text).not.toContain('HEJ METTE JENSEN')
  // No line of the message is written all in capitals.
  const shouting = text.split('\n').filter((line) => /[A-ZÆØÅ]{4,}/.test(line) && line === line.toUpperCase() && /[A-ZÆØÅ]/.test(line))
  expect(shouting).toEqual([])
})
