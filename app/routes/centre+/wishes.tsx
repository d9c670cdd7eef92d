import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { WishStateLabel } from '~/components/wishes'
import { centreOpenWishes, wishNeeds } from '~/models/wish.server'
import wishStyles from '~/styles/wishes.css'
import { localeOf } from '~/utils/domain'
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
  const { t, i18n } = useTranslation(['wishes', 'common'])
  const { title, needs, wishes } = useLoaderData<typeof loader>()
  const number = new Intl.NumberFormat(localeOf(i18n.language) === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })
  return (
    <div>
      <p>
        <Link to="/centre">← {t('common:nav.centreHome')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('centre.intro')}</p>
      {needs.length === 0 ? (
        <p className="empty">{t('centre.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('centre.needsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('centre.municipality')}</th>
                  <th scope="col">{t('centre.task')}</th>
                  <th scope="col">{t('centre.wishes')}</th>
                  <th scope="col">{t('centre.residents')}</th>
                  <th scope="col">{t('centre.facilities')}</th>
                  <th scope="col">{t('centre.volunteers')}</th>
                  <th scope="col">{t('centre.status')}</th>
                </tr>
              </thead>
              <tbody>
                {needs.map((need) => (
                  <tr key={`${need.municipalityId}-${need.task}`}>
                    <td>{need.municipality}</td>
                    <th scope="row">{t(`common:task.${need.task}`)}</th>
                    <td>{need.wishes}</td>
                    <td>{need.residents}</td>
                    <td>{need.facilities}</td>
                    <td>{need.volunteers}</td>
                    <td>
                      {need.volunteers === 0 ? <strong>{t('centre.missing')}</strong> : t('centre.perVolunteer', { ratio: number.format(need.residents / need.volunteers) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('centre.listHeading')}</h2>
          <div className="table-wrap">
            <table>
              <caption>{t('centre.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('centre.municipality')}</th>
                  <th scope="col">{t('centre.facility')}</th>
                  <th scope="col">{t('centre.what')}</th>
                  <th scope="col">{t('centre.task')}</th>
                  <th scope="col">{t('centre.residents')}</th>
                  <th scope="col">{t('centre.state')}</th>
                </tr>
              </thead>
              <tbody>
                {wishes.map((wish) => (
                  <tr key={wish.id}>
                    <td>{wish.municipality}</td>
                    <td>{wish.facility}</td>
                    <th scope="row">{wish.what}</th>
                    <td>{wish.tasks.map((task) => t(`common:task.${task}`)).join(', ')}</td>
                    <td>{wish.residentCount}</td>
                    <td>
                      <WishStateLabel state={wish.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
