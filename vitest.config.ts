import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'emails/**/*.test.{ts,tsx}', 'prisma/**/*.test.ts', 'tests/integration/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/db-setup.ts'],
    environment: 'node',
    // Every file still runs in a fresh process (isolate stays on): the app keeps state in modules
    // (settings read once, caches, rate limits), so sharing a process would make files depend on
    // their order. Vitest's default of one worker fewer than the cores leaves a 2-core machine
    // running one file at a time while the main process idles once the files are transformed.
    pool: 'forks',
    maxWorkers: os.availableParallelism(),
    minWorkers: 1,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
