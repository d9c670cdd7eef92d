import { useNavigation } from '@remix-run/react'
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { translateError, type FieldErrors } from '~/utils/forms'

/** What an action returns when a form fails; pages pass it to the fields. */
export type FormState = { fieldErrors?: FieldErrors; formError?: string; values?: Record<string, string | string[]> } | undefined

export function valueOf(state: FormState, name: string, fallback = '') {
  const value = state?.values?.[name]
  if (Array.isArray(value)) return value[0] ?? fallback
  return value ?? fallback
}

export function ErrorList({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{translateError(t, error)}</li>
      ))}
    </ul>
  )
}

type FieldProps = {
  label: string
  name: string
  state: FormState
  hint?: string
  defaultValue?: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'defaultValue'>

/** A labelled input with its hint and errors linked for screen readers; keeps what was typed. */
export function Field({ label, name, state, hint, defaultValue, type = 'text', ...props }: FieldProps) {
  const id = useId()
  const errors = state?.fieldErrors?.[name]
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  const keep = type !== 'password'
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={keep ? valueOf(state, name, defaultValue) : undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        {...props}
      />
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  )
}

type TextAreaProps = { label: string; name: string; state: FormState; hint?: string; defaultValue?: string } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'name' | 'defaultValue'
>

export function TextAreaField({ label, name, state, hint, defaultValue, ...props }: TextAreaProps) {
  const id = useId()
  const errors = state?.fieldErrors?.[name]
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        rows={5}
        {...props}
      />
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  )
}

type SelectProps = {
  label: string
  name: string
  state: FormState
  options: { value: string; label: string }[]
  placeholder?: string
  hint?: string
  defaultValue?: string
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'defaultValue'>

export function SelectField({ label, name, state, options, placeholder, hint, defaultValue, ...props }: SelectProps) {
  const id = useId()
  const errors = state?.fieldErrors?.[name]
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={valueOf(state, name, defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  )
}

export function CheckboxField({ label, name, state, defaultChecked }: { label: ReactNode; name: string; state: FormState; defaultChecked?: boolean }) {
  const id = useId()
  const errors = state?.fieldErrors?.[name]
  const checked = state?.values ? state.values[name] === 'on' : defaultChecked
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={checked}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-errors` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  )
}

/** A problem with the form as a whole (rate limit, wrong password), shown above the fields. */
export function FormError({ state }: { state: FormState }) {
  const { t } = useTranslation()
  if (!state?.formError) return null
  return (
    <div className="form-error" role="alert">
      {translateError(t, state.formError)}
    </div>
  )
}

export function SubmitButton({ children, name, value, className = 'button' }: { children: ReactNode; name?: string; value?: string; className?: string }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && (!name || navigation.formData?.get(name) === value)
  return (
    <button type="submit" className={className} name={name} value={value} aria-disabled={busy || undefined}>
      {children}
    </button>
  )
}
