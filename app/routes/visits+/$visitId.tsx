import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { MapPin, Phone, User } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ChoiceGroup, VisitStatus, visitTimeText } from '~/components/booking'
import { ErrorSummary, Field, FormError, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { FeedbackChoice, FeedbackText } from '~/components/wishes'
import { cancelVisit, logVisit, moveVisit } from '~/models/visit-change.server'
import { openWishesOf } from '~/models/wish.server'
import { visitForPage } from '~/models/visit-details.server'
import bookingStyles from '~/styles/booking.css'
import wishStyles from '~/styles/wishes.css'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { formatDateTime, formatInZone } from '~/utils/dates'
import { localeOf, TASKS } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { FEEDBACK, FEEDBACK_BY, MAX_RESIDENTS_HELPED, type Feedback } from '~/utils/wishes'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { isClockTime } from '~/utils/time'
import { redirectWithToast } from '~/utils/toast.server'
import { shownVolunteerName } from '~/utils/former-person'

const reason = multiLineText()
  .trim()
  .max(1000, 'validation.tooLong?maximum=1000')
  .superRefine((value, ctx) => {
    if (value.length < 5) ctx.addIssue({ code: 'custom', message: value ? 'validation.tooShort?minimum=5' : 'validation.required' })
  })
  .refine(withoutCprNumber, CPR_REFUSED)
const time = z.union([z.literal(''), z.string().trim().refine(isClockTime, 'booking:window.invalidTime')]).optional().default('')
const CancelSchema = z.object({ intent: z.literal('cancel'), reason })
const MoveSchema = z.object({
  intent: z.literal('move'),
  localDate: z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  startTime: time,
  endTime: time,
  reason,
})
const LogSchema = z
  .object({
    intent: z.literal('log'),
    outcome: z.enum(['done', 'no_show'], { errorMap: () => ({ message: 'validation.choose' }) }),
    hours: z.string().trim().optional().default(''),
    helpedWith: z
      .array(z.string())
      .max(TASKS.length, 'validation.choose')
      .refine((tasks) => tasks.every((task) => (TASKS as readonly string[]).includes(task)), 'validation.choose'),
    note: multiLineText()
      .trim()
      .max(2000, 'validation.tooLong?maximum=2000')
      .optional()
      .default('')
      .refine(withoutCprNumber, 'booking:log.cpr'),
    // The residents' side of the visit (issue 12): numbers and a face, never who.
    residentsHelped: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || (/^\d{1,2}$/.test(value) && Number(value) <= MAX_RESIDENTS_HELPED), 'wishes:feedback.helpedRange')
      .transform((value) => (value ? Number(value) : null)),
    feedback: z
      .union([z.literal(''), z.enum(FEEDBACK)], { errorMap: () => ({ message: 'validation.choose' }) })
      .optional()
      .transform((value) => value || null),
    feedbackBy: z.enum(FEEDBACK_BY, { errorMap: () => ({ message: 'validation.choose' }) }).optional().default('resident'),
    residentWords: oneLineText()
      .trim()
      .max(300, 'validation.tooLong?maximum=300')
      .optional()
      .refine(withoutCprNumber, CPR_REFUSED)
      .transform((value) => value || null),
    fulfilledWishIds: z.array(z.string().max(100)).max(100, 'validation.choose'),
  })
  .superRefine((value, ctx) => {
    if (value.outcome !== 'done') return
    const hours = Number(value.hours.replace(',', '.'))
    if (!value.hours) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'validation.required' })
    else if (!Number.isFinite(hours) || hours < 0.25 || hours > 12) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'booking:log.hoursRange' })
    if (value.helpedWith.length === 0) ctx.addIssue({ code: 'custom', path: ['helpedWith'], message: 'validation.chooseOne' })
  })
const IntentSchema = z.object({ intent: z.enum(['cancel', 'move', 'log']) })

export const handle = { i18n: ['booking', 'wishes'] }
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: bookingStyles },
  { rel: 'stylesheet', href: wishStyles },
]

