import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * 403, 404, 413 (a form past the body limit, app/server/body-limit.ts) and unexpected errors, said
 * plainly in the reader's language. A 404 says only that the page does not exist; a route whose
 * 404 means something more specific (an ad page: the ad has closed) passes `notFound`.
 */
/** The message keys of each status the page explains; anything else is "unexpected". */
const ERROR_TEXT: Record<number, { title: string; body: string }> = {
  400: { title: 'errors.badRequest.title', body: 'errors.badRequest.body' },
  403: { title: 'errors.forbidden.title', body: 'errors.forbidden.body' },
  404: { title: 'errors.notFound.title', body: 'errors.notFound.body' },
  413: { title: 'errors.tooLarge.title', body: 'errors.tooLarge.body' },
  500: { title: 'errors.unexpected.title', body: 'errors.unexpected.body' },
}

export function GeneralErrorBoundary({ notFound }: { notFound?: { title: string; body: string; link: { to: string; label: string } } } = {}) {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  if (status === 404 && notFound) {
    return (
      <section className="error-page" aria-labelledby="error-heading">
        <h1 id="error-heading">{notFound.title}</h1>
        <p>{notFound.body}</p>
        <p>
          <Link to={notFound.link.to}>{notFound.link.label}</Link>
        </p>
      </section>
    )
  }
  const text = ERROR_TEXT[status] ?? ERROR_TEXT[500]
  return (
    <section className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{t(text.title)}</h1>
      <p>{t(text.body)}</p>
      <p>
        <Link to="/">{t('errors.home')}</Link>
      </p>
    </section>
  )
}
