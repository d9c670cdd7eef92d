import { useNavigation } from '@remix-run/react'
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import { useTranslation } from 'react-i18next'
import { translateError, type FieldErrors } from '~/utils/forms'

/** What an action returns when a form fails; pages pass it to the fields. */
export type FormState = { fieldErrors?: FieldErrors; formError?: string; values?: Record<string, string | string[]> } | undefined

export function valueOf(state: FormState, name: string, fallback = '') {
  const value = state?.values?.[name]
  if (Array.isArray(value)) return value[0] ?? fallback
  return value ?? fallback
}

/**
 * Inside a FormScope, fields get predictable ids ("profile-postcode") so the error summary can link
 * to them; outside one they keep React's generated ids, so a page that renders the same form once
 * per row (windows, replies) never gets duplicate ids.
 */
const FormScopeContext = createContext<string | null>(null)

export function FormScope({ id, children }: { id: string; children: ReactNode }) {
  return <FormScopeContext.Provider value={id}>{children}</FormScopeContext.Provider>
}

/** The id a field named `name` gets inside the scope `scope`. */
export function scopedFieldId(scope: string, name: string) {
  return `${scope}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

export function useFieldId(name: string, explicit?: string) {
  const scope = useContext(FormScopeContext)
  const generated = useId()
  return explicit ?? (scope ? scopedFieldId(scope, name) : generated)
}

/**
 * The GOV.UK error summary: after a failed submit, a box at the top of the form that takes focus
 * and links to each field in error. With JavaScript the effect focuses it (Remix keeps the scroll
 * where the button was); without, the server-rendered page carries `autofocus`, which Chromium
 * honours on the first load of a document. Labels come from the page, as the field errors are
 * generic ("Skal udfyldes"); `targets` names the element to focus for a group of checkboxes or
 * radios (the first option), where there is no single field with the scoped id.
 */
export function ErrorSummary({
  state,
  labels = {},
  targets = {},
}: {
  state: FormState
  labels?: Record<string, string>
  targets?: Record<string, string>
}) {
  const { t } = useTranslation()
  const scope = useContext(FormScopeContext)
  const ref = useRef<HTMLDivElement>(null)
  const errors = state?.fieldErrors ?? {}
  const named = Object.keys(labels).filter((name) => errors[name]?.length)
  const rest = Object.keys(errors).filter((name) => errors[name]?.length && !named.includes(name))
  const items = [...named, ...rest].map((name) => ({
    name,
    target: targets[name] ?? (scope ? scopedFieldId(scope, name) : name),
    label: labels[name],
    message: translateError(t, errors[name]![0]!),
  }))
  const hasErrors = items.length > 0 || Boolean(state?.formError)
  useEffect(() => {
    if (hasErrors) ref.current?.focus()
  }, [state, hasErrors])
  if (!items.length) return <FormError state={state} />

  // A plain fragment link would make Remix's router treat the hash change as a navigation and drop
  // the action data (and with it every error on the page); focusing by hand keeps them.
  const follow = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    const element = document.getElementById(target)
    if (!element) return
    event.preventDefault()
    // A checkbox in a folded group (the profile's regions) can only take focus once unfolded.
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (parent instanceof HTMLDetailsElement) parent.open = true
    const label = document.querySelector(`label[for="${CSS.escape(target)}"]`)
    ;(label ?? element).scrollIntoView({ block: 'center' })
    element.focus({ preventScroll: true })
  }
  const headingId = `${scope ?? 'form'}-error-summary-title`
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={headingId}
      // The server HTML carries `autofocus`, which a browser without JavaScript acts on; with
      // JavaScript the effect above focuses it (React only auto-focuses form controls itself).
      // eslint-disable-next-line jsx-a11y/no-autofocus -- the GOV.UK summary is meant to take focus
      autoFocus
    >
      <h2 id={headingId}>{t('errorSummary.title')}</h2>
      {state?.formError ? <p>{translateError(t, state.formError)}</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.name}>
            <a href={`#${item.target}`} onClick={(event) => follow(event, item.target)}>
              {item.label ? t('errorSummary.item', { label: item.label, message: item.message }) : item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
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

/** A field's id, its errors and the ids that describe it (hint, errors) for aria-describedby. */
function useFieldParts(name: string, state: FormState, hint: string | undefined, explicitId: string | undefined) {
  const id = useFieldId(name, explicitId)
  const errors = state?.fieldErrors?.[name]
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(' ') || undefined
  return { id, errors, describedBy }
}

function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null
}

/** A labelled input with its hint and errors linked for screen readers; keeps what was typed. */
export function Field({ label, name, state, hint, defaultValue, type = 'text', id: explicitId, ...props }: FieldProps) {
  const { id, errors, describedBy } = useFieldParts(name, state, hint, explicitId)
  const keep = type !== 'password'
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
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

export function TextAreaField({ label, name, state, hint, defaultValue, id: explicitId, ...props }: TextAreaProps) {
  const { id, errors, describedBy } = useFieldParts(name, state, hint, explicitId)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
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

export function SelectField({ label, name, state, options, placeholder, hint, defaultValue, id: explicitId, ...props }: SelectProps) {
  const { id, errors, describedBy } = useFieldParts(name, state, hint, explicitId)
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
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
  const id = useFieldId(name)
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