/** The visit's volunteer, its facility's staff or the centre's coordinators; 404 for a visit that does not exist. */
async function requireVisit(request: Request, visitId: string | undefined) {
  const visit = visitId ? await visitForPage(visitId) : null
  if (!visit) notFound()
  const scope = { volunteerId: visit.volunteer.id, facilityId: visit.facility.id, municipalityId: visit.facility.municipalityId }
  const { user, actor } = await requirePermission(request, 'visit:view', scope)
  return { user, actor, visit, scope }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, visit, scope } = await requireVisit(request, params.visitId)
  const now = Date.now()
  const t = await getFixedT(request, 'booking')
  const upcoming = visit.status === 'planned' && new Date(visit.startsAt).getTime() > now
  const canLog = visit.status === 'planned' && !upcoming && new Date(visit.startsAt).getTime() <= now && can(actor, 'visit:log', scope)
  const { volunteer, ...rest } = visit
  return json({
    title: t('visit.title', { facility: visit.facility.name }),
    visit: { ...rest, volunteer: { id: volunteer.id, name: volunteer.name, phone: volunteer.phone, email: volunteer.email } },
    role: actor.role,
    canChange: upcoming && can(actor, 'visit:change', scope),
    canLog,
    openWishes: canLog ? openWishesOf(visit.facility.id) : [],
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, visit, scope } = await requireVisit(request, params.visitId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const back = `/visits/${visit.id}`

  if (intent.data.intent === 'log') {
    await requirePermission(request, 'visit:log', scope)
    const form = parseForm(formData, LogSchema, { arrayFields: ['helpedWith', 'fulfilledWishIds'] })
    if (!form.ok) return json(form, { status: 400 })
    const { outcome, note, residentsHelped, feedback, feedbackBy, residentWords, fulfilledWishIds } = form.data
    const result = await logVisit(
      user.id,
      visit.id,
      outcome === 'done'
        ? { outcome, hours: Number(form.data.hours.replace(',', '.')), helpedWith: form.data.helpedWith, note: note || null, residentsHelped, feedback, feedbackBy, residentWords, fulfilledWishIds }
        : { outcome, note: note || null },
    )
    if (result.ok) return redirectWithToast(back, { key: outcome === 'done' ? 'booking:log.logged' : 'booking:log.loggedNoShow' })
    return formFailure(formData, { formError: result.reason === 'not-started' ? 'booking:log.notStarted' : 'booking:log.alreadyLogged' })
  }

  if (!can(actor, 'visit:change', scope)) return formFailure(formData, { formError: 'booking:visit.notChangeable' }, { status: 403 })
  if (intent.data.intent === 'cancel') {
    const form = parseForm(formData, CancelSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await cancelVisit(user.id, { visitId: visit.id, reason: form.data.reason })
    if (result.ok) return redirectWithToast(back, { key: result.late ? 'booking:cancel.cancelledLate' : 'booking:cancel.cancelled' })
    return formFailure(formData, { formError: 'booking:visit.notChangeable' })
  }

  const form = parseForm(formData, MoveSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await moveVisit(user.id, { visitId: visit.id, ...form.data })
  if (result.ok) return redirectWithToast(back, { key: 'booking:move.moved' })
  switch (result.reason) {
    case 'not-a-window-date':
      return formFailure(formData, { fieldErrors: { localDate: ['booking:move.notAWindowDate'] } })
    case 'closed':
      return formFailure(formData, { fieldErrors: { localDate: ['booking:move.closed'] } })
    case 'past':
      return formFailure(formData, { fieldErrors: { localDate: ['booking:move.past'] } })
    case 'plan-date-taken':
      return formFailure(formData, { fieldErrors: { localDate: ['booking:move.planDateTaken'] } })
    case 'invalid-time':
      return formFailure(formData, { fieldErrors: { endTime: ['booking:move.invalidTime'] } })
    case 'full':
      return formFailure(formData, { formError: 'booking:move.full' }, { status: 409 })
    case 'overlap':
      return formFailure(formData, { formError: 'booking:move.overlap' }, { status: 409 })
    case 'unchanged':
      return formFailure(formData, { formError: 'booking:move.unchanged' })
    default:
      return formFailure(formData, { formError: 'booking:visit.notChangeable' })
  }
}

/** What the residents said, on a logged visit: how many were helped, their face and words, the wishes fulfilled. */
function ResidentsSaid({ visit }: { visit: SerializeFrom<typeof loader>['visit'] }) {
  const { t } = useTranslation('wishes')
  if (visit.status !== 'done') return null
  const lines = [
    visit.residentsHelped !== null ? <>{t('feedback.shownHelped', { count: visit.residentsHelped })}</> : null,
    visit.residentFeedback ? (
      <>
        {t('feedback.shownFeedback')}{' '}
        <FeedbackText feedback={visit.residentFeedback as Feedback} />
        {visit.feedbackBy ? ` (${t('feedback.shownBy', { who: t(visit.feedbackBy === 'staff' ? 'feedback.byStaff' : 'feedback.byResident').toLowerCase() })})` : ''}
      </>
    ) : null,
    visit.residentWords ? <>»{visit.residentWords}«</> : null,
    visit.fulfilledWishes.length > 0 ? <>{t('feedback.shownWishes', { list: visit.fulfilledWishes.map((wish) => wish.what).join(', ') })}</> : null,
  ].filter(Boolean)
  return (
    <>
      {lines.map((line, index) => (
        <span key={index}>
          <br />
          {line}
        </span>
      ))}
    </>
  )
}

const backLinks: Record<string, string> = { volunteer: '/volunteer', facility_staff: '/facility', coordinator: '/centre/visits' }

export default function VisitPage() {
  const { t, i18n } = useTranslation(['booking', 'common', 'wishes'])
  const { visit, role, canChange, canLog, openWishes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const sent = state && 'values' in state ? state.values?.intent : undefined
  const stateFor = (intent: string) => (sent === intent ? state : undefined)
  const place = [visit.location, `${visit.facility.address}, ${visit.facility.postcode} ${visit.facility.town}`].filter(Boolean).join(', ')
  return (
    <div>
      <p>
        <Link to={backLinks[role] ?? '/'}>{t('visit.back')}</Link>
      </p>
      <h1>{t('visit.heading', { facility: visit.facility.name })}</h1>
      <p className="lead">{visitTimeText(visit.startsAt, visit.endsAt, locale)}</p>
      {sent === undefined ? <FormError state={state} /> : null}

      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading">{t('visit.details')}</h2>
        <dl className="meta-list">
          <dt>{t('visit.status')}</dt>
          <dd>
            <VisitStatus status={visit.status} late={visit.lateCancellation} />
          </dd>
          <dt>
            <MapPin aria-hidden="true" size={16} className="cell-icon" />
            {t('visit.where')}
          </dt>
          <dd>{place}</dd>
          {visit.window ? (
            <>
              <dt>{t('visit.window')}</dt>
              <dd>{visit.window.title}</dd>
            </>
          ) : null}
          {visit.adTitle ? (
            <>
              <dt>{t('visit.ad')}</dt>
              <dd>{visit.adTitle}</dd>
            </>
          ) : null}
          <dt>
            <User aria-hidden="true" size={16} className="cell-icon" />
            {t('visit.volunteer')}
          </dt>
          <dd>
            {shownVolunteerName(t, visit.volunteer.name)}
            {role !== 'volunteer' && visit.volunteer.phone ? ` · ${visit.volunteer.phone}` : ''}
          </dd>
          <dt>
            <Phone aria-hidden="true" size={16} className="cell-icon" />
            {t('visit.contact')}
          </dt>
          <dd>{visit.contact ? `${visit.contact.name}${visit.contact.phone ? ` · ${visit.contact.phone}` : ''}` : t('visit.noContact')}</dd>
          {visit.status === 'cancelled' ? (
            <>
              <dt>{t('visit.cancelled')}</dt>
              <dd>
                {t('visit.cancelledBy', { name: visit.cancelledBy?.name ?? '', date: visit.cancelledAt ? formatDateTime(visit.cancelledAt, locale) : '' })}
                <br />
                {t('visit.reason', { reason: visit.cancelReason ?? '' })}
              </dd>
            </>
          ) : null}
          {visit.loggedAt ? (
            <>
              <dt>{t('visit.logged')}</dt>
              <dd>
                {t('visit.loggedBy', { name: visit.loggedBy?.name ?? '', date: formatInZone(visit.loggedAt, 'dd.MM.yyyy', locale) })}
                {visit.status === 'done' ? (
                  <>
                    <br />
                    {t('visit.hours', { count: visit.hours ?? 0 })}
                    {visit.helpedWith.length > 0 ? ` · ${visit.helpedWith.map((task) => t(`common:task.${task}`)).join(', ')}` : ''}
                  </>
                ) : null}
                {visit.note ? (
                  <>
                    <br />
                    <span className="prewrap">{visit.note}</span>
                  </>
                ) : null}
                <ResidentsSaid visit={visit} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {canLog ? (
        <section aria-labelledby="log-heading" className="card">
          <h2 id="log-heading">{t('log.heading')}</h2>
          <p>{t('log.intro')}</p>
          <Form method="post" className="stack" noValidate>
            <FormScope id="log">
            <input type="hidden" name="intent" value="log" />
            <ErrorSummary
              state={stateFor('log')}
              labels={{ outcome: t('log.outcome'), hours: t('log.hours'), helpedWith: t('log.helpedWith'), note: t('log.note') }}
              targets={{ outcome: 'log-outcome-done', helpedWith: `log-helpedWith-${TASKS[0]}` }}
            />
            <ChoiceGroup
              legend={t('log.outcome')}
              name="outcome"
              type="radio"
              state={stateFor('log')}
              defaultValue={['done']}
              options={[
                { value: 'done', label: t('log.done') },
                { value: 'no_show', label: t(role === 'volunteer' ? 'log.noShowSelf' : 'log.noShow') },
              ]}
            />
            <Field label={t('log.hours')} name="hours" inputMode="decimal" hint={t('log.hoursHint')} state={stateFor('log')} defaultValue={String(Math.round(((new Date(visit.endsAt).getTime() - new Date(visit.startsAt).getTime()) / 3_600_000) * 4) / 4)} />
            <ChoiceGroup
              legend={t('log.helpedWith')}
              name="helpedWith"
              type="checkbox"
              hint={t('log.helpedWithHint')}
              state={stateFor('log')}
              options={TASKS.map((task) => ({ value: task, label: t(`common:task.${task}`) }))}
            />
            <Field
              label={t('wishes:feedback.helped')}
              name="residentsHelped"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_RESIDENTS_HELPED}
              hint={t('wishes:feedback.helpedHint')}
              state={stateFor('log')}
            />
            <FeedbackChoice state={stateFor('log')} />
            <ChoiceGroup
              legend={t('wishes:feedback.by')}
              name="feedbackBy"
              type="radio"
              state={stateFor('log')}
              defaultValue={['resident']}
              options={[
                { value: 'resident', label: t('wishes:feedback.byResident') },
                { value: 'staff', label: t('wishes:feedback.byStaff') },
              ]}
            />
            <Field label={t('wishes:feedback.words')} name="residentWords" hint={t('wishes:feedback.wordsHint')} maxLength={300} state={stateFor('log')} />
            {openWishes.length > 0 ? (
              <ChoiceGroup
                legend={t('wishes:feedback.wishes')}
                name="fulfilledWishIds"
                type="checkbox"
                hint={t('wishes:feedback.wishesHint')}
                state={stateFor('log')}
                options={openWishes.map((wish) => ({ value: wish.id, label: t('wishes:feedback.wishOption', { what: wish.what, count: wish.residentCount }) }))}
              />
            ) : null}
            <TextAreaField label={t('log.note')} name="note" hint={t('log.noteHint')} rows={4} state={stateFor('log')} />
            <SubmitButton>{t('log.submit')}</SubmitButton>
            </FormScope>
          </Form>
        </section>
      ) : null}

      {canChange ? (
        <>
          <section aria-labelledby="cancel-heading" className="card">
            <h2 id="cancel-heading">{t('cancel.heading')}</h2>
            <p>{t('cancel.intro')}</p>
            <Form method="post" className="stack" noValidate>
              <FormScope id="cancel">
              <input type="hidden" name="intent" value="cancel" />
              <ErrorSummary state={stateFor('cancel')} labels={{ reason: t('cancel.reason') }} />
              <TextAreaField label={t('cancel.reason')} name="reason" hint={t('cancel.reasonHint')} rows={3} state={stateFor('cancel')} />
              <SubmitButton className="button button-secondary">{t('cancel.submit')}</SubmitButton>
              </FormScope>
            </Form>
          </section>
          <section aria-labelledby="move-heading" className="card">
            <h2 id="move-heading">{t('move.heading')}</h2>
            <p>{visit.window ? t('move.introWindow', { title: visit.window.title, weekday: t(`common:weekday.${visit.window.weekday}`) }) : t('move.intro')}</p>
            <Form method="post" className="stack" noValidate>
              <FormScope id="move">
              <input type="hidden" name="intent" value="move" />
              <ErrorSummary state={stateFor('move')} labels={{ localDate: t('move.date'), startTime: t('move.startTime'), endTime: t('move.endTime'), reason: t('move.reason') }} />
              <Field label={t('move.date')} name="localDate" type="date" state={stateFor('move')} defaultValue={visit.localDate} />
              {visit.window ? null : (
                <>
                  <Field label={t('move.startTime')} name="startTime" type="time" state={stateFor('move')} defaultValue={formatInZone(visit.startsAt, 'HH:mm', locale)} />
                  <Field label={t('move.endTime')} name="endTime" type="time" state={stateFor('move')} defaultValue={formatInZone(visit.endsAt, 'HH:mm', locale)} />
                </>
              )}
              <TextAreaField label={t('move.reason')} name="reason" hint={t('move.reasonHint')} rows={3} state={stateFor('move')} />
              <SubmitButton className="button button-secondary">{t('move.submit')}</SubmitButton>
              </FormScope>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
