import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ChoiceGroup } from '~/components/booking'
import { ErrorSummary, Field, FormError, FormScope, SubmitButton, type FormState } from '~/components/forms'
import { WishStateLabel } from '~/components/wishes'
import { facilityProfile } from '~/models/facility.server'
import { addWish, deleteWish, facilityWishes, setWishCount, updateWish } from '~/models/wish.server'
import wishStyles from '~/styles/wishes.css'
import { formatDate } from '~/utils/dates'
import { localeOf, TASKS } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { notFound, requireFacilityPermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { MAX_RESIDENTS_PER_WISH, OPEN_WISH_STATES, WISH_STATES, WishCountSchema, WishSchema } from '~/utils/wishes'

const IntentSchema = z.object({
  intent: z.enum(['add', 'update', 'count', 'delete'], { errorMap: () => ({ message: 'validation.choose' }) }),
  wishId: z.string().max(100).optional(),
})

export const handle = { i18n: ['wishes'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: wishStyles }]

/** The facility's active staff keep its wish list; 404 for a facility that does not exist. */
async function requireWishKeeper(request: Request, facilityId: string | undefined) {
  const { user, scope } = await requireFacilityPermission(request, 'wish:manage', facilityId)
  return { user, facilityId: scope.facilityId }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { facilityId } = await requireWishKeeper(request, params.facilityId)
  const [facility, wishes] = await Promise.all([facilityProfile(facilityId), facilityWishes(facilityId)])
  if (!facility) notFound()
  const t = await getFixedT(request, 'wishes')
  return json({ title: t('title', { facility: facility.name }), facilityId, facilityName: facility.name, wishes })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, facilityId } = await requireWishKeeper(request, params.facilityId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const back = `/facility/${facilityId}/wishes`
  const { wishId } = intent.data
  switch (intent.data.intent) {
    case 'add': {
      const form = parseForm(formData, WishSchema, { arrayFields: ['tasks'] })
      if (!form.ok) return json(form, { status: 400 })
      await addWish(user.id, facilityId, form.data)
      return redirectWithToast(back, { key: 'wishes:toast.added', values: { what: form.data.what } })
    }
    case 'update': {
      const form = parseForm(formData, WishSchema, { arrayFields: ['tasks'] })
      if (!form.ok) return json(form, { status: 400 })
      const result = await updateWish(user.id, facilityId, wishId ?? '', form.data)
      if (!result.ok) return formFailure(formData, { formError: 'wishes:errors.notFound' }, { status: 404 })
      return redirectWithToast(`${back}#wish-${result.id}`, { key: 'wishes:toast.updated' })
    }
    case 'count': {
      const form = parseForm(formData, WishCountSchema)
      if (!form.ok) return json(form, { status: 400 })
      const result = await setWishCount(user.id, facilityId, form.data.wishId, form.data.residentCount)
      if (!result.ok) return formFailure(formData, { formError: 'wishes:errors.notFound' }, { status: 404 })
      return redirectWithToast(`${back}#wish-${result.id}`, { key: 'wishes:toast.counted' })
    }
    case 'delete': {
      const result = await deleteWish(user.id, facilityId, wishId ?? '')
      if (!result.ok) return formFailure(formData, { formError: 'wishes:errors.notFound' }, { status: 404 })
      return redirectWithToast(back, { key: 'wishes:toast.deleted' })
    }
  }
}

/** The failed form's state, only for the form it came from (several forms on one page). */
function stateFor(state: FormState, intent: string, wishId?: string) {
  if (!state?.values || state.values.intent !== intent) return undefined
  if (wishId !== undefined && state.values.wishId !== wishId) return undefined
  return state
}

export default function FacilityWishesPage() {
  const { t } = useTranslation(['wishes', 'common'])
  const { title, facilityId, wishes } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>() as FormState
  const open = wishes.filter((wish) => (OPEN_WISH_STATES as readonly string[]).includes(wish.state))
  const taskOptions = TASKS.map((task) => ({ value: task, label: t(`common:task.${task}`) }))
  return (
    <div>
      <p>
        <Link to="/facility">← {t('common:nav.facilityHome')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link className="button button-secondary" to={`/facility/${facilityId}/wishes/easy`}>
          {t('easyLink')}
        </Link>
      </p>
      {state?.values?.intent === 'delete' ? <FormError state={state} /> : null}

      {wishes.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <>
          <section aria-labelledby="ad-heading" className="card">
            <h2 id="ad-heading">{t('ad.heading')}</h2>
            {open.length === 0 ? (
              <p>{t('ad.noneOpen')}</p>
            ) : (
              <>
                <p>{t('ad.intro')}</p>
                {/* A GET form: the wishes below join it through their checkboxes' form attribute, so it works without JavaScript. */}
                <Form id="ad-from-wishes" method="get" action="/facility/ads/new">
                  <input type="hidden" name="facilityId" value={facilityId} />
                  <SubmitButton>{t('ad.submit')}</SubmitButton>
                </Form>
              </>
            )}
          </section>
          {WISH_STATES.map((wishState) => {
            const inState = wishes.filter((wish) => wish.state === wishState)
            return (
              <section key={wishState} aria-labelledby={`state-${wishState}`}>
                <h2 id={`state-${wishState}`}>
                  {t(`state.${wishState}`)} ({inState.length})
                </h2>
                {inState.length === 0 ? (
                  <p className="empty">{t('stateEmpty')}</p>
                ) : (
                  <ul className="wish-list">
                    {inState.map((wish) => (
                      <WishItem key={wish.id} wish={wish} state={state} taskOptions={taskOptions} />
                    ))}
                  </ul>
                )}
              </section>
            )
          })}
        </>
      )}

      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">{t('form.addHeading')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add" />
          <FormScope id="wish-new">
            <WishErrorSummary scope="wish-new" state={stateFor(state, 'add')} taskOptions={taskOptions} />
            <Field label={t('form.what')} name="what" hint={t('form.whatHint')} state={stateFor(state, 'add')} maxLength={160} />
            <ChoiceGroup legend={t('form.tasks')} name="tasks" type="checkbox" hint={t('form.tasksHint')} state={stateFor(state, 'add')} options={taskOptions} />
            <Field label={t('form.count')} name="residentCount" type="number" inputMode="numeric" min={1} max={MAX_RESIDENTS_PER_WISH} state={stateFor(state, 'add')} defaultValue="1" />
          </FormScope>
          <SubmitButton>{t('form.add')}</SubmitButton>
        </Form>
      </section>
    </div>
  )
}

function WishItem({ wish, state, taskOptions }: { wish: SerializeFrom<typeof loader>['wishes'][number]; state: FormState; taskOptions: { value: string; label: string }[] }) {
  const { t, i18n } = useTranslation(['wishes', 'common'])
  const locale = localeOf(i18n.language)
  const open = wish.state !== 'fulfilled'
  const editState = stateFor(state, 'update', wish.id)
  const countState = stateFor(state, 'count', wish.id)
  return (
    <li id={`wish-${wish.id}`}>
      <p className="wish-what">{wish.what}</p>
      <p className="wish-meta">
        {t('residents', { count: wish.residentCount })} · <WishStateLabel state={wish.state} /> · {wish.tasks.map((task) => t(`common:task.${task}`)).join(', ')}
      </p>
      <p className="wish-meta">
        {t('addedOn', { date: formatDate(wish.createdAt, locale) })}
        {wish.easyRead ? ` · ${t('addedEasy')}` : ''}
      </p>
      {wish.ads.length > 0 ? (
        <p className="wish-meta">
          {t('ads')}{' '}
          {wish.ads.map((ad, index) => (
            <span key={ad.id}>
              {index > 0 ? ', ' : ''}
              <Link to={`/facility/ads/${ad.id}`}>{ad.title}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {wish.fulfilledAt && wish.fulfilledByVisit ? (
        <p className="wish-meta">
          {t('fulfilledOn', { date: formatDate(wish.fulfilledAt, locale) })} (<Link to={`/visits/${wish.fulfilledByVisit.id}`}>{t('seeVisit')}</Link>)
        </p>
      ) : null}
      {open ? (
        <div className="wish-pick">
          <input id={`pick-${wish.id}`} type="checkbox" name="wish" value={wish.id} form="ad-from-wishes" />
          <label htmlFor={`pick-${wish.id}`}>{t('ad.choose', { what: wish.what })}</label>
        </div>
      ) : null}
      <div className="wish-actions">
        <Form method="post" className="wish-count-form" noValidate>
          <input type="hidden" name="intent" value="count" />
          <input type="hidden" name="wishId" value={wish.id} />
          <FormScope id={`wish-count-${wish.id}`}>
          <ErrorSummary state={countState} labels={{ residentCount: t('form.countLabel', { what: wish.what }) }} />
          <Field
            label={t('form.countLabel', { what: wish.what })}
            name="residentCount"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_RESIDENTS_PER_WISH}
            state={countState}
            defaultValue={String(wish.residentCount)}
          />
          </FormScope>
          <SubmitButton className="button button-secondary">{t('form.countSave')}</SubmitButton>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="wishId" value={wish.id} />
          <button type="submit" className="button button-secondary" aria-label={t('form.deleteLabel', { what: wish.what })}>
            {t('form.delete')}
          </button>
        </Form>
      </div>
      <details open={Boolean(editState)}>
        <summary>{t('form.edit')}</summary>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="wishId" value={wish.id} />
          <FormScope id={`wish-edit-${wish.id}`}>
            <WishErrorSummary scope={`wish-edit-${wish.id}`} state={editState} taskOptions={taskOptions} />
            <Field label={t('form.what')} name="what" hint={t('form.whatHint')} state={editState} defaultValue={wish.what} maxLength={160} />
            <ChoiceGroup legend={t('form.tasks')} name="tasks" type="checkbox" state={editState} defaultValue={wish.tasks} options={taskOptions} />
            <Field label={t('form.count')} name="residentCount" type="number" inputMode="numeric" min={1} max={MAX_RESIDENTS_PER_WISH} state={editState} defaultValue={String(wish.residentCount)} />
          </FormScope>
          <SubmitButton>{t('form.save')}</SubmitButton>
        </Form>
      </details>
    </li>
  )
}

/** A wish's fields summed up after a failed submit; the tasks link to their first checkbox. */
function WishErrorSummary({ scope, state, taskOptions }: { scope: string; state: FormState; taskOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation('wishes')
  return (
    <ErrorSummary
      state={state}
      labels={{ what: t('form.what'), tasks: t('form.tasks'), residentCount: t('form.count') }}
      targets={{ tasks: `${scope}-tasks-${taskOptions[0]?.value ?? ''}` }}
    />
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
