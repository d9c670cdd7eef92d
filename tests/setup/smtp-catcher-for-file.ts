// Vitest's side of the SMTP catcher (./smtp-catcher.ts, which the browser tests' mail server uses
// too and so must not import vitest).
import { afterAll, beforeAll } from 'vitest'
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher'

/**
 * A catcher for the whole test file: started before its first test, closed after its last.
 * The object is filled in when the file's tests start, so read its fields inside tests and hooks:
 *
 *   const catcher = smtpCatcherForFile()
 *   test('…', async () => { await deliverDueMessages({ mailer: createMailer(catcher.url), … }) })
 */
export function smtpCatcherForFile(): SmtpCatcher {
  const catcher = {} as SmtpCatcher
  beforeAll(async () => {
    Object.assign(catcher, await startSmtpCatcher())
  })
  afterAll(async () => {
    await catcher.close?.()
  })
  return catcher
}
