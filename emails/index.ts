import type { ComponentType } from 'react'
import { ApplicationDeclined, type ApplicationDeclinedProps } from './application-declined'
import { ChangeEmail, type ChangeEmailProps } from './change-email'
import { Invitation, type InvitationProps } from './invitation'
import { MatchApproved, type MatchApprovedProps } from './match-approved'
import { Notice, type NoticeProps } from './notice'
import { ResetPassword, type ResetPasswordProps } from './reset-password'
import type { EmailT } from './types'
import { VerifyEmail, type VerifyEmailProps } from './verify-email'
import { Welcome, type WelcomeProps } from './welcome'

export type { EmailT } from './types'

/** Every message the app sends: its component, and its props (the subject is `<name>.subject`). */
export type EmailTemplates = {
  'verify-email': VerifyEmailProps
  'change-email': ChangeEmailProps
  'reset-password': ResetPasswordProps
  invitation: InvitationProps
  welcome: WelcomeProps
  notice: NoticeProps
  'match-approved': MatchApprovedProps
  'application-declined': ApplicationDeclinedProps
}
export type TemplateName = keyof EmailTemplates

export const templates: { [N in TemplateName]: ComponentType<EmailTemplates[N] & { t: EmailT }> } = {
  'verify-email': VerifyEmail,
  'change-email': ChangeEmail,
  'reset-password': ResetPassword,
  invitation: Invitation,
  welcome: Welcome,
  notice: Notice,
  'match-approved': MatchApproved,
  'application-declined': ApplicationDeclined,
}

/** The subject's message key; a notice has one per kind. */
export function subjectKey<N extends TemplateName>(name: N, props: EmailTemplates[N]) {
  if (name === 'notice') return `notice.${(props as NoticeProps).kind}.subject`
  const camel = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  return `${camel}.subject`
}
