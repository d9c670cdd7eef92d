import type { JobAdStatus } from './domain'

// Shared by the ad builder's form (browser) and its validation (server).

/** Languages an ad can ask for; labels are `jobs:language.<code>`. */
export const AD_LANGUAGES = ['da', 'en', 'de', 'sv', 'no', 'pl', 'uk', 'ar', 'tr', 'fa', 'so'] as const
export type AdLanguage = (typeof AD_LANGUAGES)[number]

export const MAX_VOLUNTEERS = 20

/** Which states each transition may start from. */
export const TRANSITIONS = {
  edit: ['draft'],
  submit: ['draft'],
  return: ['submitted'],
  publish: ['submitted'],
  pause: ['published'],
  resume: ['paused'],
  fill: ['published', 'paused'],
  renew: ['published', 'paused'],
  close: ['draft', 'submitted', 'published', 'paused', 'filled'],
  expire: ['published', 'paused'],
} as const satisfies Record<string, readonly JobAdStatus[]>
export type Transition = keyof typeof TRANSITIONS

export function canTransition(status: string, transition: Transition) {
  return (TRANSITIONS[transition] as readonly string[]).includes(status)
}
