import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PrivacyPolicy } from '~/components/privacy-policy'
import { listCentres } from '~/models/centre.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { retentionPeriods } from '~/utils/retention.server'

export const handle = { i18n: ['privacy'], scripts: false }

/** Public: anyone may read what is kept about them before signing up. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request, 'privacy')
  const centres = (await listCentres()).map(({ id, name, email, municipalities }) => ({ id, name, email, municipalities }))
  return json({ title: t('title'), description: t('description'), periods: retentionPeriods(), centres })
}

export default function PrivacyPage() {
  const { periods, centres } = useLoaderData<typeof loader>()
  return <PrivacyPolicy periods={periods} centres={centres} />
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
