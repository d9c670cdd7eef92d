import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormScope, SelectField, SubmitButton, TextAreaField } from '~/components/forms'
import { ChecksSection, ReasonList, VolunteerProfileDetails } from '~/components/matching'
import { listChecks, missingChecks, recordCheck, RecordCheckSchema, requiredChecks } from '~/models/check.server'
import { centreName } from '~/models/centre.server'
import { invitationBehind } from '~/models/invitation.server'
import { adsToMoveTo, applicationForReview, approvalConsequence, approveMatch, declineApplication, markInReview, moveApplication } from '~/models/match.server'
import { scoreVolunteerForAd } from '~/models/matching.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission, requirePermission, volunteerScope } from '~/utils/permissions.server'
import { isClockTime, isLocalDate, wallClockInstant } from '~/utils/time'
import { redirectWithToast } from '~/utils/toast.server'
import { shownVolunteerName } from '~/utils/former-person'
import { completedCourses } from '~/models/event.server'

const ApproveSchema = z.object({
  intent: z.literal('approve'),
  introDate: z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').refine(isLocalDate, 'validation.date'),
  introTime: z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').refine(isClockTime, 'matching:approve.invalidTime'),
  introPlace: oneLineText().trim().min(1, 'validation.required').max(300, 'validation.tooLong?maximum=300'),
})
const DeclineSchema = z.object({
  intent: z.literal('decline'),
  note: multiLineText().trim().min(20, 'validation.tooShort?minimum=20').max(3000, 'validation.tooLong?maximum=3000'),
})
const MoveSchema = z.object({
  intent: z.literal('move'),
  toAdId: z.string({ required_error: 'validation.choose' }).min(1, 'validation.choose'),
})
const IntentSchema = z.object({ intent: z.enum(['approve', 'decline', 'record-check', 'move']) })

export const handle = { i18n: ['matching'] }

