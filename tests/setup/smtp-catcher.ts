import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type CaughtMail = {
  messageId: string
  to: string[]
  subject: string
  text: string
  html: string
  attachments: { filename: string; contentType: string; content: string }[]
  receivedAt: number
}

/**
 * A real SMTP server in the test process. The app's nodemailer transport delivers to it over
 * TCP exactly as it would to a real mail server; tests then read what arrived.
 */
export async function startSmtpCatcher(port = 0) {
  const messages: CaughtMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            messageId: parsed.messageId ?? '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
            receivedAt: Date.now(),
          })
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port

  return {
    port: boundPort,
    url: `smtp://127.0.0.1:${boundPort}`,
    messages,
    /** Waits until a message matching the predicate arrives (polling; the worker runs in the background). */
    async waitFor(predicate: (mail: CaughtMail) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const found = messages.find(predicate)
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`No e-mail matched within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'none'}`)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type SmtpCatcher = Awaited<ReturnType<typeof startSmtpCatcher>>

/** The first link into the app found in a message's plain text. */
export function linkIn(mail: CaughtMail, pathPrefix: string) {
  const match = mail.text.match(new RegExp(`https?://[^\\s\\]]+${pathPrefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s\\]]*`))
  if (!match) throw new Error(`No link to ${pathPrefix} in e-mail "${mail.subject}":\n${mail.text}`)
  return match[0]
}
