import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { agreementComplete } from '~/models/agreement.server'
import { matchFlag, meetingsOf, recordFollowUpMeeting } from '~/models/check-in-sharing.server'
import { EmptyState } from '~/components/empty-state'
import { changeMatchStatus, matchForCentre } from '~/models/follow-up.server'
import bookingStyles from '~/styles/booking.css'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { formatDate, formatDateTime, formatLocalDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { copenhagenDate, isLocalDate } from '~/utils/time'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { shownVolunteerName } from '~/utils/former-person'

const ChangeSchema = z.object({
  intent: z.enum(['pause', 'resume', 'end'], { errorMap: () => ({ message: 'validation.choose' }) }),
  reason: multiLineText()
    .trim()
    .max(2000, 'validation.tooLong?maximum=2000')
    .superRefine((value, ctx) => {
      if (value.length < 10) ctx.addIssue({ code: 'custom', message: value ? 'validation.tooShort?minimum=10' : 'validation.required' })
    })
    .refine(withoutCprNumber, CPR_REFUSED),
})

const MeetingSchema = z.object({
  intent: z.literal('record-meeting'),
  heldOn: z
    .string({ required_error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .refine(isLocalDate, 'validation.date')
    .refine((value) => value <= copenhagenDate(), 'agreement:meeting.futureDate'),
  participants: oneLineText().trim().min(1, 'validation.required').max(200, 'validation.tooLong?maximum=200'),
  note: multiLineText()
    .trim()
    .max(1000, 'validation.tooLong?maximum=1000')
    .optional()
    .default('')
    .refine(withoutCprNumber, CPR_REFUSED),
})
const IntentSchema = z.object({ intent: z.enum(['pause', 'resume', 'end', 'record-meeting']) })

// Message keys written out so a search for a key finds where it is used.
const CHANGE_DONE = { pause: 'followup:match.done.pause', resume: 'followup:match.done.resume', end: 'followup:match.done.end' } as const
const CHANGE_LABEL = { pause: 'match.action.pause', resume: 'match.action.resume', end: 'match.action.end' } as const

export const handle = { i18n: ['followup', 'agreement'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }]

/** Coordinators of the centre covering the match's facility; 404 for a match that does not exist. */
async function requireMatch(request: Request, matchId: string | undefined) {
  await requirePermission(request, 'centre:work')
  const match = matchId ? await matchForCentre(matchId) : null
  if (!match) notFound()
  const { user } = await requirePermission(request, 'match:manage', { facilityId: match.facilityId, municipalityId: match.facility.municipalityId })
  return { user, match }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { match } = await requireMatch(request, params.matchId)
  const t = await getFixedT(request, 'followup')
  const [agreement, flag, meetings] = await Promise.all([agreementComplete(match.id), matchFlag(match.id), meetingsOf(match.id)])
  return json({ title: t('match.title', { volunteer: shownVolunteerName(t, match.volunteer.name), facility: match.facility.name }), match, agreement, flag, meetings })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, match } = await requireMatch(request, params.matchId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  if (intent.data.intent === 'record-meeting') {
    const meeting = parseForm(formData, MeetingSchema)
    if (!meeting.ok) return json(meeting, { status: 400 })
    const { heldOn, participants, note } = meeting.data
    const recorded = await recordFollowUpMeeting(user.id, match.id, { heldOn, participants, note })
    if (!recorded.ok) notFound()
    return redirectWithToast(`/centre/matches/${match.id}`, { key: 'agreement:meeting.done' })
  }
  const form = parseForm(formData, ChangeSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await changeMatchStatus(user.id, { matchId: match.id, change: form.data.intent, reason: form.data.reason })
  if (!result.ok) return formFailure(formData, { formError: 'followup:match.wrongStatus' }, { status: 409 })
  return redirectWithToast(`/centre/matches/${match.id}`, { key: CHANGE_DONE[form.data.intent], values: { count: String(result.cancelledVisits) } })
}

export default function CentreMatchPage() {
  const { t, i18n } = useTranslation(['followup', 'common'])
  const { match, agreement, flag, meetings } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  // Each form shows only its own failure: the meeting form and the status change share the action.
  const changeState = state && 'values' in state && state.values?.intent === 'record-meeting' ? undefined : state
  const locale = localeOf(i18n.language)
  const actions = match.status === 'active' ? (['pause', 'end'] as const) : match.status === 'paused' ? (['resume', 'end'] as const) : []
  return (
    <div>
      <p>
        <Link to="/centre">{t('match.back')}</Link>
      </p>
      <h1>{t('match.heading', { volunteer: shownVolunteerName(t, match.volunteer.name), facility: match.facility.name })}</h1>
      <dl className="meta-list">
        <dt>{t('match.ad')}</dt>
        <dd>{match.jobAd.title}</dd>
        <dt>{t('match.status')}</dt>
        <dd>
          <strong>{t(`common:matchStatus.${match.status}`)}</strong>
          {match.status === 'paused' && match.pausedAt ? ` (${formatDate(match.pausedAt, locale)})` : ''}
          {match.status === 'ended' && match.endedAt ? ` (${formatDate(match.endedAt, locale)}): ${match.endReason ?? ''}` : ''}
        </dd>
        <dt>{t('match.approved')}</dt>
        <dd>{match.approvedAt ? formatDate(match.approvedAt, locale) : '–'}</dd>
        <dt>{t('match.volunteer')}</dt>
        <dd>
          <Link to={`/centre/volunteers/${match.volunteer.id}`}>{shownVolunteerName(t, match.volunteer.name)}</Link>
          {match.volunteer.phone ? ` · ${match.volunteer.phone}` : ''} · {match.volunteer.email}
        </dd>
        <dt>{t('agreement:matchPage.agreement')}</dt>
        <dd>
          {agreement ? (
            agreement.complete ? (
              t('agreement:matchPage.complete', { number: agreement.number })
            ) : (
              <strong className="flag">{t('agreement:matchPage.missing', { number: agreement.number })}</strong>
            )
          ) : (
            <strong className="flag">{t('agreement:matchPage.none')}</strong>
          )}{' '}
          · <Link to={`/matches/${match.id}/agreement`}>{t('agreement:matchPage.open')}</Link>
        </dd>
        <dt>{t('match.visits')}</dt>
        <dd>{t('match.visitCounts', { done: match.visitCounts.done ?? 0, planned: match.visitCounts.planned ?? 0, cancelled: match.visitCounts.cancelled ?? 0, noShow: match.visitCounts.no_show ?? 0 })}</dd>
      </dl>

      <section aria-labelledby="followups-heading">
        <h2 id="followups-heading">{t('match.followUps')}</h2>
        {match.followUps.length === 0 ? (
          <EmptyState>{t('match.noFollowUps')}</EmptyState>
        ) : (
          <ul className="card-list">
            {match.followUps.map((followUp) => (
              <li key={followUp.id} className="card">
                <h3>
                  {t('match.followUpDue', { date: formatDate(followUp.dueAt, locale) })} · {t(`followUpStatus.${followUp.status}`)}
                </h3>
                {followUp.responses.length === 0 ? null : (
                  <ul>
                    {followUp.responses.map((response) => (
                      <li key={response.id} className="answer">
                        <strong>
                          {response.respondent.name} ({t(`role.${response.respondentRole}`)})
                        </strong>
                        {response.answeredAt ? (
                          <>
                            {': '}
                            {t('answer.summary', { satisfaction: response.satisfaction, aligned: t(response.expectationsAligned ? 'answer.aligned' : 'answer.notAligned') })} –{' '}
                            {formatDateTime(response.answeredAt, locale)}
                            {response.wishes ? <p className="prewrap">{response.wishes}</p> : null}
                          </>
                        ) : (
                          `: ${t('answer.waiting')}`
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <MeetingsSection flag={flag} meetings={meetings} state={state} />

      {actions.length > 0 ? (
        <section aria-labelledby="change-heading" className="card">
          <h2 id="change-heading">{t('match.changeHeading')}</h2>
          <p>{t('match.changeIntro')}</p>
          <Form method="post" className="stack" noValidate>
            <FormScope id="match">
            <ErrorSummary state={changeState} labels={{ reason: t('match.reason') }} />
            <TextAreaField label={t('match.reason')} name="reason" hint={t('match.reasonHint')} rows={4} state={changeState} />
            <p>
              {actions.map((intent) => (
                <span key={intent}>
                  <SubmitButton name="intent" value={intent} className={intent === 'end' ? 'button button-secondary' : 'button'}>
                    {t(CHANGE_LABEL[intent])}
                  </SubmitButton>{' '}
                </span>
              ))}
            </p>
            </FormScope>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

/** The follow-up meeting the flag suggests, the meetings held, and the form to record one. */
function MeetingsSection({ flag, meetings, state }: { flag: SerializeFrom<typeof loader>['flag']; meetings: SerializeFrom<typeof loader>['meetings']; state: ReturnType<typeof useActionData<typeof action>> }) {
  const { t, i18n } = useTranslation(['agreement', 'common'])
  const locale = localeOf(i18n.language)
  const meetingState = state && 'values' in state && state.values?.intent === 'record-meeting' ? state : undefined
  return (
    <section aria-labelledby="meetings-heading" className={flag.length > 0 ? 'card agreement-flag' : 'card'}>
      <h2 id="meetings-heading">{t('meeting.heading')}</h2>
      {flag.length > 0 ? <p className="callout">{t('meeting.flag', { date: formatDate(flag[0].answeredAt!, locale) })}</p> : null}
      {meetings.length === 0 ? (
        <p className="empty">{t('meeting.none')}</p>
      ) : (
        <ul>
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              {t('meeting.item', { date: formatLocalDate(meeting.heldOn, locale), participants: meeting.participants })}
              {meeting.note ? <p className="prewrap">{meeting.note}</p> : null}
              {meeting.recordedBy ? <span className="hint"> {t('meeting.recordedBy', { name: meeting.recordedBy.name })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('meeting.formHeading')}</h3>
      <Form method="post" className="stack" noValidate>
        <FormScope id="meeting">
          <ErrorSummary state={meetingState} labels={{ heldOn: t('meeting.heldOn'), participants: t('meeting.participants'), note: t('meeting.note') }} />
          <Field label={t('meeting.heldOn')} name="heldOn" type="date" state={meetingState} />
          <Field label={t('meeting.participants')} name="participants" hint={t('meeting.participantsHint')} state={meetingState} />
          <TextAreaField label={t('meeting.note')} name="note" hint={t('meeting.noteHint')} rows={3} state={meetingState} />
        </FormScope>
        <SubmitButton name="intent" value="record-meeting">
          {t('meeting.submit')}
        </SubmitButton>
      </Form>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
