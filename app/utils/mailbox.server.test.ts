// Who may read the built-in mailbox (app/utils/mailbox.server.ts), through the real loaders, with the
// settings varied as a deployment would vary them.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { callRoute, type RouteHandler } from '../../tests/setup/routes'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.resetModules()
})

/** Fresh modules under these settings (the environment is read once per process otherwise). */
async function withSettings(settings: Record<string, string | undefined>) {
  vi.resetModules()
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  const fixtures = await import('../../tests/setup/fixtures')
  const mailbox = await import('~/routes/mailbox+/_index')
  const message = await import('~/routes/mailbox+/$messageId')
  const root = await import('~/root')
  const { prisma } = await import('~/utils/db.server')
  const { getEnv, configurationWarnings } = await import('~/utils/env.server')
  const cookieOf = async (role: 'admin' | 'volunteer') => fixtures.sessionCookieFor((await fixtures.createUser(role)).id)
  const call = async (loader: (args: never) => Promise<Response>, path: string, cookie?: string, params: Record<string, string> = {}) => {
    return callRoute(loader as RouteHandler, fixtures.getRequest(path, cookie), params)
  }
  return { fixtures, mailbox, message, root, prisma, getEnv, configurationWarnings, cookieOf, call }
}

async function keptMessage(prisma: Awaited<ReturnType<typeof withSettings>>['prisma']) {
  return prisma.outboxMessage.create({
    data: {
      toEmail: 'mette@example.test',
      locale: 'da',
      template: 'password-reset',
      deadlineAt: new Date(Date.now() + 86_400_000),
      subject: 'Nulstil din adgangskode',
      html: '<p>Nulstil</p>',
      text: 'Nulstil: http://localhost:3000/reset-password?token=hemmelig',
      status: 'kept',
    },
    select: { id: true },
  })
}

describe('the built-in mailbox', () => {
  test('is open to everyone only for the demo on a developer machine: demo data, no SMTP, plain http', async () => {
    const s = await withSettings({ DEMO_DATA: 'on', SMTP_URL: undefined, APP_URL: 'http://localhost:3000' })
    const kept = await keptMessage(s.prisma)
    const list = await s.call(s.mailbox.loader, '/mailbox')
    expect(list.status).toBe(200)
    expect(JSON.stringify(await list.json())).toContain('Nulstil din adgangskode')
    const one = await s.call(s.message.loader, `/mailbox/${kept.id}`, undefined, { messageId: kept.id })
    expect(one.status).toBe(200)
    expect(((await (await s.call(s.root.loader, '/')).json()) as { showMailbox: boolean }).showMailbox).toBe(true)
  })

  for (const [name, settings] of [
    ['SMTP_URL is set (the attack in issue 9: a reset link for someone else read here)', { DEMO_DATA: 'on', SMTP_URL: 'smtp://127.0.0.1:2525', APP_URL: 'http://localhost:3000' }],
    ['APP_URL is https', { DEMO_DATA: 'on', SMTP_URL: undefined, APP_URL: 'https://frivilligbro.example.dk' }],
    ['demo data is off', { DEMO_DATA: 'off', SMTP_URL: undefined, APP_URL: 'http://localhost:3000' }],
  ] as const) {
    test(`is closed to all but admins when ${name}`, async () => {
      const s = await withSettings(settings)
      const kept = await keptMessage(s.prisma)
      const volunteer = await s.cookieOf('volunteer')
      const admin = await s.cookieOf('admin')

      for (const cookie of [undefined, volunteer]) {
        const list = await s.call(s.mailbox.loader, '/mailbox', cookie)
        expect(list.status).toBe(403)
        expect(await list.text()).not.toContain('Nulstil')
        const one = await s.call(s.message.loader, `/mailbox/${kept.id}`, cookie, { messageId: kept.id })
        expect(one.status).toBe(403)
        expect(await one.text()).not.toContain('hemmelig')
        // …and the footer does not point there.
        expect(((await (await s.call(s.root.loader, '/', cookie)).json()) as { showMailbox: boolean }).showMailbox).toBe(false)
      }

      const list = await s.call(s.mailbox.loader, '/mailbox', admin)
      expect(list.status).toBe(200)
      expect(JSON.stringify(await list.json())).toContain('Nulstil din adgangskode')
      expect((await s.call(s.message.loader, `/mailbox/${kept.id}`, admin, { messageId: kept.id })).status).toBe(200)
      expect(((await (await s.call(s.root.loader, '/', admin)).json()) as { showMailbox: boolean }).showMailbox).toBe(true)
    })
  }
})

describe('the start-up warning', () => {
  test('names demo data under an https address, and nothing else', async () => {
    const https = await withSettings({ DEMO_DATA: 'on', APP_URL: 'https://frivilligbro.example.dk' })
    expect(https.configurationWarnings(https.getEnv())).toEqual([expect.stringMatching(/DEMO_DATA is on while APP_URL is https:\/\/frivilligbro\.example\.dk.*DEMO_DATA=off/)])
    const real = await withSettings({ DEMO_DATA: 'off', APP_URL: 'https://frivilligbro.example.dk' })
    expect(real.configurationWarnings(real.getEnv())).toEqual([])
    const laptop = await withSettings({ DEMO_DATA: 'on', APP_URL: 'http://localhost:3000' })
    expect(laptop.configurationWarnings(laptop.getEnv())).toEqual([])
  })
})
