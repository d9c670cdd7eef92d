import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { courseCertificate, formatSessionTime } from '~/models/event.server'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { getFixedT, getLocale } from '~/utils/i18n.server'
import { notFound } from '~/utils/permissions.server'
import certificateStyles from '~/styles/certificate.css'

// The participant's printable certificate of a completed course: only their own (others get a 404).

export const handle = { i18n: ['events'] }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: certificateStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = await courseCertificate(user.id, params.eventId ?? '')
  if (!certificate) notFound()
  const t = await getFixedT(request, 'events')
  const locale = await getLocale(request)
  return json({
    title: `${t('certificate.title')}: ${certificate.title}`,
    eventId: params.eventId ?? '',
    name: certificate.name,
    course: certificate.title,
    kind: certificate.kind,
    description: certificate.description,
    centreName: certificate.centre.name,
    sessions: certificate.sessions.map((s) => formatSessionTime(s.startsAt, s.endsAt, locale)),
    completedAt: certificate.completedAt,
  })
}

export default function CertificatePage() {
  const { t, i18n } = useTranslation(['events', 'common'])
  const data = useLoaderData<typeof loader>()
  return (
    <article className="certificate">
      <p className="no-print">
        <Link to={`/events/${data.eventId}`}>{t('publicSignup.seeEvent')}</Link>
      </p>
      <h1>{t('certificate.title')}</h1>
      <p>{t('certificate.intro')}</p>
      <p className="certificate-name">{data.name}</p>
      <p>{t('certificate.completed')}</p>
      <p className="certificate-course">{data.course}</p>
      <p>
        {t(`kind.${data.kind}`)} · {t('certificate.at', { centreName: data.centreName })}
      </p>
      {data.description ? <p className="pre-line">{data.description}</p> : null}
      <h2>{t('certificate.sessions')}</h2>
      <ul>
        {data.sessions.map((when) => (
          <li key={when}>{when}</li>
        ))}
      </ul>
      <p>{t('certificate.issued', { date: formatDate(data.completedAt, localeOf(i18n.language)) })}</p>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Frivilligbro' }, { name: 'robots', content: 'noindex' }]
