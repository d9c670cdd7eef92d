import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FormError } from '~/components/forms'
import { AD_ACTION_LABEL, AdActionButton, JobAdForm, JobAdView } from '~/components/job-ads'
import { AdWishes } from '~/components/wishes'
import { wishesOfAd } from '~/models/wish.server'
import { changeJobAdStatus, contactPersonChoices, jobAdForWork, jobAdScope, saveJobAd } from '~/models/job.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { canTransition } from '~/utils/job-ad'
import { jobAdInput, jobAdProblemMessage, parseJobAdForm } from '~/utils/job-ad-form.server'
import { pageMeta } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requireRole } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const StatusSchema = z.object({
  intent: z.enum(['pause', 'resume', 'fill', 'close', 'renew'], { errorMap: () => ({ message: 'validation.choose' }) }),
  back: z.enum(['list']).optional(),
})

// Message keys written out so a search for a key finds where it is used.
const STATUS_TOAST = { pause: 'jobs:toast.pause', resume: 'jobs:toast.resume', fill: 'jobs:toast.fill', close: 'jobs:toast.close', renew: 'jobs:toast.renew' } as const

export const handle = { i18n: ['jobs', 'wishes'] }

async function requireAdOfOwnFacility(request: Request, adId: string | undefined) {
  const { user, actor } = await requireRole(request, ['facility_staff'])
  const scope = adId ? await jobAdScope(adId) : null
  if (!scope) notFound()
  if (!can(actor, 'jobAd:manage', scope)) forbidden()
  return { user, actor, adId: adId! }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { adId } = await requireAdOfOwnFacility(request, params.adId)
  const t = await getFixedT(request, 'jobs')
  const ad = await jobAdForWork(adId)
  if (!ad) notFound()
  const contactPersons = ad.status === 'draft' ? await contactPersonChoices(ad.facilityId) : []
  return json({ title: ad.status === 'draft' ? t('edit.title', { title: ad.title }) : ad.title, ad, contactPersons, wishes: wishesOfAd(adId) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, adId } = await requireAdOfOwnFacility(request, params.adId)
  const formData = await readForm(request)
  const intent = formData.get('intent')
  if (intent === 'save' || intent === 'submit') {
    const form = parseJobAdForm(formData)
    if (!form.ok) return json(form, { status: 400 })
    const submit = form.data.intent === 'submit'
    const result = await saveJobAd(user.id, { adId }, jobAdInput(form.data), { submit })
    if (!result.ok) return formFailure(formData, jobAdProblemMessage(result.problem))
    return submit
      ? redirectWithToast('/facility/ads', { key: 'jobs:toast.submitted', values: { title: result.title } })
      : redirectWithToast(`/facility/ads/${adId}`, { key: 'jobs:toast.saved', values: { title: result.title } })
  }
  const form = parseForm(formData, StatusSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await changeJobAdStatus(user.id, adId, form.data.intent)
  if (!result.ok) return formFailure(formData, jobAdProblemMessage(result.problem))
  return redirectWithToast(form.data.back === 'list' ? '/facility/ads' : `/facility/ads/${adId}`, {
    key: STATUS_TOAST[form.data.intent],
    values: { title: result.title },
  })
}

export default function FacilityAdPage() {
  const { t, i18n } = useTranslation(['jobs', 'common'])
  const { ad, contactPersons, title, wishes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const actions = (['pause', 'resume', 'fill', 'renew', 'close'] as const).filter((transition) => canTransition(ad.status, transition))
  return (
    <div className="narrow">
      <p>
        <Link to="/facility/ads">← {t('list.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <strong>{t('view.status')}</strong> {t(`status.${ad.status}`)} · {ad.facility.name}
        {ad.expiresAt && (ad.status === 'published' || ad.status === 'paused') ? ` · ${t('list.expiresAt', { date: formatDate(ad.expiresAt, locale) })}` : null}
      </p>
      {ad.status === 'draft' && ad.reviewComment ? (
        <section className="callout" aria-labelledby="review-comment-heading">
          <h2 id="review-comment-heading">{t('edit.returnedHeading')}</h2>
          <p className="prewrap">{ad.reviewComment}</p>
          <p>{t('edit.returnedNext')}</p>
        </section>
      ) : null}
      {ad.facility.status !== 'active' ? <p className="callout">{t('list.facilityNotActive')}</p> : null}
      {ad.status === 'submitted' ? <p className="callout">{t('edit.waiting')}</p> : null}
      <AdWishes wishes={wishes} />
      {ad.status === 'draft' ? (
        <JobAdForm state={state} contactPersons={contactPersons} defaults={ad} />
      ) : (
        <>
          <FormError state={state} />
          {ad.status === 'published' ? (
            <p>
              <Link to={`/jobs/${ad.id}`}>{t('edit.seePublic')}</Link>
            </p>
          ) : null}
          <JobAdView ad={ad} />
        </>
      )}
      {actions.length > 0 ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('edit.actionsHeading')}</h2>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
            {actions.map((transition) => (
              <AdActionButton key={transition} intent={transition} label={t(AD_ACTION_LABEL[transition])} secondary={transition === 'close'} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
