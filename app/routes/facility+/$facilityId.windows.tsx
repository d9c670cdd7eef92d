import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, Field, FormError, FormScope, type FormState, SelectField, SubmitButton } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { addClosure, facilityClosurePage, removeClosure, setHolidayOpen, type DayClosure } from '~/models/facility-closure.server'
import { facilityProfile } from '~/models/facility.server'
import { createWindow, facilityWindows, setWindowActive, updateWindow } from '~/models/visit-window.server'
import bookingStyles from '~/styles/booking.css'
import { parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { formatLocalDate } from '~/utils/dates'
import { localeOf } from '~/utils/domain'
import { holidayOn } from '~/utils/holidays'
import { pageMeta } from '~/utils/meta'
import { facilityScope, notFound, requirePermission } from '~/utils/permissions.server'
import { addDays, copenhagenDate, isClockTime, isLocalDate } from '~/utils/time'
// Not through forms.server: the schemas stay in the browser bundle, where a .server module is empty.
import { oneLineText } from '~/utils/text-fields'
import { redirectWithToast } from '~/utils/toast.server'

const time = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .refine(isClockTime, 'booking:window.invalidTime')
const date = z
  .string({ required_error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .refine(isLocalDate, 'validation.date')
const WindowSchema = z
  .object({
    title: oneLineText().trim().min(1, 'validation.required').max(120, 'validation.tooLong?maximum=120'),
    weekday: z.coerce.number({ invalid_type_error: 'validation.choose' }).int('validation.choose').min(1, 'validation.choose').max(7, 'validation.choose'),
    startTime: time,
    endTime: time,
    capacity: z.coerce
      .number({ invalid_type_error: 'booking:window.capacityNumber' })
      .int('booking:window.capacityNumber')
      .min(1, 'booking:window.capacityTooSmall')
      .max(50, 'validation.tooBig?maximum=50'),
    validFrom: date,
    validTo: z.union([z.literal(''), date]).optional().transform((value) => value || null),
    location: oneLineText().trim().max(300, 'validation.tooLong?maximum=300').optional().default(''),
  })
  .superRefine((value, ctx) => {
    if (value.endTime <= value.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'booking:window.endBeforeStart' })
    if (value.validTo && value.validTo < value.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'booking:window.toBeforeFrom' })
  })
/** A closure period may be at most a year long; a longer pause is closing the window itself. */
const MAX_CLOSURE_DAYS = 366
const ClosureSchema = z
  .object({
    fromDate: date,
    toDate: date,
    reason: oneLineText().trim().min(1, 'validation.required').max(120, 'validation.tooLong?maximum=120'),
  })
  .superRefine((value, ctx) => {
    if (value.toDate < value.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'booking:closure.toBeforeFrom' })
    else if (value.toDate > addDays(value.fromDate, MAX_CLOSURE_DAYS - 1)) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'booking:closure.tooLong' })
    else if (value.toDate < copenhagenDate()) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'booking:closure.past' })
  })
const HolidaySchema = z.object({
  localDate: date.refine((value) => Boolean(holidayOn(value)), 'booking:holiday.notAHoliday'),
})
const IntentSchema = z.object({
  intent: z.enum(['create', 'update', 'close', 'reopen', 'closure-add', 'closure-remove', 'holiday-open', 'holiday-close']),
  windowId: z.string().max(100).optional(),
  closureId: z.string().max(100).optional(),
})

export const handle = { i18n: ['booking'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }]

