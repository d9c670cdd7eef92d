import pino from 'pino'

/** Structured JSON log lines on stdout; LOG_LEVEL sets how much (silent in tests). `pid` tells the web processes apart (WEB_CONCURRENCY). */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'frivilligbro', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
})
