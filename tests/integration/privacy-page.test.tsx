import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createCentre, getRequest } from '../setup/fixtures'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.resetModules()
})

/** The page as a visitor gets it: the real loader, then the page's component rendered to HTML. */
async function privacyPage(locale: 'da' | 'en', settings: Record<string, string> = {}) {
  vi.resetModules()
  Object.assign(process.env, settings)
  const route = await import('~/routes/privacy')
  const { PrivacyPolicy } = await import('~/components/privacy-policy')
  const { i18nInstance } = await import('~/utils/i18n.server')
  const response = (await route.loader({ request: getRequest(`/privacy?lng=${locale}`), params: {}, context: {} })) as Response
  const data = (await response.json()) as Awaited<ReturnType<Awaited<ReturnType<typeof route.loader>>['json']>>
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: await i18nInstance(locale) }, createElement(PrivacyPolicy, data)))
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ')
  const meta = route.meta({ data } as never) as { title?: string; name?: string; content?: string }[]
  return { text, html, meta }
}

describe('the privacy page', () => {
  test('says how long things are kept, in Danish and English, from the retention settings', async () => {
    const da = await privacyPage('da')
    expect(da.text).toContain('slettes 30 dage efter afsendelsen')
    expect(da.text).toContain('Har du ikke logget ind i 24 måneder')
    expect(da.text).toContain('inden 30 dage')
    expect(da.text).toContain('slettes 6 måneder efter')
    expect(da.text).toContain('slettes efter 5 år')
    expect(da.meta).toContainEqual({ title: 'Privatlivspolitik · Frivilligbro' })
    expect(da.meta.find((tag) => tag.name === 'description')?.content).toMatch(/^Hvilke oplysninger Frivilligbro gemmer/)

    const en = await privacyPage('en')
    expect(en.text).toContain('deleted 30 days after delivery')
    expect(en.text).toContain('not logged in for 24 months')
    expect(en.text).toContain('after 5 years')
    expect(en.meta).toContainEqual({ title: 'Privacy policy · Frivilligbro' })
    expect(en.meta.find((tag) => tag.name === 'description')?.content).toMatch(/^What Frivilligbro keeps/)
  })

  test('a changed setting changes the page: the jobs and the page read the same values', async () => {
    const changed = await privacyPage('en', { RETENTION_INACTIVE_MONTHS: '36', RETENTION_OUTBOX_DAYS: '14', RETENTION_AUDIT_YEARS: '1' })
    expect(changed.text).toContain('not logged in for 36 months')
    expect(changed.text).not.toContain('24 months')
    expect(changed.text).toContain('deleted 14 days after delivery')
    expect(changed.text).toContain('after 1 year.')
    const { retentionPeriods } = await import('~/utils/retention.server')
    expect(retentionPeriods()).toMatchObject({ inactiveMonths: 36, outboxDays: 14, auditYears: 1 })
  })

  test('names who sees a volunteer\'s data, who to contact, and where to get a copy or delete', async () => {
    await createCentre(['Gribskov Kommune'], 'Frivilligcenter Gribskov')
    const { text, html } = await privacyPage('da')
    expect(text).toContain('først når et match er godkendt, af medarbejderne på det tilbud')
    expect(text).toContain('Frivilligcenter Gribskov – dækker Gribskov Kommune')
    expect(html).toMatch(/href="mailto:[^"]+@centre\.test"/)
    expect(html).toContain('href="/settings"')
    for (const role of ['Som frivillig', 'Som medarbejder på et tilbud', 'Som koordinator', 'Som medarbejder i kommunen']) expect(text).toContain(role)
  })
})

describe('the retention settings', () => {
  test('are validated at start: a bad value names the setting', async () => {
    vi.resetModules()
    Object.assign(process.env, { RETENTION_OUTBOX_DAYS: '0', RETENTION_INACTIVE_MONTHS: 'two years', RETENTION_AUDIT_YEARS: '2.5' })
    const { getEnv } = await import('~/utils/env.server')
    expect(getEnv).toThrowError(/RETENTION_OUTBOX_DAYS: must be at least 1[\s\S]*RETENTION_INACTIVE_MONTHS[\s\S]*RETENTION_AUDIT_YEARS: must be a whole number/)
  })
})
