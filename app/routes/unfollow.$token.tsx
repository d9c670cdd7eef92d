import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormError, SubmitButton } from '~/components/forms'
import { followAgainByToken, unfollowByToken, unfollowPage } from '~/models/thread-digest.server'
import searchStyles from '~/styles/thread-search.css'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { redirectWithToast } from '~/utils/toast.server'

// Deliberately public, loader and action: the link in a digest e-mail must work signed out. The
// signed token in the URL is the permission — it names one follower and one thread and can only
// change whether that follower follows that thread. GET never changes anything (mail scanners
// open links); the page asks, and only the POST from its button unfollows.

const IntentSchema = z.object({ intent: z.enum(['unfollow', 'follow']) })

export const handle = { i18n: ['search'] }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: searchStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'search')
  const page = await unfollowPage(params.token)
  // An unknown or forged link is a plain 404 page with a way on, never a hint about who or what.
  if (!page) return json({ title: t('unfollow.invalidTitle'), page: null }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
  return json({ title: t('unfollow.title'), page }, { headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const page = await unfollowPage(params.token)
  if (!page) return json({ ok: false as const, fieldErrors: {}, formError: 'search:unfollow.invalid', values: {} }, { status: 404 })
  const here = `/unfollow/${params.token}`
  if (intent.data.intent === 'unfollow') {
    await unfollowByToken(params.token)
    return redirectWithToast(here, { key: 'search:unfollow.done', values: { title: page.threadTitle } })
  }
  const result = await followAgainByToken(params.token)
  if (!result?.followed) return json({ ok: false as const, fieldErrors: {}, formError: 'search:unfollow.noAccess', values: {} }, { status: 403 })
  return redirectWithToast(here, { key: 'search:unfollow.followed', values: { title: page.threadTitle } })
}

export default function UnfollowPage() {
  const { t } = useTranslation(['search', 'common'])
  const { page } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  if (!page) {
    return (
      <div className="unfollow">
        <h1>{t('unfollow.invalidTitle')}</h1>
        <p>{t('unfollow.invalid')}</p>
        <p>
          <Link to="/login">{t('unfollow.logIn')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="unfollow">
      <h1>{t('unfollow.title')}</h1>
      <FormError state={state} />
      {page.following ? (
        <>
          <p>{t('unfollow.question', { title: page.threadTitle })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="unfollow" />
            <SubmitButton>{t('unfollow.confirm')}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p>{t('unfollow.notFollowing', { title: page.threadTitle })}</p>
          <p className="hint">{t('unfollow.followAgainHint')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="follow" />
            <SubmitButton className="button button-secondary">{t('unfollow.followAgain')}</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to={`/threads/${page.threadId}`}>{t('unfollow.openThread')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => [...pageMeta(args), { name: 'robots', content: 'noindex' }]