/** Active staff of this facility only: they run its visit times. */
async function requireWindowManager(request: Request, facilityId: string | undefined) {
  const scope = facilityId ? await facilityScope(facilityId) : null
  if (!scope) notFound()
  const { user } = await requirePermission(request, 'visitWindow:manage', scope)
  return { user, facilityId: scope.facilityId }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { facilityId } = await requireWindowManager(request, params.facilityId)
  const [facility, windows, calendar] = await Promise.all([facilityProfile(facilityId), facilityWindows(facilityId), facilityClosurePage(facilityId)])
  if (!facility) notFound()
  const t = await getFixedT(request, 'booking')
  return json({ title: t('window.title', { name: facility.name }), facilityId, facilityName: facility.name, windows, ...calendar, today: copenhagenDate() })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, facilityId } = await requireWindowManager(request, params.facilityId)
  const formData = await readForm(request)
  const intent = parseForm(formData, IntentSchema)
  if (!intent.ok) return json(intent, { status: 400 })
  const back = `/facility/${facilityId}/windows`
  const { windowId } = intent.data
  switch (intent.data.intent) {
    case 'closure-add': {
      const form = parseForm(formData, ClosureSchema)
      if (!form.ok) return json(form, { status: 400 })
      const { plannedVisits } = await addClosure(user.id, facilityId, form.data)
      // Visits already booked in the period are kept; the toast and the list say so (see addClosure).
      return redirectWithToast(`${back}#closures-heading`, {
        key: plannedVisits > 0 ? 'booking:closure.addedWithVisits' : 'booking:closure.added',
        values: { count: String(plannedVisits), reason: form.data.reason },
      })
    }
    case 'closure-remove':
      if (!intent.data.closureId || !(await removeClosure(user.id, facilityId, intent.data.closureId))) notFound()
      return redirectWithToast(`${back}#closures-heading`, { key: 'booking:closure.removed' })
    case 'holiday-open':
    case 'holiday-close': {
      const form = parseForm(formData, HolidaySchema)
      if (!form.ok) return json(form, { status: 400 })
      const open = intent.data.intent === 'holiday-open'
      await setHolidayOpen(user.id, facilityId, form.data.localDate, open)
      return redirectWithToast(`${back}#holidays-heading`, { key: open ? 'booking:holiday.opened' : 'booking:holiday.closed' })
    }
  }
  if (intent.data.intent === 'close' || intent.data.intent === 'reopen') {
    const open = intent.data.intent === 'reopen'
    if (!windowId || !(await setWindowActive(user.id, facilityId, windowId, open))) notFound()
    return redirectWithToast(back, { key: open ? 'booking:window.reopened' : 'booking:window.closed' })
  }
  const form = parseForm(formData, WindowSchema)
  if (!form.ok) return json(form, { status: 400 })
  if (intent.data.intent === 'create') {
    await createWindow(user.id, facilityId, form.data)
    return redirectWithToast(back, { key: 'booking:window.created', values: { title: form.data.title } })
  }
  if (!windowId || !(await updateWindow(user.id, facilityId, windowId, form.data))) notFound()
  return redirectWithToast(back, { key: 'booking:window.updated', values: { title: form.data.title } })
}

type WindowValues = { title: string; weekday: number; startTime: string; endTime: string; capacity: number; validFrom: string; validTo: string | null; location: string }

/** A window's fields, with the error summary on top; the caller wraps them in a FormScope. */
function WindowFields({ state, window, today }: { state: FormState; window?: WindowValues; today: string }) {
  const { t } = useTranslation(['booking', 'common'])
  return (
    <>
      <ErrorSummary
        state={state}
        labels={{
          title: t('window.fieldTitle'),
          weekday: t('window.weekday'),
          startTime: t('window.startTime'),
          endTime: t('window.endTime'),
          capacity: t('window.capacity'),
          validFrom: t('window.validFrom'),
          validTo: t('window.validTo'),
          location: t('window.location'),
        }}
      />
      <Field label={t('window.fieldTitle')} name="title" hint={t('window.fieldTitleHint')} state={state} defaultValue={window?.title} />
      <SelectField
        label={t('window.weekday')}
        name="weekday"
        state={state}
        placeholder={t('window.chooseWeekday')}
        defaultValue={window ? String(window.weekday) : ''}
        options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: t(`common:weekday.${day}`) }))}
      />
      <Field label={t('window.startTime')} name="startTime" type="time" state={state} defaultValue={window?.startTime ?? '14:00'} />
      <Field label={t('window.endTime')} name="endTime" type="time" state={state} defaultValue={window?.endTime ?? '16:00'} />
      <Field label={t('window.capacity')} name="capacity" type="number" min={1} max={50} hint={t('window.capacityHint')} state={state} defaultValue={window ? String(window.capacity) : '2'} />
      <Field label={t('window.validFrom')} name="validFrom" type="date" state={state} defaultValue={window?.validFrom ?? today} />
      <Field label={t('window.validTo')} name="validTo" type="date" hint={t('window.validToHint')} state={state} defaultValue={window?.validTo ?? ''} />
      <Field label={t('window.location')} name="location" hint={t('window.locationHint')} state={state} defaultValue={window?.location} />
    </>
  )
}

