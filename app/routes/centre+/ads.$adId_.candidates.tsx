import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ReasonList } from '~/components/matching'
import { candidatesForAd, type Candidate } from '~/models/matching.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { facilityScope, notFound, requireFacilityPermission, requirePermission } from '~/utils/permissions.server'
import { adFacilityId } from '~/models/matching.server'

export const handle = { i18n: ['matching'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const facilityId = params.adId ? await adFacilityId(params.adId) : null
  if (!facilityId || !(await facilityScope(facilityId))) notFound()
  await requireFacilityPermission(request, 'match:decide', facilityId)
  const result = await candidatesForAd(params.adId ?? '')
  if (!result) notFound()
  const t = await getFixedT(request, 'matching')
  // Only volunteers of this centre's municipalities get a link to their private profile.
  const mark = (candidate: Candidate) => ({ ...candidate, ours: candidate.municipalityId !== null && actor.centreMunicipalityIds.includes(candidate.municipalityId) })
  return json({
    title: t('candidates.title', { ad: result.ad.title }),
    ad: result.ad,
    applicants: result.applicants.map(mark),
    suggestions: result.suggestions.map(mark),
  })
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['applicants'][number]

function CandidateCard({ candidate, rank }: { candidate: Row; rank: number }) {
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
                    <CandidateCard key={candidate.volunteerId} candidate={candidate} rank={index + 1} />
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
