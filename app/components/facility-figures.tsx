import { useTranslation } from 'react-i18next'
import type { facilityFigures } from '~/models/facility-figures.server'
import { formatLocalDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'

type Figures = ReturnType<typeof facilityFigures>

/** The facility start page: its own visits, hours and check-in answers for the last 12 months. */
export function FacilityFiguresBlock({ figures, names }: { figures: Figures; names: Record<string, string> }) {
  const { t, i18n } = useTranslation('municipality')
  const locale = localeOf(i18n.language)
  if (figures.length === 0) return null
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 })
  const none = t('figures.none')
  return (
    <section aria-labelledby="figures-heading" className="card">
      <h2 id="figures-heading">{t('figures.heading')}</h2>
      <p className="hint">{t('figures.period', { from: formatLocalDate(figures[0]!.from, locale), to: formatLocalDate(figures[0]!.to, locale) })}</p>
      <div className="table-wrap">
        <table className="responsive-table">
          <caption className="visually-hidden">{t('figures.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.facility')}</th>
              <th scope="col" className="number">{t('figures.visits')}</th>
              <th scope="col" className="number">{t('figures.hours')}</th>
              <th scope="col" className="number">{t('figures.cancelled')}</th>
              <th scope="col" className="number">{t('figures.answers')}</th>
              <th scope="col" className="number">{t('figures.satisfaction')}</th>
              <th scope="col" className="number">{t('figures.aligned')}</th>
              <th scope="col" className="number">{t('figures.residentsHelped')}</th>
              <th scope="col" className="number">{t('figures.smiles')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((row) => (
              <tr key={row.facilityId}>
                <th scope="row">{names[row.facilityId] ?? ''}</th>
                <td className="number" data-label={t('figures.visits')}>{row.visitsDone}</td>
                <td className="number" data-label={t('figures.hours')}>{number.format(row.hours)}</td>
                <td className="number" data-label={t('figures.cancelled')}>{row.visitsCancelled}</td>
                <td className="number" data-label={t('figures.answers')}>{row.checkInAnswers}</td>
                <td className="number" data-label={t('figures.satisfaction')}>{row.satisfactionAverage === null ? none : number.format(row.satisfactionAverage)}</td>
                <td className="number" data-label={t('figures.aligned')}>{row.alignedShare === null ? none : `${Math.round(row.alignedShare * 100)} %`}</td>
                <td className="number" data-label={t('figures.residentsHelped')}>{row.residentsHelped}</td>
                <td className="number" data-label={t('figures.smiles')}>
                  {row.visitsWithFeedback === 0 ? none : t('figures.smilesOf', { smiles: row.visitsWithSmile, visits: row.visitsWithFeedback })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
