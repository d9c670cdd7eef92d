import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PrintButton, StatementDocument } from '~/components/volunteer-record'
import { volunteerStatement } from '~/models/volunteer-record.server'
import statementPrintStyles from '~/styles/statement-print.css'
import statementStyles from '~/styles/statement.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireRole } from '~/utils/permissions.server'

export const handle = { i18n: ['municipality'] }
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: statementStyles },
  { rel: 'stylesheet', href: statementPrintStyles, media: 'print' },
]

/** The volunteer's own statement (udtalelse), to print for a CV or a job application. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRole(request, ['volunteer'])
  const statement = await volunteerStatement(user.id)
  if (!statement) notFound()
  const t = await getFixedT(request, 'municipality')
  return json({ title: t('statement.title'), statement }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export default function VolunteerStatementPage() {
  const { t } = useTranslation('municipality')
  const { statement } = useLoaderData<typeof loader>()
  return (
    <div>
      <p className="no-print">
        <Link to="/volunteer">{t('statement.back')}</Link>
      </p>
      <p className="no-print">{t('statement.intro')}</p>
      <p className="no-print">
        <PrintButton />
      </p>
      <StatementDocument statement={statement} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
