import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { EthicsEntryForm } from '~/components/ethics-entry'
import { changeEthicsTemplate, ethicsTemplate } from '~/models/ethics-template.server'
import { municipalityNames } from '~/models/report.server'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { EthicsEntryIntents } from '~/utils/ethics-entry'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { can, forbidden, loadActor, notFound } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const TemplateSchema = z.discriminatedUnion('intent', [...EthicsEntryIntents])

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
                <EthicsEntryForm state={postedIntent === 'update' ? state : undefined} entry={entry} action={`${here}&edit=${entry.id}`} cancelTo={here} />
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
        <EthicsEntryForm state={postedIntent === 'add' || !postedIntent ? state : undefined} action={here} />
      </section>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
