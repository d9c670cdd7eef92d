import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormError, SubmitButton } from '~/components/forms'
import { applicationLook, StatusBadge } from '~/components/status-badge'
import { applicationsOfVolunteer, withdrawApplication } from '~/models/application.server'
import volunteerStyles from '~/styles/volunteer.css'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireRole } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const WithdrawSchema = z.object({
  intent: z.literal('withdraw'),
  applicationId: z.string().min(1).max(40),
})

export const handle = { i18n: ['volunteer'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: volunteerStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const t = await getFixedT(request, 'volunteer')
  return json({ title: t('applications.title'), applications: await applicationsOfVolunteer(user.id) })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const formData = await readForm(request)
  const form = parseForm(formData, WithdrawSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await withdrawApplication(user.id, form.data.applicationId)
  if (!result.ok) {
    if (result.reason === 'not-found') notFound()
    return formFailure(formData, { formError: 'volunteer:applications.notOpen' }, { status: 409 })
  }
  return redirectWithToast('/volunteer/applications', { key: 'volunteer:applications.withdrawn', values: { ad: result.adTitle } })
}

export default function ApplicationsPage() {
  const { t, i18n } = useTranslation(['volunteer', 'common'])
  const { applications } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const confirming = searchParams.get('withdraw')
  const locale = localeOf(i18n.language)
  return (
    <div className="volunteer-page">
      <p>
        <Link to="/volunteer">← {t('profile.back')}</Link>
      </p>
      <h1>{t('applications.title')}</h1>
      <p className="lead">{t('applications.intro')}</p>
      <FormError state={state} />
      {applications.length === 0 ? (
        <p className="callout">
          {t('applications.empty')} <Link to="/jobs">{t('home.findJobs')}</Link>
        </p>
      ) : (
        <ul className="application-list">
          {applications.map((application) => {
            const open = application.status === 'submitted' || application.status === 'in_review'
            return (
              <li key={application.id} className="card">
                <h2>
                  {application.jobAd.status === 'published' ? (
                    <Link to={`/jobs/${application.jobAd.id}`}>{application.jobAd.title}</Link>
                  ) : (
                    application.jobAd.title
                  )}
                </h2>
                <dl className="meta-list">
                  <dt>{t('applications.facility')}</dt>
                  <dd>
                    {application.jobAd.facility.name}, {application.jobAd.facility.town}
                  </dd>
                  <dt>{t('applications.sent')}</dt>
                  <dd>{formatDate(application.createdAt, locale)}</dd>
                  <dt>{t('applications.status')}</dt>
                  <dd>
                    <StatusBadge look={applicationLook(application.status)}>{t(`common:applicationStatus.${application.status}`)}</StatusBadge>
                  </dd>
                </dl>
                <p>{t(`applications.next.${application.status}`)}</p>
                {application.status === 'declined' && application.decisionNote ? (
                  <blockquote className="callout">
                    <p className="hint">{t('applications.decisionNote')}</p>
                    <p className="prewrap">{application.decisionNote}</p>
                  </blockquote>
                ) : null}
                {open && confirming === application.id ? (
                  <div className="card confirm-box" role="group" aria-labelledby={`confirm-${application.id}`}>
                    <p id={`confirm-${application.id}`}>
                      <strong>{t('applications.confirmQuestion', { ad: application.jobAd.title })}</strong>
                    </p>
                    <Form method="post" action="/volunteer/applications">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="applicationId" value={application.id} />
                      <SubmitButton>{t('applications.confirmWithdraw')}</SubmitButton>{' '}
                      <Link to="/volunteer/applications">{t('applications.keep')}</Link>
                    </Form>
                  </div>
                ) : open ? (
                  <p>
                    <Link to={`?withdraw=${application.id}`} className="button button-secondary button-small">
                      {t('applications.withdraw')}
                      <span className="visually-hidden">: {application.jobAd.title}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
