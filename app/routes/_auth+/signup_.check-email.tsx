import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'

export const handle = { i18n: ['auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'auth')
  return json({ title: t('checkEmail.title') })
}

export default function CheckEmailPage() {
  const { t } = useTranslation('auth')
  const root = useRouteLoaderData<{ showMailbox: boolean }>('root')
  return (
    <div className="narrow">
      <h1>{t('checkEmail.title')}</h1>
      <p className="lead">{t('checkEmail.body')}</p>
      <p>{t('checkEmail.spam')}</p>
      {root?.showMailbox ? (
        <p className="callout">
          {t('checkEmail.demoMailbox')} <Link to="/mailbox">{t('checkEmail.demoMailboxLink')}</Link>
        </p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
