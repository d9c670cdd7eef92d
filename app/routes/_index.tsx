import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getUser } from '~/utils/auth.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { startPageFor } from '~/utils/start-page'

export const handle = { i18n: ['common'], scripts: false }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const t = await getFixedT(request)
  return json({ title: t('home.title'), startPage: user ? startPageFor(user.role) : null })
}

/** Signed in, the page keeps its explanation but offers no sign-up or log-in: only the way to work. */
export default function HomePage() {
  const { t } = useTranslation()
  const { startPage } = useLoaderData<typeof loader>()
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{t('home.heading')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p className="hero-actions">
          <Link to="/jobs" className="button">
            {t('home.seeJobs')}
          </Link>
          {startPage ? (
            <Link to={startPage} className="button button-secondary">
              {t('home.toStart')}
            </Link>
          ) : (
            <Link to="/signup" className="button button-secondary">
              {t('home.becomeVolunteer')}
            </Link>
          )}
        </p>
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t('home.howTitle')}</h2>
        <ol className="steps">
          {(['home.step1', 'home.step2', 'home.step3', 'home.step4', 'home.step5'] as const).map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
      </section>

      <div className="audiences">
        <section aria-labelledby="for-volunteers" className="card">
          <h2 id="for-volunteers">{t('home.volunteersTitle')}</h2>
          <p>{t('home.volunteersBody')}</p>
          {startPage ? null : (
            <p>
              <Link to="/signup">{t('home.volunteersAction')}</Link>
            </p>
          )}
        </section>
        <section aria-labelledby="for-facilities" className="card">
          <h2 id="for-facilities">{t('home.facilitiesTitle')}</h2>
          <p>{t('home.facilitiesBody')}</p>
          {startPage ? null : (
            <p>
              <Link to="/signup/facility">{t('home.facilitiesAction')}</Link>
            </p>
          )}
        </section>
        <section aria-labelledby="for-centres" className="card">
          <h2 id="for-centres">{t('home.centresTitle')}</h2>
          <p>{t('home.centresBody')}</p>
          {startPage ? null : (
            <p>
              <Link to="/login">{t('home.centresAction')}</Link>
            </p>
          )}
        </section>
      </div>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
