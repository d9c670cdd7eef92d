import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { shownName } from '~/utils/former-person'
import { z } from 'zod'
import { ErrorSummary, FormScope, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { Pagination, PostBody, PrivacyReminder, QuotedPost, TagList, When } from '~/components/threads'
import {
  editPost,
  hidePost,
  markRead,
  postBodyField,
  postPlace,
  quotablePost,
  reasonField,
  replyToThread,
  reportPost,
  setFollowing,
  setThreadLocked,
  setThreadPinned,
  threadPage,
  unhidePost,
} from '~/models/thread.server'
import threadStyles from '~/styles/threads.css'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { pageMeta } from '~/utils/meta'
import { forbidden, notFound } from '~/utils/permissions.server'
import { requireThreadAccess } from '~/models/space-access.server'
import { eventOfThread } from '~/models/event-thread.server'
import { EDIT_WINDOW_MINUTES, spaceKey } from '~/utils/threads'
import { redirectWithToast } from '~/utils/toast.server'

const id = z.string({ required_error: 'validation.required' }).min(1, 'validation.required').max(64)
const ReplySchema = z.object({ intent: z.literal('reply'), body: postBodyField, quotedPostId: z.string().max(64).optional() })
const EditSchema = z.object({ intent: z.literal('edit'), postId: id, body: postBodyField })
const ReportSchema = z.object({ intent: z.literal('report'), postId: id, reason: reasonField })
const HideSchema = z.object({ intent: z.literal('hide'), postId: id, reason: reasonField })
const PostIntentSchema = z.object({ intent: z.literal('unhide'), postId: id })
const IntentSchema = z.object({ intent: z.enum(['reply', 'edit', 'report', 'follow', 'unfollow', 'hide', 'unhide', 'lock', 'unlock', 'pin', 'unpin']) })

export const handle = { i18n: ['threads'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: threadStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, access } = await requireThreadAccess(request, params.threadId, 'read')
  const url = new URL(request.url)
  const pageParam = url.searchParams.get('page')
  const page = pageParam === 'last' ? 'last' : Number.parseInt(pageParam ?? '1', 10) || 1
  const data = await threadPage(params.threadId!, { userId: user.id, moderator: access.moderate, page })
  if (!data) notFound()
  const lastShown = data.posts[data.posts.length - 1]
  if (lastShown) await markRead(user.id, data.thread.id, lastShown.createdAt)
  const quoteId = url.searchParams.get('quote')
  const quote = quoteId && access.post ? await quotablePost(data.thread.id, quoteId) : null
  const editing = data.posts.find((post) => post.id === url.searchParams.get('edit') && post.canEdit)?.id ?? null
  // Only a network thread can be a meeting's agenda (app/models/event-thread.server.ts).
  const meeting = data.thread.facilityId === null ? eventOfThread(data.thread.id, actor.role === 'coordinator' ? actor.centreId : null) : null
  return json({ title: data.thread.title, ...data, quote, editing, canPost: access.post, moderator: access.moderate, meeting })
}

/** The post named in the form, which must belong to this thread. */
async function postInThread(threadId: string, postId: string) {
  const post = await postPlace(postId)
  if (!post || post.threadId !== threadId) notFound()
  return post
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, thread, access } = await requireThreadAccess(request, params.threadId, 'read')
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const here = `/threads/${thread.id}`
  const requireModerator = () => {
    if (!access.moderate) forbidden()
  }

  switch (intent.data.intent) {
    case 'reply': {
      if (!access.post) forbidden()
      const form = parseForm(formData, ReplySchema)
      if (!form.ok) return json(form, { status: 400 })
      const result = await replyToThread(user.id, thread.id, { body: form.data.body, quotedPostId: form.data.quotedPostId || null })
      if (!result.ok) return formFailure(formData, { formError: result.reason === 'locked' ? 'threads:thread.lockedCannotReply' : 'threads:form.quoteGone' })
      return redirectWithToast(`${here}?page=last#post-${result.postId}`, { key: 'threads:toast.replied' })
    }
    case 'edit': {
      if (!access.post) forbidden()
      const form = parseForm(formData, EditSchema)
      if (!form.ok) return json(form, { status: 400 })
      await postInThread(thread.id, form.data.postId)
      const result = await editPost(user.id, form.data.postId, form.data.body)
      if (!result.ok) {
        if (result.reason === 'not-yours') forbidden()
        return formFailure(formData, { formError: `threads:edit.${result.reason}?minutes=${EDIT_WINDOW_MINUTES}` })
      }
      return redirectWithToast(`${here}?page=${new URL(request.url).searchParams.get('page') ?? '1'}#post-${form.data.postId}`, { key: 'threads:toast.edited' })
    }
    case 'report': {
      const form = parseForm(formData, ReportSchema)
      if (!form.ok) return json(form, { status: 400 })
      await postInThread(thread.id, form.data.postId)
      const result = await reportPost(user.id, form.data.postId, form.data.reason)
      if (!result.ok) return formFailure(formData, { formError: 'threads:report.alreadyHidden' })
      return redirectWithToast(`${here}#post-${form.data.postId}`, { key: 'threads:toast.reported' })
    }
    case 'follow':
    case 'unfollow': {
      await setFollowing(user.id, thread.id, intent.data.intent === 'follow')
      return redirectWithToast(here, { key: intent.data.intent === 'follow' ? 'threads:toast.followed' : 'threads:toast.unfollowed' })
    }
    case 'hide': {
      requireModerator()
      const form = parseForm(formData, HideSchema)
      if (!form.ok) return json(form, { status: 400 })
      await postInThread(thread.id, form.data.postId)
      await hidePost(user.id, form.data.postId, form.data.reason)
      return redirectWithToast(`${here}#post-${form.data.postId}`, { key: 'threads:toast.hidden' })
    }
    case 'unhide': {
      requireModerator()
      const form = parseForm(formData, PostIntentSchema)
      if (!form.ok) return json(form, { status: 400 })
      await postInThread(thread.id, form.data.postId)
      await unhidePost(user.id, form.data.postId)
      return redirectWithToast(`${here}#post-${form.data.postId}`, { key: 'threads:toast.unhidden' })
    }
    case 'lock':
    case 'unlock':
      requireModerator()
      await setThreadLocked(user.id, thread.id, intent.data.intent === 'lock')
      return redirectWithToast(here, { key: intent.data.intent === 'lock' ? 'threads:toast.locked' : 'threads:toast.unlocked' })
    case 'pin':
    case 'unpin':
      requireModerator()
      await setThreadPinned(user.id, thread.id, intent.data.intent === 'pin')
      return redirectWithToast(here, { key: intent.data.intent === 'pin' ? 'threads:toast.pinned' : 'threads:toast.unpinned' })
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type PostItem = Data['posts'][number]

/** Errors of a per-post form show only on the form they came from. */
function stateFor(state: FormState, intent: string, postId?: string): FormState {
  if (!state?.values || state.values.intent !== intent) return undefined
  if (postId && state.values.postId !== postId) return undefined
  return state
}

function PostArticle({ post, data, state }: { post: PostItem; data: Data; state: FormState }) {
  const { t } = useTranslation('threads')
  const author = shownName(t, post.author)
  const pageQuery = data.page > 1 ? `page=${data.page}&` : ''
  return (
    <li>
      <article id={`post-${post.id}`} className={post.hidden ? 'post post-hidden' : 'post'} aria-label={t('post.label', { name: author })}>
        <header className="post-header">
          <span className="post-author">{author}</span>
          {post.author?.name ? <span className="post-role">{t(`role.${post.author.role}`)}</span> : null}
          <When date={post.createdAt} />
          {post.editedAt ? <span className="post-edited">{t('post.edited')}</span> : null}
          {post.hidden && data.moderator ? <span className="marker marker-hidden">{t('post.hiddenMarker')}</span> : null}
        </header>
        {post.quoted ? <QuotedPost quoted={post.quoted} /> : null}
        {post.body === null ? (
          <p className="hidden-notice">{t('post.hiddenByCentre')}</p>
        ) : data.editing === post.id ? (
          <Form method="post" className="stack" noValidate>
            <FormScope id={`thread-edit-${post.id}`}>
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="postId" value={post.id} />
            <ErrorSummary state={stateFor(state, 'edit', post.id)} labels={{ body: t('edit.label') }} />
            <PrivacyReminder id={`privacy-edit-${post.id}`} />
            <TextAreaField label={t('edit.label')} name="body" state={stateFor(state, 'edit', post.id)} defaultValue={post.body} hint={t('edit.hint', { minutes: EDIT_WINDOW_MINUTES })} rows={8} />
            <p className="thread-actions">
              <SubmitButton>{t('edit.submit')}</SubmitButton>
              <Link to={`?${pageQuery}`.replace(/[?&]$/, '') || '.'}>{t('edit.cancel')}</Link>
            </p>
            </FormScope>
          </Form>
        ) : (
          <PostBody body={post.body} />
        )}
        {post.hidden && post.hiddenReason ? <p className="hint">{t('post.hiddenReason', { reason: post.hiddenReason })}</p> : null}
        <div className="post-actions">
          {data.canPost && !post.hidden && data.thread.status === 'open' ? (
            <Link to={`?${pageQuery}quote=${post.id}#reply`} aria-label={t('post.quoteLabel', { name: author })}>
              {t('post.quote')}
            </Link>
          ) : null}
          {post.canEdit && data.editing !== post.id ? (
            <Link to={`?${pageQuery}edit=${post.id}#post-${post.id}`}>{t('post.edit')}</Link>
          ) : null}
          {data.moderator && post.hidden ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unhide" />
              <input type="hidden" name="postId" value={post.id} />
              <SubmitButton className="link-button">{t('moderation.unhide')}</SubmitButton>
            </Form>
          ) : null}
          {!post.hidden && !post.mine ? (
            <details open={Boolean(stateFor(state, 'report', post.id))}>
              <summary>
                {t('post.report')}
                <span className="visually-hidden"> {t('post.fromName', { name: author })}</span>
              </summary>
              <Form method="post" className="stack" noValidate>
                <FormScope id={`thread-report-${post.id}`}>
                <input type="hidden" name="intent" value="report" />
                <input type="hidden" name="postId" value={post.id} />
                <ErrorSummary state={stateFor(state, 'report', post.id)} labels={{ reason: t('report.reason') }} />
                <TextAreaField label={t('report.reason')} name="reason" state={stateFor(state, 'report', post.id)} hint={t('report.hint')} rows={3} />
                <SubmitButton className="button button-secondary button-small">{t('report.submit')}</SubmitButton>
                </FormScope>
              </Form>
            </details>
          ) : null}
          {data.moderator && !post.hidden ? (
            <details open={Boolean(stateFor(state, 'hide', post.id))}>
              <summary>
                {t('moderation.hide')}
                <span className="visually-hidden"> {t('post.fromName', { name: author })}</span>
              </summary>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="hide" />
                <input type="hidden" name="postId" value={post.id} />
                <FormScope id={`thread-hide-${post.id}`}>
                  <ErrorSummary state={stateFor(state, 'hide', post.id)} labels={{ reason: t('moderation.reason') }} />
                  <TextAreaField label={t('moderation.reason')} name="reason" state={stateFor(state, 'hide', post.id)} hint={t('moderation.reasonHint')} rows={3} />
                </FormScope>
                <SubmitButton className="button button-small">{t('moderation.hideSubmit')}</SubmitButton>
              </Form>
            </details>
          ) : null}
        </div>
      </article>
    </li>
  )
}

export default function ThreadPage() {
  const { t } = useTranslation('threads')
  const data = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>() as FormState
  const { thread, posts, page, pageCount, quote, canPost, moderator, meeting } = data
  const replyState = stateFor(state, 'reply')
  const locked = thread.status === 'locked'
  const spaceName = thread.facilityId ? (thread.facility?.name ?? '') : t('spaces.networkName', { centre: thread.centre.name })
  return (
    <div className="threads-page">
      <p>
        <Link to={`/threads/spaces/${spaceKey(thread)}`}>{t('thread.backTo', { space: spaceName })}</Link>
      </p>
      <h1>{thread.title}</h1>
      <p className="thread-meta">
        {thread.pinned ? <span className="marker marker-pinned">{t('marker.pinned')}</span> : null}
        {locked ? <span className="marker marker-locked">{t('marker.locked')}</span> : null}
        {thread.isAnnouncement ? <span className="marker marker-announcement">{t('marker.announcement')}</span> : null}
        {t('space.postCount', { count: thread.postCount })} · {t('space.lastActivity')} <When date={thread.lastPostAt} />
      </p>
      {meeting ? (
        <p>
          <Link to={meeting.href}>{t('thread.agendaOf', { title: meeting.title })}</Link>
        </p>
      ) : null}
      <TagList tags={thread.tags} label={t('thread.tags')} />
      <div className="thread-actions">
        <Form method="post">
          <input type="hidden" name="intent" value={thread.following ? 'unfollow' : 'follow'} />
          <SubmitButton className="button button-secondary button-small">{thread.following ? t('thread.unfollow') : t('thread.follow')}</SubmitButton>
        </Form>
        <span className="hint">{thread.following ? t('thread.followingHint') : t('thread.notFollowingHint')}</span>
      </div>
      {moderator ? (
        <section aria-labelledby="moderation-heading" className="card">
          <h2 id="moderation-heading">{t('moderation.heading')}</h2>
          <div className="moderation-bar">
            <Form method="post">
              <input type="hidden" name="intent" value={locked ? 'unlock' : 'lock'} />
              <SubmitButton className="button button-secondary button-small">{locked ? t('moderation.unlock') : t('moderation.lock')}</SubmitButton>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value={thread.pinned ? 'unpin' : 'pin'} />
              <SubmitButton className="button button-secondary button-small">{thread.pinned ? t('moderation.unpin') : t('moderation.pin')}</SubmitButton>
            </Form>
            <Link to="/centre/reports">{t('moderation.reportQueue')}</Link>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading" className="visually-hidden">
          {t('thread.posts')}
        </h2>
        <Pagination page={page} pageCount={pageCount} hrefFor={(n) => `?page=${n}`} label={t('pagination.postsTop')} />
        <ol className="post-list">
          {posts.map((post) => (
            <PostArticle key={post.id} post={post} data={data} state={state} />
          ))}
        </ol>
        <Pagination page={page} pageCount={pageCount} hrefFor={(n) => `?page=${n}`} label={t('pagination.posts')} />
      </section>

      <section aria-labelledby="reply-heading" id="reply" className="card">
        <h2 id="reply-heading">{t('reply.heading')}</h2>
        {locked ? (
          <p className="callout">{t('thread.lockedNotice')}</p>
        ) : canPost ? (
          <Form method="post" className="stack" noValidate>
            <FormScope id="thread-reply">
            <input type="hidden" name="intent" value="reply" />
            <ErrorSummary state={replyState} labels={{ body: t('reply.label') }} />
            {quote ? (
              <>
                <input type="hidden" name="quotedPostId" value={quote.id} />
                <QuotedPost quoted={{ author: quote.author, excerpt: quote.excerpt, hidden: false }} />
                <p>
                  <Link to={page > 1 ? `?page=${page}#reply` : '.#reply'}>{t('reply.removeQuote')}</Link>
                </p>
              </>
            ) : null}
            <PrivacyReminder id="privacy-reminder" />
            <TextAreaField label={t('reply.label')} name="body" state={replyState} hint={t('editor.formatHint')} rows={6} />
            <SubmitButton>{t('reply.submit')}</SubmitButton>
            </FormScope>
          </Form>
        ) : (
          <p className="callout">{t('reply.readOnly')}</p>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
