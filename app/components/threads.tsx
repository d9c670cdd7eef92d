import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { shownName } from '~/utils/former-person'
import { ErrorList, type FormState } from '~/components/forms'
import { localeOf, type Locale } from '~/utils/domain'
import { formatPostTime, THREAD_TAGS } from '~/utils/threads'

export { PostBody } from './post-body'

export function useLocale(): Locale {
  const { i18n } = useTranslation()
  return localeOf(i18n.language)
}

/** Tag labels come from the threads namespace (technology and task codes alike). */
export function TagList({ tags, label }: { tags: string[]; label: string }) {
  const { t } = useTranslation('threads')
  if (tags.length === 0) return null
  return (
    <ul className="tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {t(`tag.${tag}`)}
        </li>
      ))}
    </ul>
  )
}

/** The short reminder above every editor: posts must never identify a resident. */
export function PrivacyReminder({ id }: { id: string }) {
  const { t } = useTranslation('threads')
  return (
    <div className="privacy-reminder" id={id}>
      <p>
        <strong>{t('privacy.heading')}</strong> {t('privacy.body')}
      </p>
    </div>
  )
}

export function QuotedPost({ quoted }: { quoted: { author: { name: string; role: string } | null; excerpt: string | null; hidden: boolean } }) {
  const { t } = useTranslation('threads')
  return (
    <blockquote className="quote">
      <p className="quote-author">{t('post.quoteOf', { name: shownName(t, quoted.author) })}</p>
      {quoted.excerpt !== null ? <p>{quoted.excerpt}</p> : <p className="hidden-notice">{t('post.hiddenByCentre')}</p>}
    </blockquote>
  )
}

export function Pagination({ page, pageCount, hrefFor, label }: { page: number; pageCount: number; hrefFor: (page: number) => string; label: string }) {
  const { t } = useTranslation('threads')
  if (pageCount <= 1) return null
  return (
    <nav aria-label={label} className="pagination">
      <p>{t('pagination.pageOf', { page, pages: pageCount })}</p>
      <ul className="pagination-links">
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              {t('pagination.previous')}
            </Link>
          </li>
        ) : null}
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export function When({ date }: { date: string | Date }) {
  const locale = useLocale()
  return <time dateTime={new Date(date).toISOString()}>{formatPostTime(date, locale)}</time>
}

/** The tag checkboxes as one group with a legend; keeps what was ticked when the form comes back. */
export function TagFieldset({ state, legend, hint }: { state: FormState; legend: string; hint: string }) {
  const { t } = useTranslation('threads')
  // A tampered value is reported at its index (tags.3); show it with the group all the same.
  const errors = [...new Set(Object.entries(state?.fieldErrors ?? {}).flatMap(([key, list]) => (key === 'tags' || key.startsWith('tags.') ? (list ?? []) : [])))]
  const chosen = [state?.values?.tags ?? []].flat()
  return (
    <fieldset className="field" aria-describedby={errors?.length ? 'tags-errors' : 'tags-hint'}>
      <legend>{legend}</legend>
      <p id="tags-hint" className="hint">
        {hint}
      </p>
      <div className="checkbox-grid">
        {THREAD_TAGS.map((code) => (
          <div key={code} className="field-checkbox">
            <input id={`tag-${code}`} type="checkbox" name="tags" value={code} defaultChecked={chosen.includes(code)} />
            <label htmlFor={`tag-${code}`}>{t(`tag.${code}`)}</label>
          </div>
        ))}
      </div>
      <ErrorList id="tags-errors" errors={errors} />
    </fieldset>
  )
}
