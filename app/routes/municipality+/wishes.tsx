import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { WishNeedsTables } from '~/components/wishes'
import { centreOpenWishes, wishNeeds } from '~/models/wish.server'
import wishStyles from '~/styles/wishes.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission, requireRole } from '~/utils/permissions.server'

export const handle = { i18n: ['wishes', 'municipality'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: wishStyles }]

/** The municipality's view of its residents' wishes, against the volunteers available: where help is missing. No one is named. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, ['municipality'])
  const municipalityIds = actor.municipalityIds ?? []
  await requirePermission(request, 'municipality:view', { municipalityIds })
  const t = await getFixedT(request, 'wishes')
  return json({ title: t('municipality.title'), needs: wishNeeds(municipalityIds), wishes: centreOpenWishes(municipalityIds) })
}

export default function MunicipalityWishesPage() {
  const { t } = useTranslation(['wishes', 'municipality'])
  const { title, needs, wishes } = useLoaderData<typeof loader>()
  return (
    <div>
      <p>
        <Link to="/municipality">← {t('municipality:home.title')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('municipality.intro')}</p>
      <WishNeedsTables needs={needs} wishes={wishes} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
