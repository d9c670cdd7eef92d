import { useTranslation } from 'react-i18next'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'

/** On an ad's page, to a volunteer the centre invited to apply (until they have applied or been matched). */
export function InvitationNotice({ invitation }: { invitation: { createdAt: string; message: string; invitedBy: { name: string } | null } | null }) {
  const { t, i18n } = useTranslation('board')
  if (!invitation) return null
  const locale = localeOf(i18n.language)
  return (
    <div className="callout no-print" role="note">
      <p>
        <strong>{t('ad.invited')}</strong>
      </p>
      <p>{t('ad.invitedBy', { coordinator: invitation.invitedBy?.name || t('ad.invitedByCentre'), date: formatDate(invitation.createdAt, locale) })}</p>
      {invitation.message ? <p className="prewrap">»{invitation.message}«</p> : null}
    </div>
  )
}
