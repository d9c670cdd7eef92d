import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormError, FormScope, SubmitButton } from '~/components/forms'
import { cancelSignup, courseCertificate, eventForViewer, eventViewer, formatSessionTime, requestPublicSignup, signUp } from '~/models/event.server'
import { getUser, requireUser } from '~/utils/auth.server'
import { emailField, formFailure, nameField, parseForm, readForm } from '~/utils/forms.server'
import { getLocale } from '~/utils/i18n.server'
import { RULES, clientIp, hitRateLimit, ipKey, tryAgainMessage } from '~/utils/rate-limit.server'
import { pageMeta } from '~/utils/meta'
import { loadActor, notFound } from '~/utils/permissions.server'
import { eventThreadFor, mayHaveThread } from '~/models/event-thread.server'
import { spacesFor } from '~/models/space.server'
import { redirectWithToast } from '~/utils/toast.server'

const IntentSchema = z.object({ intent: z.enum(['sign-up', 'cancel']) })
const PublicSignupSchema = z.object({ intent: z.literal('public-sign-up'), name: nameField, email: emailField })

export const handle = { i18n: ['events'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Anyone may ask; an event outside the viewer's audience is a 404, as if it did not exist.
  const user = await getUser(request)
  const event = await eventForViewer(params.eventId ?? '', await eventViewer(user))
  if (!event) notFound()
  const locale = await getLocale(request)
  const now = new Date()
  // A network meeting's agenda thread, for those who may read the centre's network space.
  const agendaThread = user && mayHaveThread(event.kind) ? eventThreadFor(event.id, (await spacesFor(await loadActor(user))).networkCentreIds) : null
  return json({
    title: event.title,
    agendaThread,
    signedIn: Boolean(user),
    certificate: user && event.myStatus === 'confirmed' ? Boolean(await courseCertificate(user.id, event.id)) : false,
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      description: event.description,
      centreName: event.centre.name,
      status: event.status,
      placesLeft: event.placesLeft,
      capacity: event.capacity,
      mayJoin: event.mayJoin,
      isPublic: event.audience === 'public',
      myStatus: event.myStatus,
      waitingAhead: event.waitingAhead,
      open: event.status === 'published' && new Date(event.signupDeadline) > now,
      started: event.sessions.length > 0 && event.sessions[0].startsAt <= now,
      sessions: event.sessions.map((s) => ({ id: s.id, when: formatSessionTime(s.startsAt, s.endsAt, locale), place: s.place, onlineUrl: s.onlineUrl })),
    },
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const eventId = params.eventId ?? ''
  if (!(await getUser(request))) {
    // A member of the public asks for a place at a public event with name and e-mail; the place is
    // theirs once they open the link the e-mail carries (requestPublicSignup).
    if (!(await eventForViewer(eventId, null))) notFound()
    const formData = await readForm(request)
    const form = parseForm(formData, PublicSignupSchema)
    if (!form.ok) return json(form, { status: 400 })
    const limit = await hitRateLimit([{ key: `event-signup:ip:${ipKey(clientIp(context))}`, rule: RULES.signupPerIp }])
    if (!limit.ok) {
      return formFailure(formData, { formError: tryAgainMessage(limit.retryAfterSeconds) }, { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
    }
    const asked = await requestPublicSignup(eventId, form.data, await getLocale(request))
    if (!asked) return formFailure(formData, { formError: 'events:page.refused.closed' })
    return redirectWithToast(`/events/${eventId}`, { key: 'events:page.checkEmail', values: { email: form.data.email } })
  }
  const user = await requireUser(request)
  const viewer = await eventViewer(user)
  if (!(await eventForViewer(eventId, viewer))) notFound()
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const back = `/events/${eventId}`
  if (intent.data.intent === 'sign-up') {
    const result = await signUp(viewer!, eventId)
    if (!result.ok) return formFailure(formData, { formError: `events:page.refused.${result.reason}` })
    return redirectWithToast(back, { key: result.status === 'confirmed' ? 'events:page.signedUp' : 'events:page.waitingListed' })
  }
  const result = await cancelSignup(user.id, eventId)
  if (!result.ok) return formFailure(formData, { formError: `events:page.refused.${result.reason}` })
  return redirectWithToast(back, { key: 'events:page.cancelled' })
}

export default function EventPage() {
  const { t } = useTranslation(['events', 'common'])
  const { event, signedIn, certificate, agendaThread } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  // The public sign-up form sums up its own failure; a signed-in reader's shows above the buttons.
  const publicState = !signedIn && state?.values?.intent === 'public-sign-up' ? state : undefined
  return (
    <div>
      <p>
        <Link to="/events">{t('page.back')}</Link>
      </p>
      <h1>{event.title}</h1>
      <p className="lead">
        {t(`kind.${event.kind}`)} · {event.centreName}
      </p>
      {event.status === 'cancelled' ? <p className="callout">{t('page.eventCancelled')}</p> : null}
      {event.description ? <p className="pre-line">{event.description}</p> : null}
      <h2>{t('page.sessions', { count: event.sessions.length })}</h2>
      <ul>
        {event.sessions.map((session) => (
          <li key={session.id}>
            {session.when}
            {session.place ? ` · ${session.place}` : ''}
            {session.onlineUrl ? (
              <>
                {' · '}
                <a href={session.onlineUrl}>{t('page.onlineLink')}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {agendaThread ? (
        <p>
          <strong>{t('agenda.eventLink')}:</strong> <Link to={`/threads/${agendaThread.id}`}>{agendaThread.title}</Link>
        </p>
      ) : null}
      <p>{event.placesLeft > 0 ? t('list.placesLeft', { count: event.placesLeft }) : t('list.full')}</p>
      {!publicState ? <FormError state={state} /> : null}
      {event.myStatus === 'confirmed' ? <p className="callout">{t('page.youHaveAPlace')}</p> : null}
      {certificate ? (
        <p>
          <Link to={`/events/${event.id}/certificate`}>{t('certificate.link')}</Link>
        </p>
      ) : null}
      {event.myStatus === 'waiting' ? <p className="callout">{t('page.youAreWaiting', { count: event.waitingAhead })}</p> : null}
      {!signedIn && event.isPublic && event.open ? (
        <section aria-labelledby="public-signup-heading" className="card">
          <h2 id="public-signup-heading">{t('page.publicSignup.heading')}</h2>
          <p>{t('page.publicSignup.intro')}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="public-sign-up" />
            <FormScope id="event-signup">
              <ErrorSummary state={publicState} labels={{ name: t('page.publicSignup.name'), email: t('page.publicSignup.email') }} />
              <Field label={t('page.publicSignup.name')} name="name" state={publicState} autoComplete="name" />
              <Field label={t('page.publicSignup.email')} name="email" type="email" state={publicState} autoComplete="email" hint={t('page.publicSignup.privacy')} />
            </FormScope>
            <SubmitButton>{event.placesLeft > 0 ? t('page.signUp') : t('page.joinWaitingList')}</SubmitButton>
          </Form>
          <p>
            <Link to={`/login?redirectTo=/events/${event.id}`}>{t('page.publicSignup.haveAccount')}</Link>
          </p>
        </section>
      ) : !signedIn ? (
        <p>
          <Link to={`/login?redirectTo=/events/${event.id}`}>{t('page.logInToSignUp')}</Link>
        </p>
      ) : event.myStatus && !event.started ? (
        <Form method="post">
          <SubmitButton name="intent" value="cancel" className="button button-secondary">
            {event.myStatus === 'confirmed' ? t('page.cancelPlace') : t('page.leaveWaitingList')}
          </SubmitButton>
        </Form>
      ) : event.mayJoin && event.open ? (
        <Form method="post">
          <SubmitButton name="intent" value="sign-up">
            {event.placesLeft > 0 ? t('page.signUp') : t('page.joinWaitingList')}
          </SubmitButton>
        </Form>
      ) : event.mayJoin ? (
        <p>{t('page.closed')}</p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
