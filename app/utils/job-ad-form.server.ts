import { z } from 'zod'
import { CPR_REFUSED, withoutCprNumber } from './cpr'
import { FREQUENCIES, TASKS, type Frequency, type Task } from './domain'
import { checkboxField, parseForm, type FormResult } from './forms.server'
import { multiLineText, oneLineText } from './text-fields'
import { AD_LANGUAGES, MAX_VOLUNTEERS } from './job-ad'
import { copenhagenDate, isClockTime, isLocalDate } from './time'

/**
 * The ad builder's one form. "Save draft" only insists on a title and on values that make sense
 * (an end time after the start time, 1–20 volunteers …); "Submit for review" also insists on a
 * complete ad, because that is what the centre and the volunteers will read.
 */

const text = (field: ReturnType<typeof oneLineText>, max: number) =>
  field
    .trim()
    .max(max, `validation.tooLong?maximum=${max}`)
    .optional()
    .refine(withoutCprNumber, CPR_REFUSED)
    .transform((value) => value ?? '')

const time = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || isClockTime(value), 'jobs:errors.time')
  .transform((value) => value || null)

const date = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || isLocalDate(value), 'validation.date')
  .transform((value) => value || null)

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || (/^\d{1,3}$/.test(value) && Number(value) >= min && Number(value) <= max), message)
    .transform((value) => (value ? Number(value) : null))

export const JOB_AD_ARRAY_FIELDS = ['tasks', 'weekdays', 'languages'] as const

export const JobAdFormSchema = z
  .object({
    intent: z.enum(['save', 'submit'], { errorMap: () => ({ message: 'validation.choose' }) }),
    title: oneLineText().trim().min(1, 'validation.required').max(120, 'validation.tooLong?maximum=120'),
    tasks: z.array(z.enum(TASKS, { errorMap: () => ({ message: 'validation.choose' }) })).max(TASKS.length),
    description: text(multiLineText(), 5000),
    boundaries: text(multiLineText(), 2000),
    targetGroup: text(oneLineText(), 200),
    weekdays: z.array(z.enum(['1', '2', '3', '4', '5', '6', '7'], { errorMap: () => ({ message: 'validation.choose' }) })).max(7),
    timeFrom: time,
    timeTo: time,
    frequency: z.enum(FREQUENCIES, { errorMap: () => ({ message: 'validation.choose' }) }),
    startDate: date,
    volunteersWanted: z
      .string({ required_error: 'jobs:errors.volunteers' })
      .trim()
      .refine((value) => /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_VOLUNTEERS, 'jobs:errors.volunteers')
      .transform(Number),
    requiresConfidentiality: checkboxField,
    requiresCriminalRecord: checkboxField,
    requiresChildCertificate: checkboxField,
    requiresIntroCourse: checkboxField,
    minimumAge: whole(15, 99, 'jobs:errors.minimumAge'),
    languages: z.array(z.enum(AD_LANGUAGES, { errorMap: () => ({ message: 'validation.choose' }) })).max(AD_LANGUAGES.length),
    offers: text(multiLineText(), 2000),
    contactPersonId: z
      .string()
      .trim()
      .max(100, 'validation.choose')
      .optional()
      .transform((value) => value || null),
  })
  .superRefine((form, ctx) => {
    for (const [path, message] of completenessProblems(form)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
  })

type CheckedFields = {
  intent: string
  tasks: string[]
  description: string
  boundaries: string
  frequency: string
  weekdays: string[]
  timeFrom: string | null
  timeTo: string | null
  startDate: string | null
  contactPersonId: string | null
}

/** The rules that look at several fields at once; a draft only has to make sense, a submitted ad must be complete. */
function completenessProblems(form: CheckedFields) {
  const problems: [string, string][] = []
  if (form.timeFrom && form.timeTo && form.timeTo <= form.timeFrom) problems.push(['timeTo', 'jobs:errors.endBeforeStart'])
  if (Boolean(form.timeFrom) !== Boolean(form.timeTo)) problems.push([form.timeFrom ? 'timeTo' : 'timeFrom', 'jobs:errors.timePair'])
  if (form.intent !== 'submit') return problems
  // A complete ad: what, the boundaries, when, from when, and who to ask.
  if (form.tasks.length === 0) problems.push(['tasks', 'jobs:errors.taskRequired'])
  if (form.description.length < 40) problems.push(['description', 'jobs:errors.descriptionShort'])
  if (!form.boundaries) problems.push(['boundaries', 'jobs:errors.boundariesRequired'])
  if (form.frequency !== 'flexible') {
    if (form.weekdays.length === 0) problems.push(['weekdays', 'jobs:errors.weekdayRequired'])
    if (!form.timeFrom && !form.timeTo) problems.push(['timeFrom', 'jobs:errors.timeRequired'])
  }
  if (!form.startDate) problems.push(['startDate', 'jobs:errors.startDateRequired'])
  else if (form.startDate < copenhagenDate()) problems.push(['startDate', 'jobs:errors.startDatePast'])
  if (!form.contactPersonId) problems.push(['contactPersonId', 'jobs:errors.contactPersonRequired'])
  return problems
}

/**
 * Parses the builder's form. zod skips the whole-form rules as soon as one field fails, so on a
 * failure they are run again on whatever could be read: the person sees every problem at once.
 */
export function parseJobAdForm(formData: FormData): FormResult<JobAdForm> {
  const form = parseForm(formData, JobAdFormSchema, { arrayFields: JOB_AD_ARRAY_FIELDS })
  if (form.ok) return form
  const text = (name: string) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value.trim() : ''
  }
  const validTime = (name: string) => (isClockTime(text(name)) ? text(name) : null)
  const raw: CheckedFields = {
    intent: text('intent'),
    tasks: formData.getAll('tasks').filter((value): value is string => typeof value === 'string'),
    description: text('description'),
    boundaries: text('boundaries'),
    frequency: text('frequency'),
    weekdays: formData.getAll('weekdays').filter((value): value is string => typeof value === 'string'),
    timeFrom: validTime('timeFrom') ?? (text('timeFrom') ? 'invalid' : null),
    timeTo: validTime('timeTo') ?? (text('timeTo') ? 'invalid' : null),
    startDate: /^\d{4}-\d{2}-\d{2}$/.test(text('startDate')) ? text('startDate') : text('startDate') ? 'invalid' : null,
    contactPersonId: text('contactPersonId') || null,
  }
  for (const [field, message] of completenessProblems(raw)) {
    // A field that already has its own error keeps it; "invalid" values are not compared.
    if (form.fieldErrors[field]?.length) continue
    if (field === 'timeTo' && (raw.timeFrom === 'invalid' || raw.timeTo === 'invalid')) continue
    if (field === 'startDate' && raw.startDate === 'invalid') continue
    form.fieldErrors[field] = [message]
  }
  return form
}

