import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormError, SubmitButton } from '~/components/forms'
import { cancelPublicSignup, confirmPublicSignup, publicSignupByToken } from '~/models/event.server'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { notFound } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

// A member of the public's own page for their sign-up to a public event, reached only by the secret
// link in their e-mail: confirm the place, later cancel it. Confirming is a button (a POST), so a
// mail scanner that follows the link does not take a place for them.

const IntentSchema = z.object({ intent: z.enum(['confirm', 'cancel']) })

export const handle = { i18n: ['events'] }

async function signupFor(params: { eventId?: string; token?: string }) {
  const signup = await publicSignupByToken(params.token ?? '')
  if (!signup || signup.event.id !== params.eventId) notFound()
  return signup
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const signup = await signupFor(params)
  const t = await getFixedT(request, 'events')
  const first = signup.event.sessions[0]
  return json({
    title: t('publicSignup.title', { title: signup.event.title }),
    name: signup.name ?? '',
    eventId: signup.event.id,
    eventTitle: signup.event.title,
    status: signup.status,
    eventCancelled: signup.event.status === 'cancelled',
    started: Boolean(first && first.startsAt <= new Date()),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  await signupFor(params)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const here = `/events/${params.eventId}/signup/${params.token}`
  if (intent.data.intent === 'confirm') {
    const result = await confirmPublicSignup(params.token ?? '')
    if (!result.ok) return formFailure(formData, { formError: `events:page.refused.${result.reason}` })
    return redirectWithToast(here, { key: result.status === 'confirmed' ? 'events:page.signedUp' : 'events:page.waitingListed' })
  }
  const result = await cancelPublicSignup(params.token ?? '')
  if (!result.ok) return formFailure(formData, { formError: `events:page.refused.${result.reason}` })
  return redirectWithToast(here, { key: 'events:page.cancelled' })
}

export default function PublicSignupPage() {
  const { t } = useTranslation(['events', 'common'])
  const data = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div>
      <h1>{data.eventTitle}</h1>
      <p className="lead">{t('publicSignup.greeting', { name: data.name })}</p>
      <FormError state={state} />
      {data.eventCancelled ? (
        <p className="callout">{t('page.eventCancelled')}</p>
      ) : data.status === 'unconfirmed' ? (
        <Form method="post">
          <p>{t('publicSignup.confirmIntro')}</p>
          <SubmitButton name="intent" value="confirm">
            {t('publicSignup.confirm')}
          </SubmitButton>
        </Form>
      ) : data.status === 'confirmed' || data.status === 'waiting' ? (
        <>
          <p className="callout">{t(data.status === 'confirmed' ? 'publicSignup.hasPlace' : 'publicSignup.isWaiting')}</p>
          {data.started ? null : (
            <Form method="post">
              <SubmitButton name="intent" value="cancel" className="button button-secondary">
                {data.status === 'confirmed' ? t('page.cancelPlace') : t('page.leaveWaitingList')}
              </SubmitButton>
            </Form>
          )}
        </>
      ) : (
        <p>{t('publicSignup.cancelledAlready')}</p>
      )}
      <p>
        <Link to={`/events/${data.eventId}`}>{t('publicSignup.seeEvent')}</Link>
      </p>
    </div>
  )
}

// The address is a secret: not for search engines.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Frivilligbro' }, { name: 'robots', content: 'noindex' }]
