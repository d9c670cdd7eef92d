import { Button, Hr, Link, Text } from '@react-email/components'
import { EmailLayout, button, paragraph, small } from './layout'
import type { EmailT } from './types'

/**
 * To a thread's follower: the visible posts by others since their last digest (at most one per
 * thread per hour), a link to the thread and a one-click link to stop following it.
 */
export type ThreadDigestProps = {
  name: string
  threadTitle: string
  space: { kind: 'network' | 'facility'; name: string }
  /** New posts in all (also in the subject). */
  count: number
  /** Posts not listed (the digest lists the first ones only). */
  more: number
  /** Plain text only: author (null when the account is gone), local time, an excerpt. */
  posts: { author: string | null; when: string; excerpt: string }[]
  url: string
  unfollowUrl: string
}

const meta = { fontSize: '14px', lineHeight: '20px', color: '#52606d', margin: '0 0 4px' }
const quote = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px', paddingLeft: '12px', borderLeft: '3px solid #c9ced4' }

export function ThreadDigest({ t, name, threadTitle, space, count, more, posts, url, unfollowUrl }: ThreadDigestProps & { t: EmailT }) {
  const where = t(`threadDigest.space.${space.kind}`, { name: space.name })
  const intro = t('threadDigest.intro', { count, threadTitle, where })
  return (
    <EmailLayout t={t} preview={intro} heading={t('layout.greeting', { name })}>
      <Text style={paragraph}>{intro}</Text>
      {posts.map((post, index) => (
        <div key={index}>
          <Text style={meta}>{t('threadDigest.byline', { author: post.author ?? t('threadDigest.formerMember'), when: post.when })}</Text>
          <Text style={quote}>{post.excerpt}</Text>
        </div>
      ))}
      {more > 0 ? <Text style={paragraph}>{t('threadDigest.more', { count: more })}</Text> : null}
      <Button href={url} style={button}>
        {t('threadDigest.action')}
      </Button>
      <Text style={small}>
        {t('layout.linkFallback')} <Link href={url}>{url}</Link>
      </Text>
      <Hr />
      <Text style={small}>
        {t('threadDigest.why')} {t('threadDigest.unfollow')} <Link href={unfollowUrl}>{unfollowUrl}</Link>
      </Text>
    </EmailLayout>
  )
}
