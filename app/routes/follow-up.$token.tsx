import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ChoiceGroup } from '~/components/booking'
import { CheckboxField, ErrorSummary, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { answerCheckIn, checkInByToken } from '~/models/follow-up.server'
import bookingStyles from '~/styles/booking.css'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { redirectWithToast } from '~/utils/toast.server'

const AnswerSchema = z.object({
  satisfaction: z.enum(['1', '2', '3', '4', '5'], { errorMap: () => ({ message: 'validation.choose' }) }).transform(Number),
  expectationsAligned: z.enum(['yes', 'no'], { errorMap: () => ({ message: 'validation.choose' }) }).transform((value) => value === 'yes'),
  wishes: multiLineText()
    .trim()
    .max(2000, 'validation.tooLong?maximum=2000')
    .optional()
    .refine(withoutCprNumber, CPR_REFUSED)
    .transform((value) => value || null),
  // A plain checkbox: sent as "on" when ticked, absent otherwise.
  centreOnly: z
    .string()
    .optional()
    .transform((value) => value === 'on'),
})

export const handle = { i18n: ['followup'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }]

// Deliberately public: the check-in link in the e-mail works without logging in. The secret,
// single-use token in the URL is the permission; it only ever reads or answers its own check-in.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const checkIn = await checkInByToken(params.token ?? '')
  const t = await getFixedT(request, 'followup')
  const answered = new URL(request.url).searchParams.has('thanks')
  return json({ title: t('checkIn.title'), checkIn: answered && checkIn.state === 'answered' ? ({ state: 'thanks' } as const) : checkIn })
}

// Public for the same reason as the loader.
export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const formData = await readForm(request)
  const form = parseForm(formData, AnswerSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await answerCheckIn(token, form.data)
  if (result.ok) return redirectWithToast(`/follow-up/${token}?thanks`, { key: 'followup:checkIn.saved' })
  return formFailure(formData, { formError: result.reason === 'already-answered' ? 'followup:checkIn.alreadyAnswered' : 'followup:checkIn.invalid' }, { status: 409 })
}

export default function CheckInPage() {
  const { t } = useTranslation(['followup', 'common'])
  const { checkIn } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div>
      <h1>{t('checkIn.heading')}</h1>
      {checkIn.state === 'thanks' ? (
        <p className="callout">{t('checkIn.thanks')}</p>
      ) : checkIn.state === 'answered' ? (
        <p className="callout">{t('checkIn.alreadyAnswered')}</p>
      ) : checkIn.state === 'invalid' ? (
        <p className="callout">{t('checkIn.invalid')}</p>
      ) : (
        <>
          <p className="lead">
            {t(checkIn.role === 'volunteer' ? 'checkIn.introVolunteer' : 'checkIn.introContact', { name: checkIn.name, facility: checkIn.facilityName, other: checkIn.otherName, ad: checkIn.adTitle })}
          </p>
          <Form method="post" className="stack" noValidate>
            <FormScope id="follow-up">
            <ErrorSummary state={state} labels={{ satisfaction: t('checkIn.satisfaction'), expectationsAligned: t('checkIn.aligned'), wishes: t('checkIn.wishes') }} />
            <ChoiceGroup
              legend={t('checkIn.satisfaction')}
              name="satisfaction"
              type="radio"
              state={state}
              hint={t('checkIn.satisfactionHint')}
              options={['1', '2', '3', '4', '5'].map((value) => ({ value, label: t(`checkIn.scale.${value}`) }))}
            />
            <ChoiceGroup
              legend={t('checkIn.aligned')}
              name="expectationsAligned"
              type="radio"
              state={state}
              options={[
                { value: 'yes', label: t('checkIn.yes') },
                { value: 'no', label: t('checkIn.no') },
              ]}
            />
            <TextAreaField label={t('checkIn.wishes')} name="wishes" hint={t('checkIn.wishesHint')} rows={4} state={state} />
            <CheckboxField
              label={
                <>
                  {t('checkIn.centreOnly')} <span className="hint">{t('checkIn.centreOnlyHint', { other: checkIn.otherName })}</span>
                </>
              }
              name="centreOnly"
              state={state}
            />
            <SubmitButton>{t('checkIn.submit')}</SubmitButton>
            </FormScope>
          </Form>
        </>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
