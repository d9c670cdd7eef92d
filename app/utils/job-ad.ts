// Shared by the ad builder's form (browser) and its validation (server).

/** Languages an ad can ask for; labels are `jobs:language.<code>`. */
export const AD_LANGUAGES = ['da', 'en', 'de', 'sv', 'no', 'pl', 'uk', 'ar', 'tr', 'fa', 'so'] as const
export type AdLanguage = (typeof AD_LANGUAGES)[number]

export const MAX_VOLUNTEERS = 20
