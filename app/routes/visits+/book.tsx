import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { visitTimeText } from '~/components/booking'
import { ErrorList, FormError, SubmitButton } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import type { DayClosure } from '~/models/facility-closure.server'
import { bookWindowVisit } from '~/models/visit-booking.server'
import { bookableWindows } from '~/models/visit-window.server'
import bookingStyles from '~/styles/booking.css'
import { localeOf } from '~/utils/domain'
import { formFailure, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

const BookSchema = z.object({
  windowId: z.string({ required_error: 'validation.required' }).min(1, 'validation.required').max(100, 'validation.invalid'),
  localDate: z.string({ required_error: 'validation.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
})

export const handle = { i18n: ['booking'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'visit:book')
  const t = await getFixedT(request, 'booking')
  // Only what the page shows goes into the page's data (not the window's validity or the facility's id).
  const windows = (await bookableWindows(user.id)).map((window) => ({
    id: window.id,
    title: window.title,
    facilityName: window.facility.name,
    weekday: window.weekday,
    startTime: window.startTime,
    endTime: window.endTime,
    capacity: window.capacity,
    location: window.location,
    dates: window.dates,
  }))
  return json({ title: t('book.title'), windows })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'visit:book')
  const formData = await readForm(request)
  const form = parseForm(formData, BookSchema)
  if (!form.ok) return json(form, { status: 400 })
  const result = await bookWindowVisit(user.id, form.data)
  if (result.ok) return redirectWithToast(`/visits/${result.visitId}`, { key: 'booking:book.booked' })
  // "full" and "overlap" are the everyday refusals; the rest come from an old page or a crafted form.
  const messages: Record<typeof result.reason, string> = {
    full: 'booking:book.full',
    overlap: 'booking:book.overlap',
    past: 'booking:book.past',
    closed: 'booking:book.closed',
    'no-match': 'booking:book.noMatch',
    'not-found': 'booking:book.notFound',
    'not-a-window-date': 'booking:book.notAWindowDate',
  }
  // The refusal is shown beside the date that was chosen (and at the top, for a date no longer listed).
  return formFailure(
    formData,
    { fieldErrors: { localDate: [messages[result.reason]] }, formError: messages[result.reason] },
    { status: result.reason === 'full' || result.reason === 'overlap' ? 409 : 400 },
  )
}

/** "Lukket: Juledag" / "Lukket: Sommerferie" — why a date cannot be booked, in words. */
function ClosedText({ closed }: { closed: DayClosure }) {
  const { t } = useTranslation(['booking', 'common'])
  return <span className="room-none date-closed">{t('book.closedOn', { why: closed.kind === 'closure' ? closed.reason : t(`common:holiday.${closed.code}`) })}</span>
}

export default function BookVisitPage() {
  const { t, i18n } = useTranslation(['booking', 'common'])
  const { windows } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const tried = state && 'values' in state ? { windowId: state.values?.windowId, localDate: state.values?.localDate } : null
  const dateError = state && 'fieldErrors' in state ? state.fieldErrors?.localDate : undefined
  const shownBeside = Boolean(
    dateError && windows.some((window) => window.id === tried?.windowId && window.dates.some((date) => date.localDate === tried?.localDate)),
  )
  return (
    <div>
      <p>
        <Link to="/volunteer">{t('book.back')}</Link>
      </p>
      <h1>{t('book.heading')}</h1>
      <p className="lead">{t('book.intro')}</p>
      {shownBeside ? null : <FormError state={state} />}
      {windows.length === 0 ? (
        <p className="callout">{t('book.none')}</p>
      ) : (
        windows.map((window) => (
          <section key={window.id} aria-labelledby={`window-${window.id}`} className="card">
            <h2 id={`window-${window.id}`}>
              {window.title} – {window.facilityName}
            </h2>
            <p>
              {t('book.windowSummary', { weekday: t(`common:weekday.${window.weekday}`), start: window.startTime, end: window.endTime, count: window.capacity })}
              {window.location ? ` · ${window.location}` : ''}
            </p>
            {window.dates.length === 0 ? (
              <EmptyState>{t('book.noDates')}</EmptyState>
            ) : (
              <ul className="window-dates">
                {window.dates.map((date) => {
                  const label = visitTimeText(date.startsAt, date.endsAt, locale)
                  const errorId = `error-${window.id}-${date.localDate}`
                  const errors = tried?.windowId === window.id && tried.localDate === date.localDate ? dateError : undefined
                  return (
                    <li key={date.localDate}>
                      <span className="date">{label}</span>
                      {date.bookedVisitId ? (
                        <Link to={`/visits/${date.bookedVisitId}`}>{t('book.youAreBooked')}</Link>
                      ) : date.closed ? (
                        <ClosedText closed={date.closed} />
                      ) : date.roomLeft > 0 ? (
                        <>
                          <span className="room-left">{t('book.roomLeft', { count: date.roomLeft })}</span>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="windowId" value={window.id} />
                            <input type="hidden" name="localDate" value={date.localDate} />
                            <SubmitButton className="button button-small">
                              {t('book.book')}
                              <span className="visually-hidden"> {label}</span>
                            </SubmitButton>
                          </Form>
                        </>
                      ) : (
                        <span className="room-none">{t('book.noRoom')}</span>
                      )}
                      {errors ? (
                        <div role="alert">
                          <ErrorList id={errorId} errors={errors} />
                        </div>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            )}
          </section>
        ))
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
