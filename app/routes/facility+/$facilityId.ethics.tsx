import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { EthicsPolicyState } from '~/components/ethics-policy'
import { EthicsEntryForm } from '~/components/ethics-entry'
import { SubmitButton } from '~/components/forms'
import { acknowledgeTemplateChanges, adoptEthicsTemplate, ethicsPolicyOverview, recordEthicsReview } from '~/models/ethics-template.server'
import { addEthicsEntry, ethicsPolicy, facilityProfile, moveEthicsEntry, removeEthicsEntry, updateEthicsEntry } from '~/models/facility.server'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { EthicsEntryIntents } from '~/utils/ethics-entry'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { copenhagenDate, isLocalDate } from '~/utils/time'
import { redirectWithToast } from '~/utils/toast.server'

const EthicsSchema = z.discriminatedUnion('intent', [
  ...EthicsEntryIntents,
  z.object({ intent: z.literal('adopt') }),
  z.object({ intent: z.literal('acknowledge') }),
  z.object({
    intent: z.literal('review'),
    // Not in the future: a review records what took place.
    reviewedOn: z
      .string({ required_error: 'validation.required' })
      .trim()
      .min(1, 'validation.required')
      .refine(isLocalDate, 'validation.date')
      .refine((value) => value <= copenhagenDate(), 'municipality:policy.reviewInFuture'),
    residents: z.coerce.number({ invalid_type_error: 'validation.invalid' }).int('validation.invalid').min(0, 'validation.invalid').max(500, 'validation.invalid'),
    staff: z.coerce.number({ invalid_type_error: 'validation.invalid' }).int('validation.invalid').min(0, 'validation.invalid').max(500, 'validation.invalid'),
    otherRoles: oneLineText().trim().max(200, 'validation.tooLong?maximum=200').refine(withoutCprNumber, CPR_REFUSED).default(''),
    note: multiLineText().trim().max(1000, 'validation.tooLong?maximum=1000').refine(withoutCprNumber, CPR_REFUSED).default(''),
  }),
])

