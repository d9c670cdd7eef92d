import { afterEach, describe, expect, test, vi } from 'vitest'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.resetModules()
})

async function freshEnv(overrides: Record<string, string | undefined>) {
  vi.resetModules()
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  const { getEnv } = await import('./env.server')
  return getEnv
}

describe('the environment is validated at start', () => {
  test('with nothing set the defaults work', async () => {
    const getEnv = await freshEnv({ PORT: undefined, APP_URL: undefined, SMTP_URL: undefined, DEMO_DATA: undefined, SESSION_SECRET: undefined })
    const env = getEnv()
    expect(env.PORT).toBe(3000)
    expect(env.APP_URL).toBe('http://localhost:3000')
    expect(env.DEMO_DATA).toBe('on')
    expect(env.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/)
    // The generated secret is kept: a restart reads the same one.
    const again = await freshEnv({})
    expect(again().SESSION_SECRET).toBe(env.SESSION_SECRET)
  })

  test('bad values stop the start with one message naming each setting', async () => {
    const getEnv = await freshEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://db/app', SMTP_URL: 'mail.example.dk', DEMO_DATA: 'maybe' })
    expect(getEnv).toThrowError(/PORT[\s\S]*DATABASE_URL: must be a file: URL[\s\S]*SMTP_URL: must be an smtp:\/\/[\s\S]*DEMO_DATA/)
  })

  test('an empty value counts as unset', async () => {
    const getEnv = await freshEnv({ SMTP_URL: '', PORT: '' })
    expect(getEnv().SMTP_URL).toBeUndefined()
    expect(getEnv().PORT).toBe(3000)
  })
})
