import { useTranslation } from 'react-i18next'
import type { RetentionPeriods } from '~/utils/retention.server'

export type PrivacyCentre = { id: string; name: string; email: string; municipalities: { name: string }[] }

const ROLES = ['volunteer', 'staff', 'coordinator', 'municipality', 'everyone'] as const

/**
 * The privacy policy. Every period is rendered from the retention settings the background jobs
 * use (passed in by the route's loader), so the page cannot promise something the code does not do.
 * Free of Remix hooks so a test can render it with only an i18next instance.
 */
export function PrivacyPolicy({ periods, centres }: { periods: RetentionPeriods; centres: PrivacyCentre[] }) {
  const { t } = useTranslation('privacy')
  const list = (key: string) => t(key, { returnObjects: true }) as unknown as string[]
  const days = (count: number) => t('unit.days', { count })
  const months = (count: number) => t('unit.months', { count })
  const years = (count: number) => t('unit.years', { count })
  return (
    <article className="prose">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <h2>{t('controller.title')}</h2>
      <p>{t('controller.text')}</p>
      {centres.length === 0 ? (
        <p>{t('controller.none')}</p>
      ) : (
        <ul>
          {centres.map((centre) => (
            <li key={centre.id}>
              {t('controller.centre', { name: centre.name, municipalities: centre.municipalities.map((m) => m.name).join(', ') })}.{' '}
              {t('controller.email')} <a href={`mailto:${centre.email}`}>{centre.email}</a>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('held.title')}</h2>
      {ROLES.map((role) => (
        <section key={role} aria-labelledby={`held-${role}`}>
          <h3 id={`held-${role}`}>{t(`held.${role}.title`)}</h3>
          <ul>
            {list(`held.${role}.items`).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}

      <h2>{t('why.title')}</h2>
      <ul>
        {list('why.items').map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h2>{t('who.title')}</h2>
      <ul>
        {list('who.items').map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h2 id="retention">{t('retention.title')}</h2>
      <ul>
        <li>{t('retention.outbox', { period: days(periods.outboxDays) })}</li>
        <li>{t('retention.sessions', { period: days(periods.usedTokenDays) })}</li>
        <li>{t('retention.checks', { period: months(periods.checksMonths) })}</li>
        <li>{t('retention.inactive', { period: months(periods.inactiveMonths), grace: days(periods.inactiveGraceDays) })}</li>
        <li>{t('retention.audit', { period: years(periods.auditYears) })}</li>
        <li>{t('retention.deleted')}</li>
        <li>{t('retention.publicEvents')}</li>
      </ul>

      <h2>{t('rights.title')}</h2>
      <ul>
        {list('rights.items').map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>
        <a href="/settings">{t('rights.settings')}</a>
      </p>

      <h2>{t('contact.title')}</h2>
      <p>{t('contact.text')}</p>
    </article>
  )
}
