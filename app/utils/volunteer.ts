// The volunteer profile's choices, shared by the profile form (browser) and the model (server).

/** Languages a volunteer can say they speak; labels in volunteer.json under `language.<code>`. */
export const VOLUNTEER_LANGUAGES = ['da', 'en', 'de', 'ar', 'tr', 'pl', 'uk', 'so'] as const
export type VolunteerLanguage = (typeof VOLUNTEER_LANGUAGES)[number]

/** Skill levels on the form: 0 = not for me (no row stored), 1 some, 2 good, 3 expert. */
export const SKILL_LEVELS = ['0', '1', '2', '3'] as const

/** The parts of a profile the centre needs to match well; each is an anchor on the profile page. */
export const PROFILE_ITEMS = ['skills', 'availability', 'postcode', 'areas', 'languages', 'bio', 'consent'] as const
export type ProfileItem = (typeof PROFILE_ITEMS)[number]
