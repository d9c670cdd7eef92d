import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { personalData } from '~/models/personal-data.server'
import { PERSONAL_DATA_SECTIONS } from '~/utils/personal-data'
import { requireUser } from '~/utils/auth.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { isLocale, type Locale } from '~/utils/domain'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'

export const handle = { i18n: ['rights'] }

/** The same data as the JSON download, as a page to read and print. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = await getFixedT(request, 'rights')
  return json({ title: t('data.printTitle'), data: await personalData(user.id) }, { headers: { 'Cache-Control': 'private, no-store' } })
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value }
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function Shown({ value, locale }: { value: Value; locale: Locale }) {
  const { t } = useTranslation('rights')
  if (value === null || value === '') return <>—</>
  if (typeof value === 'boolean') return <>{value ? t('data.yes') : t('data.no')}</>
  if (typeof value === 'number') return <>{value}</>
  if (typeof value === 'string') return <span className="data-value">{INSTANT.test(value) ? formatDateTime(value, locale) : value}</span>
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>
    if (value.every((item) => item === null || typeof item !== 'object')) return <>{value.map((item) => String(item)).join(', ')}</>
    return (
      <ul>
        {value.map((item, index) => (
          <li key={index}>
            <Shown value={item} locale={locale} />
          </li>
        ))}
      </ul>
    )
  }
  return <Record record={value} locale={locale} />
}

function Record({ record, locale }: { record: { [key: string]: Value }; locale: Locale }) {
  const { t } = useTranslation('rights')
  return (
    <dl className="meta-list">
      {Object.entries(record).map(([key, value]) => (
        <Fragment key={key}>
          <dt>{t(`data.fields.${key}`, { defaultValue: key })}</dt>
          <dd>
            <Shown value={value} locale={locale} />
          </dd>
        </Fragment>
      ))}
    </dl>
  )
}

export default function PersonalDataPrint() {
  const { t, i18n } = useTranslation('rights')
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'da'
  const { data } = useLoaderData<typeof loader>()
  const sections = data as unknown as { [key: string]: Value }
  return (
    <div className="narrow">
      <p className="no-print">
        <Link to="/settings/data">{t('data.back')}</Link>
      </p>
      <h1>{t('data.printTitle')}</h1>
      <p className="lead">{t('data.printLead', { name: data.account.name, date: formatDate(data.exportedAt, locale) })}</p>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('data.print')}
        </button>
      </p>
      {PERSONAL_DATA_SECTIONS.map((key) => {
        const value = sections[key]
        const empty = value === null || (Array.isArray(value) && value.length === 0)
        return (
          <section key={key} aria-labelledby={`section-${key}`} className="card data-section">
            <h2 id={`section-${key}`}>{t(`data.sections.${key}`)}</h2>
            {empty ? (
              <p>{t('data.none')}</p>
            ) : Array.isArray(value) ? (
              <ol className="card-list">
                {value.map((item, index) => (
                  <li key={index} className="card">
                    <Shown value={item} locale={locale} />
                  </li>
                ))}
              </ol>
            ) : (
              <Shown value={value} locale={locale} />
            )}
          </section>
        )
      })}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
