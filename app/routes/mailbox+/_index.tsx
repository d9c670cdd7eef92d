import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recentMessages } from '~/models/outbox.server'
import { isEmptied } from '~/models/retention.server'
import { formatShortDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { requireMailboxAccess } from '~/utils/mailbox.server'
import { pageMeta } from '~/utils/meta'
import { retentionPeriods } from '~/utils/retention.server'
import { EmptyState } from '~/components/empty-state'

export const handle = { i18n: ['admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMailboxAccess(request)
  const t = await getFixedT(request, 'admin')
  const messages = (await recentMessages()).map((message) => ({ ...message, emptied: isEmptied(message) }))
  return json({ title: t('mailbox.title'), messages, outboxDays: retentionPeriods().outboxDays })
}

export default function MailboxPage() {
  const { t, i18n } = useTranslation('admin')
  const { messages, outboxDays } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      <h1>{t('mailbox.title')}</h1>
      <p className="lead">{t('mailbox.intro')}</p>
      {messages.length === 0 ? (
        <EmptyState>{t('mailbox.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="responsive-table">
            <caption className="visually-hidden">{t('mailbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mailbox.to')}</th>
                <th scope="col">{t('mailbox.subject')}</th>
                <th scope="col">{t('mailbox.created')}</th>
                <th scope="col">{t('mailbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td data-label={t('mailbox.to')}>{message.toEmail}</td>
                  <td data-label={t('mailbox.subject')}>
                    <Link to={`/mailbox/${message.id}`}>{message.emptied ? t('mailbox.emptied', { days: outboxDays, template: message.template }) : message.subject}</Link>
                  </td>
                  <td data-label={t('mailbox.created')}>{formatShortDateTime(message.createdAt, locale)}</td>
                  <td data-label={t('mailbox.status')}>{t(`outbox.status.${message.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
