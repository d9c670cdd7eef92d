import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PosterView } from '~/components/who-comes'
import { facilityProfile } from '~/models/facility.server'
import { posterWeeks } from '~/models/who-comes.server'
import whoComesStyles from '~/styles/who-comes.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'

export const handle = { i18n: ['whocomes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: whoComesStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireFacilityPermission(request, 'whoComes:manage', params.facilityId)
  const facility = await facilityProfile(scope.facilityId)
  if (!facility) notFound()
  const t = await getFixedT(request, 'whocomes')
  return json({
    title: t('poster.title', { name: facility.name }),
    facilityId: scope.facilityId,
    facilityName: facility.name,
    weeks: posterWeeks(scope.facilityId),
  })
}

export default function WhoComesPoster() {
  const { t } = useTranslation('whocomes')
  const data = useLoaderData<typeof loader>()
  return (
    <div className="who-poster-page">
      <div className="no-print who-poster-tools">
        <Link to={`/facility/${data.facilityId}/who-comes`}>{t('poster.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('poster.print')}
        </button>
        <p className="hint">{t('poster.printHint')}</p>
      </div>
      <PosterView {...data} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
