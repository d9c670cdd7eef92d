import { Link } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SearchResult, SnippetPart } from '~/models/thread-search.server'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'

export function tagLabel(t: TFunction, tag: string) {
  return t(`search:tag.${tag}`)
}

/** Plain text with the searched words marked; every part is text, so nothing in a post becomes markup. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  if (parts.length === 0) return null
  return (
    <p className="snippet">
      {parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  )
}

export function SearchResultList({ results }: { results: SearchResult[] }) {
  const { t, i18n } = useTranslation(['search', 'common'])
  const locale = localeOf(i18n.language)
  return (
    <ul className="card-list">
      {results.map((result) => (
        <li key={result.id} className="card search-result">
          <h2>
            <Link to={`/threads/${result.id}`}>{result.title}</Link>
          </h2>
          <p className="search-meta">
            {result.space.kind === 'network' ? t('space.network', { name: result.space.name }) : t('space.facility', { name: result.space.name })}
            {' · '}
            {t('posts', { count: result.postCount })}
            {' · '}
            {t('latest', { when: formatDateTime(result.lastPostAt, locale) })}
          </p>
          <Snippet parts={result.snippet} />
          {result.tags.length ? (
            <ul className="tags" aria-label={t('tags')}>
              {result.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tagLabel(t, tag)}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
