import http from 'node:http'
import { startSmtpCatcher } from '../setup/smtp-catcher'

/**
 * The browser tests' mail server: a real SMTP server the app delivers to, plus a small HTTP
 * endpoint on the next port from which the tests read what arrived.
 */
const port = Number(process.env.E2E_MAIL_PORT ?? 2526)
const catcher = await startSmtpCatcher(port)

http
  .createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify(catcher.messages))
  })
  .listen(port + 1, '127.0.0.1')
