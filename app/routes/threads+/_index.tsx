import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { When } from '~/components/threads'
import { EmptyState } from '~/components/empty-state'
import { spacesOverview } from '~/models/thread.server'
import threadStyles from '~/styles/threads.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requireSpaces } from '~/models/space-access.server'

export const handle = { i18n: ['threads'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: threadStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { spaces } = await requireSpaces(request)
  const all = new URL(request.url).searchParams.get('all') === '1'
  const overview = await spacesOverview(spaces, { all })
  const t = await getFixedT(request, 'threads')
  return json({
    title: t('spaces.title'),
    networks: overview.spaces.filter((space) => space.facilityId === null),
    facilities: overview.spaces.filter((space) => space.facilityId !== null),
    facilitySpaceCount: overview.facilitySpaceCount,
    moderator: spaces.moderatedCentreIds.length > 0,
  })
}

type SpaceItem = ReturnType<typeof useLoaderData<typeof loader>>['networks'][number]

function SpaceCard({ space }: { space: SpaceItem }) {
  const { t } = useTranslation('threads')
  return (
    <li className="card">
      <h3>
        <Link to={`/threads/spaces/${space.key}`}>{space.facilityId ? space.name : t('spaces.networkName', { centre: space.name })}</Link>
      </h3>
      <p className="thread-meta">
        {space.latest ? (
          <>
            {t('spaces.threadCount', { count: space.threadCount })} · {t('spaces.latest')} <Link to={`/threads/${space.latest.id}`}>{space.latest.title}</Link>,{' '}
            <When date={space.latest.lastPostAt} />
          </>
        ) : (
          t('spaces.noThreads')
        )}
      </p>
    </li>
  )
}

export default function SpacesPage() {
  const { t } = useTranslation('threads')
  const { networks, facilities, facilitySpaceCount, moderator } = useLoaderData<typeof loader>()
  return (
    <div className="threads-page">
      <h1>{t('spaces.title')}</h1>
      <p className="lead">{t('spaces.intro')}</p>
      <p className="thread-actions">
        <Link to="/threads/new" className="button">
          {t('spaces.newThread')}
        </Link>
        <Link to="/threads/search">{t('spaces.search')}</Link>
        {moderator ? <Link to="/centre/reports">{t('spaces.reports')}</Link> : null}
      </p>
      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">{t('spaces.networks')}</h2>
        <p>{t('spaces.networksIntro')}</p>
        {networks.length === 0 ? (
          <EmptyState>{t('spaces.noNetworks')}</EmptyState>
        ) : (
          <ul className="space-list">
            {networks.map((space) => (
              <SpaceCard key={space.key} space={space} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="facilities-heading">
        <h2 id="facilities-heading">{t('spaces.facilities')}</h2>
        <p>{t('spaces.facilitiesIntro')}</p>
        {facilities.length === 0 ? (
          <EmptyState>{t('spaces.noFacilities')}</EmptyState>
        ) : (
          <ul className="space-list">
            {facilities.map((space) => (
              <SpaceCard key={space.key} space={space} />
            ))}
          </ul>
        )}
        {facilities.length < facilitySpaceCount ? (
          <p>
            <Link to="/threads?all=1">{t('spaces.showAll', { count: facilitySpaceCount })}</Link>
          </p>
        ) : null}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
