import { Trans, useTranslation } from 'react-i18next'
import type { VolunteerThanks } from '~/models/wish.server'
import { FEEDBACK_FACE } from '~/utils/wishes'

/**
 * The residents' thanks on the volunteer's start page (issue 12): how many of their latest visits
 * got a 😊, and how many residents their visits helped. Nothing at all before the first feedback.
 */
export function VolunteerThanksCard({ thanks }: { thanks: VolunteerThanks | null }) {
  const { t } = useTranslation('wishes')
  if (!thanks) return null
  return (
    <section aria-labelledby="thanks-heading" className="card volunteer-thanks">
      <h2 id="thanks-heading">{t('thanks.heading')}</h2>
      <p className="thanks-smiles">
        <Trans
          t={t}
          i18nKey="thanks.smiles"
          values={{ smiles: thanks.smiles, visits: thanks.visits }}
          components={{
            face: (
              <span>
                <span aria-hidden="true">{FEEDBACK_FACE.happy}</span>
                <span className="visually-hidden">{t('thanks.face')}</span>
              </span>
            ),
          }}
        />
      </p>
      {thanks.residentsHelped > 0 ? <p>{t('thanks.helped', { count: thanks.residentsHelped })}</p> : null}
    </section>
  )
}
