// The background work in its own thread, started as the server starts it: a burst of reminder
// e-mails is rendered and delivered there while this (the web) thread goes on answering requests.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { threadId } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { planWorld } from '../../tests/setup/fixtures-plans'
import { startSmtpCatcher } from '../../tests/setup/smtp-catcher'
import { prisma } from '~/utils/db.server'
import { addDays, copenhagenDate } from '~/utils/time'
import { startBackgroundThread, type BackgroundThread } from './background'

const VISITS = 60

let catcher: Awaited<ReturnType<typeof startSmtpCatcher>>
let background: BackgroundThread | undefined

beforeAll(async () => {
  const file = path.resolve('build/index.js')
  if (!fs.existsSync(file)) execFileSync(path.resolve('node_modules/.bin/remix'), ['build'], { stdio: 'pipe' })
  catcher = await startSmtpCatcher()
})

afterAll(async () => {
  await background?.stop()
  await catcher.close()
})

describe('the background thread', () => {
  test('renders and sends a burst of reminders in its own thread while the web thread answers requests', async () => {
    const world = await planWorld()
    // Visits later today: housekeeping queues their reminders as soon as it starts.
    const now = Date.now()
    const today = copenhagenDate(new Date(now))
    await prisma.visit.createMany({
      data: Array.from({ length: VISITS }, (_, i) => {
        const startsAt = new Date(now + 60 * 60_000 + i * 60_000)
        return {
          matchId: world.match.id,
          facilityId: world.facility.id,
          volunteerId: world.volunteer.id,
          localDate: copenhagenDate(startsAt),
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        }
      }),
    })
    // Only the visits that still fall on today's Copenhagen date are due (late in the evening some may not).
    const due = await prisma.visit.count({ where: { localDate: { in: [today, addDays(today, 1)] } } })

    // A stand-in for the web server in this thread, asked again and again during the burst.
    const web = http.createServer((_req, res) => res.end('ok')).listen(0, '127.0.0.1')
    await new Promise((resolve) => web.once('listening', resolve))
    const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`
    const answeredAt: number[] = []
    let asking = true
    const ask = (async () => {
      while (asking) {
        await fetch(url).then((response) => response.text())
        answeredAt.push(Date.now())
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()

    process.env.SMTP_URL = catcher.url
    // How busy this thread's event loop is, sampled every 100 ms.
    const samples: { at: number; utilization: number }[] = []
    let previous = performance.eventLoopUtilization()
    const sampler = setInterval(() => {
      const current = performance.eventLoopUtilization()
      samples.push({ at: Date.now(), utilization: performance.eventLoopUtilization(current, previous).utilization })
      previous = current
    }, 100)
    try {
      background = startBackgroundThread({ buildPath: 'build/index.js' })
      await background.started
      expect(background.threadId()).not.toBe(threadId)

      const deadline = Date.now() + 60_000
      while (catcher.messages.filter((m) => m.to.includes(world.volunteer.email.toLowerCase())).length < due && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    } finally {
      delete process.env.SMTP_URL
      clearInterval(sampler)
      asking = false
      await ask
      web.close()
    }

    const reminders = catcher.messages.filter((m) => m.to.includes(world.volunteer.email.toLowerCase()))
    expect(reminders).toHaveLength(due)
    expect(await prisma.visit.count({ where: { reminderQueuedAt: { not: null } } })).toBe(due)
    // Each reminder is rendered, then written to the outbox: the rows' times span the burst. The web
    // thread answered while it was being rendered, not only before or after it.
    const queued = await prisma.outboxMessage.findMany({ where: { toEmail: world.volunteer.email }, select: { createdAt: true }, orderBy: { createdAt: 'asc' } })
    expect(queued).toHaveLength(due)
    const first = queued[0].createdAt.getTime()
    const last = queued[queued.length - 1].createdAt.getTime()
    expect(answeredAt.filter((at) => at >= first && at <= last).length).toBeGreaterThan(0)
    // Rendering the e-mails in this thread would keep its loop busy through the burst; with the
    // work in its own thread the loop only answers the pings.
    const during = samples.filter((sample) => sample.at >= first && sample.at <= last + 100)
    expect(during.length).toBeGreaterThan(0)
    const mean = during.reduce((sum, sample) => sum + sample.utilization, 0) / during.length
    expect(mean).toBeLessThan(0.5)
  }, 90_000)
})
