import { z } from 'zod'
import type { JobAdInput } from '~/models/job.server'
import { formatInZone } from './dates'
import { FREQUENCIES, TASKS } from './domain'
import { checkboxField } from './forms.server'
import { AD_LANGUAGES, MAX_VOLUNTEERS } from './job-ad'

/**
 * The ad builder's one form. "Save draft" only insists on a title and on values that make sense
 * (an end time after the start time, 1–20 volunteers …); "Submit for review" also insists on a
 * complete ad, because that is what the centre and the volunteers will read.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `validation.tooLong?maximum=${max}`)
    .optional()
    .transform((value) => value ?? '')

const time = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'jobs:errors.time')
  .transform((value) => value || null)

const date = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`)) && new Date(`${value}T12:00:00Z`).toISOString().startsWith(value)), 'validation.date')
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
    title: z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').max(120, 'validation.tooLong?maximum=120'),
    tasks: z.array(z.enum(TASKS, { errorMap: () => ({ message: 'validation.choose' }) })).max(TASKS.length),
    description: text(5000),
    boundaries: text(2000),
    targetGroup: text(200),
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
    minimumAge: whole(15, 99, 'jobs:errors.minimumAge'),
    languages: z.array(z.enum(AD_LANGUAGES, { errorMap: () => ({ message: 'validation.choose' }) })).max(AD_LANGUAGES.length),
    offers: text(2000),
    contactPersonId: z
      .string()
      .trim()
      .max(100, 'validation.choose')
      .optional()
      .transform((value) => value || null),
  })
  .superRefine((form, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
    if (form.timeFrom && form.timeTo && form.timeTo <= form.timeFrom) issue('timeTo', 'jobs:errors.endBeforeStart')
    if (Boolean(form.timeFrom) !== Boolean(form.timeTo)) issue(form.timeFrom ? 'timeTo' : 'timeFrom', 'jobs:errors.timePair')
    if (form.intent !== 'submit') return
    // A complete ad: what, the boundaries, when, from when, and who to ask.
    if (form.tasks.length === 0) issue('tasks', 'jobs:errors.taskRequired')
    if (form.description.length < 40) issue('description', 'jobs:errors.descriptionShort')
    if (!form.boundaries) issue('boundaries', 'jobs:errors.boundariesRequired')
    if (form.frequency !== 'flexible') {
      if (form.weekdays.length === 0) issue('weekdays', 'jobs:errors.weekdayRequired')
      if (!form.timeFrom && !form.timeTo) issue('timeFrom', 'jobs:errors.timeRequired')
    }
    if (!form.startDate) issue('startDate', 'jobs:errors.startDateRequired')
    else if (form.startDate < formatInZone(new Date(), 'yyyy-MM-dd', 'da')) issue('startDate', 'jobs:errors.startDatePast')
    if (!form.contactPersonId) issue('contactPersonId', 'jobs:errors.contactPersonRequired')
  })

export type JobAdForm = z.output<typeof JobAdFormSchema>

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
