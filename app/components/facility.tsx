import type { FormState } from './forms'
import { ErrorList, useFieldId } from './forms'

/** A group of checkboxes in a fieldset with a legend; errors are linked to the group. */
export function CheckboxGroup({
  legend,
  hint,
  name,
  options,
  selected,
  state,
}: {
  legend: string
  hint?: string
  name: string
  options: { value: string; label: string }[]
  selected: string[]
  state: FormState
}) {
  const id = useFieldId(name)
  const errors = state?.fieldErrors?.[name]
  const posted = state?.values ? [state.values[name] ?? []].flat() : null
  const checked = posted ?? selected
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="field-checkbox">
          <input id={`${id}-${option.value}`} type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <ErrorList id={`${id}-errors`} errors={errors} />
    </fieldset>
  )
}
