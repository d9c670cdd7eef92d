import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError, SubmitButton, TextAreaField, type FormState } from '~/components/forms'
import { changeEthicsTemplate, ethicsTemplate } from '~/models/ethics-template.server'
import { municipalityNames } from '~/models/report.server'
import { requireUser } from '~/utils/auth.server'
import { CPR_REFUSED, withoutCprNumber } from '~/utils/cpr'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { can, forbidden, loadActor, notFound } from '~/utils/permissions.server'
import { multiLineText, oneLineText } from '~/utils/text-fields'
import { redirectWithToast } from '~/utils/toast.server'

const required = (field: ReturnType<typeof oneLineText>, maximum: number) =>
  field.trim().min(1, 'validation.required').max(maximum, `validation.tooLong?maximum=${maximum}`).refine(withoutCprNumber, CPR_REFUSED)
const EntryFields = { technology: required(oneLineText(), 120), dilemma: required(multiLineText(), 2000), agreedValues: required(multiLineText(), 2000) }
const entryId = z.string({ required_error: 'validation.invalid' }).min(1).max(100)

const TemplateSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), ...EntryFields }),
  z.object({ intent: z.literal('update'), entryId, ...EntryFields }),
  z.object({ intent: z.literal('delete'), entryId }),
  z.object({ intent: z.literal('move'), entryId, direction: z.enum(['up', 'down']) }),
])

export const handle = { i18n: ['municipality', 'facility'] }

/**
 * Which municipality's template: the one `?municipality=` names, which must be one the reader
 * keeps (its own as the municipality role, its centre's as a coordinator), else the first of them.
 */
async function requireTemplateAccess(request: Request) {
  const user = await requireUser(request)
  const actor = await loadActor(user)
  const own = actor.role === 'municipality' ? (actor.municipalityIds ?? []) : actor.role === 'coordinator' ? actor.centreMunicipalityIds : []
  if (own.length === 0) forbidden()
  const asked = new URL(request.url).searchParams.get('municipality')
  const municipalityId = asked ?? municipalityNames(own)[0]!.id
  if (!can(actor, 'ethicsTemplate:edit', { municipalityId })) forbidden()
  return { user, actor, own, municipalityId }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { own, municipalityId } = await requireTemplateAccess(request)
  const t = await getFixedT(request, 'municipality')
  const municipalities = municipalityNames(own)
  const template = await ethicsTemplate(municipalityId)
  const url = new URL(request.url)
  return json({
    title: t('template.title'),
    municipalityId,
    municipalities,
    name: municipalities.find((m) => m.id === municipalityId)?.name ?? '',
    entries: template?.entries ?? [],
    updatedAt: template?.updatedAt ?? null,
    editId: url.searchParams.get('edit'),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, municipalityId } = await requireTemplateAccess(request)
  const formData = await readForm(request)
  const form = parseForm(formData, TemplateSchema)
  if (!form.ok) return json(form, { status: 400 })
  const data = form.data
  const change =
    data.intent === 'add' || data.intent === 'update'
      ? { ...data, entry: { technology: data.technology, dilemma: data.dilemma, agreedValues: data.agreedValues } }
      : data
  const result = await changeEthicsTemplate(user.id, municipalityId, change as Parameters<typeof changeEthicsTemplate>[2])
  if (!result.ok) notFound()
  return redirectWithToast(`/municipality/ethics-template?municipality=${municipalityId}`, { key: 'municipality:template.saved' })
}

function EntryEditor({ state, entry }: { state: FormState; entry?: { technology: string; dilemma: string; agreedValues: string } }) {
  const { t } = useTranslation('facility')
  return (
    <>
      <Field label={t('ethics.technology')} name="technology" hint={t('ethics.technologyHint')} defaultValue={entry?.technology} required state={state} />
      <TextAreaField label={t('ethics.dilemma')} name="dilemma" hint={t('ethics.dilemmaHint')} defaultValue={entry?.dilemma} rows={3} required state={state} />
      <TextAreaField label={t('ethics.agreedValues')} name="agreedValues" hint={t('ethics.agreedValuesHint')} defaultValue={entry?.agreedValues} rows={3} required state={state} />
    </>
  )
}

export default function EthicsTemplatePage() {
  const { t, i18n } = useTranslation(['municipality', 'facility'])
  const locale = localeOf(i18n.language)
  const { municipalityId, municipalities, name, entries, updatedAt, editId } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const postedIntent = state?.values?.intent
  const here = `?municipality=${municipalityId}`
  return (
    <div className="narrow">
      <h1>{t('template.heading', { name })}</h1>
      <p className="lead">{t('template.intro')}</p>
      {updatedAt ? <p>{t('template.updatedAt', { date: formatDate(updatedAt, locale) })}</p> : null}
      {municipalities.length > 1 ? (
        <Form method="get" className="inline-form">
          <label htmlFor="template-municipality">{t('template.choose')}</label>{' '}
          <select id="template-municipality" name="municipality" defaultValue={municipalityId}>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button button-small">
            {t('template.show')}
          </button>
        </Form>
      ) : null}
      {entries.length === 0 ? (
        <p className="empty">{t('template.empty')}</p>
      ) : (
        <ol className="card-list">
          {entries.map((entry, index) => (
            <li key={entry.id} className="card">
              {editId === entry.id || (postedIntent === 'update' && state?.values?.entryId === entry.id) ? (
                <Form method="post" action={`${here}&edit=${entry.id}`} className="stack" noValidate>
                  <h2>{t('facility:ethics.editHeading', { technology: entry.technology })}</h2>
                  <FormError state={postedIntent === 'update' ? state : undefined} />
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="entryId" value={entry.id} />
                  <EntryEditor state={postedIntent === 'update' ? state : undefined} entry={entry} />
                  <div>
                    <SubmitButton>{t('facility:ethics.saveEntry')}</SubmitButton> <Link to={here}>{t('template.cancel')}</Link>
                  </div>
                </Form>
              ) : (
                <>
                  <h2>{entry.technology}</h2>
                  <dl>
                    <dt>{t('facility:ethics.dilemma')}</dt>
                    <dd>{entry.dilemma}</dd>
                    <dt>{t('facility:ethics.agreedValues')}</dt>
                    <dd>{entry.agreedValues}</dd>
                  </dl>
                  <div className="actions">
                    <Link to={`${here}&edit=${entry.id}`} className="button button-small button-secondary" aria-label={t('facility:ethics.editLabel', { technology: entry.technology })}>
                      {t('facility:ethics.edit')}
                    </Link>{' '}
                    <Form method="post" action={here} className="inline-form">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="entryId" value={entry.id} />
                      <button type="submit" className="link-button" aria-label={t('facility:ethics.deleteLabel', { technology: entry.technology })}>
                        {t('facility:ethics.delete')}
                      </button>
                    </Form>{' '}
                    {index > 0 ? (
                      <Form method="post" action={here} className="inline-form">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="entryId" value={entry.id} />
                        <input type="hidden" name="direction" value="up" />
                        <button type="submit" className="link-button" aria-label={t('facility:ethics.moveUpLabel', { technology: entry.technology })}>
                          {t('facility:ethics.moveUp')}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="template-add">
        <h2 id="template-add">{t('template.addHeading')}</h2>
        <Form method="post" action={here} className="stack" noValidate>
          <FormError state={postedIntent === 'add' || !postedIntent ? state : undefined} />
          <input type="hidden" name="intent" value="add" />
          <EntryEditor state={postedIntent === 'add' ? state : undefined} />
          <SubmitButton>{t('facility:ethics.add')}</SubmitButton>
        </Form>
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
