import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, ErrorList, ErrorSummary, Field, FormScope, SelectField, SubmitButton, TextAreaField, useFieldId, type FormState } from '~/components/forms'
import { formatLocalDate } from '~/utils/dates'
import { localeOf, FREQUENCIES, TASKS, WEEKDAYS } from '~/utils/domain'
import { AD_LANGUAGES, MAX_VOLUNTEERS } from '~/utils/job-ad'

/** The values the builder starts from: a saved draft, or a new ad's defaults. */
export type JobAdFormDefaults = {
  title: string
  tasks: string[]
  description: string
  boundaries: string
  targetGroup: string
  weekdays: number[]
  timeFrom: string | null
  timeTo: string | null
  frequency: string
  startDate: string | null
  volunteersWanted: number
  requiresConfidentiality: boolean
  requiresCriminalRecord: boolean
  requiresChildCertificate: boolean
  requiresIntroCourse: boolean
  minimumAge: number | null
  languages: string[]
  offers: string
  contactPersonId: string | null
}

/** What was posted (after a failed submit) wins over the saved values, so nothing typed is lost. */
function listValue(state: FormState, name: string, fallback: string[]) {
  if (!state?.values) return fallback
  const value = state.values[name]
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  state,
  hint,
}: {
  legend: string
  name: string
  options: { value: string; label: string }[]
  selected: string[]
  state: FormState
  hint?: string
}) {
  const id = useFieldId(name)
  const errors = state?.fieldErrors?.[name]
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((option) => (
          <div key={option.value} className="field field-checkbox">
            <input id={`${id}-${option.value}`} type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <ErrorList id={`${id}-errors`} errors={errors} />
    </fieldset>
  )
}

/** The ad builder. Works without JavaScript: two submit buttons, "save" and "submit". */
export function JobAdForm({
  state,
  defaults,
  contactPersons,
  facilityId,
  wishIds = [],
}: {
  state: FormState
  defaults: JobAdFormDefaults
  contactPersons: { id: string; name: string; isContactPerson: boolean }[]
  facilityId?: string
  /** The residents' wishes the new ad is written from (issue 12). */
  wishIds?: string[]
}) {
  const { t } = useTranslation(['jobs', 'common'])
  const tasks = listValue(state, 'tasks', defaults.tasks)
  const weekdays = listValue(state, 'weekdays', defaults.weekdays.map(String))
  const languages = listValue(state, 'languages', defaults.languages)
  return (
    <Form method="post" className="stack" noValidate>
      <FormScope id="ad">
      {facilityId ? <input type="hidden" name="facilityId" value={facilityId} /> : null}
      {wishIds.map((id) => (
        <input key={id} type="hidden" name="wishIds" value={id} />
      ))}
      <ErrorSummary
        state={state}
        labels={{
          title: t('form.title'),
          tasks: t('form.tasks'),
          description: t('form.description'),
          boundaries: t('form.boundaries'),
          targetGroup: t('form.targetGroup'),
          frequency: t('form.frequency'),
          weekdays: t('form.weekdays'),
          timeFrom: t('form.timeFrom'),
          timeTo: t('form.timeTo'),
          startDate: t('form.startDate'),
          volunteersWanted: t('form.volunteersWanted'),
          minimumAge: t('form.minimumAge'),
          languages: t('form.languages'),
          offers: t('form.offers'),
          contactPersonId: t('form.contactPerson'),
        }}
        targets={{ tasks: `ad-tasks-${TASKS[0]}`, weekdays: `ad-weekdays-${WEEKDAYS[0]}`, languages: `ad-languages-${AD_LANGUAGES[0]}` }}
      />
      <Field label={t('form.title')} name="title" state={state} defaultValue={defaults.title} hint={t('form.titleHint')} maxLength={120} required />
      <CheckboxGroup
        legend={t('form.tasks')}
        name="tasks"
        hint={t('form.tasksHint')}
        state={state}
        selected={tasks}
        options={TASKS.map((task) => ({ value: task, label: t(`common:task.${task}`) }))}
      />
      <details className="suggestions">
        <summary>{t('form.suggestionsSummary')}</summary>
        <p className="hint">{t('form.suggestionsIntro')}</p>
        <dl className="meta-list">
          {TASKS.map((task) => (
            <div key={task} className="suggestion">
              <dt>{t(`common:task.${task}`)}</dt>
              <dd>{t(`suggestion.${task}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <TextAreaField label={t('form.description')} name="description" state={state} defaultValue={defaults.description} hint={t('form.descriptionHint')} rows={8} />
      <TextAreaField
        label={t('form.boundaries')}
        name="boundaries"
        state={state}
        defaultValue={defaults.boundaries}
        hint={t('form.boundariesHint', { example: t('form.boundariesExample') })}
        rows={4}
      />
      <Field label={t('form.targetGroup')} name="targetGroup" state={state} defaultValue={defaults.targetGroup} hint={t('form.targetGroupHint')} />
      <fieldset>
        <legend>{t('form.schedule')}</legend>
        <SelectField
          label={t('form.frequency')}
          name="frequency"
          state={state}
          defaultValue={defaults.frequency}
          hint={t('form.frequencyHint')}
          options={FREQUENCIES.map((frequency) => ({ value: frequency, label: t(`common:frequency.${frequency}`) }))}
        />
        <CheckboxGroup
          legend={t('form.weekdays')}
          name="weekdays"
          state={state}
          selected={weekdays}
          options={WEEKDAYS.map((day) => ({ value: String(day), label: t(`common:weekday.${day}`) }))}
        />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1.5rem' }}>
          <Field label={t('form.timeFrom')} name="timeFrom" type="time" state={state} defaultValue={defaults.timeFrom ?? ''} hint={t('form.timeHint')} />
          <Field label={t('form.timeTo')} name="timeTo" type="time" state={state} defaultValue={defaults.timeTo ?? ''} hint={t('form.timeToHint')} />
        </div>
        <Field label={t('form.startDate')} name="startDate" type="date" state={state} defaultValue={defaults.startDate ?? ''} hint={t('form.dateHint')} />
      </fieldset>
      <Field
        label={t('form.volunteersWanted')}
        name="volunteersWanted"
        type="number"
        min={1}
        max={MAX_VOLUNTEERS}
        inputMode="numeric"
        state={state}
        defaultValue={String(defaults.volunteersWanted)}
      />
      <fieldset>
        <legend>{t('form.requirements')}</legend>
        <p className="hint">{t('form.requirementsHint')}</p>
        <CheckboxField label={t('requirement.confidentiality')} name="requiresConfidentiality" state={state} defaultChecked={defaults.requiresConfidentiality} />
        <CheckboxField label={t('requirement.criminalRecord')} name="requiresCriminalRecord" state={state} defaultChecked={defaults.requiresCriminalRecord} />
        <CheckboxField label={t('requirement.childCertificate')} name="requiresChildCertificate" state={state} defaultChecked={defaults.requiresChildCertificate} />
        <CheckboxField label={t('requirement.introCourse')} name="requiresIntroCourse" state={state} defaultChecked={defaults.requiresIntroCourse} />
        <Field
          label={t('form.minimumAge')}
          name="minimumAge"
          type="number"
          min={15}
          max={99}
          inputMode="numeric"
          state={state}
          defaultValue={defaults.minimumAge === null ? '' : String(defaults.minimumAge)}
        />
        <CheckboxGroup
          legend={t('form.languages')}
          name="languages"
          state={state}
          selected={languages}
          options={AD_LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
        />
      </fieldset>
      <TextAreaField label={t('form.offers')} name="offers" state={state} defaultValue={defaults.offers} hint={t('form.offersHint')} rows={4} />
      <SelectField
        label={t('form.contactPerson')}
        name="contactPersonId"
        state={state}
        defaultValue={defaults.contactPersonId ?? ''}
        placeholder={t('common:choose')}
        hint={t('form.contactPersonHint')}
        options={contactPersons.map((person) => ({ value: person.id, label: person.isContactPerson ? t('form.contactPersonMarked', { name: person.name }) : person.name }))}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <SubmitButton name="intent" value="submit">
          {t('form.submit')}
        </SubmitButton>
        <SubmitButton name="intent" value="save" className="button button-secondary">
          {t('form.save')}
        </SubmitButton>
      </div>
      </FormScope>
    </Form>
  )
}

/** The plain schedule line, e.g. "tirsdag, torsdag · kl. 15:00–17:00 · hver uge". */
export function scheduleText(
  t: (key: string, options?: Record<string, unknown>) => string,
  ad: { weekdays: number[]; timeFrom: string | null; timeTo: string | null; frequency: string },
) {
  return [
    ad.weekdays.map((day) => t(`common:weekday.${day}`)).join(', '),
    ad.timeFrom && ad.timeTo ? t('common:jobs.time', { from: ad.timeFrom, to: ad.timeTo }) : null,
    t(`common:frequency.${ad.frequency}`),
  ]
    .filter(Boolean)
    .join(' · ')
}

export type JobAdViewData = Omit<JobAdFormDefaults, 'contactPersonId'> & {
  contactPerson: { name: string } | null
  facility: { name: string; kind: string; town: string }
  municipality: { name: string }
}

/** The whole ad as volunteers will read it (used by the builder's preview and the centre's review). */
export function JobAdView({ ad, headingLevel = 2 }: { ad: JobAdViewData; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation(['jobs', 'common'])
  const locale = localeOf(i18n.language)
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const requirements = [
    ad.requiresConfidentiality ? t('requirement.confidentiality') : null,
    ad.requiresCriminalRecord ? t('requirement.criminalRecord') : null,
    ad.requiresChildCertificate ? t('requirement.childCertificate') : null,
    ad.requiresIntroCourse ? t('requirement.introCourse') : null,
    ad.minimumAge ? t('view.minimumAge', { age: ad.minimumAge }) : null,
    ad.languages.length ? t('view.languages', { languages: ad.languages.map((code) => t(`language.${code}`)).join(', ') }) : null,
  ].filter((line): line is string => Boolean(line))
  return (
    <div className="ad-view">
      <p className="lead">
        {ad.facility.name} · {t(`common:facilityKind.${ad.facility.kind}`)} · {ad.facility.town} · {ad.municipality.name}
      </p>
      {ad.tasks.length ? (
        <p className="tags">
          {ad.tasks.map((task) => (
            <span key={task} className="tag">
              {t(`common:task.${task}`)}
            </span>
          ))}
        </p>
      ) : null}
      <H>{t('view.about')}</H>
      <p className="prewrap">{ad.description || t('view.missing')}</p>
      <H>{t('view.boundaries')}</H>
      <p className="prewrap">{ad.boundaries || t('view.missing')}</p>
      {ad.targetGroup ? (
        <>
          <H>{t('view.targetGroup')}</H>
          <p>{ad.targetGroup}</p>
        </>
      ) : null}
      <H>{t('view.when')}</H>
      <p>{scheduleText(t as never, ad)}</p>
      {ad.startDate ? <p>{t('view.startDate', { date: formatLocalDate(ad.startDate, locale) })}</p> : null}
      <p>{t('view.volunteersWanted', { count: ad.volunteersWanted })}</p>
      <H>{t('view.requirements')}</H>
      {requirements.length ? (
        <ul>
          {requirements.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>{t('view.noRequirements')}</p>
      )}
      {ad.offers ? (
        <>
          <H>{t('view.offers')}</H>
          <p className="prewrap">{ad.offers}</p>
        </>
      ) : null}
      <H>{t('view.contactPerson')}</H>
      <p>{ad.contactPerson ? ad.contactPerson.name : t('view.missing')}</p>
    </div>
  )
}

/** The button labels of an ad's status changes (`jobs` namespace), written out so a search finds them. */
export const AD_ACTION_LABEL = { pause: 'actions.pause', resume: 'actions.resume', fill: 'actions.fill', renew: 'actions.renew', close: 'actions.close' } as const

/** A small form with one button for a status change of an ad. */
export function AdActionButton({ intent, label, action, secondary, back }: { intent: string; label: string; action?: string; secondary?: boolean; back?: 'list' }) {
  return (
    <Form method="post" action={action} className="inline-form">
      {back ? <input type="hidden" name="back" value={back} /> : null}
      <SubmitButton name="intent" value={intent} className={secondary ? 'button button-small button-secondary' : 'button button-small'}>
        {label}
      </SubmitButton>
    </Form>
  )
}
