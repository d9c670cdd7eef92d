import { useEffect, useState, type ReactNode } from 'react'
import { Field, SelectField, valueOf, type FormState } from '~/components/forms'

export type SharedPostcodes = Record<string, { id: string; name: string }[]>

/**
 * A postcode field and, when the postcode crosses a municipal border, the municipality picker.
 * The picker follows what is typed (with JavaScript) and what the page was rendered with (without),
 * so it never waits for a failed save to appear. `settled` is shown instead of the picker while
 * the postcode is the stored one and has a single municipality ("Du bor i Hillerød Kommune").
 */
export function PostcodeMunicipalityFields({
  state,
  shared,
  postcodeLabel,
  postcodeHint,
  municipalityLabel,
  municipalityHint,
  chooseLabel,
  defaultPostcode = '',
  defaultMunicipalityId = '',
  required,
  settled,
}: {
  state: FormState
  shared: SharedPostcodes
  postcodeLabel: string
  postcodeHint?: string
  municipalityLabel: string
  municipalityHint?: string
  chooseLabel: string
  defaultPostcode?: string
  defaultMunicipalityId?: string
  required?: boolean
  settled?: ReactNode
}) {
  const rendered = valueOf(state, 'postcode', defaultPostcode).trim()
  const [postcode, setPostcode] = useState(rendered)
  // A failed save renders what was posted; follow it.
  useEffect(() => setPostcode(rendered), [rendered])
  const choices = shared[postcode] ?? []
  return (
    <>
      <Field
        label={postcodeLabel}
        name="postcode"
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={4}
        hint={postcodeHint}
        defaultValue={defaultPostcode}
        required={required}
        state={state}
        onInput={(event) => setPostcode(event.currentTarget.value.trim())}
      />
      {choices.length > 0 ? (
        <SelectField
          // A new postcode has other municipalities: start the choice afresh.
          key={postcode}
          label={municipalityLabel}
          name="municipalityId"
          hint={municipalityHint}
          state={state}
          defaultValue={choices.some((choice) => choice.id === defaultMunicipalityId) ? defaultMunicipalityId : ''}
          placeholder={chooseLabel}
          options={choices.map((choice) => ({ value: choice.id, label: choice.name }))}
        />
      ) : postcode === defaultPostcode ? (
        settled
      ) : null}
    </>
  )
}
