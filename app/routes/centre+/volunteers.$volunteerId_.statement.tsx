import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FormScope, SubmitButton, TextAreaField } from '~/components/forms'
import { StatementDocument } from '~/components/volunteer-record'
import { signStatement, volunteerStatement } from '~/models/volunteer-record.server'
import statementStyles from '~/styles/statement.css'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requirePermission, volunteerScope } from '~/utils/permissions.server'
import { multiLineText } from '~/utils/text-fields'
import { redirectWithToast } from '~/utils/toast.server'

const SignSchema = z.object({
  text: multiLineText().trim().min(1, 'validation.required').max(600, 'validation.tooLong?maximum=600').refine(withoutCprNumber, CPR_REFUSED),
})

export const handle = { i18n: ['municipality'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: statementStyles }]

/** The coordinators of the volunteer's centre only ('statement:sign'); anyone else 403, an unknown volunteer 404. */
async function requireSigner(request: Request, volunteerId: string | undefined) {
  const { user, actor } = await requirePermission(request, 'centre:work')
  const statement = volunteerId ? await volunteerStatement(volunteerId) : null
  if (!statement) notFound()
  await requirePermission(request, 'statement:sign', await volunteerScope(volunteerId!))
  return { user, actor, statement, volunteerId: volunteerId! }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { statement } = await requireSigner(request, params.volunteerId)
  const t = await getFixedT(request, 'municipality')
  return json({ title: t('statement.signTitle', { name: statement.name }), statement, volunteerId: params.volunteerId! })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, volunteerId } = await requireSigner(request, params.volunteerId)
  const formData = await readForm(request)
  const form = parseForm(formData, SignSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await signStatement({ id: user.id, name: user.name, centreId: user.centreId }, volunteerId, form.data.text)
  if (!result.ok) notFound()
  return redirectWithToast(`/centre/volunteers/${volunteerId}/statement`, { key: 'municipality:statement.signed' })
}

export default function SignStatementPage() {
  const { t } = useTranslation('municipality')
  const { statement, volunteerId } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <div>
      <p>
        <Link to={`/centre/volunteers/${volunteerId}`}>{t('statement.backToVolunteer')}</Link>
      </p>
      <StatementDocument statement={statement} />
      <section aria-labelledby="sign-heading" className="card">
        <h2 id="sign-heading">{t('statement.signHeading')}</h2>
        <p className="hint">{t('statement.signHint')}</p>
        <Form method="post" className="stack" noValidate>
          <FormScope id="statement">
            <ErrorSummary state={state} labels={{ text: t('statement.signText') }} />
            <TextAreaField label={t('statement.signText')} name="text" rows={3} required state={state} />
          </FormScope>
          <SubmitButton>{t('statement.sign')}</SubmitButton>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