export type JobAdForm = z.output<typeof JobAdFormSchema>

/** An ad's content as the model stores it (createJobAd / updateJobAd in app/models/job.server.ts). */
export type JobAdInput = {
  title: string
  tasks: Task[]
  description: string
  boundaries: string
  targetGroup: string
  weekdays: number[]
  timeFrom: string | null
  timeTo: string | null
  frequency: Frequency
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

export function jobAdInput(form: JobAdForm): JobAdInput {
  return {
    title: form.title,
    tasks: form.tasks,
    description: form.description,
    boundaries: form.boundaries,
    targetGroup: form.targetGroup,
    weekdays: form.weekdays.map(Number),
    timeFrom: form.timeFrom,
    timeTo: form.timeTo,
    frequency: form.frequency,
    startDate: form.startDate,
    volunteersWanted: form.volunteersWanted,
    requiresConfidentiality: form.requiresConfidentiality,
    requiresCriminalRecord: form.requiresCriminalRecord,
    requiresChildCertificate: form.requiresChildCertificate,
    requiresIntroCourse: form.requiresIntroCourse,
    minimumAge: form.minimumAge,
    languages: form.languages,
    offers: form.offers,
    contactPersonId: form.contactPersonId,
  }
}

/** The model's refusals as the form shows them. */
export function jobAdProblemMessage(problem: 'not-found' | 'wrong-state' | 'contact-person' | 'facility-not-active') {
  switch (problem) {
    case 'contact-person':
      return { fieldErrors: { contactPersonId: ['jobs:errors.contactPerson'] } }
    case 'facility-not-active':
      return { formError: 'jobs:errors.facilityNotActive' }
    case 'wrong-state':
      return { formError: 'jobs:errors.wrongState' }
    case 'not-found':
      return { formError: 'jobs:errors.notFound' }
  }
}
