import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CheckboxField, SubmitButton } from '~/components/forms'
import { dayLabel, MonthTable, PlanSummary, VisitTable, WeekTable } from '~/components/visits'
import { EmptyState } from '~/components/empty-state'
import { calendarMarks } from '~/models/facility-closure.server'
import { calendarTokenOf, plansOf, regenerateCalendarToken, revokeCalendarToken, setVisitReminders, upcomingVisits, visitsBetween, visitsToLog, wantsVisitReminders } from '~/models/visit.server'
import visitStyles from '~/styles/visits.css'
import { localeOf, type Locale } from '~/utils/domain'
import { appUrl } from '~/utils/env.server'
import { checkboxField, parseForm, readForm } from '~/utils/forms.server'
import { getFixedT } from '~/utils/i18n.server'
import { pageMeta } from '~/utils/meta'
import { planSideOf } from '~/utils/permissions'
import { requirePermission } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'
import { addDays, addMonthsToMonth, copenhagenDate, isLocalDate, mondayOf } from '~/utils/time'
import { shownVolunteerName } from '~/utils/former-person'

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('calendar-create') }),
  z.object({ intent: z.literal('calendar-revoke') }),
  z.object({ intent: z.literal('reminders'), visitReminders: checkboxField }),
])

export const handle = { i18n: ['visits', 'board'] }
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: visitStyles }]

