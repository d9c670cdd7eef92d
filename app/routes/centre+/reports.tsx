import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { shownName } from '~/utils/former-person'
import { z } from 'zod'
import { ErrorSummary, FormScope, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { PostBody, When } from '~/components/threads'
import { EmptyState } from '~/components/empty-state'
import { dismissReport, hidePost, openReports, reasonField, reportPlace } from '~/models/thread.server'
import threadStyles from '~/styles/threads.css'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const reportId = z.string({ required_error: 'validation.required' }).min(1, 'validation.required').max(64)
const HideSchema = z.object({ intent: z.literal('hide'), reportId, reason: reasonField })
const DismissSchema = z.object({ intent: z.literal('dismiss'), reportId })
const IntentSchema = z.object({ intent: z.enum(['hide', 'dismiss']) })

export const handle = { i18n: ['moderation', 'threads'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: threadStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'centre:work')
  const reports = await openReports(user.centreId!)
  const t = await getFixedT(request, 'moderation')
  return json({ title: t('queue.title'), reports })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'centre:work')
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const form = intent.data.intent === 'hide' ? parseForm(formData, HideSchema) : parseForm(formData, DismissSchema)
  if (!form.ok) return json(form, { status: 400 })
  const report = await reportPlace(form.data.reportId)
  if (!report) notFound()
  // Only reports about posts in this coordinator's centre's spaces.
  if (report.post.thread.centreId !== user.centreId) forbidden()
  if (report.status !== 'open') return formFailure(formData, { formError: 'moderation:queue.alreadyHandled' })
  if (form.data.intent === 'hide') {
    await hidePost(user.id, report.postId, form.data.reason)
    return redirectWithToast('/centre/reports', { key: 'moderation:queue.hidden' })
  }
  await dismissReport(user.id, report.id)
  return redirectWithToast('/centre/reports', { key: 'moderation:queue.dismissed' })
}

export default function ReportQueuePage() {
  const { t } = useTranslation(['moderation', 'threads'])
  const { reports } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>() as FormState
  const stateFor = (id: string, intent: string) => (state?.values?.reportId === id && state.values.intent === intent ? state : undefined)
  return (
    <div className="threads-page">
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      {reports.length === 0 ? (
        <EmptyState>{t('queue.empty')}</EmptyState>
      ) : (
        <ol className="report-list">
          {reports.map((report) => {
            const author = shownName(t, report.post.author)
            const space = report.post.thread.facility?.name ?? t('threads:spaces.networkName', { centre: report.post.thread.centre.name })
            return (
              <li key={report.id} className="card">
                <h2>
                  <Link to={`/threads/${report.post.thread.id}#post-${report.post.id}`}>{report.post.thread.title}</Link>
                </h2>
                <p className="thread-meta">
                  {space} · {t('queue.reportedBy', { name: shownName(t, report.reporter) })} <When date={report.createdAt} />
                </p>
                <p>
                  <strong>{t('queue.reason')}</strong> {report.reason}
                </p>
                <article className="post" aria-label={t('threads:post.label', { name: author })}>
                  <header className="post-header">
                    <span className="post-author">{author}</span>
                    <When date={report.post.createdAt} />
                    {report.post.hiddenAt ? <span className="marker marker-hidden">{t('threads:post.hiddenMarker')}</span> : null}
                  </header>
                  <PostBody body={report.post.body} />
                </article>
                <FormScope id={`report-${report.id}`}>
                <ErrorSummary state={stateFor(report.id, 'hide') ?? stateFor(report.id, 'dismiss')} labels={{ reason: t('queue.hideReason') }} />
                <div className="report-actions">
                  {report.post.hiddenAt ? null : (
                    <Form method="post" className="stack" noValidate>
                      <input type="hidden" name="intent" value="hide" />
                      <input type="hidden" name="reportId" value={report.id} />
                      <TextAreaField label={t('queue.hideReason')} name="reason" state={stateFor(report.id, 'hide')} hint={t('threads:moderation.reasonHint')} rows={3} />
                      <SubmitButton className="button">{t('queue.hide', { name: author })}</SubmitButton>
                    </Form>
                  )}
                  <Form method="post">
                    <input type="hidden" name="intent" value="dismiss" />
                    <input type="hidden" name="reportId" value={report.id} />
                    <SubmitButton className="button button-secondary">{t('queue.dismiss')}</SubmitButton>
                  </Form>
                </div>
                </FormScope>
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
