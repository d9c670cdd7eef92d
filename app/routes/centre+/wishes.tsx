import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { WishNeedsTables } from '~/components/wishes'
import { centreOpenWishes, wishNeeds } from '~/models/wish.server'
import wishStyles from '~/styles/wishes.css'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'

export const handle = { i18n: ['wishes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: wishStyles }]

/** The centre's view of the residents' wishes: where help is missing, across its municipalities' facilities. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, 'centre:work')
  const t = await getFixedT(request, 'wishes')
  const municipalityIds = actor.centreMunicipalityIds
  return json({ title: t('centre.title'), needs: wishNeeds(municipalityIds), wishes: centreOpenWishes(municipalityIds) })
}

export default function CentreWishesPage() {
  const { t } = useTranslation(['wishes', 'common'])
  const { title, needs, wishes } = useLoaderData<typeof loader>()
  return (
    <div>
      <p>
        <Link to="/centre">← {t('common:nav.centreHome')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('centre.intro')}</p>
      <WishNeedsTables needs={needs} wishes={wishes} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
