import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field, FormScope, SelectField, TextAreaField, type FormState } from '~/components/forms'
import { EVENT_AUDIENCES, EVENT_KINDS, MAX_SESSIONS } from '~/utils/events'

export type EventFormValues = {
  kind: string
  title: string
  description: string
  capacity: number
  audience: string
  signupDeadlineDate: string
  sessions: { localDate: string; startTime: string; endTime: string; place: string; onlineUrl: string | null }[]
}

/** The fields of the coordinator's event form: the event, then up to MAX_SESSIONS session rows. */
export function EventFields({ state, event }: { state: FormState; event?: EventFormValues }) {
  const { t } = useTranslation(['events', 'common'])
  const sessionFields = { localDate: 'date', startTime: 'start', endTime: 'end', place: 'place', onlineUrl: 'onlineUrl' } as const
  // "Gang 2, starter kl.": a session's field errors say which session they belong to.
  const sessionLabels = Array.from({ length: MAX_SESSIONS }, (_, index) =>
    Object.entries(sessionFields).map(([name, label]) => [`sessions.${index}.${name}`, `${t('form.session', { number: index + 1 })}, ${t(`form.${label}`).toLowerCase()}`]),
  ).flat()
  return (
    <FormScope id="event">
      <ErrorSummary
        state={state}
        labels={{
          kind: t('form.kind'),
          title: t('form.title'),
          description: t('form.description'),
          capacity: t('form.capacity'),
          audience: t('form.audience'),
          signupDeadlineDate: t('form.deadline'),
          ...Object.fromEntries(sessionLabels),
        }}
      />
      <SelectField
        label={t('form.kind')}
        name="kind"
        state={state}
        placeholder={t('form.choose')}
        defaultValue={event?.kind ?? ''}
        options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
      />
      <Field label={t('form.title')} name="title" state={state} defaultValue={event?.title} maxLength={150} />
      <TextAreaField label={t('form.description')} name="description" state={state} defaultValue={event?.description} rows={5} />
      <Field label={t('form.capacity')} name="capacity" type="number" min={1} max={500} hint={t('form.capacityHint')} state={state} defaultValue={event ? String(event.capacity) : '10'} />
      <SelectField
        label={t('form.audience')}
        name="audience"
        state={state}
        placeholder={t('form.choose')}
        defaultValue={event?.audience ?? ''}
        options={EVENT_AUDIENCES.map((audience) => ({ value: audience, label: t(`audience.${audience}`) }))}
      />
      <Field label={t('form.deadline')} name="signupDeadlineDate" type="date" hint={t('form.deadlineHint')} state={state} defaultValue={event?.signupDeadlineDate} />
      {Array.from({ length: MAX_SESSIONS }, (_, index) => {
        const session = event?.sessions[index]
        return (
          <fieldset key={index} className="stack">
            <legend>{t('form.session', { number: index + 1 })}</legend>
            {index === 0 ? <p className="hint">{t('form.sessionsHint')}</p> : null}
            <Field label={t('form.date')} name={`sessions.${index}.localDate`} type="date" state={state} defaultValue={session?.localDate} />
            <Field label={t('form.start')} name={`sessions.${index}.startTime`} type="time" state={state} defaultValue={session?.startTime} />
            <Field label={t('form.end')} name={`sessions.${index}.endTime`} type="time" state={state} defaultValue={session?.endTime} />
            <Field label={t('form.place')} name={`sessions.${index}.place`} state={state} defaultValue={session?.place} maxLength={200} />
            <Field label={t('form.onlineUrl')} name={`sessions.${index}.onlineUrl`} type="url" state={state} defaultValue={session?.onlineUrl ?? ''} />
          </fieldset>
        )
      })}
    </FormScope>
  )
}
