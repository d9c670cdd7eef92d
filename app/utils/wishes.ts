// Residents' wishes for IT help (issue 12): what server and browser share — the states, the common
// wishes of easy-read mode and the form schemas (routes' schemas run in the browser too).
import { z } from 'zod'
import { CPR_REFUSED, withoutCprNumber } from './cpr'
import { TASKS, type Task } from './domain'
import { oneLineText } from './text-fields'

/** new → ad_written (an ad answering it is published) → being_helped (a match on it approved) → fulfilled (a visit did it). */
export const WISH_STATES = ['new', 'ad_written', 'being_helped', 'fulfilled'] as const
export type WishState = (typeof WISH_STATES)[number]
/** Wishes nobody has fulfilled yet: what the facility and the centre still work from. */
export const OPEN_WISH_STATES = ['new', 'ad_written', 'being_helped'] as const satisfies readonly WishState[]

/** How many residents one wish may stand for; a bosted has at most a few dozen. */
export const MAX_RESIDENTS_PER_WISH = 200

/**
 * The big buttons of easy-read mode: the wishes residents most often have, each with the tasks
 * it touches. The text saved is the button's label in the language the page was shown in.
 */
export const COMMON_WISHES = [
  { key: 'video_family', tasks: ['video_calls'] },
  { key: 'music', tasks: ['music_streaming'] },
  { key: 'photos', tasks: ['photos'] },
  { key: 'news_tv', tasks: ['tablets_phones'] },
  { key: 'games', tasks: ['games'] },
  { key: 'messages', tasks: ['email'] },
  { key: 'facebook', tasks: ['social_media'] },
  { key: 'safe_online', tasks: ['online_safety'] },
] as const satisfies readonly { key: string; tasks: readonly Task[] }[]
export type CommonWishKey = (typeof COMMON_WISHES)[number]['key']
export const COMMON_WISH_KEYS = COMMON_WISHES.map((wish) => wish.key) as [CommonWishKey, ...CommonWishKey[]]

export function parseTasks(value: string | null | undefined): Task[] {
  try {
    const parsed = JSON.parse(value ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((task): task is Task => (TASKS as readonly string[]).includes(task)) : []
  } catch {
    return []
  }
}

const residentCount = z
  .string({ required_error: 'validation.required' })
  .trim()
  .refine((value) => /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_RESIDENTS_PER_WISH, `wishes:errors.count?maximum=${MAX_RESIDENTS_PER_WISH}`)
  .transform(Number)

/** The staff's form: one line of what (no names, no CPR numbers), the tasks it touches, how many share it. */
export const WishSchema = z.object({
  what: oneLineText().trim().min(3, 'validation.tooShort?minimum=3').max(160, 'validation.tooLong?maximum=160').refine(withoutCprNumber, CPR_REFUSED),
  tasks: z
    .array(z.enum(TASKS, { errorMap: () => ({ message: 'validation.choose' }) }))
    .max(TASKS.length)
    .min(1, 'validation.chooseOne'),
  residentCount,
})
export type WishInput = z.output<typeof WishSchema>

export const WishCountSchema = z.object({ wishId: z.string().min(1).max(100), residentCount })

/** Easy-read mode: one press of a big button. */
export const EasyWishSchema = z.object({ wish: z.enum(COMMON_WISH_KEYS, { errorMap: () => ({ message: 'validation.choose' }) }) })

/** The three faces of the residents' feedback on a visit. */
export const FEEDBACK = ['happy', 'neutral', 'unhappy'] as const
export type Feedback = (typeof FEEDBACK)[number]
export const FEEDBACK_FACE: Record<Feedback, string> = { happy: '😊', neutral: '😐', unhappy: '☹️' }
/** Who gave the feedback: the residents themselves, or staff on their behalf. */
export const FEEDBACK_BY = ['resident', 'staff'] as const
export type FeedbackBy = (typeof FEEDBACK_BY)[number]
/**
 * The most residents one visit can be logged as having helped. The count is optional: empty means
 * "not told" (stored as null, and the visit page then says nothing), not 0.
 */
export const MAX_RESIDENTS_HELPED = 50
