import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** 403, 404, 413 (a form past the body limit, app/server/body-limit.ts) and unexpected errors, said plainly in the reader's language. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
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
