import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AgreementDocument, AgreementVersionList } from '~/components/agreement'
import { agreementForReader, agreementMatch } from '~/models/agreement.server'
import agreementStyles from '~/styles/agreement.css'
import agreementPrintStyles from '~/styles/agreement-print.css'
import { localeOf } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'

export const handle = { i18n: ['agreement', 'matching', 'visits', 'board'] }
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: agreementStyles },
  { rel: 'stylesheet', href: agreementPrintStyles, media: 'print' },
]

// Read only: an earlier version is kept as it was accepted (or replaced); only the newest is accepted.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = params.matchId ? await agreementMatch(params.matchId) : null
  if (!match || !match.approvedAt) notFound()
  const { actor } = await requirePermission(request, 'agreement:view', { volunteerId: match.volunteerId, facilityId: match.facilityId, municipalityId: match.facility.municipalityId })
  const reader = await agreementForReader(actor, match)
  const number = Number(params.number)
  const version = reader?.versions.find((v) => v.number === number)
  if (!reader || !version) notFound()
  const t = await getFixedT(request, 'agreement')
  return json({
    title: `${t('title', { volunteer: version.content.volunteer.name, facility: version.content.facilityName })} – ${t('versionTitle', { number })}`,
    matchId: match.id,
    version,
    current: reader.versions[0].number,
    versions: reader.versions,
  })
}

export default function AgreementVersionPage() {
  const { t, i18n } = useTranslation('agreement')
  const { matchId, version, current, versions } = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  return (
    <div>
      {version.number !== current ? (
        <p className="callout no-print">
          {t('olderVersion', { number: current })} <Link to={`/matches/${matchId}/agreement`}>{t('toCurrent')}</Link>
        </p>
      ) : (
        <p className="no-print">
          <Link to={`/matches/${matchId}/agreement`}>{t('back')}</Link>
        </p>
      )}
      <AgreementDocument version={version} locale={locale} />
      <AgreementVersionList matchId={matchId} versions={versions} shown={version.number} locale={locale} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
