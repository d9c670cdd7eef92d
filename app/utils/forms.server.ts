import { json } from '@remix-run/node'
import { z, type ZodIssue, type ZodTypeAny } from 'zod'
import type { FieldErrors } from './forms'
import { oneLineText } from './text-fields'

// Every free-text field of every form is built from oneLineText or multiLineText. Routes import
// them from app/utils/text-fields.ts, never from here: a route's schemas are built when the module
// loads, in the browser too, where a .server module is empty.
import { passwordWeakness } from './password-strength.server'
import { tryAgainMessage } from './rate-limit.server'

/**
 * The person's own words while a form is parsed, for the new-password strength check: the form's
 * name, e-mail and facility fields plus what the action knows (the signed-in person, the
 * invitation's name and address). zod's field rules cannot see sibling fields, and a whole-form
 * rule would not run while any other field fails; parsing is synchronous, so the words are set
 * for exactly the duration of one `safeParse`.
 */
let personalWordsInParse: string[] = []
const PERSONAL_FIELDS = ['name', 'email', 'facilityName']

/** Maps zod's built-in issues to message keys in common.json (validation.*). */
function issueToMessage(issue: ZodIssue): string {
  // Our own messages are message keys ("validation.required", "auth:signup.consentRequired").
  if (/^(validation\.|[a-z]+:[a-zA-Z])/.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' || issue.received === 'null' ? 'validation.required' : 'validation.invalid'
    case 'too_small':
      if (issue.type === 'string') return issue.minimum === 1 ? 'validation.required' : `validation.tooShort?minimum=${issue.minimum}`
      if (issue.type === 'array') return issue.minimum === 1 ? 'validation.chooseOne' : `validation.chooseAtLeast?minimum=${issue.minimum}`
      return `validation.tooSmall?minimum=${issue.minimum}`
    case 'too_big':
      if (issue.type === 'string') return `validation.tooLong?maximum=${issue.maximum}`
      return `validation.tooBig?maximum=${issue.maximum}`
    case 'invalid_string':
      if (issue.validation === 'email') return 'validation.email'
      if (issue.validation === 'url') return 'validation.url'
      return 'validation.invalid'
    case 'invalid_enum_value':
    case 'invalid_literal':
    case 'invalid_union_discriminator':
      return 'validation.choose'
    case 'invalid_date':
      return 'validation.date'
    default:
      return 'validation.invalid'
  }
}

/** Form values as plain strings (first value per name, arrays for repeated names), for echoing back. */
export function formValues(formData: FormData) {
  const values: Record<string, string | string[]> = {}
  for (const key of new Set(formData.keys())) {
    if (/password/i.test(key)) continue // never sent back to the page
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string')
    values[key] = all.length > 1 ? all : (all[0] ?? '')
  }
  return values
}

function formObject(formData: FormData, arrayFields: readonly string[]) {
  const object: Record<string, unknown> = {}
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string')
    object[key] = arrayFields.includes(key) ? all : all[0]
  }
  for (const key of arrayFields) object[key] ??= []
  return object
}

export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string | string[]> }
export type FormResult<T> = { ok: true; data: T } | FormFailure

/**
 * Validates a posted form with a zod schema. Fields named in `arrayFields` are read as lists.
 * Never throws on bad input: the caller returns the failure with status 400.
 */