const VIEWS = ['list', 'week', 'month'] as const
type View = (typeof VIEWS)[number]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requirePermission(request, 'visits:view-own')
  const url = new URL(request.url)
  const view: View = (VIEWS as readonly string[]).includes(url.searchParams.get('view') ?? '') ? (url.searchParams.get('view') as View) : 'list'
  const now = new Date()
  const today = copenhagenDate(now)
  const dateParam = url.searchParams.get('date') ?? ''
  const monthParam = url.searchParams.get('month') ?? ''
  // Unknown or malformed dates in the URL fall back to today rather than failing, and so do years
  // no one keeps a calendar for: year 0 or the last week of 9999 (whose next week is year 10000).
  const plausible = (date: string) => date >= '2000-01-01' && date <= '2999-12-31'
  const monday = mondayOf(isLocalDate(dateParam) && plausible(dateParam) ? dateParam : today)
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) && plausible(`${monthParam}-01`) ? monthParam : today.slice(0, 7)

  let visits
  let marks: Awaited<ReturnType<typeof calendarMarks>> = { holidays: [], closures: [], openDays: [] }
  if (view === 'week') {
    ;[visits, marks] = await Promise.all([visitsBetween(actor, monday, addDays(monday, 6)), calendarMarks(actor, monday, addDays(monday, 6))])
  } else if (view === 'month') {
    const [from, to] = [addDays(`${month}-01`, -7), addDays(`${month}-01`, 42)]
    ;[visits, marks] = await Promise.all([visitsBetween(actor, from, to), calendarMarks(actor, from, to)])
  } else visits = await upcomingVisits(actor, now)

  const [matches, token, reminders, toLog] = await Promise.all([
    plansOf(actor),
    calendarTokenOf(user.id),
    actor.role === 'facility_staff' ? wantsVisitReminders(user.id) : Promise.resolve(false),
    view === 'list' ? visitsToLog(actor, now) : Promise.resolve([]),
  ])
  const t = await getFixedT(request, 'visits')
  return json({
    title: t('page.title'),
    role: user.role,
    view,
    today,
    monday,
    month,
    nav: { prevWeek: addDays(monday, -7), nextWeek: addDays(monday, 7), prevMonth: addMonthsToMonth(month, -1), nextMonth: addMonthsToMonth(month, 1) },
    visits,
    marks,
    toLog,
    matches: matches.map((match) => {
      const side = planSideOf(actor, match)
      return {
        id: match.id,
        status: match.status,
        facilityName: match.facility.name,
        volunteerName: match.volunteer.name,
        adTitle: match.jobAd.title,
        plans: match.plans.map((plan) => {
          const proposer = plan.proposedById === match.volunteerId ? 'volunteer' : 'facility'
          return { ...plan, awaiting: plan.status === 'proposed' ? (proposer === side ? ('other' as const) : ('me' as const)) : null }
        }),
      }
    }),
    feedUrl: token ? appUrl(`/calendar/${token}.ics`) : null,
    reminders,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requirePermission(request, 'visits:view-own')
  const formData = await readForm(request)
  const form = parseForm(formData, ActionSchema)
  if (!form.ok) return json(form, { status: 400 })
  switch (form.data.intent) {
    case 'calendar-create':
      await regenerateCalendarToken(user.id)
      return redirectWithToast('/visits#calendar-heading', { key: 'visits:feed.created' })
    case 'calendar-revoke':
      await revokeCalendarToken(user.id)
      return redirectWithToast('/visits#calendar-heading', { key: 'visits:feed.revoked' })
    case 'reminders':
      if (actor.role !== 'facility_staff') return json({ ok: false, fieldErrors: {}, formError: 'validation.invalid', values: {} }, { status: 400 })
      await setVisitReminders(user.id, form.data.visitReminders)
      return redirectWithToast('/visits#reminders-heading', { key: form.data.visitReminders ? 'visits:reminders.on' : 'visits:reminders.off' })
  }
}

type LoaderData = SerializeFrom<typeof loader>

export default function VisitsPage() {
  const { t, i18n } = useTranslation(['visits', 'common'])
  const data = useLoaderData<typeof loader>()
  const locale = localeOf(i18n.language)
  const { view, role, visits, matches, today } = data
  const tab = (to: View, label: string) => (
    <li>
      <Link to={to === 'list' ? '/visits' : `/visits?view=${to}`} aria-current={view === to ? 'page' : undefined} className={view === to ? 'active' : undefined}>
        {label}
      </Link>
    </li>
  )
  return (
    <div className="visits-page">
      <h1>{t('page.title')}</h1>
      <p className="lead">{t(role === 'volunteer' ? 'page.introVolunteer' : 'page.introStaff')}</p>

      <nav aria-label={t('page.views')}>
        <ul className="view-tabs">
          {tab('list', t('page.list'))}
          {tab('week', t('page.week'))}
          {tab('month', t('page.month'))}
        </ul>
      </nav>

      {data.toLog.length > 0 ? (
        <section aria-labelledby="to-log-heading" className="card to-log">
          <h2 id="to-log-heading">{t('toLog.heading')}</h2>
          <p>{t(role === 'volunteer' ? 'toLog.introVolunteer' : 'toLog.introStaff')}</p>
          <ul>
            {data.toLog.map((visit) => (
              <li key={visit.id}>
                <Link to={`/visits/${visit.id}#log-heading`}>
                  {t('toLog.link', {
                    date: dayLabel(visit.localDate, locale),
                    time: `${visit.startTime}–${visit.endTime}`,
                    who: role === 'volunteer' ? visit.facility.name : shownVolunteerName(t, visit.volunteer.name),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="visits-heading">
        {view === 'list' ? (
          <>
            <h2 id="visits-heading">{t('list.heading')}</h2>
            <VisitTable visits={visits} role={role} locale={locale} />
          </>
        ) : view === 'week' ? (
          <>
            <h2 id="visits-heading">{t('week.heading')}</h2>
            <nav aria-label={t('week.navigate')} className="period-nav">
              <Link to={`/visits?view=week&date=${data.nav.prevWeek}`}>{t('week.previous')}</Link>
              <Link to="/visits?view=week">{t('week.thisWeek')}</Link>
              <Link to={`/visits?view=week&date=${data.nav.nextWeek}`}>{t('week.next')}</Link>
            </nav>
            <WeekTable monday={data.monday} visits={visits} marks={data.marks} role={role} locale={locale} today={today} />
          </>
        ) : (
          <>
            <h2 id="visits-heading">{t('month.heading')}</h2>
            <nav aria-label={t('month.navigate')} className="period-nav">
              <Link to={`/visits?view=month&month=${data.nav.prevMonth}`}>{t('month.previous')}</Link>
              <Link to="/visits?view=month">{t('month.thisMonth')}</Link>
              <Link to={`/visits?view=month&month=${data.nav.nextMonth}`}>{t('month.next')}</Link>
            </nav>
            <MonthTable month={data.month} visits={visits} marks={data.marks} role={role} locale={locale} today={today} />
          </>
        )}
      </section>

      <PlansSection matches={matches} role={role} locale={locale} />

      <CalendarFeedSection feedUrl={data.feedUrl} />

      {role === 'facility_staff' ? (
        <section aria-labelledby="reminders-heading" className="card">
          <h2 id="reminders-heading">{t('reminders.heading')}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="reminders" />
            <CheckboxField label={t('reminders.label')} name="visitReminders" state={undefined} defaultChecked={data.reminders} />
            <SubmitButton className="button button-secondary">{t('reminders.save')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <p className="muted">{t('page.timeZone')}</p>
    </div>
  )
}

function PlansSection({ matches, role, locale }: { matches: LoaderData['matches']; role: LoaderData['role']; locale: Locale }) {
  const { t } = useTranslation(['visits', 'common'])
  return (
    <section aria-labelledby="plans-heading">
      <h2 id="plans-heading">{t('plans.heading')}</h2>
      <p>{t('plans.intro')}</p>
      {matches.length === 0 ? (
        <EmptyState>{t('plans.noMatches')}</EmptyState>
      ) : (
        <ul className="card-list">
          {matches.map((match) => (
            <li key={match.id} className="card">
              <h3>{role === 'volunteer' ? match.facilityName : `${shownVolunteerName(t, match.volunteerName)} · ${match.facilityName}`}</h3>
              <p className="muted">
                {match.adTitle} · {t(`common:matchStatus.${match.status}`)}
              </p>
              {match.plans.length === 0 ? <EmptyState>{t('plans.none')}</EmptyState> : null}
              <ul className="plan-list">
                {match.plans.map((plan) => (
                  <li key={plan.id}>
                    <PlanSummary plan={plan} awaiting={plan.awaiting} locale={locale} />
                    <Link to={`/visits/plans/${plan.id}`} className={plan.awaiting === 'me' ? 'button button-small' : undefined}>
                      {plan.awaiting === 'me' ? t('plans.answer') : t('plans.open')}
                    </Link>
                  </li>
                ))}
              </ul>
              {match.status === 'active' ? (
                <p>
                  <Link to={`/visits/plans/new?matchId=${match.id}`}>{t('plans.propose')}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function CalendarFeedSection({ feedUrl }: { feedUrl: LoaderData['feedUrl'] }) {
  const { t } = useTranslation(['visits', 'common'])
  return (
    <section aria-labelledby="calendar-heading" className="card">
      <h2 id="calendar-heading">{t('feed.heading')}</h2>
      <p>{t('feed.intro')}</p>
      {feedUrl ? (
        <>
          <p>
            <label htmlFor="feed-url">{t('feed.urlLabel')}</label>
            <input id="feed-url" className="feed-url" type="text" readOnly value={feedUrl} />
          </p>
          <p className="hint">{t('feed.secret')}</p>
          <div className="button-row">
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="calendar-create" />
              <SubmitButton className="button button-secondary">{t('feed.regenerate')}</SubmitButton>
            </Form>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="calendar-revoke" />
              <SubmitButton className="button button-secondary">{t('feed.revoke')}</SubmitButton>
            </Form>
          </div>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="calendar-create" />
          <SubmitButton>{t('feed.create')}</SubmitButton>
        </Form>
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args)
