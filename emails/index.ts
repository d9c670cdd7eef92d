import type { ComponentType } from 'react'
import { AdExpired, type AdExpiredProps } from './ad-expired'
import { AdPublished, type AdPublishedProps } from './ad-published'
import { AdReturned, type AdReturnedProps } from './ad-returned'
import { AdSubmitted, type AdSubmittedProps } from './ad-submitted'
import { ApplicationConfirmation, type ApplicationConfirmationProps } from './application-confirmation'
import { ApplicationReceived, type ApplicationReceivedProps } from './application-received'
import { ApplicationWithdrawn, type ApplicationWithdrawnProps } from './application-withdrawn'
import { ApplicationDeclined, type ApplicationDeclinedProps } from './application-declined'
import { ChangeEmail, type ChangeEmailProps } from './change-email'
import { FacilityInvitation, type FacilityInvitationProps } from './facility-invitation'
import { FacilityStaffAdded, type FacilityStaffAddedProps } from './facility-staff-added'
import { FacilityStatus, type FacilityStatusProps } from './facility-status'
import { InactivityWarning, type InactivityWarningProps } from './inactivity-warning'
import { Invitation, type InvitationProps } from './invitation'
import { MatchApproved, type MatchApprovedProps } from './match-approved'
import { Notice, type NoticeProps } from './notice'
import { ResetPassword, type ResetPasswordProps } from './reset-password'
import type { EmailT } from './types'
import { VerifyEmail, type VerifyEmailProps } from './verify-email'
import { Welcome, type WelcomeProps } from './welcome'
import { VisitBooked, type VisitBookedProps } from './visit-booked'
import { VisitCancelled, type VisitCancelledProps } from './visit-cancelled'
import { VisitMoved, type VisitMovedProps } from './visit-moved'
import { FollowUpRequest, type FollowUpRequestProps } from './follow-up-request'
import { FollowUpMatchChanged, type FollowUpMatchChangedProps } from './follow-up-match-changed'
import { ThreadDigest, type ThreadDigestProps } from './thread-digest'
import { VisitPlanProposed, type VisitPlanProposedProps } from './visit-plan-proposed'
import { VisitPlanConfirmed, type VisitPlanConfirmedProps } from './visit-plan-confirmed'
import { VisitPlanUpdate, type VisitPlanUpdateProps } from './visit-plan-update'
import { VisitReminder, type VisitReminderProps } from './visit-reminder'
import { EventSignup, type EventSignupProps } from './event-signup'
import { EventPromoted, type EventPromotedProps } from './event-promoted'
import { EventCancelled, type EventCancelledProps } from './event-cancelled'
import { EventChanged, type EventChangedProps } from './event-changed'
import { EventConfirm, type EventConfirmProps } from './event-confirm'
import { EventReminder, type EventReminderProps } from './event-reminder'
import { AgreementToAccept, type AgreementToAcceptProps } from './agreement-to-accept'
import { InvitationToApply, type InvitationToApplyProps } from './invitation-to-apply'
import { ApplicationFilled, type ApplicationFilledProps } from './application-filled'
import { ApplicationMoved, type ApplicationMovedProps } from './application-moved'

export type { EmailT } from './types'

/** Every message the app sends: its component, and its props (the subject is `<name>.subject`). */
export type EmailTemplates = {
  'verify-email': VerifyEmailProps
  'change-email': ChangeEmailProps
  'reset-password': ResetPasswordProps
  invitation: InvitationProps
  welcome: WelcomeProps
  notice: NoticeProps
  'facility-invitation': FacilityInvitationProps
  'facility-staff-added': FacilityStaffAddedProps
  'facility-status': FacilityStatusProps
  'ad-submitted': AdSubmittedProps
  'ad-returned': AdReturnedProps
  'ad-published': AdPublishedProps
  'ad-expired': AdExpiredProps
  'application-confirmation': ApplicationConfirmationProps
  'application-received': ApplicationReceivedProps
  'application-withdrawn': ApplicationWithdrawnProps
  'match-approved': MatchApprovedProps
  'application-declined': ApplicationDeclinedProps
  'visit-booked': VisitBookedProps
  'visit-cancelled': VisitCancelledProps
  'visit-moved': VisitMovedProps
  'follow-up-request': FollowUpRequestProps
  'follow-up-match-changed': FollowUpMatchChangedProps
  'thread-digest': ThreadDigestProps
  'visit-plan-proposed': VisitPlanProposedProps
  'visit-plan-confirmed': VisitPlanConfirmedProps
  'visit-plan-update': VisitPlanUpdateProps
  'visit-reminder': VisitReminderProps
  'inactivity-warning': InactivityWarningProps
  'event-signup': EventSignupProps
  'event-promoted': EventPromotedProps
  'event-cancelled': EventCancelledProps
  'event-changed': EventChangedProps
  'event-confirm': EventConfirmProps
  'event-reminder': EventReminderProps
  'agreement-to-accept': AgreementToAcceptProps
  'invitation-to-apply': InvitationToApplyProps
  'application-filled': ApplicationFilledProps
  'application-moved': ApplicationMovedProps
}
export type TemplateName = keyof EmailTemplates

export const templates: { [N in TemplateName]: ComponentType<EmailTemplates[N] & { t: EmailT }> } = {
  'verify-email': VerifyEmail,
  'change-email': ChangeEmail,
  'reset-password': ResetPassword,
  invitation: Invitation,
  welcome: Welcome,
  notice: Notice,
  'facility-invitation': FacilityInvitation,
  'facility-staff-added': FacilityStaffAdded,
  'facility-status': FacilityStatus,
  'ad-submitted': AdSubmitted,
  'ad-returned': AdReturned,
  'ad-published': AdPublished,
  'ad-expired': AdExpired,
  'application-confirmation': ApplicationConfirmation,
  'application-received': ApplicationReceived,
  'application-withdrawn': ApplicationWithdrawn,
  'match-approved': MatchApproved,
  'application-declined': ApplicationDeclined,
  'visit-booked': VisitBooked,
  'visit-cancelled': VisitCancelled,
  'visit-moved': VisitMoved,
  'follow-up-request': FollowUpRequest,
  'follow-up-match-changed': FollowUpMatchChanged,
  'thread-digest': ThreadDigest,
  'visit-plan-proposed': VisitPlanProposed,
  'visit-plan-confirmed': VisitPlanConfirmed,
  'visit-plan-update': VisitPlanUpdate,
  'visit-reminder': VisitReminder,
  'inactivity-warning': InactivityWarning,
  'event-signup': EventSignup,
  'event-promoted': EventPromoted,
  'event-cancelled': EventCancelled,
  'event-changed': EventChanged,
  'event-confirm': EventConfirm,
  'event-reminder': EventReminder,
  'agreement-to-accept': AgreementToAccept,
  'invitation-to-apply': InvitationToApply,
  'application-filled': ApplicationFilled,
  'application-moved': ApplicationMoved,
}

/** The subject's message key; a notice has one per kind. */
export function subjectKey<N extends TemplateName>(name: N, props: EmailTemplates[N]) {
  if (name === 'notice') return `notice.${(props as NoticeProps).kind}.subject`
  if (name === 'event-signup') return `eventSignup.subject.${(props as EventSignupProps).status}`
  if (name === 'facility-status') return `facilityStatus.${(props as FacilityStatusProps).kind}.subject`
  const camel = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  return `${camel}.subject`
}
