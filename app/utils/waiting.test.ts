import { expect, test } from 'vitest'
import { getFixedT } from './i18n.server'
import { waitedText } from './waiting'

test('the wait of an application is said in words a person would use, never "0 timer"', async () => {
  const da = await getFixedT('da', ['matching'])
  expect([0, 1, 5, 23, 24, 47, 48, 100].map((hours) => waitedText(da, hours))).toEqual([
    'venter under en time',
    'venter i 1 time',
    'venter i 5 timer',
    'venter i 23 timer',
    'venter i 1 dag',
    'venter i 1 dag',
    'venter i 2 dage',
    'venter i 4 dage',
  ])
  const en = await getFixedT('en', ['matching'])
  expect([0, 1, 30].map((hours) => waitedText(en, hours))).toEqual(['waiting for less than an hour', 'waiting for 1 hour', 'waiting for 1 day'])
})
