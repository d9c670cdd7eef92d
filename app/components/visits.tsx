import { Form, Link } from '@remix-run/react'
import { CalendarDays, Clock, MapPin, User } from 'lucide-react'
import { IconSprite, SharedIcon } from './kept-icon'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field, FormScope, type FormState, SelectField, SubmitButton, valueOf } from '~/components/forms'
import { EmptyState } from '~/components/empty-state'
import { statusIconOf, visitLook } from '~/components/status-badge'
import type { CalendarMarks } from '~/models/facility-closure.server'
import type { VisitListItem } from '~/models/visit.server'
import { formatLocalDate } from '~/utils/dates'
import type { Locale } from '~/utils/domain'
import { describePlan, NTH_WEEKDAYS } from '~/utils/visit-plan'
import { addDays, isoWeekday, lastDateOfMonth } from '~/utils/time'
import { PLAN_FREQUENCIES, type PlanRule } from '~/utils/visit-schedule'
import { shownVolunteerName } from '~/utils/former-person'

/** A day's marks in words: "Juledag", "Lukket: Skovbrynet – Sommerferie". Text, not only colour. */
function DayMarkList({ marks, day }: { marks?: CalendarMarks; day: string }) {
  const { t } = useTranslation(['visits', 'common'])
  const texts = [
    ...(marks?.holidays ?? []).filter((holiday) => holiday.date === day).map((holiday) => t(`common:holiday.${holiday.code}`)),
    ...(marks?.closures ?? [])
      .filter((closure) => closure.fromDate <= day && closure.toDate >= day)
      .map((closure) => t('calendar.closed', { facility: closure.facilityName, reason: closure.reason })),
    ...(marks?.openDays ?? []).filter((open) => open.date === day).map((open) => t('calendar.openOnHoliday', { facility: open.facilityName })),
  ]
  if (texts.length === 0) return null
  return (
    <ul className="day-marks">
      {texts.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  )
}

export function dayLabel(localDate: string, locale: Locale) {
  return formatLocalDate(localDate, locale, locale === 'da' ? 'EEEE d. MMMM yyyy' : 'EEEE d MMMM yyyy')
}

function shortDay(localDate: string, locale: Locale) {
  return formatLocalDate(localDate, locale, locale === 'da' ? 'EEE d. MMM' : 'EEE d MMM')
}

/** Who the visit is with, seen from the reader: volunteers see the facility, staff the volunteer. */
function withWhom(t: Parameters<typeof shownVolunteerName>[0], visit: VisitListItem, role: string) {
  return role === 'volunteer' ? visit.facility.name : `${shownVolunteerName(t, visit.volunteer.name)} (${visit.facility.name})`
}

/** A row's status in the visit table; its icon is drawn by the table's IconSprite. */
function VisitStatus({ visit }: { visit: VisitListItem }) {
  const { t } = useTranslation('visits')
  return (
    <span className={`visit-status visit-status-${visit.status}`}>
      <SharedIcon icon={statusIconOf(visitLook(visit.status))} size={16} className="status-icon" />
      {t(`status.${visit.status}`)}
      {visit.lateCancellation ? ` (${t('status.late')})` : ''}
    </span>
  )
}

/**
 * The upcoming visits as a table: date, time, with whom, contact person, place, notes, status. The
 * icons repeated on every row are drawn once, in the table's IconSprite (SharedIcon, kept-icon.tsx).
 */
export function VisitTable({ visits, role, locale }: { visits: VisitListItem[]; role: string; locale: Locale }) {
  const { t } = useTranslation('visits')
  if (visits.length === 0) return <EmptyState icon={CalendarDays}>{t('list.none')}</EmptyState>
  const statusIcons = [...new Set(visits.map((visit) => statusIconOf(visitLook(visit.status))))]
  return (
    <div className="table-wrap">
      <IconSprite icons={[CalendarDays, Clock, User, MapPin, ...statusIcons]} />
      <table className="visit-table responsive-table">
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.date')}</th>
            <th scope="col">{t('list.time')}</th>
            <th scope="col">{role === 'volunteer' ? t('list.facility') : t('list.volunteer')}</th>
            <th scope="col">{t('list.contact')}</th>
            <th scope="col">{t('list.place')}</th>
            <th scope="col">{t('list.notes')}</th>
            <th scope="col">{t('list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((visit) => (
            <tr key={visit.id} className={visit.status === 'cancelled' ? 'visit-cancelled' : undefined}>
              <th scope="row">
                <SharedIcon icon={CalendarDays} size={16} className="cell-icon" />
                <Link to={`/visits/${visit.id}`}>{dayLabel(visit.localDate, locale)}</Link>
              </th>
              <td data-label={t('list.time')}>
                <SharedIcon icon={Clock} size={16} className="cell-icon" />
                {visit.startTime}–{visit.endTime}
              </td>
              <td data-label={role === 'volunteer' ? t('list.facility') : t('list.volunteer')}>{withWhom(t, visit, role)}</td>
              <td data-label={t('list.contact')}>
                {visit.contact ? <SharedIcon icon={User} size={16} className="cell-icon" /> : null}
                {visit.contact ? `${visit.contact.name}${visit.contact.phone ? `, ${visit.contact.phone}` : ''}` : '—'}
              </td>
              <td data-label={t('list.place')}>
                <SharedIcon icon={MapPin} size={16} className="cell-icon" />
                {[visit.location, `${visit.facility.address}, ${visit.facility.postcode} ${visit.facility.town}`].filter(Boolean).join(' · ')}
              </td>
              <td data-label={t('list.notes')}>{visit.note ?? ''}</td>
              <td data-label={t('list.status')}>
                <VisitStatus visit={visit} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function VisitChip({ visit, role }: { visit: VisitListItem; role: string }) {
  const { t } = useTranslation('visits')
  return (
    <Link to={`/visits/${visit.id}`} className={`visit-chip visit-chip-${visit.status}`}>
      {visit.startTime}–{visit.endTime} {withWhom(t, visit, role)}
      {visit.status !== 'planned' ? ` (${t(`status.${visit.status}`)})` : ''}
    </Link>
  )
}

/** Seven days, one row each, with the day's visits. */
export function WeekTable({ monday, visits, marks, role, locale, today }: { monday: string; visits: VisitListItem[]; marks?: CalendarMarks; role: string; locale: Locale; today: string }) {
  const { t } = useTranslation('visits')
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index))
  return (
    <table className="week-table responsive-table">
      <caption>{t('week.caption', { from: dayLabel(days[0], locale), to: dayLabel(days[6], locale) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('week.day')}</th>
          <th scope="col">{t('week.visits')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => {
          const own = visits.filter((visit) => visit.localDate === day)
          return (
            <tr key={day} aria-current={day === today ? 'date' : undefined} className={day === today ? 'today' : undefined}>
              <th scope="row">
                {dayLabel(day, locale)}
                <DayMarkList marks={marks} day={day} />
              </th>
              <td data-label={t('week.visits')}>
                {own.length === 0 ? (
                  <span className="muted">{t('week.noVisits')}</span>
                ) : (
                  <ul className="chip-list">
                    {own.map((visit) => (
                      <li key={visit.id}>
                        <VisitChip visit={visit} role={role} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** A month as a calendar grid (Monday first), each day with its visits. */
export function MonthTable({ month, visits, marks, role, locale, today }: { month: string; visits: VisitListItem[]; marks?: CalendarMarks; role: string; locale: Locale; today: string }) {
  const { t } = useTranslation(['visits', 'common'])
  const first = `${month}-01`
  const gridStart = addDays(first, 1 - isoWeekday(first))
  const last = lastDateOfMonth(month)
  const gridEnd = addDays(last, 7 - isoWeekday(last))
  const weeks: string[][] = []
  for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) {
    if (isoWeekday(day) === 1) weeks.push([])
    weeks[weeks.length - 1].push(day)
  }
  return (
    <>
      <MonthAgenda month={month} visits={visits} marks={marks} role={role} locale={locale} today={today} />
    <table className="month-table">
      <caption>{formatLocalDate(first, locale, 'MMMM yyyy')}</caption>
      <thead>
        <tr>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <th key={day} scope="col">
              {t(`common:weekday.${day}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const own = visits.filter((visit) => visit.localDate === day)
              const outside = day.slice(0, 7) !== month
              return (
                <td key={day} className={[outside ? 'outside' : '', day === today ? 'today' : ''].join(' ').trim() || undefined} aria-current={day === today ? 'date' : undefined}>
                  <span className="day-number">
                    <span aria-hidden="true">{Number(day.slice(8))}</span>
                    <span className="visually-hidden">{shortDay(day, locale)}</span>
                  </span>
                  <DayMarkList marks={marks} day={day} />
                  <VisitChips visits={own} role={role} />
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </>
  )
}

/** A day's visits as a list of chips; nothing when the day has none. */
function VisitChips({ visits, role }: { visits: VisitListItem[]; role: string }) {
  if (visits.length === 0) return null
  return (
    <ul className="chip-list">
      {visits.map((visit) => (
        <li key={visit.id}>
          <VisitChip visit={visit} role={role} />
        </li>
      ))}
    </ul>
  )
}

/**
 * The month on a phone: an agenda of the days that have something (a visit, a holiday, a
 * closure), each a heading with its entries. app/styles/visits.css shows it instead of the grid
 * under 700 px, where seven columns leave a letter per line.
 */
function MonthAgenda({ month, visits, marks, role, locale, today }: { month: string; visits: VisitListItem[]; marks?: CalendarMarks; role: string; locale: Locale; today: string }) {
  const { t } = useTranslation(['visits', 'common'])
  const first = `${month}-01`
  const last = lastDateOfMonth(month)
  const days: string[] = []
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const marked =
      (marks?.holidays ?? []).some((holiday) => holiday.date === day) ||
      (marks?.closures ?? []).some((closure) => closure.fromDate <= day && closure.toDate >= day) ||
      (marks?.openDays ?? []).some((open) => open.date === day)
    if (marked || visits.some((visit) => visit.localDate === day)) days.push(day)
  }
  return (
    <section className="month-agenda" aria-label={formatLocalDate(first, locale, 'MMMM yyyy')}>
      <p className="agenda-month">{formatLocalDate(first, locale, 'MMMM yyyy')}</p>
      {days.length === 0 ? (
        <EmptyState icon={CalendarDays}>{t('agenda.none')}</EmptyState>
      ) : (
        <ol className="agenda-days">
          {days.map((day) => {
            const own = visits.filter((visit) => visit.localDate === day)
            return (
              <li key={day} className={day === today ? 'agenda-day today' : 'agenda-day'} aria-current={day === today ? 'date' : undefined}>
                <h3>{dayLabel(day, locale)}</h3>
                <DayMarkList marks={marks} day={day} />
                <VisitChips visits={own} role={role} />
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

export type PlanItem = PlanRule & { id: string; status: string; location: string; exceptions: { kind: string; fromDate: string; toDate: string }[] }

/** A plan in words with its state; `awaiting` says whose answer a proposal waits for. */
export function PlanSummary({ plan, awaiting, locale }: { plan: PlanItem; awaiting: 'me' | 'other' | null; locale: Locale }) {
  const { t } = useTranslation(['visits', 'board', 'common'])
  const day = (date: string) => formatLocalDate(date, locale)
  return (
    <div className="plan-summary">
      <p className="plan-schedule">{describePlan(t, locale, plan)}</p>
      {plan.location ? <p>{t('plan.where', { location: plan.location })}</p> : null}
      <p>
        <span className={`plan-state plan-state-${plan.status}`}>{t(`plan.status.${plan.status}`)}</span>
        {plan.status === 'proposed' && awaiting ? ` · ${t(`plan.awaiting.${awaiting}`)}` : ''}
      </p>
      {plan.exceptions.length > 0 ? (
        <ul>
          {plan.exceptions.map((exception) => (
            <li key={`${exception.kind}-${exception.fromDate}`}>
              {exception.kind === 'pause' ? t('plan.pausedFromTo', { from: day(exception.fromDate), to: day(exception.toDate) }) : t('plan.skippedOn', { date: day(exception.fromDate) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** The plan form, for a new proposal and for a change. */
export function PlanForm({ state, defaults, submitLabel, action }: { state: FormState; defaults: Record<string, string>; submitLabel: string; action?: string }) {
  const { t } = useTranslation(['visits', 'common'])
  const frequency = valueOf(state, 'frequency', defaults.frequency)
  return (
    <Form method="post" action={action} className="stack plan-form" noValidate>
      <FormScope id="plan">
      <ErrorSummary
        state={state}
        labels={{
          weekday: t('form.weekday'),
          startTime: t('form.startTime'),
          endTime: t('form.endTime'),
          frequency: t('form.frequencyLabel'),
          nthWeekday: t('form.nthWeekday'),
          startDate: t('form.startDate'),
          endDate: t('form.endDate'),
          location: t('form.location'),
        }}
      />
      <SelectField
        label={t('form.weekday')}
        name="weekday"
        state={state}
        defaultValue={defaults.weekday}
        options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: t(`common:weekday.${day}`) }))}
      />
      <fieldset className="time-window">
        <legend>{t('form.timeWindow')}</legend>
        <Field label={t('form.startTime')} name="startTime" type="time" state={state} defaultValue={defaults.startTime} />
        <Field label={t('form.endTime')} name="endTime" type="time" state={state} defaultValue={defaults.endTime} />
      </fieldset>
      <fieldset>
        <legend>{t('form.frequency')}</legend>
        <SelectField
          label={t('form.frequencyLabel')}
          name="frequency"
          state={state}
          defaultValue={frequency}
          options={PLAN_FREQUENCIES.map((value) => ({ value, label: t(`form.frequencies.${value}`) }))}
        />
        <SelectField
          label={t('form.nthWeekday')}
          name="nthWeekday"
          hint={t('form.nthHint')}
          state={state}
          defaultValue={defaults.nthWeekday}
          placeholder={t('form.nthNone')}
          options={NTH_WEEKDAYS.map((nth) => ({ value: String(nth), label: t(`plan.nth.${nth}`) }))}
        />
      </fieldset>
      <fieldset className="date-range">
        <legend>{t('form.period')}</legend>
        <Field label={t('form.startDate')} name="startDate" type="date" state={state} defaultValue={defaults.startDate} />
        <Field label={t('form.endDate')} name="endDate" type="date" hint={t('form.endDateHint')} state={state} defaultValue={defaults.endDate} />
      </fieldset>
      <Field label={t('form.location')} name="location" hint={t('form.locationHint')} state={state} defaultValue={defaults.location} maxLength={300} />
      <SubmitButton>{submitLabel}</SubmitButton>
      </FormScope>
    </Form>
  )
}

/** The next planned visit, for the start pages, with a link to all visits. */
export function NextVisit({ visit, role }: { visit: VisitListItem | null; role: string }) {
  const { t, i18n } = useTranslation('visits')
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da'
  return (
    <section aria-labelledby="next-visit-heading" className="card">
      <h2 id="next-visit-heading">{t('home.nextVisit')}</h2>
      {visit ? (
        <p>
          <Link to={`/visits/${visit.id}`}>
            {dayLabel(visit.localDate, locale)} {visit.startTime}–{visit.endTime}
          </Link>{' '}
          · {withWhom(t, visit, role)}
          {visit.location ? ` · ${visit.location}` : ''}
        </p>
      ) : (
        <EmptyState icon={CalendarDays}>{t('home.noVisit')}</EmptyState>
      )}
      <p>
        <Link to="/visits">{t('home.allVisits')}</Link>
      </p>
    </section>
  )
}
