import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { EventFields } from '~/components/events'
import { ErrorSummary, Field, FormError, FormScope, SelectField, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { createEventThread, eventThreadFor, linkEventThread, mayHaveThread, networkThreadsOf } from '~/models/event-thread.server'
import { postBodyField, threadTitleField } from '~/models/thread.server'
import { attendanceOf, eventCentre, eventForEditing, formatSessionTime, recordAttendance, setEventStatus, updateEvent } from '~/models/event.server'
import { EmptyState } from '~/components/empty-state'
import { EventFormSchema } from '~/utils/event-form'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { copenhagenDate, copenhagenTime } from '~/utils/time'
import { redirectWithToast } from '~/utils/toast.server'

const IntentSchema = z.object({ intent: z.enum(['save', 'publish', 'cancel', 'attendance', 'link-thread', 'unlink-thread', 'create-thread']) })
const LinkThreadSchema = z.object({ threadId: z.string({ required_error: 'validation.choose' }).min(1, 'validation.choose').max(64) })
const CreateThreadSchema = z.object({ title: threadTitleField, body: postBodyField })
const AttendanceSchema = z.object({ sessionId: z.string().min(1).max(64), attended: z.array(z.string().max(64)).max(500).default([]) })

export const handle = { i18n: ['events'] }

/** Only coordinators of the event's own centre. */
async function requireEventCoordinator(request: Request, eventId: string | undefined) {
  const centreId = eventId ? await eventCentre(eventId) : null
  if (!centreId) notFound()
  const { user } = await requirePermission(request, 'centre:work', { centreId })
  return { user, eventId: eventId!, centreId }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { eventId, centreId } = await requireEventCoordinator(request, params.eventId)
  const event = await eventForEditing(eventId)
  if (!event) notFound()
  const t = await getFixedT(request, 'events')
  const locale = await getLocale(request)
  const now = new Date()
  const ticked = attendanceOf(eventId)
  return json({
    title: t('edit.title', { title: event.title }),
    // Sessions that have begun take attendance; each with who was ticked.
    attendance: event.sessions
      .filter((s) => s.startsAt <= now)
      .map((s) => ({ id: s.id, when: formatSessionTime(s.startsAt, s.endsAt, locale), attended: ticked.filter((a) => a.sessionId === s.id).map((a) => a.signupId) })),
    event: {
      id: event.id,
      kind: event.kind,
      title: event.title,
      description: event.description,
      capacity: event.capacity,
      audience: event.audience,
      status: event.status,
      signupDeadlineDate: copenhagenDate(new Date(event.signupDeadline.getTime() - 60_000)),
      sessions: event.sessions.map((s) => ({ localDate: s.localDate, startTime: copenhagenTime(s.startsAt), endTime: copenhagenTime(s.endsAt), place: s.place, onlineUrl: s.onlineUrl })),
    },
    signups: event.signups.map((s) => ({ id: s.id, status: s.status, name: s.user?.name ?? s.name ?? '', email: s.user?.email ?? s.email ?? '', completed: Boolean(s.completedAt) })),
    agenda: mayHaveThread(event.kind)
      ? { thread: eventThreadFor(eventId, [centreId]), threads: networkThreadsOf(centreId), suggestedTitle: t('agenda.suggestedTitle', { title: event.title }) }
      : null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, eventId } = await requireEventCoordinator(request, params.eventId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const back = `/centre/events/${eventId}`
  if (intent.data.intent === 'link-thread' || intent.data.intent === 'unlink-thread') {
    const form = intent.data.intent === 'link-thread' ? parseForm(formData, LinkThreadSchema) : ({ ok: true, data: { threadId: null } } as const)
    if (!form.ok) return json(form, { status: 400 })
    const result = await linkEventThread(user.id, eventId, form.data.threadId)
    if (!result.ok) return formFailure(formData, { fieldErrors: { threadId: [`events:agenda.${result.reason}`] } })
    return redirectWithToast(back, { key: form.data.threadId ? 'events:agenda.linked' : 'events:agenda.unlinked' })
  }
  if (intent.data.intent === 'create-thread') {
    const form = parseForm(formData, CreateThreadSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await createEventThread(user.id, eventId, form.data)
    if (!result.ok) return formFailure(formData, { formError: `events:agenda.${result.reason}` })
    return redirectWithToast(back, { key: 'events:agenda.created' })
  }
  if (intent.data.intent === 'attendance') {
    const form = parseForm(formData, AttendanceSchema, { arrayFields: ['attended'] })
    if (!form.ok) return json(form, { status: 400 })
    const result = await recordAttendance(user.id, eventId, form.data.sessionId, form.data.attended)
    if (!result.ok) return formFailure(formData, { formError: `events:attendance.${result.reason}` })
    return redirectWithToast(back, { key: 'events:attendance.saved', values: { count: String(result.completed) } })
  }
  if (intent.data.intent === 'save') {
    const form = parseForm(formData, EventFormSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await updateEvent(user.id, eventId, form.data)
    if (!result.ok) return formFailure(formData, { formError: result.reason === 'cancelled' ? 'events:edit.statusCancelled' : 'events:edit.not-found' })
    return redirectWithToast(back, { key: 'events:edit.saved', values: { title: form.data.title } })
  }
  const status = intent.data.intent === 'publish' ? 'published' : 'cancelled'
  const result = await setEventStatus(user.id, eventId, status)
  if (!result.ok) return formFailure(formData, { formError: 'events:edit.statusChanged' })
  return redirectWithToast(back, { key: `events:edit.${status}` })
}

export default function EditEventPage() {
  const { t } = useTranslation(['events', 'common'])
  const { event, signups, attendance, agenda } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const sent = state && 'values' in state ? state.values?.intent : undefined
  const confirmed = signups.filter((s) => s.status === 'confirmed')
  const waiting = signups.filter((s) => s.status === 'waiting')
  return (
    <div>
      <p>
        <Link to="/centre/events">{t('centre.back')}</Link>
      </p>
      <h1>{event.title}</h1>
      <p className="lead">
        {t(`kind.${event.kind}`)} · {t(`status.${event.status}`)} · {t('centre.ofCapacity', { confirmed: confirmed.length, capacity: event.capacity })}
      </p>
      {sent !== 'save' && sent !== 'attendance' && !sent?.toString().includes('thread') ? <FormError state={state} /> : null}
      {event.status === 'draft' || event.status === 'published' ? (
        <Form method="post" className="actions">
          {event.status === 'draft' ? (
            <SubmitButton name="intent" value="publish">
              {t('edit.publish')}
            </SubmitButton>
          ) : (
            <>
              <Link to={`/events/${event.id}`}>{t('edit.publicPage')}</Link>{' '}
              <SubmitButton name="intent" value="cancel" className="button button-secondary">
                {t('edit.cancel')}
              </SubmitButton>
              <span className="hint"> {t('edit.cancelHint')}</span>
            </>
          )}
        </Form>
      ) : null}

      <section aria-labelledby="signups-heading">
        <h2 id="signups-heading">{t('edit.signupsHeading')}</h2>
        {confirmed.length === 0 ? (
          <EmptyState>{t('edit.noSignups')}</EmptyState>
        ) : (
          <ol>
            {confirmed.map((s) => (
              <li key={s.id}>
                {s.name} ({s.email}){s.completed ? ` · ${t('attendance.completed')}` : ''}
              </li>
            ))}
          </ol>
        )}
        <h3>{t('edit.waitingHeading', { count: waiting.length })}</h3>
        {waiting.length > 0 ? (
          <ol>
            {waiting.map((s) => (
              <li key={s.id}>
                {s.name} ({s.email})
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {agenda ? <AgendaThread agenda={agenda} state={sent?.toString().includes('thread') ? state : undefined} sent={sent?.toString()} /> : null}

      {attendance.length > 0 && confirmed.length > 0 ? (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{t('attendance.heading')}</h2>
          <p>{t('attendance.intro')}</p>
          {attendance.map((session) => (
            <Form key={session.id} method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="sessionId" value={session.id} />
              <FormScope id={`attendance-${session.id}`}>
                <ErrorSummary
                  state={sent === 'attendance' && state && 'values' in state && state.values?.sessionId === session.id ? state : undefined}
                  labels={{ attended: session.when }}
                  targets={{ attended: `came-${session.id}-${confirmed[0]!.id}`, sessionId: `came-${session.id}-${confirmed[0]!.id}` }}
                />
              </FormScope>
              <fieldset>
                <legend>{session.when}</legend>
                {confirmed.map((s) => (
                  <div key={s.id} className="checkbox">
                    <input type="checkbox" id={`came-${session.id}-${s.id}`} name="attended" value={s.id} defaultChecked={session.attended.includes(s.id)} />
                    <label htmlFor={`came-${session.id}-${s.id}`}>{s.name}</label>
                  </div>
                ))}
              </fieldset>
              <SubmitButton className="button button-secondary">{t('attendance.save')}</SubmitButton>
            </Form>
          ))}
        </section>
      ) : null}

      {event.status !== 'cancelled' ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('edit.formHeading')}</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="save" />
            <EventFields state={sent === 'save' ? state : undefined} event={event} />
            <SubmitButton>{t('edit.save')}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

/** "Dagsorden og referat": the network meeting's thread in the centre's network space — linked, chosen or started here. */
function AgendaThread({ agenda, state, sent }: { agenda: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['agenda']>; state: FormState; sent?: string }) {
  const { t } = useTranslation(['events', 'threads'])
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('agenda.heading')}</h2>
      {agenda.thread ? (
        <Form method="post" className="stack">
          <p>
            {t('agenda.linkedTo')} <Link to={`/threads/${agenda.thread.id}`}>{agenda.thread.title}</Link>
          </p>
          <SubmitButton name="intent" value="unlink-thread" className="button button-secondary">
            {t('agenda.unlink')}
          </SubmitButton>
        </Form>
      ) : (
        <>
          <p>{t('agenda.intro')}</p>
          {agenda.threads.length > 0 ? (
            <Form method="post" className="stack" noValidate>
              <FormScope id="agenda-link">
                <input type="hidden" name="intent" value="link-thread" />
                <ErrorSummary state={sent === 'link-thread' ? state : undefined} labels={{ threadId: t('agenda.existing') }} />
                <SelectField
                  label={t('agenda.existing')}
                  name="threadId"
                  state={sent === 'link-thread' ? state : undefined}
                  placeholder={t('common:choose')}
                  options={agenda.threads.map((thread) => ({ value: thread.id, label: thread.title }))}
                />
                <SubmitButton className="button button-secondary">{t('agenda.link')}</SubmitButton>
              </FormScope>
            </Form>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <FormScope id="agenda-new">
              <h3>{t('agenda.newHeading')}</h3>
              <input type="hidden" name="intent" value="create-thread" />
              <ErrorSummary state={sent === 'create-thread' ? state : undefined} labels={{ title: t('agenda.title'), body: t('agenda.body') }} />
              <Field label={t('agenda.title')} name="title" required defaultValue={agenda.suggestedTitle} state={sent === 'create-thread' ? state : undefined} />
              <TextAreaField label={t('agenda.body')} hint={t('agenda.bodyHint')} name="body" required rows={6} state={sent === 'create-thread' ? state : undefined} />
              <SubmitButton>{t('agenda.create')}</SubmitButton>
            </FormScope>
          </Form>
        </>
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
