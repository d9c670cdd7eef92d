import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * 403, 404, 413 (a form past the body limit, app/server/body-limit.ts) and unexpected errors, said
 * plainly in the reader's language. A 404 says only that the page does not exist; a route whose
 * 404 means something more specific (an ad page: the ad has closed) passes `notFound`.
 */
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
  const key = status === 403 ? 'forbidden' : status === 404 ? 'notFound' : status === 400 ? 'badRequest' : status === 413 ? 'tooLarge' : 'unexpected'
  return (
    <section className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <Link to="/">{t('errors.home')}</Link>
      </p>
    </section>
  )
}
