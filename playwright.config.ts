import fs from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
export const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? 2526)
const baseURL = `http://localhost:${PORT}`

// The machines this project runs on cannot download Playwright's own browsers: use the system
// Chromium (apt-get install chromium) unless PLAYWRIGHT_CHROMIUM_PATH points elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => fs.existsSync(file))
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || systemChromium

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Spec files are spread over two workers; the tests within a file run one after the other.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: `tests/.tmp/e2e-${PORT}/report` }]],
  outputDir: `tests/.tmp/e2e-${PORT}/test-results`,
  use: {
    baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `tsx tests/e2e/mail-catcher.ts`,
      url: `http://127.0.0.1:${MAIL_PORT + 1}/messages`,
      reuseExistingServer: false,
      env: { E2E_MAIL_PORT: String(MAIL_PORT) },
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: 'tsx tests/e2e/serve.ts',
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      // Warnings and errors only (LOG_LEVEL below): a failed story shows the server's side of it.
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        APP_URL: baseURL,
        // One folder per port, so runs on different ports can go side by side.
        DATABASE_URL: `file:./tests/.tmp/e2e-${PORT}/db/e2e.db`,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`,
        DEMO_DATA: 'on',
        RATE_LIMITS: 'off',
        // Followers' digests are swept every two seconds, so a story can read the e-mail at once.
        DIGEST_INTERVAL_MS: '2000',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
    },
  ],
})