export function parseForm<S extends ZodTypeAny>(
  formData: FormData,
  schema: S,
  options: { arrayFields?: readonly string[]; personalWords?: (string | null | undefined)[] } = {},
): FormResult<z.output<S>> {
  const object = formObject(formData, options.arrayFields ?? [])
  const fromForm = PERSONAL_FIELDS.map((name) => object[name]).filter((value): value is string => typeof value === 'string')
  personalWordsInParse = [...fromForm, ...(options.personalWords ?? []).filter((value): value is string => Boolean(value))]
  let result: z.SafeParseReturnType<unknown, z.output<S>>
  try {
    result = schema.safeParse(object)
  } finally {
    personalWordsInParse = []
  }
  if (result.success) return { ok: true, data: result.data }
  const fieldErrors: FieldErrors = {}
  let formError: string | undefined
  for (const issue of result.error.issues) {
    const field = issue.path.join('.')
    const message = issueToMessage(issue)
    if (!field) {
      formError ??= message
      continue
    }
    ;(fieldErrors[field] ??= []).push(message)
  }
  // A pasted line break also fails the field's format check ("8 digits"); saying only what to fix first is clearer.
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const control = messages?.find((message) => message === 'validation.oneLine' || message === 'validation.controlCharacters')
    if (control) fieldErrors[field] = [control]
  }
  return { ok: false, fieldErrors, formError, values: formValues(formData) }
}

/** A failed form, or a single problem found after validation, as a 400 response. */
export function formFailure(
  formData: FormData,
  problem: { fieldErrors?: FieldErrors; formError?: string },
  init: ResponseInit = {},
) {
  return json<FormFailure>(
    { ok: false, fieldErrors: problem.fieldErrors ?? {}, formError: problem.formError, values: formValues(formData) },
    { status: 400, ...init },
  )
}

/**
 * A refused "current password" (checkCurrentPassword in app/models/user.server.ts) as the error
 * next to that field: wrong, or how long to wait before the next try is even checked (429).
 */
export function currentPasswordFailure(
  formData: FormData,
  check: { reason: 'wrong' } | { reason: 'throttled'; retryAfterSeconds: number },
  field = 'currentPassword',
) {
  if (check.reason === 'wrong') return formFailure(formData, { fieldErrors: { [field]: ['auth:settings.wrongPassword'] } })
  return formFailure(
    formData,
    { fieldErrors: { [field]: [tryAgainMessage(check.retryAfterSeconds)] } },
    { status: 429, headers: { 'Retry-After': String(check.retryAfterSeconds) } },
  )
}

/** Reads the request body as a form; a body that is not a form is a 400, not a 500. */
export async function readForm(request: Request) {
  try {
    return await request.formData()
  } catch {
    throw json({ ok: false, fieldErrors: {}, formError: 'validation.badRequest', values: {} }, { status: 400 })
  }
}

// Shared field schemas, so every form says the same thing about the same kind of field. Free text
// is built on oneLineText/multiLineText; a field with a closed format (e-mail, phone, postcode,
// date, time) already refuses every control character by its own pattern, checked after trim(),
// and keeps its own, more helpful message ("8 digits").
export const emailField = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong?maximum=254')
  .email('validation.email')
  .transform((value) => value.toLowerCase())

/**
 * A password someone chooses (sign-up, reset, invitation, change): 10–200 characters and hard to
 * guess (password-strength.server.ts), with the reason and a tip when it is not.
 */
export const newPasswordField = z
  .string({ required_error: 'validation.required' })
  .min(10, 'validation.passwordTooShort')
  .max(200, 'validation.tooLong?maximum=200')
  .superRefine((password, ctx) => {
    if (password.length < 10 || password.length > 200) return
    for (const message of passwordWeakness(password, personalWordsInParse) ?? []) ctx.addIssue({ code: 'custom', message })
  })

/** A new password set through an e-mailed link (invitation, reset): the link's token and the password typed twice. */
export const tokenPasswordSchema = z
  .object({ token: z.string().min(1), password: newPasswordField, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'validation.passwordsDiffer' })

export const nameField = oneLineText()
  .trim()
  .min(1, 'validation.required')
  .max(120, 'validation.tooLong?maximum=120')

export const phoneField = z
  .string()
  .trim()
  .max(30, 'validation.tooLong?maximum=30')
  .regex(/^$|^\+?[0-9 ()-]{8,20}$/, 'validation.phone')
  .optional()
  .transform((value) => (value ? value : null))

export const localeField = z.enum(['da', 'en'], { errorMap: () => ({ message: 'validation.choose' }) })

export const checkboxField = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true')
