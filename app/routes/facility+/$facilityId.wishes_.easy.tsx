import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FormScope, type FormState } from '~/components/forms'
import { WISH_ICON } from '~/components/wishes'
import { facilityProfile } from '~/models/facility.server'
import { addEasyReadWish } from '~/models/wish.server'
import wishStyles from '~/styles/wishes.css'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { COMMON_WISHES, COMMON_WISH_KEYS, EasyWishSchema, type CommonWishKey } from '~/utils/wishes'

/*
 * Easy-read mode (issue 12): a shared tablet in the common room, a resident choosing with a member
 * of staff beside them (staff are signed in; the resident never is). One big button per common
 * wish, each a real <button> with its words as the label and the pictogram hidden from screen
 * readers, so a read-aloud tool says exactly what is on it. One press saves the wish; the
 * confirmation is a page of its own (?saved=…), so the flow needs no JavaScript.
 */

export const handle = { i18n: ['wishes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: wishStyles }]

async function requireWishKeeper(request: Request, facilityId: string | undefined) {
  const { user, scope } = await requireFacilityPermission(request, 'wish:manage', facilityId)
  return { user, facilityId: scope.facilityId }
}

function savedWish(request: Request): CommonWishKey | null {
  const saved = new URL(request.url).searchParams.get('saved')
  return saved && (COMMON_WISH_KEYS as string[]).includes(saved) ? (saved as CommonWishKey) : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { facilityId } = await requireWishKeeper(request, params.facilityId)
  const facility = await facilityProfile(facilityId)
  if (!facility) notFound()
  const t = await getFixedT(request, 'wishes')
  const saved = savedWish(request)
  return json({ title: saved ? t('easy.thanks') : t('easy.title'), facilityId, facilityName: facility.name, saved })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, facilityId } = await requireWishKeeper(request, params.facilityId)
  const formData = await readForm(request)
  const form = parseForm(formData, EasyWishSchema)
  if (!form.ok) return json(form, { status: 400 })
  const t = await getFixedT(request, 'wishes')
  const common = COMMON_WISHES.find((wish) => wish.key === form.data.wish)!
  // The wish is kept in the words the resident saw on the button.
  await addEasyReadWish(user.id, facilityId, { what: t(`easy.wish.${common.key}`), tasks: [...common.tasks] })
  return redirect(`/facility/${facilityId}/wishes/easy?saved=${common.key}`)
}

export default function EasyReadWishPage() {
  const { t, i18n } = useTranslation('wishes')
  const { facilityId, facilityName, saved } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>() as FormState
  if (saved) {
    return (
      <div className="easy-read easy-done" lang={i18n.language}>
        <h1>{t('easy.thanks')}</h1>
        <p className="lead">{t('easy.saved', { what: t(`easy.wish.${saved}`) })}</p>
        <p>
          <Link className="button" to={`/facility/${facilityId}/wishes/easy`}>
            {t('easy.again')}
          </Link>
        </p>
        <p className="easy-staff-note">
          <Link to={`/facility/${facilityId}/wishes`}>{t('easy.back')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="easy-read" lang={i18n.language}>
      <h1>{t('easy.title')}</h1>
      <p className="lead">{t('easy.intro')}</p>
      <Form method="post">
        <FormScope id="easy">
          <ErrorSummary state={state} labels={{ wish: t('easy.title') }} targets={{ wish: `easy-wish-${COMMON_WISHES[0]!.key}` }} />
        </FormScope>
        <ul className="easy-grid">
          {COMMON_WISHES.map((wish) => {
            const Icon = WISH_ICON[wish.key]
            return (
              <li key={wish.key}>
                <button type="submit" id={`easy-wish-${wish.key}`} name="wish" value={wish.key} className="easy-button">
                  <Icon aria-hidden="true" focusable="false" strokeWidth={1.75} />
                  <span>{t(`easy.wish.${wish.key}`)}</span>
                </button>
              </li>
            )
          })}
        </ul>
      </Form>
      <p className="easy-staff-note">
        {t('easy.staffNote', { facility: facilityName })} <Link to={`/facility/${facilityId}/wishes`}>{t('easy.back')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
