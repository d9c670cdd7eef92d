import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { outboxOverview, retryMessage } from '~/models/outbox.server'
import { isEmptied } from '~/models/retention.server'
import { formatShortDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { retentionPeriods } from '~/utils/retention.server'
import { redirectWithToast } from '~/utils/toast.server'

const RetrySchema = z.object({ messageId: z.string().min(1) })

export const handle = { i18n: ['admin'] }

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const t = await getFixedT(request, 'admin')
  const { failed, pending, counts } = await outboxOverview()
  const mark = <M extends { status: string; subject: string }>(message: M) => ({ ...message, emptied: isEmptied(message) })
  return json({ title: t('outbox.title'), failed: failed.map(mark), pending: pending.map(mark), counts, outboxDays: retentionPeriods().outboxDays })
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const formData = await readForm(request)
  const form = parseForm(formData, RetrySchema)
  if (!form.ok) return json(form, { status: 400 })
  if (!(await retryMessage(form.data.messageId))) return formFailure(formData, { formError: 'admin:outbox.notFailed' })
  return redirectWithToast('/admin/outbox', { key: 'admin:outbox.retried' })
}

type Row = Awaited<ReturnType<typeof outboxOverview>>['failed'][number] & { emptied: boolean }

function MessageTable({ rows, caption, retry, outboxDays }: { rows: (Omit<Row, 'createdAt' | 'nextAttemptAt' | 'deadlineAt' | 'sentAt'> & { createdAt: string; nextAttemptAt: string })[]; caption: string; retry?: boolean; outboxDays: number }) {
  const { t, i18n } = useTranslation('admin')
  const locale = localeOf(i18n.language)
  return (
    <div className="table-wrap">
      <table className="responsive-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mailbox.to')}</th>
            <th scope="col">{t('mailbox.subject')}</th>
            <th scope="col">{t('outbox.attempts')}</th>
            <th scope="col">{retry ? t('outbox.lastError') : t('outbox.nextAttempt')}</th>
            {retry ? <th scope="col">{t('outbox.action')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td data-label={t('mailbox.to')}>{row.toEmail}</td>
              <td data-label={t('mailbox.subject')}>
                <Link to={`/mailbox/${row.id}`}>{row.emptied ? t('mailbox.emptied', { days: outboxDays, template: row.template }) : row.subject}</Link>
              </td>
              <td data-label={t('outbox.attempts')}>{row.attempts}</td>
              <td data-label={retry ? t('outbox.lastError') : t('outbox.nextAttempt')}>{retry ? (row.lastError ?? '—') : formatShortDateTime(row.nextAttemptAt, locale)}</td>
              {retry ? (
                <td data-label={t('outbox.action')}>
                  <Form method="post">
                    <input type="hidden" name="messageId" value={row.id} />
                    <SubmitButton className="button button-small">{t('outbox.retry')}</SubmitButton>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function AdminOutboxPage() {
  const { t } = useTranslation('admin')
  const { failed, pending, counts, outboxDays } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>{t('outbox.title')}</h1>
      <p className="lead">{t('outbox.intro')}</p>
      <ul className="stat-list">
        {(['pending', 'sent', 'failed', 'kept'] as const).map((status) => (
          <li key={status}>
            <strong>{counts[status] ?? 0}</strong> {t(`outbox.status.${status}`)}
          </li>
        ))}
      </ul>
      <h2>{t('outbox.failed')}</h2>
      {failed.length === 0 ? <EmptyState>{t('outbox.noFailed')}</EmptyState> : <MessageTable rows={failed} caption={t('outbox.failed')} retry outboxDays={outboxDays} />}
      <h2>{t('outbox.pending')}</h2>
      {pending.length === 0 ? <EmptyState>{t('outbox.noPending')}</EmptyState> : <MessageTable rows={pending} caption={t('outbox.pending')} outboxDays={outboxDays} />}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
