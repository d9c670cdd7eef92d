/**
 * The categories of the personal-data export (app/models/personal-data.server.ts), in the order the
 * print view shows them; shared with the browser, which cannot import the model.
 */
export const PERSONAL_DATA_SECTIONS = [
  'account',
  'volunteerProfile',
  'checks',
  'applications',
  'invitationsToApply',
  'matches',
  'visits',
  'visitPlans',
  'threads',
  'posts',
  'reports',
  'followUpAnswers',
  'agreementsAccepted',
  'followUpMeetings',
  'eventSignups',
  'statementSignoffs',
  'threadSubscriptions',
  'threadReads',
  'sessions',
  'facilityMemberships',
  'adsAsContactPerson',
  'emailsToYou',
  'auditAboutYou',
  'auditByYou',
] as const
