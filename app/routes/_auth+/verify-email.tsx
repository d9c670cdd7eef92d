import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { confirmEmailChange, verifyEmail } from '~/models/user.server'
import { getUser } from '~/utils/auth.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'

export const handle = { i18n: ['auth'] }

// Message keys written out so a search for a key finds where it is used.
const OUTCOME_MESSAGES = {
  verified: { title: 'verify.verified.title', body: 'verify.verified.body' },
  changed: { title: 'verify.changed.title', body: 'verify.changed.body' },
  invalid: { title: 'verify.invalid.title', body: 'verify.invalid.body' },
} as const

/**
 * The link from a verification (or change-of-address) e-mail confirms the address on arrival: a
 * confirmation link should just work when clicked. It is the one e-mail link that acts on GET —
 * reset and invitation links open a form and only its POST uses the token. A mail scanner that
 * prefetches the link confirms the address, which is harmless.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const token = url.searchParams.get('token') ?? ''
  const isChange = url.searchParams.get('change') === '1'
  const result = isChange ? await confirmEmailChange(token) : await verifyEmail(token)
  const t = await getFixedT(request, 'auth')
  const signedIn = Boolean(await getUser(request))
  const outcome: keyof typeof OUTCOME_MESSAGES = result.ok ? (isChange ? 'changed' : 'verified') : 'invalid'
  return json({ title: t(OUTCOME_MESSAGES[outcome].title), outcome, signedIn }, { status: result.ok ? 200 : 400 })
}

export default function VerifyEmailPage() {
  const { t } = useTranslation('auth')
  const { outcome, signedIn } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <h1>{t(OUTCOME_MESSAGES[outcome].title)}</h1>
      <p className="lead">{t(OUTCOME_MESSAGES[outcome].body)}</p>
      {outcome === 'invalid' ? (
        <p>
          <Link to="/login">{t('verify.invalid.action')}</Link>
        </p>
      ) : signedIn ? (
        <p>
          <Link to="/" className="button">
            {t('verify.continue')}
          </Link>
        </p>
      ) : (
        <p>
          <Link to="/login" className="button">
            {t('verify.login')}
          </Link>
        </p>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
