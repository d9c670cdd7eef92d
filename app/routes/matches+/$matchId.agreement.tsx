import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AgreementDocument, AgreementVersionList, CheckInSummaries } from '~/components/agreement'
import { ErrorSummary, FormError, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { acceptAgreement, addAgreementLine, agreementForReader, agreementMatch } from '~/models/agreement.server'
import agreementStyles from '~/styles/agreement.css'
import agreementPrintStyles from '~/styles/agreement-print.css'
import { LINE_MAX } from '~/utils/agreement'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/permissions.server'
import { multiLineText } from '~/utils/text-fields'
import { redirectWithToast } from '~/utils/toast.server'

const AcceptSchema = z.object({ intent: z.literal('accept'), version: z.coerce.number().int().positive() })
const LineSchema = z.object({
  intent: z.literal('add-line'),
  text: multiLineText()
    .trim()
    .min(1, 'validation.required')
    .max(LINE_MAX, `validation.tooLong?maximum=${LINE_MAX}`)
    .refine(withoutCprNumber, CPR_REFUSED),
})
const IntentSchema = z.object({ intent: z.enum(['accept', 'add-line']) })

// Message keys written out so a search for a key finds where it is used.
const FAILURE = {
  'not-found': 'agreement:error.notLatest',
  forbidden: 'agreement:error.forbidden',
  'not-latest': 'agreement:error.notLatest',
  'already-accepted': 'agreement:error.alreadyAccepted',
  'too-many-lines': 'agreement:error.tooManyLines',
  'match-ended': 'agreement:error.matchEnded',
} as const

export const handle = { i18n: ['agreement', 'matching', 'visits', 'board', 'followup'] }
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: agreementStyles },
  { rel: 'stylesheet', href: agreementPrintStyles, media: 'print' },
]

/**
 * The match's volunteer, its facility's staff and the centre's coordinators may read; 404 for a
 * match that does not exist or was never approved, 403 for anyone else.
 */
async function requireAgreement(request: Request, matchId: string | undefined) {
  const match = matchId ? await agreementMatch(matchId) : null
  if (!match || !match.approvedAt) notFound()
  const { user, actor } = await requirePermission(request, 'agreement:view', { volunteerId: match.volunteerId, facilityId: match.facilityId, municipalityId: match.facility.municipalityId })
  return { user, actor, match }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, match } = await requireAgreement(request, params.matchId)
  const reader = await agreementForReader(actor, match)
  if (!reader) notFound()
  const t = await getFixedT(request, 'agreement')
  const current = reader.versions[0]
  const back = actor.role === 'coordinator' ? `/centre/matches/${match.id}` : actor.role === 'volunteer' ? '/volunteer' : '/facility/volunteers'
  return json({
    title: t('title', { volunteer: current.content.volunteer.name, facility: current.content.facilityName }),
    matchId: match.id,
    back,
    ...reader,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, match } = await requireAgreement(request, params.matchId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const here = `/matches/${match.id}/agreement`
  if (intent.data.intent === 'accept') {
    const form = parseForm(formData, AcceptSchema)
    if (!form.ok) return json(form, { status: 400 })
    const result = await acceptAgreement(actor, match.id, form.data.version)
    if (result.ok) return redirectWithToast(here, { key: 'agreement:accept.done' })
    return formFailure(formData, { formError: FAILURE[result.reason] }, { status: result.reason === 'forbidden' ? 403 : 409 })
  }
  const form = parseForm(formData, LineSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await addAgreementLine({ ...actor, name: user.name }, match.id, form.data.text)
  if (result.ok) return redirectWithToast(here, { key: 'agreement:addLine.done' })
  return formFailure(formData, { formError: FAILURE[result.reason] }, { status: result.reason === 'forbidden' ? 403 : 409 })
}

export default function AgreementPage() {
  const { t, i18n } = useTranslation(['agreement', 'common'])
  const { matchId, back, versions, side, canAct, accepted, checkIns } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  // A new line's failure is summed up in its own form; the acceptance's above both.
  const lineState = state?.values?.intent === 'add-line' ? state : undefined
  const locale = localeOf(i18n.language)
  const current = versions[0]
  const listName = side === 'volunteer' ? t('volunteerList', { volunteer: current.content.volunteer.name }) : t('facilityList', { facility: current.content.facilityName })
  return (
    <div>
      <p className="no-print">
        <Link to={back}>{t('back')}</Link>
      </p>
      <AgreementDocument version={current} locale={locale} />
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
      </p>

      {canAct ? (
        <div className="no-print">
          <FormError state={lineState ? undefined : state} />
          <section aria-labelledby="accept-heading" className="card">
            <h2 id="accept-heading">{t('accept.heading')}</h2>
            {accepted ? (
              <p>{t('accept.youAccepted')}</p>
            ) : (
              <Form method="post">
                <p>{t('accept.intro')}</p>
                <input type="hidden" name="version" value={current.number} />
                <SubmitButton name="intent" value="accept">
                  {t('accept.button', { number: current.number })}
                </SubmitButton>
              </Form>
            )}
          </section>
          <section aria-labelledby="add-line-heading" className="card">
            <h2 id="add-line-heading">{t('addLine.heading')}</h2>
            <Form method="post" className="stack" noValidate>
              <FormScope id="agreement-line">
                <ErrorSummary state={lineState} labels={{ text: t('addLine.label', { list: listName }) }} />
                <TextAreaField label={t('addLine.label', { list: listName })} name="text" hint={t('addLine.hint')} rows={3} state={lineState} maxLength={LINE_MAX} />
              </FormScope>
              <SubmitButton name="intent" value="add-line">
                {t('addLine.button')}
              </SubmitButton>
            </Form>
          </section>
        </div>
      ) : null}

      {checkIns ? <CheckInSummaries checkIns={checkIns} locale={locale} /> : null}
      <AgreementVersionList matchId={matchId} versions={versions} shown={current.number} locale={locale} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
