// What a visit plan says in words, and the forms that make and change plans. Shared by the pages,
// the model and the e-mails so everybody reads the same agreement the same way.
import { z } from 'zod'
import { CPR_REFUSED, withoutCprNumber } from './cpr'
import { formatLocalDate } from './dates'
import type { Locale } from './domain'
import { capitalize, describeSchedule } from './schedule'
import { multiLineText, oneLineText } from './text-fields'
import { addDays, isClockTime, isLocalDate, isoWeekday } from './time'
import { PLAN_FREQUENCIES, type PlanRule } from './visit-schedule'

type T = (key: string, options?: Record<string, unknown>) => string

export const NTH_WEEKDAYS = [1, 2, 3, 4, -1] as const

/** "Tirsdage kl. 15–17, hver anden uge, fra 1. december 2026" / "The 2nd Wednesday of the month, 14:00–16:00". */
export function describePlan(t: T, locale: Locale, plan: PlanRule) {
  let phrase: string
  if (plan.frequency === 'monthly') {
    const time = describeSchedule(t, locale, { weekdays: [], timeFrom: plan.startTime, timeTo: plan.endTime, frequency: '' })
    phrase = t('visits:plan.monthlyPhrase', { nth: t(`visits:plan.nth.${plan.nthWeekday ?? 1}`), day: t(`common:weekday.${plan.weekday}`), time })
  } else {
    phrase = describeSchedule(t, locale, { weekdays: [plan.weekday], timeFrom: plan.startTime, timeTo: plan.endTime, frequency: plan.frequency })
  }
  phrase += t('visits:plan.fromDate', { date: formatLocalDate(plan.startDate, locale) })
  if (plan.endDate) phrase += t('visits:plan.toDate', { date: formatLocalDate(plan.endDate, locale) })
  return capitalize(phrase)
}

const dateField = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .refine(isLocalDate, 'validation.date')
const optionalDateField = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || isLocalDate(value), 'validation.date')
  .transform((value) => (value ? value : null))
const timeField = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .refine(isClockTime, 'visits:plan.invalidTime')
const reasonField = multiLineText()
  .trim()
  .max(500, 'validation.tooLong?maximum=500')
  .optional()
  .refine(withoutCprNumber, CPR_REFUSED)
  .transform((value) => value || null)

/**
 * The plan form (propose or change). `today` is Copenhagen's date: a plan cannot start in the
 * past, and every problem is reported at once next to its field.
 */
export function planFormSchema(today: string) {
  return z
    .object({
      weekday: z.coerce.number({ invalid_type_error: 'validation.choose' }).int('validation.choose').min(1, 'validation.choose').max(7, 'validation.choose'),
      startTime: timeField,
      endTime: timeField,
      frequency: z.enum(PLAN_FREQUENCIES, { errorMap: () => ({ message: 'validation.choose' }) }),
      nthWeekday: z
        .string()
        .optional()
        .transform((value) => (value ? Number(value) : null))
        .refine((value) => value === null || (NTH_WEEKDAYS as readonly number[]).includes(value), 'validation.choose'),
      startDate: dateField,
      endDate: optionalDateField,
      location: oneLineText().trim().max(300, 'validation.tooLong?maximum=300').optional().transform((value) => value ?? ''),
    })
    .superRefine((plan, ctx) => {
      if (!isClockTime(plan.startTime) || !isClockTime(plan.endTime) || !isLocalDate(plan.startDate)) return
      if (plan.endTime <= plan.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'visits:plan.endBeforeStart' })
      if (plan.startDate < today) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'visits:plan.startInPast' })
      if (plan.startDate > addDays(today, 366)) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'visits:plan.startTooFar' })
      if (plan.endDate && isLocalDate(plan.endDate) && plan.endDate < plan.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'visits:plan.endDateBeforeStart' })
      if (plan.frequency === 'monthly' && plan.nthWeekday === null) ctx.addIssue({ code: 'custom', path: ['nthWeekday'], message: 'visits:plan.chooseNth' })
    })
    .transform((plan) => ({ ...plan, nthWeekday: plan.frequency === 'monthly' ? plan.nthWeekday : null }))
}
export type PlanTerms = z.output<ReturnType<typeof planFormSchema>>

export function pauseFormSchema(today: string) {
  return z
    .object({ intent: z.literal('pause'), fromDate: dateField, toDate: dateField, reason: reasonField })
    .superRefine((pause, ctx) => {
      // Field refinements do not stop zod from running this: malformed dates are already reported.
      if (!isLocalDate(pause.fromDate) || !isLocalDate(pause.toDate)) return
      if (pause.fromDate < today) ctx.addIssue({ code: 'custom', path: ['fromDate'], message: 'visits:plan.dateInPast' })
      if (pause.toDate < pause.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'visits:plan.endDateBeforeStart' })
      if (pause.toDate > addDays(pause.fromDate, 366)) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'visits:plan.pauseTooLong' })
    })
}

export function skipFormSchema(today: string, weekday: number) {
  return z.object({ intent: z.literal('skip'), date: dateField, reason: reasonField }).superRefine((skip, ctx) => {
    if (!isLocalDate(skip.date)) return
    if (skip.date < today) ctx.addIssue({ code: 'custom', path: ['date'], message: 'visits:plan.dateInPast' })
    else if (isoWeekday(skip.date) !== weekday) ctx.addIssue({ code: 'custom', path: ['date'], message: 'visits:plan.notAVisitDay' })
  })
}

export const endFormSchema = z.object({ intent: z.literal('end'), reason: reasonField })
export const declineFormSchema = z.object({ intent: z.literal('decline'), reason: reasonField })

/** A refused plan change as a message key (with parameters) for the form, or null for "not yours / not found". */
export function planProblemMessage(result: {
  reason: string
  overlap?: { startTime: string; endTime: string; facilityName: string }
}): { fieldErrors?: Record<string, string[]>; formError?: string } {
  switch (result.reason) {
    case 'overlap': {
      const params = new URLSearchParams({ facility: result.overlap?.facilityName ?? '', from: result.overlap?.startTime ?? '', to: result.overlap?.endTime ?? '' })
      return { fieldErrors: { startTime: [`visits:form.overlap?${params.toString()}`] }, formError: `visits:form.overlap?${params.toString()}` }
    }
    case 'match-not-active':
      return { formError: 'visits:form.matchNotActive' }
    case 'own-proposal':
      return { formError: 'visits:form.ownProposal' }
    default:
      return { formError: 'visits:form.wrongState' }
  }
}
