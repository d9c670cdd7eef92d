import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { shownName } from '~/utils/former-person'
import { Pagination, TagList, When } from '~/components/threads'
import { EmptyState } from '~/components/empty-state'
import { threadList } from '~/models/thread.server'
import threadStyles from '~/styles/threads.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requireSpaceAccess } from '~/models/space-access.server'
import { THREAD_TAGS } from '~/utils/threads'

export const handle = { i18n: ['threads'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: threadStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, space, access } = await requireSpaceAccess(request, params.spaceKey, 'read')
  const url = new URL(request.url)
  // Unknown tags and page numbers are ignored rather than refused: a hand-edited URL still shows the space.
  const rawTag = url.searchParams.get('tag')
  const tag = rawTag && THREAD_TAGS.includes(rawTag) ? rawTag : null
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10)
  const list = await threadList(space, { userId: user.id, tag, page: Number.isFinite(page) ? page : 1 })
  const t = await getFixedT(request, 'threads')
  const name = space.facilityId ? space.name : t('spaces.networkName', { centre: space.name })
  return json({ title: name, name, space, tag, canPost: access.post, moderator: access.moderate, ...list })
}

export default function SpacePage() {
  const { t } = useTranslation('threads')
  const { name, space, tag, canPost, moderator, threads, page, pageCount, total } = useLoaderData<typeof loader>()
  const hrefFor = (n: number, withTag: string | null = tag) => {
    const params = new URLSearchParams()
    if (withTag) params.set('tag', withTag)
    if (n > 1) params.set('page', String(n))
    const query = params.toString()
    return `/threads/spaces/${space.key}${query ? `?${query}` : ''}`
  }
  return (
    <div className="threads-page">
      <p>
        <Link to="/threads">{t('space.allSpaces')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="lead">{space.facilityId ? t('space.facilityIntro', { centre: space.centreName ?? '' }) : t('space.networkIntro')}</p>
      {moderator ? <p className="callout">{t('space.moderatorNote')}</p> : null}
      <p className="thread-actions">
        {canPost ? (
          <Link to={`/threads/new?space=${space.key}`} className="button">
            {t('space.newThread')}
          </Link>
        ) : null}
        <Link to="/threads/search">{t('spaces.search')}</Link>
      </p>

      <nav aria-labelledby="tag-filter-heading">
        <h2 id="tag-filter-heading">{t('space.filterHeading')}</h2>
        <ul className="tag-filter">
          <li>
            <Link to={hrefFor(1, null)} aria-current={tag === null ? 'page' : undefined}>
              {t('space.allTags')}
            </Link>
          </li>
          {THREAD_TAGS.map((code) => (
            <li key={code}>
              <Link to={hrefFor(1, code)} aria-current={tag === code ? 'page' : undefined}>
                {t(`tag.${code}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{tag ? t('space.threadsTagged', { tag: t(`tag.${tag}`), count: total }) : t('space.threads', { count: total })}</h2>
        {threads.length === 0 ? (
          <EmptyState>{tag ? t('space.emptyTag') : canPost ? t('space.empty') : t('space.emptyReadOnly')}</EmptyState>
        ) : (
          <ul className="thread-list">
            {threads.map((thread) => (
              <li key={thread.id} className={thread.unread ? 'card unread' : 'card'}>
                <h3>
                  {thread.unread ? <span className="marker marker-unread">{t('marker.unread')}</span> : null}
                  {thread.pinned ? <span className="marker marker-pinned">{t('marker.pinned')}</span> : null}
                  {thread.status === 'locked' ? <span className="marker marker-locked">{t('marker.locked')}</span> : null}
                  {thread.isAnnouncement ? <span className="marker marker-announcement">{t('marker.announcement')}</span> : null}
                  <Link to={`/threads/${thread.id}`}>{thread.title}</Link>
                </h3>
                <p className="thread-meta">
                  {t('space.startedBy', { name: shownName(t, thread.author) })} · {t('space.postCount', { count: thread.postCount })} · {t('space.lastActivity')}{' '}
                  <When date={thread.lastPostAt} />
                </p>
                <TagList tags={thread.tags} label={t('thread.tags')} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} hrefFor={(n) => hrefFor(n)} label={t('pagination.threads')} />
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
