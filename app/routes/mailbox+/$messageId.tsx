import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { messageById } from '~/models/outbox.server'
import { isEmptied } from '~/models/retention.server'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { requireMailboxAccess } from '~/utils/mailbox.server'
import { pageMeta } from '~/utils/meta'
import { notFound } from '~/utils/permissions.server'
import { retentionPeriods } from '~/utils/retention.server'

export const handle = { i18n: ['admin'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxAccess(request)
  const message = await messageById(params.messageId ?? '')
  if (!message) notFound()
  const outboxDays = retentionPeriods().outboxDays
  const emptied = isEmptied(message)
  const t = await getFixedT(request, 'admin')
  return json({ title: emptied ? t('mailbox.emptied', { days: outboxDays, template: message.template }) : message.subject, message, emptied, outboxDays })
}

export default function MailboxMessagePage() {
  const { t, i18n } = useTranslation('admin')
  const { title, message, emptied, outboxDays } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <article>
      <p>
        <Link to="/mailbox">← {t('mailbox.back')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="meta-list">
        <dt>{t('mailbox.to')}</dt>
        <dd>{message.toName ? `${message.toName} <${message.toEmail}>` : message.toEmail}</dd>
        <dt>{t('mailbox.created')}</dt>
        <dd>{formatDateTime(message.createdAt, locale)}</dd>
        <dt>{t('mailbox.status')}</dt>
        <dd>{t(`outbox.status.${message.status}`)}</dd>
      </dl>
      {emptied ? (
        <p>{t('mailbox.emptiedNote', { days: outboxDays })}</p>
      ) : (
        <>
          <h2>{t('mailbox.text')}</h2>
          {/* The plain-text part, with its links clickable, is what a new user needs on a fresh install. */}
          <div className="mail-text">
            {message.text.split('\n').map((line, index) => (
              <p key={index}>
                {line.split(/(https?:\/\/[^\s\]]+)/g).map((part, partIndex) =>
                  /^https?:\/\//.test(part) ? (
                    <a key={partIndex} href={part}>
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </p>
            ))}
          </div>
          <h2>{t('mailbox.html')}</h2>
          <iframe title={t('mailbox.htmlFrame')} className="mail-frame" sandbox="" srcDoc={message.html} />
        </>
      )}
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