/** The centre's coordinator for this ad's municipality, or 403/404. */
async function requireDecider(request: Request, applicationId: string | undefined) {
  await requirePermission(request, 'centre:work')
  const application = applicationId ? await applicationForReview(applicationId) : null
  if (!application) notFound()
  const { user, actor } = await requireFacilityPermission(request, 'match:decide', application.jobAd.facilityId)
  return { user, actor, application }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, application } = await requireDecider(request, params.applicationId)
  if (application.status === 'submitted') {
    await markInReview(user.id, application.id)
    application.status = 'in_review'
  }
  const open = application.status === 'in_review'
  const [checks, missing, fit, centre, invitation, consequence, moveTargets] = await Promise.all([
    listChecks(application.volunteer.id),
    missingChecks(application.volunteer.id, application.jobAd),
    scoreVolunteerForAd(application.volunteer.id, application.jobAd.id),
    centreName(user.centreId),
    invitationBehind({ jobAdId: application.jobAd.id, volunteerId: application.volunteer.id, createdAt: application.createdAt }),
    open ? approvalConsequence(application) : null,
    adsToMoveTo(open ? actor.centreMunicipalityIds : [], application.jobAd.id),
  ])
  const t = await getFixedT(request, 'matching')
  return json({
    title: t('application.title', { name: shownVolunteerName(t, application.volunteer.name) }),
    courses: completedCourses(application.volunteer.id),
    application,
    checks,
    missing,
    required: requiredChecks(application.jobAd),
    fit,
    invitation,
    consequence,
    moveTargets,
    declineDefault: t('decline.default', { name: application.volunteer.name.split(' ')[0], facility: application.jobAd.facility.name, ad: application.jobAd.title, coordinator: user.name, centre }),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, application } = await requireDecider(request, params.applicationId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const t = await getFixedT(request, 'matching')
  const locale = await getLocale(request)

  if (intent.data.intent === 'record-check') {
    await requirePermission(request, 'volunteer:record-checks', await volunteerScope(application.volunteer.id))
    const form = parseForm(formData, RecordCheckSchema)
    if (!form.ok) return json(form, { status: 400 })
    await recordCheck(user.id, application.volunteer.id, form.data)
    return redirectWithToast(`/centre/applications/${application.id}`, { key: 'matching:checks.recorded', values: { kind: t(`checkKind.${form.data.kind}`) } })
  }

  if (intent.data.intent === 'move') {
    const form = parseForm(formData, MoveSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await moveApplication(user.id, actor.centreMunicipalityIds, { applicationId: application.id, toAdId: form.data.toAdId })
    if (!result.ok) {
      const field = result.reason === 'not-found' || result.reason === 'not-open' ? null : 'toAdId'
      return formFailure(formData, field ? { fieldErrors: { [field]: [`matching:move.refused.${result.reason}`] } } : { formError: `matching:move.refused.${result.reason}` })
    }
    return redirectWithToast(`/centre/applications/${application.id}`, { key: 'matching:move.moved', values: { name: application.volunteer.name, ad: result.toTitle } })
  }

  if (intent.data.intent === 'decline') {
    const form = parseForm(formData, DeclineSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await declineApplication(user.id, { applicationId: application.id, note: form.data.note })
    if (!result.ok) return formFailure(formData, { formError: 'matching:approve.alreadyDecided' })
    return redirectWithToast('/centre', { key: 'matching:decline.declined', values: { name: application.volunteer.name } })
  }

  const form = parseForm(formData, ApproveSchema)
  if (!form.ok) return json(form, { status: 400 })
  const introAt = wallClockInstant(form.data.introDate, form.data.introTime)
  const result = await approveMatch(user.id, { applicationId: application.id, introAt, introPlace: form.data.introPlace })
  if (!result.ok) {
    switch (result.reason) {
      case 'missing-checks': {
        const checks = result.missing
          .map((m) => (m.reason === 'expired' ? t('checks.expired', { kind: t(`checkKind.${m.kind}`), date: m.expiredAt ? formatDate(m.expiredAt, locale) : '' }) : t('checks.missing', { kind: t(`checkKind.${m.kind}`) })))
          .join('; ')
        return formFailure(formData, { formError: `matching:approve.missingChecks?checks=${encodeURIComponent(checks)}` })
      }
      case 'missing-course':
        return formFailure(formData, { formError: 'matching:approve.missingCourse' })
      case 'intro-in-past':
        return formFailure(formData, { fieldErrors: { introDate: ['matching:approve.inPast'] } })
      case 'ad-full':
        return formFailure(formData, { formError: 'matching:approve.adFull' })
      case 'ad-not-open':
        return formFailure(formData, { formError: 'matching:approve.adNotOpen' })
      case 'paused':
        return formFailure(formData, { formError: 'matching:approve.paused' })
      case 'no-contact':
        return formFailure(formData, { formError: 'matching:approve.noContact' })
      default:
        return formFailure(formData, { formError: 'matching:approve.alreadyDecided' })
    }
  }
  if (result.othersAnswered > 0) {
    return redirectWithToast('/centre', { key: 'matching:approve.approvedOthers', values: { name: application.volunteer.name, count: String(result.othersAnswered) } })
  }
  return redirectWithToast('/centre', { key: result.adFilled ? 'matching:approve.approvedFilled' : 'matching:approve.approved', values: { name: application.volunteer.name } })
}

export default function ApplicationPage() {
  const { t, i18n } = useTranslation(['matching', 'common'])
  const { application, checks, missing, required, fit, declineDefault, courses, invitation, consequence, moveTargets } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const { volunteer, jobAd } = application
  const profile = volunteer.volunteerProfile
  const open = application.status === 'submitted' || application.status === 'in_review'
  const intent = state && 'values' in state ? state.values?.intent : undefined
  return (
    <div>
      <h1>{t('application.title', { name: shownVolunteerName(t, volunteer.name) })}</h1>
      <p className="lead">{t('application.about', { ad: jobAd.title, facility: jobAd.facility.name, date: formatDate(application.createdAt, locale) })}</p>
      <p>
        {t('application.status')}: <strong>{t(`common:applicationStatus.${application.status}`)}</strong> ·{' '}
        <Link to={`/centre/ads/${jobAd.id}/candidates`}>{t('application.candidatesLink')}</Link> ·{' '}
        <Link to={`/centre/volunteers/${volunteer.id}`}>{t('application.volunteerLink')}</Link>
      </p>
      {invitation ? (
        <p className="callout">{t('invite.appliedAfter', { coordinator: invitation.invitedBy || t('invite.formerCoordinator'), date: formatDate(invitation.createdAt, locale) })}</p>
      ) : null}

      <section aria-labelledby="motivation-heading">
        <h2 id="motivation-heading">{t('application.motivation')}</h2>
        <p className="prewrap">{application.motivation}</p>
      </section>

      {fit ? (
        <section aria-labelledby="fit-heading">
          <h2 id="fit-heading">{t('application.fit', { score: fit.score })}</h2>
          <ReasonList reasons={fit.reasons} />
        </section>
      ) : null}

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('application.profile')}</h2>
        {profile?.pausedAt ? <p className="form-error">{t('application.paused')}</p> : null}
        <VolunteerProfileDetails volunteer={volunteer} profile={profile} courses={courses} showEmployer bioHeading />
      </section>

      <ChecksSection checks={checks} missing={missing} required={required} state={state} />

      {open ? (
        <>
          <section aria-labelledby="approve-heading" className="card">
            <h2 id="approve-heading">{t('approve.heading')}</h2>
            <p>{t('approve.intro')}</p>
            {consequence?.fillsAd ? (
              <p className="callout" id="approve-consequence">
                <strong>{t('approveFill.lastPlace')}</strong>{' '}
                {consequence.othersToAnswer > 0 ? t('approveFill.others', { count: consequence.othersToAnswer }) : t('approveFill.none')}
              </p>
            ) : null}
            <Form method="post" className="stack" noValidate>
              <FormScope id="application-approve">
              <input type="hidden" name="intent" value="approve" />
              <ErrorSummary state={intent === 'approve' ? state : undefined} labels={{ introDate: t('approve.date'), introTime: t('approve.time'), introPlace: t('approve.place') }} />
              <Field label={t('approve.date')} name="introDate" type="date" state={intent === 'approve' ? state : undefined} />
              <Field label={t('approve.time')} name="introTime" type="time" state={intent === 'approve' ? state : undefined} defaultValue="15:00" />
              <Field
                label={t('approve.place')}
                name="introPlace"
                hint={t('approve.placeHint')}
                state={intent === 'approve' ? state : undefined}
                defaultValue={`${jobAd.facility.address}, ${jobAd.facility.postcode} ${jobAd.facility.town}`}
              />
              <SubmitButton>{t('approve.submit')}</SubmitButton>
              </FormScope>
            </Form>
          </section>
          <section aria-labelledby="decline-heading" className="card">
            <h2 id="decline-heading">{t('decline.heading')}</h2>
            <Form method="post" className="stack" noValidate>
              <FormScope id="application-decline">
              <input type="hidden" name="intent" value="decline" />
              <ErrorSummary state={intent === 'decline' ? state : undefined} labels={{ note: t('decline.note') }} />
              <TextAreaField label={t('decline.note')} name="note" hint={t('decline.noteHint')} rows={10} state={intent === 'decline' ? state : undefined} defaultValue={declineDefault} />
              <SubmitButton className="button button-secondary">{t('decline.submit')}</SubmitButton>
              </FormScope>
            </Form>
          </section>
          <section aria-labelledby="move-heading" className="card">
            <h2 id="move-heading">{t('move.heading')}</h2>
            {moveTargets.length === 0 ? (
              <p className="empty">{t('move.none')}</p>
            ) : (
              <Form method="post" className="stack" noValidate>
                <p>{t('move.intro')}</p>
                <input type="hidden" name="intent" value="move" />
                <FormScope id="application-move">
                <ErrorSummary state={intent === 'move' ? state : undefined} labels={{ toAdId: t('move.target') }} />
                <SelectField
                  label={t('move.target')}
                  name="toAdId"
                  state={intent === 'move' ? state : undefined}
                  placeholder={t('common:choose')}
                  options={moveTargets.map((ad) => ({ value: ad.id, label: `${ad.title} — ${ad.facility.name}` }))}
                />
                </FormScope>
                <SubmitButton className="button button-secondary">{t('move.submit')}</SubmitButton>
              </Form>
            )}
          </section>
        </>
      ) : (
        <p className="callout">{t('application.decided', { status: t(`common:applicationStatus.${application.status}`) })}</p>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
