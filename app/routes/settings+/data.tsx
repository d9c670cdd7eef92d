import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormScope, SubmitButton, type FormState } from '~/components/forms'
import { deleteOwnAccount, deletionBlocks, type DeletionBlock } from '~/models/account-deletion.server'
import { lucia, requireUser } from '~/utils/auth.server'
import { currentPasswordFailure, formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { clientIp } from '~/utils/rate-limit.server'
import { toastCookie } from '~/utils/toast.server'

const DeleteSchema = z.object({ intent: z.literal('delete'), password: z.string().min(1, 'validation.required') })

export const handle = { i18n: ['rights', 'auth'] }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = await getFixedT(request, 'rights')
  return json({ title: t('data.title'), blocks: await deletionBlocks(user.id) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readForm(request)
  const form = parseForm(formData, DeleteSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await deleteOwnAccount(user.id, form.data.password, { ip: clientIp(context) })
  if (!result.ok) {
    if (result.reason === 'wrong' || result.reason === 'throttled') return currentPasswordFailure(formData, result, 'password')
    // Blocked (the page explains why) or already gone: show the page again with its explanation.
    return formFailure(formData, { formError: 'rights:deleteAccount.blocked' }, { status: 409 })
  }
  // The sessions are gone with the account; the browser's cookie goes too.
  const headers = new Headers()
  headers.append('Set-Cookie', lucia().createBlankSessionCookie().serialize())
  headers.append('Set-Cookie', await toastCookie({ key: 'rights:deleteAccount.deleted' }))
  return redirect('/', { headers })
}

export default function YourDataPage() {
  const { t } = useTranslation(['rights', 'auth', 'common'])
  const { blocks } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const state = result as FormState
  return (
    <div className="narrow">
      <p className="no-print">
        <Link to="/settings">{t('auth:settings.title')}</Link>
      </p>
      <h1>{t('data.title')}</h1>
      <p className="lead">{t('data.lead')}</p>

      <section aria-labelledby="export-heading" className="card">
        <h2 id="export-heading">{t('data.export')}</h2>
        <p>{t('data.exportHint')}</p>
        <p className="hero-actions">
          <a className="button" href="/settings/data.json" download>
            {t('data.download')}
          </a>
          <Link className="button button-secondary" to="/settings/data/print">
            {t('data.printView')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="delete-heading" className="card card-danger">
        <h2 id="delete-heading">{t('deleteAccount.heading')}</h2>
        {blocks.length > 0 ? (
          <Blocked blocks={blocks} />
        ) : (
          <>
            <p>{t('deleteAccount.intro')}</p>
            <ul>
              <li>{t('deleteAccount.gone')}</li>
              <li>{t('deleteAccount.matches')}</li>
              <li>{t('deleteAccount.applications')}</li>
              <li>{t('deleteAccount.posts')}</li>
              <li>{t('deleteAccount.statistics')}</li>
            </ul>
            <p>
              <strong>{t('deleteAccount.cannotUndo')}</strong>
            </p>
            <Form method="post" className="stack" noValidate>
              <FormScope id="data-delete">
              <ErrorSummary state={state} labels={{ password: t('deleteAccount.password') }} />
              <input type="hidden" name="intent" value="delete" />
              <Field label={t('deleteAccount.password')} name="password" type="password" autoComplete="current-password" required state={state} />
              <SubmitButton className="button button-danger">{t('deleteAccount.submit')}</SubmitButton>
              </FormScope>
            </Form>
          </>
        )}
      </section>
    </div>
  )
}

function Blocked({ blocks }: { blocks: DeletionBlock[] }) {
  const { t } = useTranslation('rights')
  return (
    <div className="callout" role="status">
      <p>
        <strong>{t('deleteAccount.blocked')}</strong>
      </p>
      {blocks.map((block) =>
        block.kind === 'last-leader' ? (
          <div key={block.kind}>
            <p>{t('deleteAccount.blockedLeader', { facilities: block.facilities.map((facility) => facility.name).join(', ') })}</p>
            <ul>
              {block.facilities.map((facility) => (
                <li key={facility.id}>
                  <Link to={`/facility/${facility.id}/staff`}>{t('deleteAccount.staffLink', { facility: facility.name })}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p key={block.kind}>{t(block.kind === 'coordinator' ? 'deleteAccount.blockedCoordinator' : 'deleteAccount.blockedAdmin')}</p>
        ),
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
