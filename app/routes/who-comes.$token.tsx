import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { boardDay, TaskPictograms, useBoardLocale, VolunteerFace } from '~/components/who-comes'
import { facilityOfWhoComesToken, screenVisits } from '~/models/who-comes.server'
import whoComesStyles from '~/styles/who-comes.css'
import { getFixedT } from '~/utils/i18n.server'

/** The screen asks for fresh data this often; a full reload (below) catches a page whose script stopped. */
const REVALIDATE_MS = 60_000
const RELOAD_SECONDS = 600

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
  const { t } = useTranslation(['whocomes', 'common'])
  const locale = useBoardLocale()
  const { facilityName, token, today, now, todays, next } = useLoaderData<typeof loader>()
  const revalidator = useRevalidator()
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, REVALIDATE_MS)
    return () => window.clearInterval(timer)
  }, [revalidator])
  const photoSrc = (photoId: string) => `/who-comes/${token}/photo/${photoId}`
  return (
    <main id="main" className="who-screen">
      <header className="who-screen-header">
        <h1>{t('screen.heading')}</h1>
        <p className="who-screen-date">{t('screen.today', { date: boardDay(today, locale) })}</p>
        <p className="who-screen-place">{facilityName}</p>
      </header>
      <section aria-label={t('screen.heading')}>
        {todays.length === 0 ? (
          <p className="who-screen-none">{t('screen.noneToday')}</p>
        ) : (
          <ul className="who-screen-today">
            {todays.map((visit) =>
              visit.status === 'cancelled' ? (
                <li key={visit.id} className="who-screen-visit who-cancelled">
                  <VolunteerFace visit={visit} photoSrc={photoSrc} />
                  <p className="who-not-coming">{t('screen.notComing', { name: visit.firstName })}</p>
                </li>
              ) : (
                <li key={visit.id} className="who-screen-visit">
                  <VolunteerFace visit={visit} photoSrc={photoSrc} />
                  <div>
                    <p className="who-name">{visit.firstName}</p>
                    <p className="who-time">{t('screen.time', { from: visit.start, to: visit.end })}</p>
                    {visit.status === 'done' || visit.end <= now ? <p className="who-over">{t('screen.over')}</p> : null}
                    <TaskPictograms tasks={visit.tasks} />
                  </div>
                </li>
              ),
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="screen-next">
        <h2 id="screen-next">{t('screen.next')}</h2>
        {next.length === 0 ? (
          <p className="who-screen-none">{t('screen.noneNext')}</p>
        ) : (
          <ul className="who-screen-next">
            {next.map((visit) => (
              <li key={visit.id}>
                <VolunteerFace visit={visit} photoSrc={photoSrc} />
                <span className="who-next-day">{boardDay(visit.localDate, locale)}</span>
                <span className="who-next-time">{t('screen.time', { from: visit.start, to: visit.end })}</span>
                <span className="who-next-name">{visit.firstName}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="who-screen-updated">{t('screen.updated', { time: now })}</p>
    </main>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Frivilligbro' },
  { name: 'robots', content: 'noindex, nofollow' },
  { name: 'referrer', content: 'no-referrer' },
  // Without JavaScript (or if the page's script has stopped) the screen still renews itself.
  { httpEquiv: 'refresh', content: String(RELOAD_SECONDS) },
]
