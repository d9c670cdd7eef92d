import { z } from 'zod'
import { CPR_REFUSED, withoutCprNumber } from './cpr'
import { multiLineText, oneLineText } from './text-fields'

// One entry of an ethics policy (technology → dilemma → agreed values). The facility's own policy
// and the municipality's template hold the same entries, so both pages parse them with these.

const required = (field: ReturnType<typeof oneLineText>, maximum: number) =>
  field.trim().min(1, 'validation.required').max(maximum, `validation.tooLong?maximum=${maximum}`).refine(withoutCprNumber, CPR_REFUSED)

export const ETHICS_ENTRY_FIELDS = ['technology', 'dilemma', 'agreedValues'] as const

export const EthicsEntryFields = {
  technology: required(oneLineText(), 120),
  dilemma: required(multiLineText(), 2000),
  agreedValues: required(multiLineText(), 2000),
}

const entryId = z.string({ required_error: 'validation.invalid' }).min(1).max(100)

/** The intents both pages share; each page adds its own to the discriminated union. */
export const EthicsEntryIntents = [
  z.object({ intent: z.literal('add'), ...EthicsEntryFields }),
  z.object({ intent: z.literal('update'), entryId, ...EthicsEntryFields }),
  z.object({ intent: z.literal('delete'), entryId }),
  z.object({ intent: z.literal('move'), entryId, direction: z.enum(['up', 'down']) }),
] as const

export type EthicsEntryInput = { technology: string; dilemma: string; agreedValues: string }
