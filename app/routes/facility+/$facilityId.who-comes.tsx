import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/forms'
import { boardDay, useBoardLocale } from '~/components/who-comes'
import { facilityProfile } from '~/models/facility.server'
import { posterWeeks, regenerateWhoComesToken, revokeWhoComesToken, whoComesTokenOf } from '~/models/who-comes.server'
import whoComesStyles from '~/styles/who-comes.css'
import { appUrl } from '~/utils/env.server'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const ActionSchema = z.object({ intent: z.enum(['screen-create', 'screen-revoke']) })

export const handle = { i18n: ['whocomes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: whoComesStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireFacilityPermission(request, 'whoComes:manage', params.facilityId)
  const facility = await facilityProfile(scope.facilityId)
  if (!facility) notFound()
  const token = await whoComesTokenOf(scope.facilityId)
  const t = await getFixedT(request, 'whocomes')
  return json({
    title: t('manage.title', { name: facility.name }),
    facilityId: scope.facilityId,
    facilityName: facility.name,
    screenUrl: token ? appUrl(`/who-comes/${token}`) : null,
    weeks: posterWeeks(scope.facilityId),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireFacilityPermission(request, 'whoComes:manage', params.facilityId)
  const form = parseForm(await readForm(request), ActionSchema)
  if (!form.ok) return json(form, { status: 400 })
  const back = `/facility/${scope.facilityId}/who-comes#screen-heading`
  if (form.data.intent === 'screen-create') {
    await regenerateWhoComesToken(user.id, scope.facilityId)
    return redirectWithToast(back, { key: 'whocomes:manage.created' })
  }
  await revokeWhoComesToken(user.id, scope.facilityId)
  return redirectWithToast(back, { key: 'whocomes:manage.revoked' })
}

export default function WhoComesPage() {
  const { t } = useTranslation(['whocomes', 'common'])
  const locale = useBoardLocale()
  const { facilityId, facilityName, screenUrl, weeks } = useLoaderData<typeof loader>()
  const visits = weeks.flatMap((week) => week.visits)
  return (
    <div className="narrow">
      <p>
        <Link to="/facility">{facilityName}</Link>
      </p>
      <h1>{t('manage.heading')}</h1>
      <p className="lead">{t('manage.intro')}</p>
      <p>{t('manage.firstNamesOnly')}</p>

      <section aria-labelledby="poster-heading" className="card">
        <h2 id="poster-heading">{t('manage.posterHeading')}</h2>
        <p>{t('manage.posterText')}</p>
        <p>
          <Link className="button" to={`/facility/${facilityId}/who-comes/poster`}>
            {t('manage.posterLink')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="screen-heading" className="card">
        <h2 id="screen-heading">{t('manage.screenHeading')}</h2>
        <p>{t('manage.screenText')}</p>
        <p>{t('manage.screenHow')}</p>
        {screenUrl ? (
          <>
            <p>
              <label htmlFor="screen-url">{t('manage.urlLabel')}</label>
              <input id="screen-url" className="who-screen-url" type="text" readOnly value={screenUrl} />
            </p>
            <p className="hint">{t('manage.secret')}</p>
            <p>
              <a href={screenUrl} target="_blank" rel="noreferrer">
                {t('manage.open')}
              </a>
            </p>
            <div className="button-row">
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="screen-create" />
                <SubmitButton className="button button-secondary">{t('manage.regenerate')}</SubmitButton>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="screen-revoke" />
                <SubmitButton className="button button-secondary">{t('manage.revoke')}</SubmitButton>
              </Form>
            </div>
          </>
        ) : (
          <>
            <p className="empty">{t('manage.none')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="screen-create" />
              <SubmitButton>{t('manage.create')}</SubmitButton>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('manage.previewHeading')}</h2>
        {visits.length === 0 ? (
          <p className="empty">{t('manage.previewEmpty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('manage.previewDay')}</th>
                  <th scope="col">{t('manage.previewTime')}</th>
                  <th scope="col">{t('manage.previewVolunteer')}</th>
                  <th scope="col">{t('manage.previewVisit')}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((visit) => (
                  <tr key={visit.id}>
                    <td>{boardDay(visit.localDate, locale)}</td>
                    <td>{t('poster.time', { from: visit.start, to: visit.end })}</td>
                    <td>{visit.firstName}</td>
                    <td>
                      <Link to={`/visits/${visit.id}`}>
                        {t('manage.openVisit')}
                        <span className="visually-hidden">{` (${visit.firstName}, ${boardDay(visit.localDate, locale)})`}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
