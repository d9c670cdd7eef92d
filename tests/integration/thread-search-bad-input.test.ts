import { describe, expect, test } from 'vitest'
import { createUser, getRequest, sessionCookieFor } from '../setup/fixtures'
import { createThread, spacesWorld } from '../setup/fixtures-notify'
import * as searchPage from '~/routes/threads+/search'
import { callRoute } from '../setup/routes'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>

async function load(request: Request) {
  return callRoute(searchPage.loader as Loader, request, {})
}

const HOSTILE = ['"', 'NEAR(a b)', '*', 'title:x', "' OR 1=1 --", '\u0000\u202e', 'x'.repeat(20_000), '{{constructor}}', '<script>alert(1)</script>', '%']

describe('/threads/search', () => {
  test('signed out goes to log-in; admins, who are in no space, get 403', async () => {
    const signedOut = await load(getRequest('/threads/search?q=ipad'))
    expect(signedOut.status).toBe(302)
    expect(signedOut.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
    const admin = await createUser('admin')
    expect((await load(getRequest('/threads/search?q=ipad', await sessionCookieFor(admin.id)))).status).toBe(403)
  })

  test('hostile and malformed query parameters answer 200 with the page, never 500', async () => {
    const w = await spacesWorld()
    await createThread({ centreId: w.centre.id, title: 'Wifi i fællesstuen', tags: ['tablets_phones'], posts: [{ authorId: w.volunteer.id, body: 'Den driller.' }] })
    const cookie = await sessionCookieFor(w.volunteer.id)
    for (const value of HOSTILE) {
      for (const name of ['q', 'tag', 'space', 'page']) {
        const response = await load(getRequest(`/threads/search?${name}=${encodeURIComponent(value)}`, cookie))
        expect(response.status, `${name}=${value.slice(0, 20)}`).toBe(200)
      }
    }
    const repeated = await load(getRequest('/threads/search?q=wifi&q=nej&tag=ipad&tag=tablets_phones&page=2&page=x', cookie))
    expect(repeated.status).toBe(200)
    const found = await load(getRequest('/threads/search?q=WIFI', cookie))
    const data = (await found.json()) as { total: number; results: { title: string }[]; title: string }
    expect(data.total).toBe(1)
    expect(data.results[0].title).toBe('Wifi i fællesstuen')
    expect(data.title).toBe('»WIFI« – søg i erfaringerne')
  })
})