export const handle = { i18n: ['facility', 'municipality'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireFacilityPermission(request, 'facility:edit', params.facilityId)
  const [facility, entries, policy] = await Promise.all([facilityProfile(params.facilityId!), ethicsPolicy(params.facilityId!), ethicsPolicyOverview(params.facilityId!)])
  if (!facility || !policy) notFound()
  const url = new URL(request.url)
  const t = await getFixedT(request, 'facility')
  return json({ title: t('ethics.title', { name: facility.name }), name: facility.name, entries, policy, today: copenhagenDate(), editId: url.searchParams.get('edit'), deleteId: url.searchParams.get('delete') })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireFacilityPermission(request, 'facility:edit', params.facilityId)
  const facilityId = params.facilityId!
  const formData = await readForm(request)
  const form = parseForm(formData, EthicsSchema)
  if (!form.ok) return json(form, { status: 400 })
  const back = `/facility/${facilityId}/ethics`
  const data = form.data
  switch (data.intent) {
    case 'add': {
      const result = await addEthicsEntry(user.id, facilityId, data)
      if (!result.ok) notFound()
      return redirectWithToast(back, { key: 'facility:ethics.added', values: { technology: data.technology } })
    }
    case 'update': {
      const result = await updateEthicsEntry(user.id, facilityId, data.entryId, data)
      if (!result.ok) notFound()
      return redirectWithToast(back, { key: 'facility:ethics.updated', values: { technology: data.technology } })
    }
    case 'delete': {
      const result = await removeEthicsEntry(user.id, facilityId, data.entryId)
      if (!result.ok) notFound()
      return redirectWithToast(back, { key: 'facility:ethics.deleted' })
    }
    case 'move': {
      const result = await moveEthicsEntry(user.id, facilityId, data.entryId, data.direction)
      if (!result.ok) notFound()
      return redirectWithToast(back, { key: 'facility:ethics.moved' })
    }
    case 'adopt': {
      const result = await adoptEthicsTemplate(user.id, facilityId)
      if (!result.ok) return formFailure(formData, { formError: result.reason === 'already-adopted' ? 'municipality:policy.alreadyAdopted' : 'municipality:policy.noTemplate' }, { status: 409 })
      return redirectWithToast(back, { key: 'municipality:policy.adopted', values: { count: String(result.added) } })
    }
    case 'acknowledge': {
      const result = await acknowledgeTemplateChanges(user.id, facilityId)
      if (!result.ok) return formFailure(formData, { formError: 'municipality:policy.noTemplate' }, { status: 409 })
      return redirectWithToast(back, { key: 'municipality:policy.acknowledged' })
    }
    case 'review': {
      const result = await recordEthicsReview(user.id, facilityId, data)
      if (!result.ok) notFound()
      return redirectWithToast(`${back}#review`, { key: 'municipality:policy.reviewSaved' })
    }
  }
}

export default function FacilityEthicsPage() {
  const { t } = useTranslation(['facility', 'common'])
  const { name, entries, policy, today, editId, deleteId } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const postedIntent = state?.values?.intent
  const postedEntry = state?.values?.entryId
  return (
    <div className="narrow">
      <p>
        <Link to="/facility">{t('back')}</Link>
      </p>
      <h1>{t('ethics.heading')}</h1>
      <p className="lead">{t('ethics.intro', { name })}</p>
      <EthicsPolicyState policy={policy} today={today} state={state} />
      {entries.length === 0 ? (
        <section className="callout" aria-labelledby="ethics-example">
          <h2 id="ethics-example">{t('ethics.emptyTitle')}</h2>
          <p>{t('ethics.empty')}</p>
          <dl>
            <dt>{t('ethics.technology')}</dt>
            <dd>{t('ethics.example.technology')}</dd>
            <dt>{t('ethics.dilemma')}</dt>
            <dd>{t('ethics.example.dilemma')}</dd>
            <dt>{t('ethics.agreedValues')}</dt>
            <dd>{t('ethics.example.agreedValues')}</dd>
          </dl>
        </section>
      ) : (
        <ol className="card-list">
          {entries.map((entry, index) => {
            const editing = editId === entry.id || (postedIntent === 'update' && postedEntry === entry.id)
            return (
              <li key={entry.id} className="card">
                {editing ? (
                  <EthicsEntryForm state={postedIntent === 'update' ? state : undefined} entry={entry} action={`?edit=${entry.id}`} />
                ) : (
                  <>
                    <h2>{entry.technology}</h2>
                    <dl>
                      <dt>{t('ethics.dilemma')}</dt>
                      <dd>{entry.dilemma}</dd>
                      <dt>{t('ethics.agreedValues')}</dt>
                      <dd>{entry.agreedValues}</dd>
                    </dl>
                    {deleteId === entry.id ? (
                      <Form method="post" className="callout" role="group" aria-label={t('ethics.confirmDelete', { technology: entry.technology })}>
                        <p>{t('ethics.confirmDelete', { technology: entry.technology })}</p>
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="entryId" value={entry.id} />
                        <SubmitButton>{t('ethics.confirmDeleteButton')}</SubmitButton> <Link to=".">{t('cancel')}</Link>
                      </Form>
                    ) : (
                      <div className="actions">
                        <Link to={`?edit=${entry.id}`} className="button button-small button-secondary" aria-label={t('ethics.editLabel', { technology: entry.technology })}>
                          {t('ethics.edit')}
                        </Link>{' '}
                        <Link to={`?delete=${entry.id}`} className="button button-small button-secondary" aria-label={t('ethics.deleteLabel', { technology: entry.technology })}>
                          {t('ethics.delete')}
                        </Link>{' '}
                        {index > 0 ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="move" />
                            <input type="hidden" name="entryId" value={entry.id} />
                            <input type="hidden" name="direction" value="up" />
                            <button type="submit" className="link-button" aria-label={t('ethics.moveUpLabel', { technology: entry.technology })}>
                              {t('ethics.moveUp')}
                            </button>
                          </Form>
                        ) : null}
                        {index < entries.length - 1 ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="move" />
                            <input type="hidden" name="entryId" value={entry.id} />
                            <input type="hidden" name="direction" value="down" />
                            <button type="submit" className="link-button" aria-label={t('ethics.moveDownLabel', { technology: entry.technology })}>
                              {t('ethics.moveDown')}
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    )}
                  </>
                )}
              </li>
            )
          })}
        </ol>
      )}
      <section aria-labelledby="ethics-add">
        <h2 id="ethics-add">{t('ethics.addHeading')}</h2>
        <EthicsEntryForm state={postedIntent === 'add' || !postedIntent ? state : undefined} />
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
