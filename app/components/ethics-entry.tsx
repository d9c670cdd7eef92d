import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { EthicsEntryInput } from '~/utils/ethics-entry'
import { ErrorSummary, Field, FormScope, SubmitButton, TextAreaField, type FormState } from './forms'

/**
 * The form for one ethics-policy entry, used by the facility's policy and the municipality's
 * template alike: a new entry (no `entry`) or an existing one being edited. `state` is the failed
 * submit of this very form, or undefined; `action` keeps the page's query (which municipality,
 * which entry is open) on the post; `cancelTo` is where "Cancel" leads while editing.
 */
export function EthicsEntryForm({
  state,
  entry,
  action,
  cancelTo = '.',
}: {
  state: FormState
  entry?: EthicsEntryInput & { id: string }
  action?: string
  cancelTo?: string
}) {
  const { t } = useTranslation(['facility', 'common'])
  const scope = entry ? `ethics-${entry.id}` : 'ethics-new'
  return (
    <Form method="post" action={action} className="stack" noValidate>
      {entry ? <h2>{t('ethics.editHeading', { technology: entry.technology })}</h2> : null}
      <input type="hidden" name="intent" value={entry ? 'update' : 'add'} />
      {entry ? <input type="hidden" name="entryId" value={entry.id} /> : null}
      <FormScope id={scope}>
        <ErrorSummary state={state} labels={{ technology: t('ethics.technology'), dilemma: t('ethics.dilemma'), agreedValues: t('ethics.agreedValues') }} />
        <Field label={t('ethics.technology')} name="technology" hint={t('ethics.technologyHint')} defaultValue={entry?.technology} required state={state} />
        <TextAreaField label={t('ethics.dilemma')} name="dilemma" hint={t('ethics.dilemmaHint')} defaultValue={entry?.dilemma} rows={3} required state={state} />
        <TextAreaField label={t('ethics.agreedValues')} name="agreedValues" hint={t('ethics.agreedValuesHint')} defaultValue={entry?.agreedValues} rows={3} required state={state} />
      </FormScope>
      {entry ? (
        <div>
          <SubmitButton>{t('ethics.saveEntry')}</SubmitButton> <Link to={cancelTo}>{t('cancel')}</Link>
        </div>
      ) : (
        <SubmitButton>{t('ethics.add')}</SubmitButton>
      )}
    </Form>
  )
}