/** Why a date is closed, in words: the holiday's name or the closure's reason. */
function closedWhy(t: ReturnType<typeof useTranslation>['t'], closed: DayClosure) {
  return closed.kind === 'closure' ? closed.reason : t(`common:holiday.${closed.code}`)
}

type LoaderData = SerializeFrom<typeof loader>

export default function FacilityWindowsPage() {
  const { t, i18n } = useTranslation(['booking', 'common'])
  const { facilityName, windows, closures, holidays, today } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  const locale = localeOf(i18n.language)
  const day = (date: string) => formatLocalDate(date, locale, locale === 'da' ? 'EEEE d. MMMM yyyy' : 'EEEE d MMMM yyyy')
  const sentIntent = state && 'values' in state ? state.values?.intent : undefined
  const sentWindow = state && 'values' in state ? state.values?.windowId : undefined
  const closureState = sentIntent === 'closure-add' ? state : undefined
  return (
    <div>
      <p>
        <Link to="/facility">{t('window.back')}</Link>
      </p>
      <h1>{t('window.heading')}</h1>
      <p className="lead">{t('window.intro', { name: facilityName })}</p>
      {sentIntent !== 'create' && sentIntent !== 'update' && sentIntent !== 'closure-add' ? <FormError state={state} /> : null}

      <section aria-labelledby="windows-heading">
        <h2 id="windows-heading">{t('window.listHeading')}</h2>
        {windows.length === 0 ? (
          <EmptyState>{t('window.none')}</EmptyState>
        ) : (
          <ul className="card-list">
            {windows.map((window) => {
              const editState = sentIntent === 'update' && sentWindow === window.id ? state : undefined
              return (
                <li key={window.id} className="card">
                  <h3>
                    {window.title} {window.active ? null : <span className="flag">{t('window.closedLabel')}</span>}
                  </h3>
                  <p>
                    {t('window.summary', {
                      weekday: t(`common:weekday.${window.weekday}`),
                      start: window.startTime,
                      end: window.endTime,
                      count: window.capacity,
                    })}
                    {window.location ? ` · ${window.location}` : ''}
                  </p>
                  <p>{window.validTo ? t('window.validRange', { from: formatLocalDate(window.validFrom, locale), to: formatLocalDate(window.validTo, locale) }) : t('window.validFromOnly', { from: formatLocalDate(window.validFrom, locale) })}</p>
                  {window.active && window.closedDates.length > 0 ? (
                    <div className="closed-dates">
                      <p>{t('window.closedDates')}</p>
                      <ul>
                        {window.closedDates.map((date) => (
                          <li key={date.localDate}>
                            {day(date.localDate)}: <strong>{closedWhy(t, date.closed)}</strong>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <details open={Boolean(editState)}>
                    <summary>{t('window.edit', { title: window.title })}</summary>
                    <Form method="post" className="stack" noValidate>
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="windowId" value={window.id} />
                      <FormScope id={`window-${window.id}`}>
                        <WindowFields state={editState} window={window} today={today} />
                      </FormScope>
                      <SubmitButton>{t('window.save')}</SubmitButton>
                    </Form>
                  </details>
                  <Form method="post">
                    <input type="hidden" name="windowId" value={window.id} />
                    <SubmitButton name="intent" value={window.active ? 'close' : 'reopen'} className="button button-secondary button-small">
                      {window.active ? t('window.close', { title: window.title }) : t('window.reopen', { title: window.title })}
                    </SubmitButton>
                  </Form>
                </li>
              )
            })}
          </ul>
        )}
      </section>

      <ClosureSection closures={closures} closureState={closureState} today={today} day={day} />

      <HolidaySection holidays={holidays} day={day} />

      <section aria-labelledby="new-window-heading" className="card">
        <h2 id="new-window-heading">{t('window.newHeading')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="create" />
          <FormScope id="window-new">
            <WindowFields state={sentIntent === 'create' ? state : undefined} today={today} />
          </FormScope>
          <SubmitButton>{t('window.create')}</SubmitButton>
        </Form>
      </section>
    </div>
  )
}

function ClosureSection({ closures, closureState, today, day }: { closures: LoaderData['closures']; closureState: FormState; today: string; day: (date: string) => string }) {
  const { t } = useTranslation(['booking', 'common'])
  return (
    <section aria-labelledby="closures-heading">
      <h2 id="closures-heading">{t('closure.heading')}</h2>
      <p>{t('closure.intro')}</p>
      {closures.length === 0 ? (
        <EmptyState>{t('closure.none')}</EmptyState>
      ) : (
        <ul className="card-list">
          {closures.map((closure) => (
            <li key={closure.id} className="card">
              <h3>{closure.reason}</h3>
              <p>{t('closure.period', { from: day(closure.fromDate), to: day(closure.toDate) })}</p>
              {closure.plannedVisits > 0 ? (
                <p className="form-error">
                  {t('closure.visitsKept', { count: closure.plannedVisits })} <Link to="/visits">{t('closure.visitsLink')}</Link>
                </p>
              ) : null}
              <Form method="post">
                <input type="hidden" name="closureId" value={closure.id} />
                <SubmitButton name="intent" value="closure-remove" className="button button-secondary button-small">
                  {t('closure.remove', { reason: closure.reason })}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <div className="card">
        <h3 id="new-closure-heading">{t('closure.newHeading')}</h3>
        <Form method="post" className="stack" noValidate aria-labelledby="new-closure-heading">
          <FormScope id="windows-closure-add">
          <input type="hidden" name="intent" value="closure-add" />
          <ErrorSummary state={closureState} labels={{ fromDate: t('closure.fromDate'), toDate: t('closure.toDate'), reason: t('closure.reason') }} />
          <Field label={t('closure.fromDate')} name="fromDate" type="date" state={closureState} defaultValue={today} />
          <Field label={t('closure.toDate')} name="toDate" type="date" state={closureState} />
          <Field label={t('closure.reason')} name="reason" hint={t('closure.reasonHint')} state={closureState} maxLength={120} />
          <SubmitButton>{t('closure.add')}</SubmitButton>
          </FormScope>
        </Form>
      </div>
    </section>
  )
}

function HolidaySection({ holidays, day }: { holidays: LoaderData['holidays']; day: (date: string) => string }) {
  const { t } = useTranslation(['booking', 'common'])
  return (
    <section aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">{t('holiday.heading')}</h2>
      <p>{t('holiday.intro')}</p>
      <div className="table-wrap">
        <table className="holiday-table responsive-table">
          <caption className="visually-hidden">{t('holiday.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('holiday.date')}</th>
              <th scope="col">{t('holiday.name')}</th>
              <th scope="col">{t('holiday.state')}</th>
              <th scope="col">{t('holiday.change')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((holiday) => {
              const name = t(`common:holiday.${holiday.code}`)
              return (
                <tr key={`${holiday.date}-${holiday.code}`}>
                  <th scope="row">{day(holiday.date)}</th>
                  <td data-label={t('holiday.name')}>
                    {name}
                    {holiday.kind === 'closing-day' ? <span className="muted"> ({t('common:holidayKind.closing-day')})</span> : null}
                  </td>
                  <td data-label={t('holiday.state')}>{holiday.open ? <strong>{t('holiday.openOnPurpose')}</strong> : t('holiday.closedForBooking')}</td>
                  <td data-label={t('holiday.change')}>
                    <Form method="post">
                      <input type="hidden" name="localDate" value={holiday.date} />
                      <SubmitButton name="intent" value={holiday.open ? 'holiday-close' : 'holiday-open'} className="button button-secondary button-small">
                        {holiday.open ? t('holiday.close', { name }) : t('holiday.open', { name })}
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
