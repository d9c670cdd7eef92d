import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { JobAdView } from '~/components/job-ads'
import { AdWishes } from '~/components/wishes'
import { wishesOfAd } from '~/models/wish.server'
import { changeJobAdStatus, jobAdForWork, jobAdScope, publishJobAd, returnJobAd } from '~/models/job.server'
import { formatDateTime } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { canTransition } from '~/utils/job-ad'
import { jobAdProblemMessage } from '~/utils/job-ad-form.server'
import { pageMeta } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { forbidden, notFound, requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const ReviewSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish') }),
  z.object({
    intent: z.literal('return'),
    comment: multiLineText('jobs:errors.commentRequired')
      .trim()
      .min(1, 'jobs:errors.commentRequired')
      .max(2000, 'validation.tooLong?maximum=2000'),
  }),
  z.object({ intent: z.literal('close') }),
])

export const handle = { i18n: ['jobs', 'wishes'] }

async function requireReviewer(request: Request, adId: string | undefined) {
  const { user, actor } = await requirePermission(request, 'centre:work')
  const scope = adId ? await jobAdScope(adId) : null
  if (!scope) notFound()
  // Only the centre covering the facility's municipality reviews its ads.
  if (!can(actor, 'jobAd:review', scope)) forbidden()
  return { user, adId: adId! }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { adId } = await requireReviewer(request, params.adId)
  const t = await getFixedT(request, 'jobs')
  const ad = await jobAdForWork(adId)
  if (!ad) notFound()
  return json({ title: t('review.title', { title: ad.title }), ad, wishes: wishesOfAd(adId) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, adId } = await requireReviewer(request, params.adId)
  const formData = await readForm(request)
  const form = parseForm(formData, ReviewSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result =
    form.data.intent === 'publish'
      ? await publishJobAd(user.id, adId)
      : form.data.intent === 'return'
        ? await returnJobAd(user.id, adId, form.data.comment)
        : await changeJobAdStatus(user.id, adId, 'close')
  if (!result.ok) return formFailure(formData, jobAdProblemMessage(result.problem))
  const toast = { publish: 'jobs:toast.published', return: 'jobs:toast.returned', close: 'jobs:toast.close' }[form.data.intent]
  return redirectWithToast('/centre/ads', { key: toast, values: { title: result.title } })
}

export default function ReviewAdPage() {
  const { t, i18n } = useTranslation(['jobs', 'common'])
  const { ad, title, wishes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const submitted = ad.status === 'submitted'
  return (
    <div className="narrow">
      <FormScope id="review">
      <p>
        <Link to="/centre/ads">← {t('review.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <strong>{t('view.status')}</strong> {t(`status.${ad.status}`)}
        {ad.submittedAt && submitted ? ` · ${t('review.submittedAt', { date: formatDateTime(ad.submittedAt, locale) })}` : null}
        {ad.createdBy ? ` · ${t('review.createdBy', { name: ad.createdBy.name })}` : null}
      </p>
      {ad.facility.status !== 'active' ? <p className="callout">{t('review.facilityNotActive')}</p> : null}
      <ErrorSummary state={state} labels={{ comment: t('review.comment') }} />
      <section aria-labelledby="preview-heading" className="card">
        <h2 id="preview-heading">{t('review.preview')}</h2>
        <h3>{ad.title}</h3>
        <JobAdView ad={ad} headingLevel={3} />
      </section>
      <AdWishes wishes={wishes} />
      {submitted ? (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('review.decision')}</h2>
          <Form method="post">
            <SubmitButton name="intent" value="publish">
              {t('review.publish')}
            </SubmitButton>
          </Form>
          <Form method="post" className="stack">
            <TextAreaField label={t('review.comment')} name="comment" state={state} hint={t('review.commentHint')} rows={5} />
            <SubmitButton name="intent" value="return" className="button button-secondary">
              {t('review.return')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {canTransition(ad.status, 'close') ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">{t('review.closeHeading')}</h2>
          <p className="hint">{t('review.closeHint')}</p>
          <Form method="post">
            <SubmitButton name="intent" value="close" className="button button-secondary">
              {t('actions.close')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      </FormScope>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
