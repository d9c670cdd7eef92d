import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CentreAgreementAttention } from '~/models/agreement.server'
import { formatDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'

/**
 * The coordinator's start page items from cooperation agreements and two-way check-ins: a
 * suggested follow-up meeting for each flagged match, and "aftale mangler" for each match whose
 * agreement both parties have not accepted. Each links to the match's page; past the first
 * ATTENTION_SHOWN a link leads to the whole list (the matches list, filtered).
 */
export function AgreementAttention({ attention }: { attention: SerializeFrom<CentreAgreementAttention> }) {
  const { t, i18n } = useTranslation('agreement')
  const locale = localeOf(i18n.language)
  const { missing, flagged, moreMissing, moreFlagged } = attention
  const waitingFor = (item: (typeof missing)[number]) =>
    item.version === null
      ? t('startPage.noVersion')
      : t('startPage.waitingFor', {
          who: [item.volunteerAccepted ? null : t('startPage.waitingVolunteer'), item.facilityAccepted ? null : t('startPage.waitingFacility')].filter(Boolean).join(', '),
        })
  return (
    <>
      {flagged.length > 0 ? (
        <section aria-labelledby="flagged-heading" className="card agreement-flag">
          <h2 id="flagged-heading">{t('startPage.flaggedHeading')}</h2>
          <p>{t('startPage.flaggedIntro')}</p>
          <ul>
            {flagged.map((item) => (
              <li key={item.matchId}>
                <Link to={`/centre/matches/${item.matchId}`}>{t('startPage.flaggedItem', { volunteer: item.volunteerName, facility: item.facilityName })}</Link>{' '}
                <span className="hint">{t('startPage.flaggedWhen', { date: formatDate(item.answeredAt, locale) })}</span>
              </li>
            ))}
          </ul>
          {moreFlagged ? (
            <p>
              <Link to="/centre/matches?attention=flagged">{t('startPage.flaggedAll')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {missing.length > 0 ? (
        <section aria-labelledby="agreements-missing-heading">
          <h2 id="agreements-missing-heading">{t('startPage.missingHeading')}</h2>
          <p>{t('startPage.missingIntro')}</p>
          <ul>
            {missing.map((item) => (
              <li key={item.matchId}>
                <Link to={`/centre/matches/${item.matchId}`}>{t('startPage.missingItem', { volunteer: item.volunteerName, facility: item.facilityName })}</Link>{' '}
                <span className="hint">{waitingFor(item)}</span>
              </li>
            ))}
          </ul>
          {moreMissing ? (
            <p>
              <Link to="/centre/matches?attention=agreement">{t('startPage.missingAll')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
