import { useTranslation } from 'react-i18next'
import { ErrorList, type FormState, useFieldId } from '~/components/forms'
import { StatusIcon, visitLook } from '~/components/status-badge'
import { formatInZone } from '~/utils/dates'
import type { Locale } from '~/utils/domain'

/** "onsdag 2. december 2026, 14:00–16:00" in the reader's language, Copenhagen time. */
export function visitTimeText(startsAt: string | Date, endsAt: string | Date, locale: Locale) {
  const day = formatInZone(startsAt, locale === 'da' ? 'EEEE d. MMMM yyyy' : 'EEEE d MMMM yyyy', locale)
  return `${day}, ${formatInZone(startsAt, 'HH:mm', locale)}–${formatInZone(endsAt, 'HH:mm', locale)}`
}

/** A group of checkboxes or radio buttons in a fieldset with a legend; errors linked to the group. */
export function ChoiceGroup({
  legend,
  name,
  type,
  options,
  state,
  defaultValue = [],
  hint,
}: {
  legend: string
  name: string
  type: 'checkbox' | 'radio'
  options: { value: string; label: string }[]
  state: FormState
  defaultValue?: string[]
  hint?: string
}) {
  const id = useFieldId(name)
  const errors = state?.fieldErrors?.[name]
  const sent = state?.values ? [state.values[name] ?? []].flat() : defaultValue
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="choice-group" aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option) => (
          <div key={option.value} className={type === 'radio' ? 'field-radio' : 'field-checkbox'}>
            <input id={`${id}-${option.value}`} type={type} name={name} value={option.value} defaultChecked={sent.includes(option.value)} />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <ErrorList id={`${id}-errors`} errors={errors} />
    </fieldset>
  )
}

/** A visit's status in words, never only by colour. */
export function VisitStatus({ status, late }: { status: string; late?: boolean }) {
  const { t } = useTranslation('booking')
  return (
    <span className={`visit-status visit-status-${status}`}>
      <StatusIcon look={visitLook(status)} />
      {t(`status.${status}`)}
      {late ? ` · ${t('status.late')}` : ''}
    </span>
  )
}
