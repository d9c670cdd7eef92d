import { z } from 'zod'
import { EVENT_AUDIENCES, EVENT_KINDS, MAX_SESSIONS } from './events'
import { oneLineText, multiLineText } from './text-fields'
import { copenhagenDate, isClockTime, isLocalDate } from './time'

// The coordinator's event form. Session rows are posted as "sessions.<n>.<field>" so an error's
// path (sessions.1.endTime) is the name of the input it belongs to; a row left blank is skipped.

const date = z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').refine(isLocalDate, 'validation.date')
const time = z.string({ required_error: 'validation.required' }).trim().min(1, 'validation.required').refine(isClockTime, 'events:form.invalidTime')
const SESSION_FIELDS = ['localDate', 'startTime', 'endTime', 'place', 'onlineUrl'] as const

const SessionRow = z
  .object({
    localDate: date.refine((value) => value >= copenhagenDate(), 'events:form.past'),
    startTime: time,
    endTime: time,
    place: oneLineText().trim().max(200, 'validation.tooLong?maximum=200'),
    onlineUrl: z
      .union([z.literal(''), oneLineText().trim().max(500, 'validation.tooLong?maximum=500').url('validation.url').refine((value) => /^https?:\/\//i.test(value), 'validation.url')])
      .transform((value) => value || null),
  })
  .superRefine((session, ctx) => {
    if (session.endTime <= session.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'events:form.endBeforeStart' })
    if (!session.place && !session.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'events:form.placeOrLink' })
  })

function withSessionRows(raw: unknown) {
  if (!raw || typeof raw !== 'object') return raw
  const object = raw as Record<string, unknown>
  const sessions = Array.from({ length: MAX_SESSIONS }, (_, index) => {
    const row = Object.fromEntries(SESSION_FIELDS.map((field) => [field, object[`sessions.${index}.${field}`] ?? '']))
    return Object.values(row).every((value) => typeof value === 'string' && value.trim() === '') ? null : row
  })
  return { ...object, sessions }
}

export const EventFormSchema = z
  .preprocess(
    withSessionRows,
    z.object({
      kind: z.enum(EVENT_KINDS, { errorMap: () => ({ message: 'validation.choose' }) }),
      title: oneLineText().trim().min(1, 'validation.required').max(150, 'validation.tooLong?maximum=150'),
      description: multiLineText().trim().max(5000, 'validation.tooLong?maximum=5000').optional().default(''),
      capacity: z.coerce
        .number({ invalid_type_error: 'events:form.capacityNumber' })
        .int('events:form.capacityNumber')
        .min(1, 'validation.tooSmall?minimum=1')
        .max(500, 'validation.tooBig?maximum=500'),
      audience: z.enum(EVENT_AUDIENCES, { errorMap: () => ({ message: 'validation.choose' }) }),
      signupDeadlineDate: z.union([z.literal(''), date]).optional().transform((value) => value || null),
      sessions: z.array(SessionRow.nullable()).superRefine((rows, ctx) => {
        if (rows.every((row) => row === null)) ctx.addIssue({ code: 'custom', path: [0, 'localDate'], message: 'events:form.oneSession' })
      }),
    }),
  )
  .superRefine((value, ctx) => {
    // Checked here, where every row is valid: a deadline after the first session.
    const first = value.sessions.flatMap((session) => (session ? [session.localDate] : [])).sort()[0]
    if (first && value.signupDeadlineDate && value.signupDeadlineDate > first)
      ctx.addIssue({ code: 'custom', path: ['signupDeadlineDate'], message: 'events:form.deadlineAfterStart' })
  })
  .transform((value) => ({ ...value, sessions: value.sessions.filter((session) => session !== null) }))
