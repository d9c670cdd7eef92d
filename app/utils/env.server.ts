import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_DATABASE_URL, databaseFilePath } from './database-url'

function wholeNumber(min: number, max: number) {
  return z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, 'must be a file: URL, e.g. file:./data/frivilligbro.db or file:/var/lib/frivilligbro/app.db')
    .default(DEFAULT_DATABASE_URL),
  APP_URL: z.string().url('must be a full URL such as https://frivilligbro.example.dk').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.dk:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Frivilligbro <no-reply@frivilligbro.test>'),
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Lets the test suite run several clocks-free workers at full speed; never set in production. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** A folder for nightly backups (app/utils/backup-schedule.server.ts); unset: none are taken. */
  BACKUP_DIR: z
    .string()
    .transform((dir) => path.resolve(dir))
    .superRefine((dir, ctx) => {
      try {
        fs.mkdirSync(dir, { recursive: true })
        fs.accessSync(dir, fs.constants.W_OK)
      } catch (error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `cannot create or write to the folder ${dir} (${error instanceof Error ? error.message : String(error)})` })
      }
    })
    .optional(),
  /** Web processes (node's cluster) answering requests; the background work runs once, in the first process. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1, 'must be at least 1').max(32, 'must be at most 32').default(1),
  /**
   * The background thread's niceness (0–19; Linux): higher yields the CPU to the web answers first
   * while a burst of reminder e-mails is rendered. 0 leaves it at the server's own priority.
   */
  BACKGROUND_NICE: wholeNumber(0, 19).default(10),
  /** How often followers' digest e-mails are swept (ms); the browser suite makes it short. */
  DIGEST_INTERVAL_MS: z.coerce.number().int().min(1000, 'must be at least 1000 (one second)').max(3_600_000, 'must be at most 3600000 (one hour)').default(60_000),
  /** Compress answers of 8 KB and more (gzip level 4); `off` behind a reverse proxy that compresses itself. */
  COMPRESSION: z.enum(['on', 'off']).default('on'),
  /** Retention periods (app/utils/retention.server.ts): the jobs and the privacy page read the same values. */
  RETENTION_OUTBOX_DAYS: wholeNumber(1, 3650).default(30),
  RETENTION_CHECKS_MONTHS: wholeNumber(1, 120).default(6),
  RETENTION_INACTIVE_MONTHS: wholeNumber(1, 240).default(24),
  RETENTION_INACTIVE_GRACE_DAYS: wholeNumber(1, 365).default(30),
  RETENTION_AUDIT_YEARS: wholeNumber(1, 30).default(5),
})

export type Env = z.infer<typeof schema> & { APP_URL: string; SESSION_SECRET: string; dataDir: string }

let cached: Env | undefined

/** Reads and validates the environment once; throws one readable error listing every problem. */
export function getEnv(): Env {
  if (cached) return cached
  const blankAsUnset = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = schema.safeParse(blankAsUnset)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment — fix these settings (see README, Configuration):\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const dataDir = path.dirname(databaseFilePath(env.DATABASE_URL))
  cached = {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    SESSION_SECRET: env.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    dataDir,
  }
  return cached
}

/** A secret generated on first start and kept beside the database, so restarts keep sessions. */
function readOrCreateSecret(dataDir: string) {
  const file = path.join(dataDir, 'session-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(32).toString('hex')
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  }
}

/**
 * Settings that are valid but dangerous together; app/server.ts logs each one at start. Demo data
 * under https is the classic mistake: a real deployment that seeds accounts whose password is
 * printed in the README.
 */
export function configurationWarnings(env: Env): string[] {
  const warnings: string[] = []
  if (env.DEMO_DATA === 'on' && env.APP_URL.startsWith('https://')) {
    warnings.push(
      `DEMO_DATA is on while APP_URL is ${env.APP_URL}: an empty database gets the demo accounts, whose password is in the README. Set DEMO_DATA=off for a real deployment.`,
    )
  }
  return warnings
}

export function isDemo() {
  return getEnv().DEMO_DATA === 'on'
}

/** Cookies are Secure whenever the app is served over https (every real deployment). */
export function secureCookies() {
  return getEnv().APP_URL.startsWith('https://')
}

/** An absolute link into the app, for e-mails. */
export function appUrl(pathAndQuery: string) {
  return `${getEnv().APP_URL}${pathAndQuery}`
}
