import pino from 'pino'

/**
 * Structured JSON log lines on stdout; LOG_LEVEL sets how much (silent in tests). `pid` tells the
 * web processes apart (WEB_CONCURRENCY). Lines are written asynchronously (SonicBoom): a request log
 * line written synchronously to a slow or piped stdout held the request's thread up; pino flushes
 * what is pending when the process exits normally.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { app: 'frivilligbro', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  pino.destination({ dest: 1, sync: false }),
)
