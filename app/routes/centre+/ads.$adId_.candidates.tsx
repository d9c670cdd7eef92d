import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { ReasonList } from '~/components/matching'
import { inviteToApply, invitationsForAd } from '~/models/invitation.server'
import { candidatesForAd, type Candidate } from '~/models/matching.server'
import { formatInZone } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { multiLineText } from '~/utils/text-fields'
import { redirectWithToast } from '~/utils/toast.server'
import { pageMeta } from '~/utils/meta'
import { facilityScope, notFound, requireFacilityPermission, requirePermission } from '~/utils/permissions.server'
import { adFacilityId } from '~/models/matching.server'

const InviteSchema = z.object({
  intent: z.literal('invite'),
  volunteerId: z.string().min(1, 'validation.required'),
  message: multiLineText().trim().max(1000, 'validation.tooLong?maximum=1000'),
})

export const handle = { i18n: ['matching'] }

/** The coordinator of the centre that covers this ad's municipality, or 403/404. */
async function requireCentreOfAd(request: Request, adId: string | undefined) {
  const { actor, user } = await requirePermission(request, 'centre:work')
  const facilityId = adId ? await adFacilityId(adId) : null
  if (!facilityId || !(await facilityScope(facilityId))) notFound()
  await requireFacilityPermission(request, 'match:decide', facilityId)
  return { actor, user, adId: adId ?? '' }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, adId } = await requireCentreOfAd(request, params.adId)
  const [result, invitations] = await Promise.all([candidatesForAd(adId), invitationsForAd(adId)])
  if (!result) notFound()
  const t = await getFixedT(request, 'matching')
  // Only volunteers of this centre's municipalities get a link to their private profile.
  const mark = (candidate: Candidate) => ({
    ...candidate,
    ours: candidate.municipalityId !== null && actor.centreMunicipalityIds.includes(candidate.municipalityId),
    invitedAt: invitations[candidate.volunteerId] ?? null,
  })
  return json({
    title: t('candidates.title', { ad: result.ad.title }),
    ad: result.ad,
    applicants: result.applicants.map(mark),
    suggestions: result.suggestions.map(mark),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, user, adId } = await requireCentreOfAd(request, params.adId)
  const formData = await readForm(request)
  const form = parseForm(formData, InviteSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await inviteToApply({ id: user.id, name: user.name, centreMunicipalityIds: actor.centreMunicipalityIds }, { jobAdId: adId, ...form.data })
  if (!result.ok) return formFailure(formData, { formError: `matching:invite.refused.${result.reason}` })
  return redirectWithToast(`/centre/ads/${adId}/candidates`, { key: 'matching:invite.sent', values: { name: result.volunteerName } })
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['applicants'][number]

/** Invite a suggested volunteer of the centre, or say when they were invited. */
function InviteBlock({ candidate }: { candidate: Row }) {
  const { t, i18n } = useTranslation('matching')
  const state = useActionData<typeof action>()
  const mine = state && 'values' in state && state.values?.volunteerId === candidate.volunteerId ? state : undefined
  if (candidate.invitedAt) {
    const locale = localeOf(i18n.language)
    return (
      <p>
        <span className="tag">{t('invite.invited', { date: formatInZone(candidate.invitedAt, locale === 'da' ? 'd.M.' : 'd MMM', locale) })}</span>
      </p>
    )
  }
  return (
    <details open={Boolean(mine)}>
      <summary>{t('invite.heading')}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <input type="hidden" name="volunteerId" value={candidate.volunteerId} />
        <FormScope id={`invite-${candidate.volunteerId}`}>
          <ErrorSummary state={mine} labels={{ message: t('invite.message') }} />
          <TextAreaField label={t('invite.message')} name="message" hint={t('invite.messageHint')} rows={3} state={mine} />
        </FormScope>
        <SubmitButton>{t('invite.submit', { name: candidate.name })}</SubmitButton>
      </Form>
    </details>
  )
}

function CandidateCard({ candidate, rank, invitable = false }: { candidate: Row; rank: number; invitable?: boolean }) {
  const { t } = useTranslation('matching')
  return (
    <li className="card">
      <h3>
        {t('candidates.rank', { rank })}: {candidate.name}
      </h3>
      <p>
        <strong>{t('score', { score: candidate.score })}</strong>
        {candidate.municipalityName ? ` · ${candidate.municipalityName}` : ''}
      </p>
      <ReasonList reasons={candidate.reasons} />
      <p>
        {candidate.applicationId ? <Link to={`/centre/applications/${candidate.applicationId}`}>{t('candidates.openApplication')}</Link> : null}
        {candidate.applicationId && candidate.ours ? ' · ' : null}
        {candidate.ours ? <Link to={`/centre/volunteers/${candidate.volunteerId}`}>{t('candidates.profile')}</Link> : <span className="hint">{t('candidates.otherCentre')}</span>}
      </p>
      {candidate.applicationId && candidate.invitedAt ? <InviteBlock candidate={candidate} /> : null}
      {invitable && candidate.ours && !candidate.applicationId ? <InviteBlock candidate={candidate} /> : null}
    </li>
  )
}

export default function CandidatesPage() {
  const { t } = useTranslation('matching')
  const { ad, applicants, suggestions } = useLoaderData<typeof loader>()
  return (
    <div>
      <h1>{t('candidates.title', { ad: ad.title })}</h1>
      <p className="lead">{t('candidates.facility', { facility: ad.facility.name, municipality: ad.municipality.name })}</p>
      <p>{t('candidates.places', { taken: ad.placesTaken, wanted: ad.volunteersWanted })}</p>
      {ad.full ? <p className="form-error">{t('candidates.full')}</p> : null}
      <section aria-labelledby="applicants-heading">
        <h2 id="applicants-heading">{t('candidates.applicants')}</h2>
        {applicants.length === 0 ? (
          <p className="empty">{t('candidates.applicantsEmpty')}</p>
        ) : (
          <ol className="card-list">
            {applicants.map((candidate, index) => (
              <CandidateCard key={candidate.volunteerId} candidate={candidate} rank={index + 1} />
            ))}
          </ol>
        )}
      </section>
      {!ad.full ? (
        <section aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{t('candidates.suggestions')}</h2>
          {ad.status !== 'published' ? (
            <p className="empty">{t('candidates.notPublished')}</p>
          ) : (
            <>
              <p className="hint">{t('candidates.suggestionsHint')}</p>
              {suggestions.length === 0 ? (
                <p className="empty">{t('candidates.suggestionsEmpty')}</p>
              ) : (
                <ol className="card-list">
                  {suggestions.map((candidate, index) => (
                    <CandidateCard key={candidate.volunteerId} candidate={candidate} rank={index + 1} invitable />
                  ))}
                </ol>
              )}
            </>
          )}
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
