// robots.txt: search engines may index the public board, events and privacy page, and nothing of the
// signed-in areas or the addresses sent by e-mail.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { getRequest } from '../setup/fixtures'
import { callRoute, type RouteHandler } from '../setup/routes'
import * as robots from '~/routes/robots[.]txt'

async function disallowed() {
  const response = await callRoute(robots.loader as RouteHandler, getRequest('/robots.txt'))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
  const text = await response.text()
  expect(text.split('\n')[0]).toBe('User-agent: *')
  return text
    .split('\n')
    .filter((line) => line.startsWith('Disallow: '))
    .map((line) => line.slice('Disallow: '.length))
}

const blocks = (rules: string[], address: string) => rules.some((rule) => address === rule || address.startsWith(rule.endsWith('/') ? rule : `${rule}/`) || address.startsWith(`${rule}?`) || address.startsWith(`${rule}.`))

describe('robots.txt', () => {
  test('public pages may be indexed, private ones and e-mailed links may not', async () => {
    const rules = await disallowed()
    for (const address of ['/', '/jobs', '/jobs/abc123', '/jobs.rss', '/events', '/events/abc123', '/privacy', '/login', '/signup', '/signup/facility']) {
      expect(blocks(rules, address), address).toBe(false)
    }
    for (const address of ['/centre', '/centre/matches', '/volunteer', '/facility/abc/wishes', '/threads/abc', '/who-comes/token', '/follow-up/token', '/calendar/token.ics', '/reset-password?token=x', '/settings/data']) {
      expect(blocks(rules, address), address).toBe(true)
    }
  })

  test('every folder of routes is either public or kept out', async () => {
    const rules = await disallowed()
    const publicFolders = new Set(['_auth+', 'jobs+', 'events+'])
    const folders = fs.readdirSync(path.join(process.cwd(), 'app', 'routes')).filter((name) => name.endsWith('+') && !publicFolders.has(name))
    expect(folders.length).toBeGreaterThan(5)
    for (const folder of folders) expect(blocks(rules, `/${folder.slice(0, -1)}`), folder).toBe(true)
  })
})
