import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { ScreenView } from '~/components/who-comes'
import { facilityOfWhoComesToken, screenVisits } from '~/models/who-comes.server'
import whoComesStyles from '~/styles/who-comes.css'
import { getFixedT } from '~/utils/i18n.server'

/** The screen asks for fresh data this often, without reloading the page. */
const REVALIDATE_MS = 60_000
/** Without JavaScript, the page reloads itself this often instead. */
const NO_SCRIPT_RELOAD_SECONDS = 300

// The common-room screen: no header, navigation or footer (root.tsx), and no log-in.
export const handle = { i18n: ['whocomes'], bare: true }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: whoComesStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Deliberately without a log-in: a screen in a common room cannot sign in. The secret token in
  // the address is the key (made, replaced and revoked by the facility's staff); an unknown or
  // revoked token is a plain 404, like any address that does not exist.
  const token = params.token ?? ''
  const facility = facilityOfWhoComesToken(token)
  if (!facility) throw new Response('Not found', { status: 404 })
  const t = await getFixedT(request, 'whocomes')
  return json(
    { title: t('screen.title', { name: facility.name }), facilityName: facility.name, token, ...screenVisits(facility.id) },
    {
      headers: {
        // Fresh every minute, and a secret address: kept by no cache, told to no search engine or other site.
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex, nofollow',
        'Referrer-Policy': 'no-referrer',
      },
    },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export default function WhoComesScreen() {
  const data = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, REVALIDATE_MS)
    return () => window.clearInterval(timer)
  }, [revalidator])
  return (
    <>
      <ScreenView {...data} />
      {/* Only without JavaScript: a timed reload is otherwise a barrier (WCAG 2.2.1, axe's meta-refresh), and the data updates in place. */}
      <noscript>
        <meta httpEquiv="refresh" content={String(NO_SCRIPT_RELOAD_SECONDS)} />
      </noscript>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Frivilligbro' },
  { name: 'robots', content: 'noindex, nofollow' },
  { name: 'referrer', content: 'no-referrer' },
]
